/**
 * Undo: writes back the values an enrichment replaced, but only on fields that still hold what Accord wrote. A field a
 * person changed since is left alone and reported as a conflict. Credits are refunded only if the tenant's policy
 * says so. A batch is undone enrichment by enrichment.
 */
import { isCreatedByAccord } from './batches/batch-context';
import type { FieldValue } from '@accord/shared';
import type { CreditStore } from '../adapters/db/credit.store';
import type { EnrichmentStore, NewAuditWrite } from '../adapters/db/enrichment.store';
import type { Tenant } from '../domain/tenants/tenant';
import { AppError } from './app-error';
import type { CrmRecordPort } from './crm-port';

export interface UndoConflict {
  field: string;
  /** What Accord wrote. */
  wrote: FieldValue;
  /** What the CRM holds now. */
  current: FieldValue;
}

export interface UndoResult {
  enrichmentId: string;
  reverted: { field: string; from: FieldValue; to: FieldValue }[];
  conflicts: UndoConflict[];
  refunded: number;
}

type UndoDeps = { crm: CrmRecordPort; enrichments: EnrichmentStore; credits: CreditStore };

export async function undoEnrichment(deps: UndoDeps, input: { tenant: Tenant; enrichmentId: string; userId: string; now: Date }): Promise<UndoResult> {
  const { tenant, now } = input;
  const enrichment = await deps.enrichments.get(tenant.id, input.enrichmentId);
  if (!enrichment) throw new AppError('NOT_FOUND', 'No such enrichment.');
  if (enrichment.state !== 'written') throw new AppError('ILLEGAL_TRANSITION', `An enrichment that is ${enrichment.state} cannot be undone.`);
  if (isCreatedByAccord(enrichment)) throw new AppError('ILLEGAL_TRANSITION', 'Accord created this record; it never deletes records, so there is nothing to undo.');
  const writes = (await deps.enrichments.auditForEnrichment(tenant.id, enrichment.id)).filter((w) => w.actor !== 'undo');
  const ref = { kind: enrichment.kind, recordId: enrichment.crmRecordId };
  const current = writes.length > 0 ? await deps.crm.read(ref, writes.map((w) => w.field)) : {};
  if (!current) throw new AppError('NOT_FOUND', 'The CRM record was not found.');

  const reverted: UndoResult['reverted'] = [];
  const conflicts: UndoConflict[] = [];
  const values: Record<string, FieldValue> = {};
  for (const w of writes) {
    const now = current[w.field] ?? null;
    if (sameStored(now, w.after)) {
      values[w.field] = w.before;
      reverted.push({ field: w.field, from: w.after, to: w.before });
    } else {
      conflicts.push({ field: w.field, wrote: w.after, current: now });
    }
  }
  if (Object.keys(values).length > 0) {
    const outcome = await deps.crm.write(ref, values);
    if (!outcome.ok) throw new AppError('CRM_UNAVAILABLE', `The CRM did not accept the undo: ${outcome.message}`);
  }
  const undoWrites: NewAuditWrite[] = reverted.map((r) => ({
    crm: tenant.crm,
    kind: enrichment.kind,
    crmRecordId: enrichment.crmRecordId,
    field: r.field,
    before: r.from,
    after: r.to,
    actor: 'undo',
    actorId: input.userId,
    batchId: enrichment.batchId,
    enrichmentId: enrichment.id,
    referenceId: enrichment.referenceId,
    confidence: enrichment.confidence,
    creditsCharged: 0,
    writtenAt: now.toISOString(),
  }));
  await deps.enrichments.recordUndone(tenant.id, enrichment.id, undoWrites, now);
  let refunded = 0;
  if (tenant.settings.credits.refundOnUndo && enrichment.chargeKey) {
    const refund = await deps.credits.refund(tenant.id, { debitKey: enrichment.chargeKey, now, note: 'undo' });
    if (refund.status === 'refunded') refunded = refund.entry.amount;
  }
  return { enrichmentId: enrichment.id, reverted, conflicts, refunded };
}

export async function undoBatch(deps: UndoDeps, input: { tenant: Tenant; batchId: string; userId: string; now: Date }): Promise<UndoResult[]> {
  const results: UndoResult[] = [];
  for (const e of await deps.enrichments.listForBatch(input.tenant.id, input.batchId)) {
    if (e.state !== 'written') continue;
    results.push(await undoEnrichment(deps, { tenant: input.tenant, enrichmentId: e.id, userId: input.userId, now: input.now }));
  }
  return results;
}

/** CRMs hand values back as strings; compare what is stored, not its type. */
function sameStored(a: FieldValue, b: FieldValue): boolean {
  const empty = (v: FieldValue) => v === null || String(v).trim() === '';
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  return String(a).trim() === String(b).trim();
}
