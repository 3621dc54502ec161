import type { CrmRecord } from '@accord/shared';
import { loadMatchingModels } from '../../adapters/reference/matching-models';
import { createMatcher, defaultThresholds } from '../../domain/matching/matcher';
import { PackedStringsReader } from '../../domain/matching/packed-strings';
import { ReferenceIndexBuilder, type KindData } from '../../domain/matching/reference-index';
import { generateCrmDataset } from '../../domain/synthetic/crm-dataset';
import { referenceCompanyAt, referencePersonAt } from '../../domain/synthetic/reference-generator';
import { buildGeneratedIndex, ranges } from './build-generated-index';
import { matchInParallel, useIndex } from './match-in-parallel';
import { MatchingPool } from './matching-pool';

const SEED = 3;
const COMPANIES = 1_500;
const PEOPLE = 3_000;
const ctx = { defaultCountry: 'AU' };

function plain(kind: KindData): unknown {
  const arrays = (parts: KindData['ids']) => {
    const reader = new PackedStringsReader(parts);
    return Array.from({ length: reader.length }, (_, i) => reader.at(i));
  };
  return {
    ids: arrays(kind.ids),
    labels: arrays(kind.labels),
    packed: arrays(kind.packed),
    hashes: Array.from(kind.blocks.hashes),
    records: Array.from(kind.blocks.records),
    terms: Object.fromEntries(Object.entries(kind.terms).map(([field, entries]) => [field, [...entries].sort()])),
  };
}

describe('matching on worker threads', () => {
  let pool: MatchingPool;
  beforeAll(() => {
    pool = new MatchingPool({ size: 2 });
  });
  afterAll(() => pool.close());

  const sequential = () => {
    const builder = new ReferenceIndexBuilder(ctx);
    for (let i = 0; i < COMPANIES; i++) builder.add(referenceCompanyAt(SEED, i));
    for (let i = 0; i < PEOPLE; i++) builder.add(referencePersonAt(SEED, i, { companies: COMPANIES }));
    return builder.build();
  };

  it('builds in shards exactly the index the one-pass builder builds', async () => {
    const { index } = await buildGeneratedIndex({ source: { kind: 'generated', seed: SEED, companies: COMPANIES }, people: PEOPLE, ctx, workers: 2 });
    const expected = sequential();
    expect(plain(index.data.companies)).toEqual(plain(expected.data.companies));
    expect(plain(index.data.people)).toEqual(plain(expected.data.people));
    expect(Array.from(index.data.people.companyOf)).toEqual(Array.from(expected.data.people.companyOf));
    expect(index.data.people.companyOf.buffer).toBeInstanceOf(SharedArrayBuffer);
  }, 60_000);

  it('matches every record as the single-thread matcher does, in input order', async () => {
    const { index } = await buildGeneratedIndex({ source: { kind: 'generated', seed: SEED, companies: COMPANIES }, people: PEOPLE, ctx, workers: 2 });
    const models = loadMatchingModels();
    const checks = await useIndex(pool, { index, models, selfCheck: { records: 200, ctx } });
    // Each worker matched 200 of the index's own records on the shared arrays, and found them.
    expect(checks.map((c) => c.checked)).toEqual([200, 200]);
    for (const c of checks) expect(c.foundThemselves).toBeGreaterThanOrEqual(194);
    const records: CrmRecord[] = [];
    for (const { record } of generateCrmDataset({ seed: SEED + 1, referenceSeed: SEED, companies: COMPANIES, people: PEOPLE, crmCompanies: 150, crmPeople: 150 })) {
      records.push(record);
    }
    const now = new Date('2026-01-01T00:00:00Z');
    const parallel = await matchInParallel(pool, { records, ctx, thresholds: defaultThresholds, now, batchSize: 7, withResults: true });
    const single = createMatcher({ index: sequential(), models });
    expect(parallel.results).toEqual(records.map((record) => single.match({ record, ctx, thresholds: defaultThresholds, now })));
    expect(parallel.results.filter((r) => r.candidate !== null).length).toBeGreaterThan(100);
    expect(parallel.latencies.every((ms) => ms > 0)).toBe(true);
  }, 60_000);

  it('splits a count into consecutive ranges that cover it', () => {
    expect(ranges(10, 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
    expect(ranges(1, 2)).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });
});
