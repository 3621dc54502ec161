/** The tenant's batches, newest first. */
import type { Batch } from '@accord/shared';
import type { Tenant } from '../../domain/tenants/tenant';
import { batchView, type BatchDeps } from './batch-context';

export async function listBatches(deps: Pick<BatchDeps, 'batches' | 'credits'>, input: { tenant: Tenant; limit?: number }): Promise<Batch[]> {
  const batches = await deps.batches.list(input.tenant.id, { limit: input.limit ?? 100 });
  return Promise.all(batches.map((b) => batchView(deps, b)));
}
