/**
 * `accord match --reference REF.jsonl --input CRM.jsonl --output OUT.jsonl`: builds the reference index from a
 * JSON Lines file, matches every CRM record, writes one result line per input, and reports timings on stderr.
 */
import { crmRecordSchema, referenceRecordSchema } from '@accord/shared';
import { z } from 'zod';
import { createJsonlWriter, readJsonl } from '../adapters/reference/jsonl';
import { loadMatchingModels } from '../adapters/reference/matching-models';
import { createMatcher, defaultThresholds } from '../domain/matching/matcher';
import { ReferenceIndexBuilder } from '../domain/matching/reference-index';
import { createProgress } from './progress';

/** Accept numeric ids from files written by other tools. */
const withStringId = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'number' ? { ...v, id: String((v as { id: number }).id) } : v), schema);

export interface MatchCommandOptions {
  reference: string;
  input: string;
  output: string;
  skipInvalid: boolean;
  defaultCountry: string;
  thresholds: { auto: number; review: number };
  log: (line: string) => void;
}

export class InputError extends Error {}

export async function runMatchCommand(options: MatchCommandOptions): Promise<{ matched: number; indexSeconds: number; matchSeconds: number }> {
  const models = loadMatchingModels();
  const ctx = { defaultCountry: options.defaultCountry };

  const indexStarted = process.hrtime.bigint();
  const builder = new ReferenceIndexBuilder(ctx);
  let skipped = 0;
  const loading = createProgress('indexing', undefined);
  let loaded = 0;
  for await (const line of readJsonl(options.reference, withStringId(referenceRecordSchema))) {
    if (!line.ok) {
      if (!options.skipInvalid) throw new InputError(`${options.reference}:${line.line}: ${line.error} (use --skip-invalid to skip bad lines)`);
      skipped++;
      continue;
    }
    builder.add(line.value);
    loading.tick(++loaded);
  }
  const index = builder.build();
  loading.finish();
  const indexSeconds = seconds(indexStarted);
  const stats = index.stats;
  options.log(
    `indexed ${stats.companies.toLocaleString('en')} companies and ${stats.people.toLocaleString('en')} people in ${indexSeconds.toFixed(2)} s` +
      ` (${Math.round(loaded / Math.max(indexSeconds, 1e-9)).toLocaleString('en')} records/s${skipped ? `, ${skipped} invalid lines skipped` : ''})`,
  );

  const matcher = createMatcher({ index, models });
  const writer = createJsonlWriter(options.output);
  const matchStarted = process.hrtime.bigint();
  const matching = createProgress('matching', undefined);
  let matched = 0;
  let invalid = 0;
  const now = new Date();
  try {
    for await (const line of readJsonl(options.input, withStringId(crmRecordSchema))) {
      if (!line.ok) {
        if (!options.skipInvalid) throw new InputError(`${options.input}:${line.line}: ${line.error} (use --skip-invalid to skip bad lines)`);
        invalid++;
        continue;
      }
      const result = matcher.match({ record: line.value, ctx, thresholds: options.thresholds, now });
      const top = result.candidate ?? result.runnersUp[0] ?? null;
      await writer.write({
        id: result.recordId,
        matchId: result.candidate?.referenceId ?? null,
        confidence: result.confidence,
        band: result.band,
        candidateId: top?.referenceId ?? null,
        runnerUpId: (result.candidate ? result.runnersUp[0] : result.runnersUp[1])?.referenceId ?? null,
        reasons: top?.reasons.filter((r) => r.comparison !== 'missing').map((r) => `${r.field}:${r.comparison}:${r.weight}`) ?? [],
      });
      matching.tick(++matched);
    }
  } finally {
    await writer.close();
    matching.finish();
  }
  const matchSeconds = seconds(matchStarted);
  options.log(
    `matched ${matched.toLocaleString('en')} records in ${matchSeconds.toFixed(2)} s (${Math.round(matched / Math.max(matchSeconds, 1e-9)).toLocaleString('en')} records/s${invalid ? `, ${invalid} invalid lines skipped` : ''})`,
  );
  return { matched, indexSeconds, matchSeconds };
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

export { defaultThresholds };
