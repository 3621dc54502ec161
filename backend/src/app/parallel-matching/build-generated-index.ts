/**
 * Builds the reference index of a generated reference set on the pool's workers: the companies in one consecutive
 * range per worker, joined; then the people likewise, each worker reading the joined companies for employers'
 * domains. The result equals the one-pass builder's over the same records (companies first), in SharedArrayBuffers.
 */
import type { FeatureContext } from '../../domain/matching/features';
import { ReferenceIndex, type KindData } from '../../domain/matching/reference-index';
import { joinPersonShards, joinShards } from '../../domain/matching/reference-shards';
import type { MatchingPool } from './matching-pool';
import type { GeneratedReference } from './messages';

export interface ParallelBuildTimings {
  /** Indexing work, generating the records excluded: per phase the slowest worker, plus joining the shards. */
  indexSeconds: number;
  joinSeconds: number;
  wallSeconds: number;
}

export async function buildGeneratedIndex(
  pool: MatchingPool,
  request: { source: GeneratedReference; people: number; ctx: FeatureContext },
): Promise<{ index: ReferenceIndex; timings: ParallelBuildTimings }> {
  const started = process.hrtime.bigint();
  const { source, ctx } = request;
  const companyReplies = await Promise.all(
    ranges(source.companies, pool.size).map(([from, to], w) => pool.request(w, { op: 'companyShard', source, from, to, ctx })),
  );
  let joinNs = 0n;
  let t = process.hrtime.bigint();
  const companies: KindData = joinShards(companyReplies.map((r) => r.shard));
  joinNs += process.hrtime.bigint() - t;
  const personReplies = await Promise.all(
    ranges(request.people, pool.size).map(([from, to], w) => pool.request(w, { op: 'personShard', source, from, to, ctx, companies })),
  );
  t = process.hrtime.bigint();
  const people = joinPersonShards(
    personReplies.map((r) => r.shard),
    { shared: true },
  );
  const index = new ReferenceIndex({ companies, people });
  joinNs += process.hrtime.bigint() - t;
  const slowest = (replies: { indexSeconds: number }[]) => Math.max(0, ...replies.map((r) => r.indexSeconds));
  const joinSeconds = Number(joinNs) / 1e9;
  return {
    index,
    timings: {
      indexSeconds: slowest(companyReplies) + slowest(personReplies) + joinSeconds,
      joinSeconds,
      wallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    },
  };
}

/** `count` split into `parts` consecutive [from, to) ranges of near-equal size. */
export function ranges(count: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  for (let p = 0; p < parts; p++) out.push([Math.floor((count * p) / parts), Math.floor((count * (p + 1)) / parts)]);
  return out;
}
