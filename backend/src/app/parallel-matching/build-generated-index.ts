/**
 * Builds the reference index of a generated reference set on worker threads of its own: the companies in one
 * consecutive range per worker, joined; then the people likewise, each worker reading the joined companies for
 * employers' domains. The result equals the one-pass builder's over the same records (companies first), in
 * SharedArrayBuffers. The workers are let go before the people's blocking pairs are merged: their heaps still hold
 * the room the generated records took, and the merge's copy on top of them was measured to lift the bench's peak
 * memory from 1,787 to 2,141 MB.
 */
import type { FeatureContext } from '../../domain/matching/features';
import { ReferenceIndex, type KindData } from '../../domain/matching/reference-index';
import { joinPersonShards, joinShards, type PersonShard } from '../../domain/matching/reference-shards';
import { BUILD_YOUNG_GENERATION_MB, MatchingPool } from './matching-pool';
import type { GeneratedReference, ShardReply } from './messages';

export interface ParallelBuildTimings {
  /** Indexing work, generating the records excluded: per phase the slowest worker, plus joining the shards. */
  indexSeconds: number;
  joinSeconds: number;
  wallSeconds: number;
}

export async function buildGeneratedIndex(request: {
  source: GeneratedReference;
  people: number;
  ctx: FeatureContext;
  workers: number;
}): Promise<{ index: ReferenceIndex; timings: ParallelBuildTimings }> {
  const started = process.hrtime.bigint();
  const pool = new MatchingPool({ size: request.workers, youngGenerationMb: BUILD_YOUNG_GENERATION_MB });
  const shards = await buildShards(pool, request).finally(() => pool.close());
  const t = process.hrtime.bigint();
  const people = joinPersonShards(shards.people.map((r) => r.shard), { shared: true });
  const index = new ReferenceIndex({ companies: shards.companies, people });
  const joinSeconds = Number(shards.companyJoinNs + (process.hrtime.bigint() - t)) / 1e9;
  const slowest = (replies: { indexSeconds: number }[]) => Math.max(0, ...replies.map((r) => r.indexSeconds));
  return {
    index,
    timings: {
      indexSeconds: slowest(shards.companyShards) + slowest(shards.people) + joinSeconds,
      joinSeconds,
      wallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    },
  };
}

/** The companies' shards, and those joined (the people's workers read them); then the people's shards. */
async function buildShards(
  pool: MatchingPool,
  request: { source: GeneratedReference; people: number; ctx: FeatureContext },
): Promise<{ companyShards: ShardReply<KindData>[]; companies: KindData; companyJoinNs: bigint; people: ShardReply<PersonShard>[] }> {
  const { source, ctx } = request;
  const companyShards = await Promise.all(
    ranges(source.companies, pool.size).map(([from, to], w) => pool.request(w, { op: 'companyShard', source, from, to, ctx })),
  );
  const t = process.hrtime.bigint();
  const companies = joinShards(companyShards.map((r) => r.shard), { shared: true });
  const companyJoinNs = process.hrtime.bigint() - t;
  const people = await Promise.all(
    ranges(request.people, pool.size).map(([from, to], w) => pool.request(w, { op: 'personShard', source, from, to, ctx, companies })),
  );
  return { companyShards, companies, companyJoinNs, people };
}

/** `count` split into `parts` consecutive [from, to) ranges of near-equal size. */
export function ranges(count: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  for (let p = 0; p < parts; p++) out.push([Math.floor((count * p) / parts), Math.floor((count * (p + 1)) / parts)]);
  return out;
}
