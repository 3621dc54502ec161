/**
 * Accord's own fields on every record it enriches (reference id, match confidence, last enriched at, last batch
 * id), so customers can report on Accord's writes and keep them out of their workflows. HubSpot gets them as a
 * property group created on install (app/ensure-accord-properties.ts); Salesforce ships them as custom fields of
 * the package. Names per CRM are data.
 *
 * The stamp is Accord metadata, not a customer-facing change: it is not part of the plan, the preview or the
 * price, and it is only ever sent together with at least one real field change, in the same request (never a
 * stamp-only write). A stamp field whose value really changes is still a changed property as far as the CRM is
 * concerned, so the sandboxes count it as an automation event like any other property (they know nothing about
 * Accord, as a real CRM doesn't), and the sync benchmark counts stamp fields in `fieldsChanged`: the honest
 * figure is "every property Accord really changed", which customers narrow by excluding the accord_* fields
 * from their workflow triggers.
 */
import type { Crm, FieldValue } from '@accord/shared';

export const accordFieldKeys = ['referenceId', 'matchConfidence', 'lastEnrichedAt', 'lastBatchId'] as const;
export type AccordFieldKey = (typeof accordFieldKeys)[number];

export interface AccordFieldDefinition {
  key: AccordFieldKey;
  label: string;
  type: 'string' | 'number' | 'datetime';
  description: string;
}

export const accordFieldDefinitions: readonly AccordFieldDefinition[] = [
  { key: 'referenceId', label: 'Accord reference id', type: 'string', description: 'The reference record Accord matched this record to.' },
  { key: 'matchConfidence', label: 'Accord match confidence', type: 'number', description: 'Calibrated probability (0 to 1) that the match is right.' },
  { key: 'lastEnrichedAt', label: 'Accord last enriched at', type: 'datetime', description: 'When Accord last wrote enrichment to this record.' },
  { key: 'lastBatchId', label: 'Accord last batch id', type: 'string', description: 'The batch of Accord\'s last batch enrichment of this record.' },
];

/** The field name of each of Accord's fields, per CRM (Salesforce: the package's custom fields). */
export const accordFieldNames: Readonly<Record<Crm, Readonly<Record<AccordFieldKey, string>>>> = {
  hubspot: {
    referenceId: 'accord_reference_id',
    matchConfidence: 'accord_match_confidence',
    lastEnrichedAt: 'accord_last_enriched_at',
    lastBatchId: 'accord_last_batch_id',
  },
  salesforce: {
    referenceId: 'Accord_Reference_Id__c',
    matchConfidence: 'Accord_Match_Confidence__c',
    lastEnrichedAt: 'Accord_Last_Enriched_At__c',
    lastBatchId: 'Accord_Last_Batch_Id__c',
  },
};

/** HubSpot's property group holding Accord's properties. */
export const accordPropertyGroup = { name: 'accord', label: 'Accord' } as const;

export interface AccordStampInput {
  crm: Crm;
  referenceId: string;
  /** Calibrated match probability, 0..1. */
  confidence: number;
  now: Date;
  /** Set for batch writes; a single-record enrichment leaves the last batch id as it was. */
  batchId?: string | null;
}

/** The values of Accord's fields for one enrichment write, to send together with the real changes. */
export function accordStampFor(input: AccordStampInput): Record<string, FieldValue> {
  const names = accordFieldNames[input.crm];
  const stamp: Record<string, FieldValue> = {
    [names.referenceId]: input.referenceId,
    // Four decimals: what a person reads, and a stable value so re-stamping the same match changes nothing.
    [names.matchConfidence]: Math.round(Math.min(1, Math.max(0, input.confidence)) * 10_000) / 10_000,
    [names.lastEnrichedAt]: input.now.toISOString(),
  };
  if (input.batchId) stamp[names.lastBatchId] = input.batchId;
  return stamp;
}

/**
 * The values to send for one enrichment: the real changes plus the stamp, or nothing at all when no real field
 * changes (a stamp alone would be a write, and an automation event, for nothing the customer can see).
 */
export function withAccordStamp(changes: Readonly<Record<string, FieldValue>>, stamp: AccordStampInput): Record<string, FieldValue> {
  if (Object.keys(changes).length === 0) return {};
  return { ...changes, ...accordStampFor(stamp) };
}

export function isAccordField(crm: Crm, field: string): boolean {
  return Object.values(accordFieldNames[crm]).some((name) => name.toLowerCase() === field.toLowerCase());
}
