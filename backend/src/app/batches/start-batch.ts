/**
 * Starts an approved batch, runs its canary, or resumes a paused one. The canary lets the first N records run
 * (default 25) and then the batch pauses for review; resuming lifts the limit. The run itself happens in workers
 * (work-batch.ts), queued here.
 */
import type { Batch } from '@accord/shared';
import type { Tenant } from '../../domain/tenants/tenant';
import { batchView, loadBatch, moveBatch, requireAdmin, type BatchDeps } from './batch-context';

export async function startBatch(
  deps: Pick<BatchDeps, 'batches' | 'credits' | 'scheduleRun'>,
  input: { tenant: Tenant; batchId: string; isAdmin: boolean; mode: 'run' | 'canary'; now: Date },
): Promise<Batch> {
  requireAdmin(input.isAdmin);
  const batch = await loadBatch(deps, input.tenant, input.batchId);
  const runLimit = input.mode === 'canary' ? batch.canarySize : null;
  const moved = await moveBatch(deps, batch, batch.state === 'paused' ? 'resume' : 'start', { now: input.now, set: { runLimit } });
  await deps.scheduleRun?.({ tenantId: input.tenant.id, batchId: batch.id });
  return batchView(deps, moved);
}
