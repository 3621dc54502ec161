/**
 * Creates a batch (draft) from a selection, snapshotting the mapping and credit policy in force. Admins only.
 * Idempotent by the request's key: a retried request returns the batch the first one created.
 */
import { crmOfObject, kindOfObject, type Batch, type CreateBatchRequest } from '@accord/shared';
import type { Tenant } from '../../domain/tenants/tenant';
import { AppError } from '../app-error';
import { mappingFor } from '../enrichment-context';
import { batchView, requireAdmin, type BatchDeps } from './batch-context';

export async function createBatch(
  deps: Pick<BatchDeps, 'batches' | 'credits'>,
  input: { tenant: Tenant; request: CreateBatchRequest; userId: string; isAdmin: boolean; now: Date },
): Promise<Batch> {
  const { tenant, request, now } = input;
  requireAdmin(input.isAdmin);
  if (crmOfObject[request.object] !== tenant.crm) throw new AppError('VALIDATION_FAILED', `${request.object} is not an object of this ${tenant.crm} account.`);
  if (request.type !== 'enrich') throw new AppError('VALIDATION_FAILED', 'Only enrichment batches can be created yet.');
  const mapping = mappingFor(tenant, request.object);
  if (mapping.length === 0) throw new AppError('VALIDATION_FAILED', `No field mapping is set up for ${request.object}.`);
  const { batch } = await deps.batches.create(tenant.id, {
    crm: tenant.crm,
    object: request.object,
    kind: kindOfObject[request.object],
    type: request.type,
    selection: request.selection,
    idempotencyKey: request.idempotencyKey,
    createdBy: input.userId,
    mapping,
    policy: tenant.settings.credits,
    canarySize: request.canarySize,
    recordsPerMinute: request.recordsPerMinute,
    maxCredits: request.maxCredits,
    now,
  });
  return batchView(deps, batch);
}
