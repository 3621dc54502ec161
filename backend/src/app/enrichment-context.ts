/** Shared steps of previewing and performing an enrichment: the mapping in force, the current values, the plan and its price. */
import type { FieldChange, MatchResult, ReferenceRecord } from '@accord/shared';
import type { EnrichmentStore } from '../adapters/db/enrichment.store';
import { priceEnrichment } from '../domain/credits/pricing';
import { defaultMappingFor, type CrmObject, type FieldMapping } from '../domain/enrichment/mapping';
import { planEnrichment } from '../domain/enrichment/plan-enrichment';
import type { Tenant } from '../domain/tenants/tenant';
import { AppError } from './app-error';
import type { CrmRecordPort } from './crm-port';

export interface EnrichmentDeps {
  crm: CrmRecordPort;
  enrichments: EnrichmentStore;
  /** The matched reference record, from the reference database. */
  referenceRecord: (kind: MatchResult['kind'], referenceId: string) => Promise<ReferenceRecord | undefined>;
}

/** The CRM object a record kind lives in; Salesforce people may be Contacts or Leads. */
export function crmObjectFor(tenant: Tenant, kind: MatchResult['kind'], salesforcePersonObject: 'Contact' | 'Lead' = 'Contact'): CrmObject {
  if (tenant.crm === 'hubspot') return kind === 'company' ? 'companies' : 'contacts';
  return kind === 'company' ? 'Account' : salesforcePersonObject;
}

/** Which Salesforce object a person record lives in, given the CRM object a request names. */
export function personObjectOf(object: CrmObject): 'Contact' | 'Lead' {
  return object === 'Lead' ? 'Lead' : 'Contact';
}

export function mappingFor(tenant: Tenant, object: CrmObject): FieldMapping[] {
  const custom = tenant.settings.mappings.find((m) => m.crm === tenant.crm && m.object === object);
  return (custom ?? defaultMappingFor(tenant.crm, object))?.fields ?? [];
}

/** A match may be enriched when it is auto-applied or a person confirmed or picked it. */
export function enrichableReason(match: MatchResult): 'NO_MATCH' | 'MATCH_NEEDS_REVIEW' | null {
  if (!match.candidate) return 'NO_MATCH';
  if (match.decidedBy === 'confirmed' || match.decidedBy === 'picked') return null;
  return match.band === 'auto' ? null : 'MATCH_NEEDS_REVIEW';
}

export async function planFor(
  deps: EnrichmentDeps,
  input: { tenant: Tenant; match: MatchResult; object: CrmObject; now: Date },
): Promise<{ changes: FieldChange[]; cost: number; reference: ReferenceRecord }> {
  const { tenant, match, now } = input;
  const candidate = match.candidate;
  if (!candidate) throw new AppError('NOT_FOUND', 'This record has no match to enrich from.');
  const reference = await deps.referenceRecord(match.kind, candidate.referenceId);
  if (!reference) throw new AppError('NOT_FOUND', 'The matched reference record no longer exists.');
  const mapping = mappingFor(tenant, input.object);
  const ref = { kind: match.kind, recordId: match.recordId };
  const current = await deps.crm.read(ref, mapping.map((m) => m.target));
  if (!current) throw new AppError('NOT_FOUND', 'The CRM record was not found.');
  const lastWritten = await deps.enrichments.lastWritten(tenant.id, match.kind, match.recordId);
  const changes = planEnrichment({ current, reference, mapping, lastWritten, ctx: { defaultCountry: tenant.settings.defaultCountry } });
  const lastChargedAt = await deps.enrichments.lastChargedAt(tenant.id, match.kind, match.recordId);
  const { cost } = priceEnrichment({ changes, lastChargedAt, now, policy: tenant.settings.credits });
  return { changes, cost, reference };
}
