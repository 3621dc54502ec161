/**
 * CrmClient for HubSpot over @hubspot/api-client: changed-records feed via search (with keyset restarts past the
 * 10,000-result cap, see hubspot-change-cursor.ts), batch read/update/create, and property descriptions.
 * Clients are built with numberOfApiCallRetries: 0 because Accord retries in one place (decide-retry.ts), and the
 * SDK's retry decorators are process-wide anyway (platform/hubspot.md §6). SDK types stay inside this folder.
 */
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/companies';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/contacts';
import type { FieldValue } from '@accord/shared';
import { chunk } from '../../../domain/batches/chunk';
import type { CrmObject } from '../../../domain/enrichment/mapping';
import { BATCH_LIMITS, type ChangedPage, type CrmClient, type CrmPersonRecord, type CrmRawRecord, type RecordWriteResult } from '../crm-client';
import { decodeCursor, encodeCursor, firstCursor, nextCursor, searchShape } from './hubspot-change-cursor';
import { CrmError } from '../crm-error';
import { describeHubspotProperty } from './hubspot-field-types';
import { createHubspotCaller, type HubspotClientOptions } from './hubspot-sdk';

export type { HubspotClientOptions } from './hubspot-sdk';

type HubspotObject = 'companies' | 'contacts';

const SEARCH_MAX_LIMIT = 200;
const OPERATORS = { GT: FilterOperatorEnum.Gt, GTE: FilterOperatorEnum.Gte, EQ: FilterOperatorEnum.Eq } as const;
const DEFAULT_PAGE_SIZE = 100;
const BATCH_MAX = BATCH_LIMITS.hubspot;

/** The part of a batch response we read; 207 answers add `errors` (grouped per category, ids in context.ids). */
interface BatchAnswer {
  results: { id: string; properties: Record<string, string | null>; updatedAt: Date; objectWriteTraceId?: string }[];
  errors?: { category: string; message: string; context?: Record<string, string[] | undefined> }[];
}

/** A contact's primary company id, which HubSpot sets from the first company association. */
const PRIMARY_COMPANY = 'associatedcompanyid';
/** HubSpot's search takes at most 100 values in one IN filter. */
const IN_MAX_VALUES = 100;
/** HubSpot's object type ids, which lists name their object by. */
const OBJECT_TYPE_IDS: Record<HubspotObject, string> = { contacts: '0-1', companies: '0-2' };
/** List memberships per page, at most. */
const LIST_PAGE_MAX = 250;
/** HubSpot's default contact-to-company association type (unlabelled); the first one becomes the primary company. */
const CONTACT_TO_COMPANY = 279;

function companyAssociation(companyRecordId: string) {
  return { to: { id: companyRecordId }, types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: CONTACT_TO_COMPANY }] };
}

function hubspotObject(object: CrmObject): HubspotObject {
  if (object === 'companies' || object === 'contacts') return object;
  throw new Error(`HubSpot has no object "${object}"; use companies or contacts`);
}

/** HubSpot clears a property with '' and stores every value as a string. */
function toHubspotValues(values: Readonly<Record<string, FieldValue>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) out[name] = value === null ? '' : String(value);
  return out;
}

function toRawRecord(record: BatchAnswer['results'][number], fields: readonly string[]): CrmRawRecord {
  const values: Record<string, string | null> = {};
  for (const field of fields) values[field] = record.properties[field] ?? null;
  // HubSpot serves ISO strings; epoch-ms strings are accepted too. updatedAt is the same instant as a fallback.
  const modified = record.properties.hs_lastmodifieddate ?? '';
  const ms = /^\d+$/.test(modified) ? Number(modified) : Date.parse(modified);
  return { id: record.id, values, lastModified: (Number.isFinite(ms) ? new Date(ms) : record.updatedAt).toISOString() };
}

function assertBatchSize(count: number, operation: string): void {
  if (count > BATCH_MAX) throw new Error(`HubSpot ${operation} takes at most ${BATCH_MAX} inputs, got ${count}; chunk before calling`);
}

/** Failed ids of a 207, with the error that names them. */
function failuresById(answer: BatchAnswer): Map<string, { code: string; message: string }> {
  const failed = new Map<string, { code: string; message: string }>();
  for (const error of answer.errors ?? []) {
    for (const id of error.context?.ids ?? []) failed.set(id, { code: error.category, message: error.message });
  }
  return failed;
}

function unattributed(answer: BatchAnswer): { code: string; message: string } {
  const first = answer.errors?.[0];
  return first
    ? { code: first.category, message: first.message }
    : { code: 'NO_RESULT', message: 'HubSpot returned no result for this input' };
}

export function createHubspotClient(options: HubspotClientOptions): CrmClient {
  const call = createHubspotCaller(options);

  async function listChangedSince(object: CrmObject, input: Parameters<CrmClient['listChangedSince']>[1]): Promise<ChangedPage> {
    const type = hubspotObject(object);
    const limit = Math.max(1, Math.min(SEARCH_MAX_LIMIT, Math.floor(input.pageSize ?? DEFAULT_PAGE_SIZE)));
    const cursor = input.cursor ? decodeCursor(input.cursor) : firstCursor(input.since);
    const shape = searchShape(cursor);
    const page = await call(`search ${type}`, (client, callOptions) =>
      client.crm[type].searchApi.doSearch({
        filterGroups: [{ filters: shape.filters.map((f) => ({ ...f, operator: OPERATORS[f.operator] })) }],
        // The SDK types sorts as string[], but HubSpot documents {propertyName, direction} objects.
        sorts: [shape.sort as unknown as string],
        properties: [...new Set([...input.fields, 'hs_lastmodifieddate'])],
        limit,
        ...(shape.after > 0 && { after: String(shape.after) }),
      }, callOptions),
    );
    const records = page.results.map((r) => toRawRecord(r, input.fields));
    const last = records.at(-1);
    const rawAfter = page.paging?.next?.after;
    const next = nextCursor(cursor, {
      nextAfter: rawAfter === undefined ? undefined : Number(rawAfter),
      last: last && { id: last.id, lastModifiedMs: Date.parse(last.lastModified) },
    });
    return { records, cursor: next && encodeCursor(next) };
  }

  async function readByIds(object: CrmObject, input: Parameters<CrmClient['readByIds']>[1]): Promise<CrmRawRecord[]> {
    const type = hubspotObject(object);
    const out: CrmRawRecord[] = [];
    for (let start = 0; start < input.ids.length; start += BATCH_MAX) {
      const ids = input.ids.slice(start, start + BATCH_MAX);
      // A 207 here only lists ids that do not exist; the port returns the records that do.
      const answer: BatchAnswer = await call(`batch read ${type}`, (client, callOptions) =>
        client.crm[type].batchApi.read({
          inputs: ids.map((id) => ({ id })),
          properties: [...new Set([...input.fields, 'hs_lastmodifieddate'])],
          propertiesWithHistory: [],
        }, undefined, callOptions),
      );
      out.push(...answer.results.map((r) => toRawRecord(r, input.fields)));
    }
    return out;
  }

  async function updateBatch(object: CrmObject, updates: Parameters<CrmClient['updateBatch']>[1]): Promise<RecordWriteResult[]> {
    const type = hubspotObject(object);
    assertBatchSize(updates.length, 'batch update');
    if (updates.length === 0) return [];
    const answer: BatchAnswer = await call(`batch update ${type}`, (client, callOptions) =>
      client.crm[type].batchApi.update({ inputs: updates.map((u) => ({ id: u.id, properties: toHubspotValues(u.values) })) }, callOptions),
    );
    const succeeded = new Set(answer.results.map((r) => r.id));
    const failed = failuresById(answer);
    return updates.map(({ id }, index): RecordWriteResult => {
      const failure = failed.get(id) ?? (succeeded.has(id) ? undefined : unattributed(answer));
      return failure ? { index, ok: false, retryable: false, ...failure } : { index, ok: true, id };
    });
  }

  async function createBatch(object: CrmObject, creates: Parameters<CrmClient['createBatch']>[1]): Promise<RecordWriteResult[]> {
    const type = hubspotObject(object);
    assertBatchSize(creates.length, 'batch create');
    if (creates.length === 0) return [];
    const answer: BatchAnswer = await call(`batch create ${type}`, (client, callOptions) =>
      client.crm[type].batchApi.create({
        inputs: creates.map((c, index) => ({
          properties: toHubspotValues(c.values),
          objectWriteTraceId: String(index),
          associations: c.companyRecordId ? [companyAssociation(c.companyRecordId)] : [],
        })),
      }, callOptions),
    );
    // HubSpot echoes objectWriteTraceId when it supports it; otherwise a complete answer is taken in input order.
    const traced = new Map(answer.results.filter((r) => r.objectWriteTraceId !== undefined).map((r) => [r.objectWriteTraceId, r.id]));
    const positional = traced.size === 0 && !answer.errors?.length && answer.results.length === creates.length;
    return creates.map((_, index): RecordWriteResult => {
      const id = positional ? answer.results[index]?.id : traced.get(String(index));
      return id !== undefined ? { index, ok: true, id } : { index, ok: false, retryable: false, ...unattributed(answer) };
    });
  }

  async function findPeople(object: CrmObject, input: Parameters<CrmClient['findPeople']>[1]): Promise<CrmPersonRecord[]> {
    const type = hubspotObject(object);
    const fields = [...new Set([...input.fields, PRIMARY_COMPANY, 'hs_lastmodifieddate'])];
    // HubSpot compares string IN values as stored: emails are stored lower-cased.
    const groups = [
      ...chunk(input.emails.map((e) => e.toLowerCase()), IN_MAX_VALUES).map((values) => ({ propertyName: 'email', values })),
      ...chunk(input.companyRecordIds, IN_MAX_VALUES).map((values) => ({ propertyName: PRIMARY_COMPANY, values })),
    ];
    const found = new Map<string, CrmPersonRecord>();
    for (const group of groups) {
      for (let after: string | undefined; ; ) {
        const page = await call(`search ${type}`, (client, callOptions) =>
          client.crm[type].searchApi.doSearch({
            filterGroups: [{ filters: [{ propertyName: group.propertyName, operator: FilterOperatorEnum.In, values: group.values }] }],
            properties: fields,
            limit: SEARCH_MAX_LIMIT,
            ...(after !== undefined && { after }),
          }, callOptions),
        );
        for (const r of page.results) found.set(r.id, { ...toRawRecord(r, input.fields), companyRecordId: r.properties[PRIMARY_COMPANY] ?? null });
        after = page.paging?.next?.after;
        if (after === undefined) break;
      }
    }
    return [...found.values()];
  }

  async function listSegment(object: CrmObject, input: Parameters<CrmClient['listSegment']>[1]): Promise<{ ids: string[]; cursor: string | null }> {
    const type = hubspotObject(object);
    if (input.cursor === null) {
      const { list } = await call('get list', (client, callOptions) => client.crm.lists.listsApi.getById(input.segmentId, undefined, callOptions));
      if (list.objectTypeId !== OBJECT_TYPE_IDS[type]) {
        throw new CrmError({ provider: 'hubspot', status: 400, code: 'SEGMENT_OBJECT_MISMATCH', message: `HubSpot list ${input.segmentId} ("${list.name}") is not a list of ${type}` });
      }
    }
    const page = await call('list memberships', (client, callOptions) =>
      client.crm.lists.membershipsApi.getPage(input.segmentId, input.cursor ?? undefined, undefined, LIST_PAGE_MAX, callOptions),
    );
    return { ids: page.results.map((r) => r.recordId), cursor: page.paging?.next?.after ?? null };
  }

  async function describeFields(object: CrmObject) {
    const type = hubspotObject(object);
    const answer = await call(`list ${type} properties`, (client, callOptions) => client.crm.properties.coreApi.getAll(type, undefined, undefined, callOptions));
    return answer.results.map(describeHubspotProperty);
  }

  return { provider: 'hubspot', listChangedSince, readByIds, updateBatch, createBatch, findPeople, listSegment, describeFields, quota: () => call.quota() };
}
