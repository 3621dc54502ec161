/**
 * `accord match --reference REF.jsonl --input CRM.jsonl --output OUT.jsonl`: builds the reference index from a
 * JSON Lines file, matches every CRM record, writes one result line per input, and reports timings on stderr.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { referenceRecordSchema } from '@accord/shared';
import { createJsonlWriter, readJsonl } from '../adapters/reference/jsonl';
import { loadMatchingModels } from '../adapters/reference/matching-models';
import { useIndex } from '../app/parallel-matching/match-in-parallel';
import { withStringId, type LinesReply, type LinesRequest } from '../app/parallel-matching/match-lines';
import { IN_FLIGHT_PER_WORKER, MatchingPool } from '../app/parallel-matching/matching-pool';
import { defaultThresholds } from '../domain/matching/matcher';
import { ReferenceIndexBuilder } from '../domain/matching/reference-index';
import { totalOf } from '../domain/matching/self-check';
import { createProgress } from './progress';

/** CRM lines per request to a matching worker. */
const BATCH_LINES = 500;

/** Reference records each worker matches against the index before the input's (self-check.ts): a few tenths of a second. */
const SELF_CHECK_RECORDS = 500;

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
  // Over SharedArrayBuffers: the matching workers read this one copy.
  const builder = new ReferenceIndexBuilder(ctx, { shared: true });
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

  const pool = new MatchingPool();
  const writer = createJsonlWriter(options.output);
  let matchStarted = process.hrtime.bigint();
  const matching = createProgress('matching', undefined);
  let matched = 0;
  let invalid = 0;
  try {
    const check = totalOf(await useIndex(pool, { index, models, selfCheck: { records: SELF_CHECK_RECORDS, ctx } }));
    if (check.checked > 0) {
      options.log(
        `workers ready in ${seconds(matchStarted).toFixed(2)} s; self-check: ${check.foundThemselves.toLocaleString('en')} of ${check.checked.toLocaleString('en')} noisy copies of reference records found themselves`,
      );
    }
    matchStarted = process.hrtime.bigint();
    const base = { ctx, thresholds: options.thresholds, now: Date.now(), skipInvalid: options.skipInvalid };
    // Replies are written in input order; a worker's batch waits for the ones before it.
    const inFlight: Promise<LinesReply>[] = [];
    const settle = async (reply: LinesReply) => {
      await writer.writeText(reply.output);
      matched += reply.matched;
      invalid += reply.invalid;
      matching.tick(matched);
      if (reply.error) throw new InputError(`${options.input}:${reply.error.line}: ${reply.error.message} (use --skip-invalid to skip bad lines)`);
    };
    let batch: LinesRequest['lines'] = [];
    const send = () => {
      inFlight.push(pool.submit({ op: 'matchLines', ...base, lines: batch }));
      batch = [];
    };
    for await (const entry of numberedLines(options.input)) {
      batch.push(entry);
      if (batch.length === BATCH_LINES) send();
      if (inFlight.length >= pool.size * IN_FLIGHT_PER_WORKER) await settle(await inFlight.shift()!);
    }
    if (batch.length > 0) send();
    while (inFlight.length > 0) await settle(await inFlight.shift()!);
  } finally {
    await writer.close();
    matching.finish();
    await pool.close();
  }
  const matchSeconds = seconds(matchStarted);
  options.log(
    `matched ${matched.toLocaleString('en')} records in ${matchSeconds.toFixed(2)} s (${Math.round(matched / Math.max(matchSeconds, 1e-9)).toLocaleString('en')} records/s${invalid ? `, ${invalid} invalid lines skipped` : ''})`,
  );
  return { matched, indexSeconds, matchSeconds };
}

/** The non-blank lines of a file with their line numbers, streamed. */
async function* numberedLines(file: string): AsyncGenerator<{ text: string; line: number }> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() !== '') yield { text, line };
  }
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

export { defaultThresholds };
