/**
 * The CRM client port: everything Accord does with a CRM's records, implemented once per provider (HubSpot over
 * @hubspot/api-client, Salesforce over jsforce). There is no delete: Accord never deletes CRM records, and a test
 * scans every sandbox request log for DELETEs.
 *
 * Whole-call failures (429, 5xx, 401 after refresh, network) are thrown as CrmError; per-record failures of a batch
 * come back as values so the caller can retry only what failed.
 */
import type { Crm, FieldValue } from '@accord/shared';
import type { CrmObject } from '../../domain/enrichment/mapping';
import type { QuotaReading } from './rate-limit-headers';

export interface CrmRawRecord {
  id: string;
  /** Values as the CRM returns them (strings or null); only the requested fields. */
  values: Record<string, string | null>;
  /** ISO-8601 UTC last-modified time (HubSpot hs_lastmodifieddate, Salesforce LastModifiedDate). */
  lastModified: string;
}

export interface ChangedPage {
  records: CrmRawRecord[];
  /** Pass back to get the next page; null when there is no more. Opaque to callers. */
  cursor: string | null;
}

/** A record to create; a new person may name the company (HubSpot company, Salesforce Account) it belongs to. */
export interface NewCrmRecord {
  values: Readonly<Record<string, FieldValue>>;
  companyRecordId?: string | null;
}

/** A CRM person with the id of the company it belongs to (HubSpot's primary company, Salesforce's AccountId). */
export interface CrmPersonRecord extends CrmRawRecord {
  companyRecordId: string | null;
}

export type RecordWriteResult =
  | { index: number; ok: true; id: string }
  | { index: number; ok: false; retryable: boolean; code: string; message: string };

export interface CrmFieldDescription {
  name: string;
  label: string;
  type: 'string' | 'number' | 'enumeration' | 'datetime' | 'boolean' | 'phone' | 'url' | 'email' | 'textarea' | 'other';
  writable: boolean;
  options?: string[];
}

export interface CrmClient {
  readonly provider: Crm;
  /**
   * Records modified at or after `since` (null: all), oldest first, `fields` only. Pages are stable under
   * concurrent edits: records may repeat across pages (callers de-duplicate by id + lastModified), never vanish.
   */
  listChangedSince(object: CrmObject, input: { since: string | null; fields: readonly string[]; cursor?: string | null; pageSize?: number }): Promise<ChangedPage>;
  /** The records that exist among `ids` (at most the provider's batch size per call is the caller's concern). */
  readByIds(object: CrmObject, input: { ids: readonly string[]; fields: readonly string[] }): Promise<CrmRawRecord[]>;
  /** Updates up to the provider's batch limit (HubSpot 100, Salesforce 200) in one call; a result per input, in order. */
  updateBatch(object: CrmObject, updates: readonly { id: string; values: Readonly<Record<string, FieldValue>> }[]): Promise<RecordWriteResult[]>;
  /** Creates up to the batch limit in one call, people linked to their company; a result per input, in order. */
  createBatch(object: CrmObject, creates: readonly NewCrmRecord[]): Promise<RecordWriteResult[]>;
  /**
   * The people (`object`: contacts or Contact) whose email is one of `emails` (case-insensitive) or who belong to
   * one of `companyRecordIds`, `fields` only: what a "create people" batch checks before it creates anyone.
   */
  findPeople(object: CrmObject, input: { emails: readonly string[]; companyRecordIds: readonly string[]; fields: readonly string[] }): Promise<CrmPersonRecord[]>;
  /**
   * The record ids of a saved segment (a HubSpot list, a Salesforce list view) of `object`, a page at a time;
   * pass the cursor back for the next page, null when done. A segment of another object is a 400 CrmError.
   */
  listSegment(object: CrmObject, input: { segmentId: string; cursor: string | null }): Promise<{ ids: string[]; cursor: string | null }>;
  describeFields(object: CrmObject): Promise<CrmFieldDescription[]>;
  /**
   * What the CRM's quota headers said on the latest response (HubSpot X-HubSpot-RateLimit-*, Salesforce
   * Sforce-Limit-Info), so the rate governor can give way when other integrations use the quota.
   */
  quota(): QuotaReading | undefined;
}

/** Batch sizes per provider: data, not branches. */
export const BATCH_LIMITS: Readonly<Record<Crm, number>> = { hubspot: 100, salesforce: 200 };
