/** Pauses a running batch; workers stop between chunks (a chunk in flight finishes). */
import type { Batch } from '@accord/shared';
import type { Tenant } from '../../domain/tenants/tenant';
import { batchView, loadBatch, moveBatch, requireAdmin, type BatchDeps } from './batch-context';

export async function pauseBatch(deps: Pick<BatchDeps, 'batches' | 'credits'>, input: { tenant: Tenant; batchId: string; isAdmin: boolean; now: Date }): Promise<Batch> {
  requireAdmin(input.isAdmin);
  const batch = await loadBatch(deps, input.tenant, input.batchId);
  return batchView(deps, await moveBatch(deps, batch, 'pause', { now: input.now }));
}
