/** A record's enrichments as its history shows them: newest first, each with the fields it wrote (before → after). */
import type { EnrichmentSummary, RecordKind } from '@accord/shared';
import type { Enrichment, EnrichmentStore } from '../adapters/db/enrichment.store';

export async function enrichmentHistory(
  deps: { enrichments: EnrichmentStore },
  input: { tenantId: string; kind: RecordKind; recordId: string; limit: number },
): Promise<EnrichmentSummary[]> {
  const enrichments = (await deps.enrichments.listForRecord(input.tenantId, input.kind, input.recordId)).slice(0, input.limit);
  if (enrichments.length === 0) return [];
  const audit = await deps.enrichments.auditForRecord(input.tenantId, input.kind, input.recordId);
  return enrichments.map((e) => summariseEnrichment(e, audit.filter((a) => a.enrichmentId === e.id && a.actor !== 'undo')));
}

export function summariseEnrichment(e: Enrichment, writes: readonly { field: string; before: EnrichmentSummary['writes'][number]['before']; after: EnrichmentSummary['writes'][number]['after'] }[]): EnrichmentSummary {
  return {
    enrichmentId: e.id,
    state: e.state,
    referenceId: e.referenceId,
    confidence: e.confidence,
    credits: e.credits,
    userId: e.userId,
    batchId: e.batchId,
    writes: writes.map((w) => ({ field: w.field, before: w.before, after: w.after })),
    error: e.error,
    at: e.updatedAt,
  };
}
