/**
 * Undoes a whole batch through the audit trail (undoing → undone): every written enrichment is reverted on the
 * fields that still hold what Accord wrote; a field a person changed since is left alone and reported. Safe to run
 * again after a crash while undoing: enrichments already undone are skipped.
 */
import type { Batch } from '@accord/shared';
import type { Tenant } from '../../domain/tenants/tenant';
import type { CrmRecordPort } from '../crm-port';
import { undoBatch, type UndoConflict } from '../undo-enrichment';
import { AppError } from '../app-error';
import { batchView, loadBatch, moveBatch, requireAdmin, type BatchDeps } from './batch-context';

export async function undoWholeBatch(
  deps: Pick<BatchDeps, 'batches' | 'credits' | 'enrichments'> & { records: CrmRecordPort },
  input: { tenant: Tenant; batchId: string; userId: string; isAdmin: boolean; now: Date },
): Promise<{ batch: Batch; reverted: number; conflicts: (UndoConflict & { recordId: string })[] }> {
  requireAdmin(input.isAdmin);
  let batch = await loadBatch(deps, input.tenant, input.batchId);
  if (batch.type === 'create_people') {
    throw new AppError('ILLEGAL_TRANSITION', `Accord never deletes CRM records, so the people this batch created stay. They carry its id (${batch.id}) in Accord's batch field, to find them in the CRM.`);
  }
  if (batch.state !== 'undoing') batch = await moveBatch(deps, batch, 'undo', { now: input.now });
  // A paused batch keeps its reservation until now.
  await deps.credits.release(input.tenant.id, { batchId: batch.id, now: input.now });
  const results = await undoBatch({ crm: deps.records, enrichments: deps.enrichments, credits: deps.credits }, { tenant: input.tenant, batchId: batch.id, userId: input.userId, now: input.now });
  batch = await moveBatch(deps, batch, 'undone', { now: input.now });
  const byId = new Map((await deps.enrichments.listForBatch(input.tenant.id, batch.id)).map((e) => [e.id, e.crmRecordId]));
  return {
    batch: await batchView(deps, batch),
    reverted: results.filter((r) => r.reverted.length > 0).length,
    conflicts: results.flatMap((r) => r.conflicts.map((c) => ({ ...c, recordId: byId.get(r.enrichmentId) ?? '' }))),
  };
}
