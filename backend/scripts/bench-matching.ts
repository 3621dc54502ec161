/**
 * `npm run bench:matching`: index 1,000,000 reference companies and 2,000,000 people, then match 100,000 CRM
 * records, printing index build time, the time the matchers take to be ready (handed the index, each matches
 * --self-check of its records: self-check.ts), matching throughput, single-record latency percentiles and peak memory.
 * Sizes can be scaled down with --companies/--people/--crm for a quick run. Builds and matches on one worker thread
 * per core (the index shared between them), or on the main thread alone with --workers 0. Prints one JSON line with --json.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { CrmRecord } from '@accord/shared';
import { loadMatchingModels } from '../src/adapters/reference/matching-models';
import { createMatcher, defaultThresholds, type Matcher } from '../src/domain/matching/matcher';
import { buildGeneratedIndex } from '../src/app/parallel-matching/build-generated-index';
import { matchInParallel, useIndex } from '../src/app/parallel-matching/match-in-parallel';
import { MatchingPool } from '../src/app/parallel-matching/matching-pool';
import { ReferenceIndexBuilder, type ReferenceIndex } from '../src/domain/matching/reference-index';
import { runSelfCheck, totalOf, type SelfCheck } from '../src/domain/matching/self-check';
import { generateCrmDataset } from '../src/domain/synthetic/crm-dataset';
import { referenceCompanyAt, referencePersonAt } from '../src/domain/synthetic/reference-generator';

const { values } = parseArgs({
  options: {
    companies: { type: 'string', default: '1000000' },
    people: { type: 'string', default: '2000000' },
    crm: { type: 'string', default: '100000' },
    json: { type: 'boolean', default: false },
    /** Worker threads for building and matching; 0 builds and matches on the main thread alone. */
    workers: { type: 'string', default: String(os.availableParallelism()) },
    /** Reference records each worker matches against the index before the clock starts (self-check.ts). */
    'self-check': { type: 'string', default: '5000' },
  },
});
const COMPANIES = Number(values.companies);
const PEOPLE = Number(values.people);
const CRM = Number(values.crm);
const WORKERS = Number(values.workers);
const SELF_CHECK = Number(values['self-check']);
const SEED = 11;
const ctx = { defaultCountry: 'AU' };
const log = (line: string) => process.stderr.write(`${line}\n`);

function peakRssMb(): number {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    if (Number.isFinite(kb)) return Math.round(kb / 1024);
  } catch {
    // not Linux: fall back to the current RSS
  }
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

const ns = () => process.hrtime.bigint();
const sec = (a: bigint, b: bigint) => Number(b - a) / 1e9;

const models = loadMatchingModels();

async function buildIndex(): Promise<{ index: ReferenceIndex; indexSeconds: number }> {
  if (WORKERS > 0) {
    // On workers of its own, let go afterwards: their heaps keep the room the generated records took.
    const { index, timings } = await buildGeneratedIndex({
      source: { kind: 'generated', seed: SEED, companies: COMPANIES },
      people: PEOPLE,
      ctx,
      workers: WORKERS,
    });
    log(
      `index: ${COMPANIES.toLocaleString('en')} companies + ${PEOPLE.toLocaleString('en')} people in ${timings.indexSeconds.toFixed(1)} s on ${WORKERS} workers ` +
        `(joining shards ${timings.joinSeconds.toFixed(1)} s; wall ${timings.wallSeconds.toFixed(1)} s with the workers generating the records)`,
    );
    return { index, indexSeconds: timings.indexSeconds };
  }
  const builder = new ReferenceIndexBuilder(ctx);
  let generateNs = 0n;
  let addNs = 0n;
  const total0 = ns();
  for (let i = 0; i < COMPANIES + PEOPLE; i++) {
    const g = ns();
    const record = i < COMPANIES ? referenceCompanyAt(SEED, i) : referencePersonAt(SEED, i - COMPANIES, { companies: COMPANIES });
    const a = ns();
    builder.add(record);
    const b = ns();
    generateNs += a - g;
    addNs += b - a;
    if (i % 500_000 === 0 && i > 0) log(`  ${i.toLocaleString('en')} records added…`);
  }
  const build0 = ns();
  const index = builder.build();
  const build1 = ns();
  const indexSeconds = Number(addNs + (build1 - build0)) / 1e9;
  log(
    `index: ${COMPANIES.toLocaleString('en')} companies + ${PEOPLE.toLocaleString('en')} people in ${indexSeconds.toFixed(1)} s ` +
      `(features+keys ${(Number(addNs) / 1e9).toFixed(1)} s, sort ${sec(build0, build1).toFixed(1)} s; generating the records took another ${(Number(generateNs) / 1e9).toFixed(1)} s; wall ${sec(total0, build1).toFixed(1)} s)`,
  );
  return { index, indexSeconds };
}

/**
 * Makes the matcher ready: hands the index to the workers (or the main thread), each of which matches SELF_CHECK of
 * the index's own records (self-check.ts). That also has the JIT compile the matching code, so the clock after it
 * measures matching at speed, as a long-running service matches; the time it takes is printed apart.
 */
async function makeReady({ index, pool }: { index: ReferenceIndex; pool: MatchingPool | undefined }): Promise<{ matcher: Matcher | undefined; check: SelfCheck }> {
  if (pool) {
    return { matcher: undefined, check: totalOf(await useIndex(pool, { index, models, selfCheck: { records: SELF_CHECK, ctx } })) };
  }
  const matcher = createMatcher({ index, models });
  return { matcher, check: runSelfCheck(matcher, index, { records: SELF_CHECK, ctx, thresholds: defaultThresholds, now: new Date() }) };
}

async function matchAll({ crm, pool, matcher }: { crm: CrmRecord[]; pool: MatchingPool | undefined; matcher: Matcher | undefined }): Promise<Float64Array> {
  const now = new Date();
  if (pool) return (await matchInParallel(pool, { records: crm, ctx, thresholds: defaultThresholds, now, withResults: false })).latencies;
  const latencies = new Float64Array(crm.length);
  for (let i = 0; i < crm.length; i++) {
    const t = ns();
    matcher!.match({ record: crm[i]!, ctx, thresholds: defaultThresholds, now });
    latencies[i] = Number(ns() - t) / 1e6;
  }
  return latencies;
}

async function main(): Promise<void> {
  const { index, indexSeconds } = await buildIndex();
  // Started before the clock (while the CRM records are generated), as a server starts its workers once.
  const pool = WORKERS > 0 ? new MatchingPool({ size: WORKERS }) : undefined;

  const crm: CrmRecord[] = [];
  for (const { record } of generateCrmDataset({
    seed: SEED + 1,
    referenceSeed: SEED,
    companies: COMPANIES,
    people: PEOPLE,
    crmCompanies: Math.floor(CRM / 2),
    crmPeople: CRM - Math.floor(CRM / 2),
  })) {
    crm.push(record);
  }

  const ready0 = ns();
  const { matcher, check } = await makeReady({ index, pool });
  const readySeconds = sec(ready0, ns());

  const match0 = ns();
  const latencies = await matchAll({ crm, pool, matcher });
  const match1 = ns();
  const matchSeconds = sec(match0, match1);
  const sorted = Float64Array.from(latencies).sort();
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  const result = {
    companies: COMPANIES,
    people: PEOPLE,
    crmRecords: crm.length,
    indexSeconds: Math.round(indexSeconds * 10) / 10,
    readySeconds: Math.round(readySeconds * 100) / 100,
    selfCheck: check,
    matchSeconds: Math.round(matchSeconds * 100) / 100,
    recordsPerSecond: Math.round(crm.length / matchSeconds),
    p50Ms: Math.round(pct(50) * 1000) / 1000,
    p99Ms: Math.round(pct(99) * 1000) / 1000,
    maxMs: Math.round(pct(100) * 1000) / 1000,
    peakRssMb: peakRssMb(),
    blockingPairs: index.stats.blockingPairs,
    workers: WORKERS,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    log(
      `ready: index handed to the ${WORKERS > 0 ? 'workers' : 'main thread'} and ${check.checked.toLocaleString('en')} of its records matched as a self-check in ${readySeconds.toFixed(2)} s ` +
        `(${check.foundThemselves.toLocaleString('en')} found themselves)`,
    );
    log(
      `match: ${crm.length.toLocaleString('en')} records in ${matchSeconds.toFixed(2)} s = ${result.recordsPerSecond.toLocaleString('en')} records/s; single record p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
    );
    log(`peak memory (RSS high-water mark): ${result.peakRssMb} MB`);
    log(`(${WORKERS > 0 ? `${WORKERS} worker threads; latencies measured per record inside the workers` : 'main thread only'})`);
    log('targets: index <= 60 s, >= 20,000 records/s, p99 <= 2 ms, peak <= 2,048 MB');
  }
  await pool?.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
