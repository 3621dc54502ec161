/**
 * The `accord match` output for a batch of CRM JSON Lines: each line parsed, validated, matched and written as the
 * command's result line. Runs on the matching workers, so that parsing and writing JSON are spread over cores too.
 */
import { crmRecordSchema } from '@accord/shared';
import { z } from 'zod';
import { parseJsonlLine } from '../../adapters/reference/jsonl';
import type { FeatureContext } from '../../domain/matching/features';
import type { Matcher, MatchThresholds } from '../../domain/matching/matcher';

/** Accept numeric ids from files written by other tools. */
export const withStringId = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'number' ? { ...v, id: String((v as { id: number }).id) } : v), schema);

const crmLineSchema = withStringId(crmRecordSchema);

export interface LinesRequest {
  /** Non-blank input lines and their line numbers in the file. */
  lines: { text: string; line: number }[];
  ctx: FeatureContext;
  thresholds: MatchThresholds;
  now: number;
  /** Skip invalid lines (counting them) rather than stop at the first. */
  skipInvalid: boolean;
}

export interface LinesReply {
  /** The result lines, each ending in a newline, for the lines before the first invalid one (or all, when skipping). */
  output: string;
  matched: number;
  invalid: number;
  /** The first invalid line, when not skipping: nothing after it was matched. */
  error?: { line: number; message: string };
}

export function matchLines(matcher: Matcher, request: LinesRequest): LinesReply {
  const now = new Date(request.now);
  let output = '';
  let matched = 0;
  let invalid = 0;
  for (const { text, line } of request.lines) {
    const parsed = parseJsonlLine(text, line, crmLineSchema);
    if (!parsed.ok) {
      if (!request.skipInvalid) return { output, matched, invalid, error: { line, message: parsed.error } };
      invalid++;
      continue;
    }
    const result = matcher.match({ record: parsed.value, ctx: request.ctx, thresholds: request.thresholds, now });
    const top = result.candidate ?? result.runnersUp[0] ?? null;
    output += `${JSON.stringify({
      id: result.recordId,
      matchId: result.candidate?.referenceId ?? null,
      confidence: result.confidence,
      band: result.band,
      candidateId: top?.referenceId ?? null,
      runnerUpId: (result.candidate ? result.runnersUp[0] : result.runnersUp[1])?.referenceId ?? null,
      reasons: top?.reasons.filter((r) => r.comparison !== 'missing').map((r) => `${r.field}:${r.comparison}:${r.weight}`) ?? [],
    })}\n`;
    matched++;
  }
  return { output, matched, invalid };
}
