/**
 * Creates a batch (draft) from a selection, snapshotting the mapping and credit policy in force. Admins only.
 * An enrichment batch updates the selected records; a "create people" batch selects companies and creates their
 * reference people the CRM lacks.
 * Idempotent by the request's key: a retried request returns the batch the first one created.
 */
import { crmOfObject, kindOfObject, type Batch, type CreateBatchRequest } from '@accord/shared';
import type { FieldMapping } from '../../domain/enrichment/mapping';
import type { Tenant } from '../../domain/tenants/tenant';
import { AppError } from '../app-error';
import { mappingFor } from '../enrichment-context';
import { batchView, requireAdmin, type BatchDeps } from './batch-context';
import { peopleTargetOfBatch } from './plan-create-people';

export async function createBatch(
  deps: Pick<BatchDeps, 'batches' | 'credits'>,
  input: { tenant: Tenant; request: CreateBatchRequest; userId: string; isAdmin: boolean; now: Date },
): Promise<Batch> {
  const { tenant, request, now } = input;
  requireAdmin(input.isAdmin);
  const mapping = batchMappingFor(tenant, request);
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

/**
 * The field mapping a batch of this type on this object writes with, or VALIDATION_FAILED: an object of another
 * CRM, people for a non-company object, or no mapping. A "create people" batch writes the person mapping.
 */
export function batchMappingFor(tenant: Tenant, request: Pick<CreateBatchRequest, 'object' | 'type'>): FieldMapping[] {
  if (crmOfObject[request.object] !== tenant.crm) throw new AppError('VALIDATION_FAILED', `${request.object} is not an object of this ${tenant.crm} account.`);
  const written = request.type === 'create_people' ? peopleTargetOfBatch(request).object : request.object;
  const mapping = mappingFor(tenant, written);
  if (mapping.length === 0) throw new AppError('VALIDATION_FAILED', `No field mapping is set up for ${written}.`);
  return mapping;
}
