/** One batch with its estimate and exact progress. */
import type { Batch } from '@accord/shared';
import type { Tenant } from '../../domain/tenants/tenant';
import { batchView, loadBatch, type BatchDeps } from './batch-context';

export async function getBatch(deps: Pick<BatchDeps, 'batches' | 'credits'>, input: { tenant: Tenant; batchId: string }): Promise<Batch> {
  return batchView(deps, await loadBatch(deps, input.tenant, input.batchId));
}
