/** An admin rejects a batch awaiting approval (or a draft): nothing runs and anything reserved is released. */
import type { Batch } from '@accord/shared';
import type { Tenant } from '../../domain/tenants/tenant';
import { batchView, loadBatch, moveBatch, requireAdmin, type BatchDeps } from './batch-context';

export async function rejectBatch(deps: Pick<BatchDeps, 'batches' | 'credits'>, input: { tenant: Tenant; batchId: string; isAdmin: boolean; reason?: string; now: Date }): Promise<Batch> {
  requireAdmin(input.isAdmin);
  const batch = await loadBatch(deps, input.tenant, input.batchId);
  const moved = await moveBatch(deps, batch, 'reject', { now: input.now, set: input.reason ? { error: input.reason.slice(0, 1_000) } : {} });
  await deps.credits.release(input.tenant.id, { batchId: batch.id, now: input.now });
  return batchView(deps, moved);
}
