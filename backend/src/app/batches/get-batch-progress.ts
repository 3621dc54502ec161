/** One batch with exact progress, and how long the rest should take at the pace the rate budget (or trickle cap) allows. */
import type { Batch } from '@accord/shared';
import { remainingSeconds } from '../../domain/batches/batch-progress';
import type { Tenant } from '../../domain/tenants/tenant';
import { batchView, loadBatch, type BatchDeps } from './batch-context';

export async function getBatchProgress(
  deps: Pick<BatchDeps, 'batches' | 'credits'>,
  input: { tenant: Tenant; batchId: string; rate: { limit: number; windowMs: number; batchLimit: number } },
): Promise<Batch & { etaSeconds: number }> {
  const stored = await loadBatch(deps, input.tenant, input.batchId);
  const batch = await batchView(deps, stored);
  const { counts, estimate } = batch;
  const pending = counts.total - counts.done - counts.skipped - counts.failed - counts.review;
  const changeRate = estimate && estimate.records > 0 ? estimate.recordsChanging / estimate.records : 1;
  const active = stored.state === 'running' || stored.state === 'paused' || stored.state === 'approved';
  const etaSeconds = active ? remainingSeconds({ pending, changeRate, rate: { ...input.rate, sharePercent: input.tenant.settings.rateLimitSharePercent }, recordsPerMinute: stored.recordsPerMinute }) : 0;
  return { ...batch, etaSeconds };
}
