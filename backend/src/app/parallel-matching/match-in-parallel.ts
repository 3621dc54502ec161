/**
 * Matches CRM records on the pool's workers against a shared index: batches go to whichever worker is free, and the
 * results (when asked for) come back in input order.
 */
import type { CrmRecord, MatchResult, RecordKind } from '@accord/shared';
import type { FeatureContext } from '../../domain/matching/features';
import type { MatchThresholds } from '../../domain/matching/matcher';
import type { MatchingModel } from '../../domain/matching/model';
import type { ReferenceIndex } from '../../domain/matching/reference-index';
import type { SelfCheck } from '../../domain/matching/self-check';
import { IN_FLIGHT_PER_WORKER, type MatchingPool } from './matching-pool';
import type { SelfCheckRequest } from './messages';

/**
 * Hands the index (shared, not copied) and the models to every worker; with `selfCheck`, each worker then matches that
 * many of the index's own records (self-check.ts), and the replies say, per worker, how many found themselves.
 */
export async function useIndex(
  pool: MatchingPool,
  request: { index: ReferenceIndex; models: Record<RecordKind, MatchingModel>; selfCheck?: SelfCheckRequest },
): Promise<SelfCheck[]> {
  const replies = await pool.broadcast({ op: 'useIndex', data: request.index.data, models: request.models, selfCheck: request.selfCheck ?? null });
  return replies.filter((r): r is SelfCheck => r !== null);
}

export async function matchInParallel(
  pool: MatchingPool,
  request: { records: readonly CrmRecord[]; ctx: FeatureContext; thresholds: MatchThresholds; now: Date; batchSize?: number; withResults: boolean },
): Promise<{ results: MatchResult[]; latencies: Float64Array }> {
  const { records, ctx, thresholds } = request;
  const batchSize = request.batchSize ?? 500;
  const results: MatchResult[] = request.withResults ? new Array(records.length) : [];
  const latencies = new Float64Array(records.length);
  let next = 0;
  const work = async (worker: number): Promise<void> => {
    while (next < records.length) {
      const from = next;
      const to = Math.min(records.length, from + batchSize);
      next = to;
      const reply = await pool.request(worker, {
        op: 'match',
        records: records.slice(from, to),
        ctx,
        thresholds,
        now: request.now.getTime(),
        withResults: request.withResults,
      });
      for (let i = 0; i < reply.results.length; i++) results[from + i] = reply.results[i]!;
      latencies.set(reply.latencies, from);
    }
  };
  await Promise.all(Array.from({ length: pool.size * IN_FLIGHT_PER_WORKER }, (_, k) => work(k % pool.size)));
  return { results, latencies };
}
