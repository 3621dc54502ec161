/** One record's planned changes and price inside a batch, from values read in the batch's chunk (no extra CRM reads). */
import type { FieldChange, MatchResult } from '@accord/shared';
import type { StoredBatch } from '../../adapters/db/batch.store';
import { priceEnrichment } from '../../domain/credits/pricing';
import { planEnrichment } from '../../domain/enrichment/plan-enrichment';
import type { Tenant } from '../../domain/tenants/tenant';
import { enrichableReason } from '../enrichment-context';
import type { BatchDeps } from './batch-context';
import type { CrmBatchRecord } from './crm-batch-port';

export type RecordPlan =
  | { status: 'planned'; changes: FieldChange[]; cost: number; referenceId: string }
  | { status: 'skip'; reason: 'NO_MATCH' | 'MATCH_NEEDS_REVIEW' | 'REFERENCE_GONE' };

export async function planBatchRecord(
  deps: Pick<BatchDeps, 'enrichments' | 'referenceRecord'>,
  input: { tenant: Tenant; batch: StoredBatch; match: MatchResult | null; record: CrmBatchRecord; now: Date },
): Promise<RecordPlan> {
  const { tenant, batch, match, record, now } = input;
  if (!match) return { status: 'skip', reason: 'NO_MATCH' };
  const blocked = enrichableReason(match);
  if (blocked) return { status: 'skip', reason: blocked };
  const referenceId = match.candidate!.referenceId;
  const reference = await deps.referenceRecord(match.kind, referenceId);
  if (!reference) return { status: 'skip', reason: 'REFERENCE_GONE' };
  const lastWritten = await deps.enrichments.lastWritten(tenant.id, batch.kind, record.id);
  const changes = planEnrichment({ current: record.values, reference, mapping: batch.mapping, lastWritten, ctx: { defaultCountry: tenant.settings.defaultCountry } });
  const lastChargedAt = await deps.enrichments.lastChargedAt(tenant.id, batch.kind, record.id);
  const { cost } = priceEnrichment({ changes, lastChargedAt, now, policy: batch.policy });
  return { status: 'planned', changes, cost, referenceId };
}

/** The CRM fields a batch reads: every mapped target, and what matching needs. */
export function fieldsRead(deps: Pick<BatchDeps, 'matcher'>, batch: StoredBatch): string[] {
  return [...new Set([...batch.mapping.map((m) => m.target), ...deps.matcher.fieldsFor(batch.object)])];
}
