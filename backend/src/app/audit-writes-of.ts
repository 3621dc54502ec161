/** The audit rows of an enrichment that was written: one per field it changed, with the value before and after. */
import type { Crm } from '@accord/shared';
import type { Enrichment, NewAuditWrite } from '../adapters/db/enrichment.store';

export function auditWritesOf(
  enrichment: Enrichment,
  input: { crm: Crm; actor: NewAuditWrite['actor']; actorId: string | null; batchId: string | null; now: Date },
): NewAuditWrite[] {
  return enrichment.changes
    .filter((c) => c.action !== 'skip')
    .map((c) => ({
      crm: input.crm,
      kind: enrichment.kind,
      crmRecordId: enrichment.crmRecordId,
      field: c.field,
      before: c.current,
      after: c.proposed,
      actor: input.actor,
      actorId: input.actorId,
      batchId: input.batchId,
      enrichmentId: enrichment.id,
      referenceId: enrichment.referenceId,
      confidence: enrichment.confidence,
      creditsCharged: enrichment.credits,
      writtenAt: input.now.toISOString(),
    }));
}
