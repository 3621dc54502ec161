/**
 * Cancels an approved, running or paused batch: workers stop between chunks and the unspent reservation is
 * released. Records already written stay written (undo the batch to revert them).
 */
import type { Batch } from '@accord/shared';
import type { Tenant } from '../../domain/tenants/tenant';
import { batchView, loadBatch, moveBatch, requireAdmin, type BatchDeps } from './batch-context';

export async function cancelBatch(deps: Pick<BatchDeps, 'batches' | 'credits'>, input: { tenant: Tenant; batchId: string; isAdmin: boolean; now: Date }): Promise<Batch> {
  requireAdmin(input.isAdmin);
  const batch = await loadBatch(deps, input.tenant, input.batchId);
  const moved = await moveBatch(deps, batch, 'cancel', { now: input.now });
  await deps.credits.release(input.tenant.id, { batchId: batch.id, now: input.now });
  return batchView(deps, moved);
}
