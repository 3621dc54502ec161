/**
 * What batches need from a CRM: page through record ids, read and write records a chunk at a time (the CRM's
 * batch limit per call, through the tenant's rate governor). Failures that survived the governor's retries come
 * back as values saying whether a later attempt could succeed. Records are read, updated and (people, in "create
 * people" batches) created. There is no delete.
 */
import type { FieldValue } from '@accord/shared';
import type { CrmObject } from '../../domain/enrichment/mapping';

export interface CrmBatchRecord {
  id: string;
  values: Record<string, FieldValue>;
}

export type CrmCallFailure = { ok: false; retryable: boolean; message: string };
export type CrmRecordResult = { ok: true } | CrmCallFailure;
export type CrmCreateResult = { ok: true; id: string } | CrmCallFailure;

/** A CRM person and the company (HubSpot company, Salesforce Account) it belongs to. */
export interface CrmBatchPerson extends CrmBatchRecord {
  companyRecordId: string | null;
}

export interface CrmBatchPort {
  /** Records per read or write call: 100 HubSpot, 200 Salesforce. */
  readonly batchLimit: number;
  /** Ids of records modified at or after `since` (null: every record), oldest first, a page at a time. */
  listIds(object: CrmObject, input: { since: string | null }): AsyncIterable<string[]>;
  /** Ids of a saved segment's records (HubSpot list, Salesforce list view), a page at a time. */
  segmentIds(object: CrmObject, segmentId: string): AsyncIterable<string[]>;
  /** The records among `ids` that exist, `fields` only. */
  read(object: CrmObject, ids: readonly string[], fields: readonly string[]): Promise<{ ok: true; records: CrmBatchRecord[] } | CrmCallFailure>;
  /** Updates in one call (at most batchLimit); one result per update, in order. */
  write(object: CrmObject, updates: readonly { id: string; values: Readonly<Record<string, FieldValue>> }[]): Promise<CrmRecordResult[]>;
  /** People with one of `emails` or at one of `companyRecordIds`, `fields` only (any number of calls). */
  findPeople(object: CrmObject, input: { emails: readonly string[]; companyRecordIds: readonly string[]; fields: readonly string[] }): Promise<{ ok: true; people: CrmBatchPerson[] } | CrmCallFailure>;
  /** Creates in one call (at most batchLimit), each new person at its company; one result per create, in order. */
  create(object: CrmObject, creates: readonly { values: Readonly<Record<string, FieldValue>>; companyRecordId: string | null }[]): Promise<CrmCreateResult[]>;
}
