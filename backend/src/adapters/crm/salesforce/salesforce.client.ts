/**
 * The CrmClient port for Salesforce over jsforce 3: SOQL + queryMore for incremental pulls, sObject Collections
 * for reads and writes (at most 200 records per call, allOrNone false), describe for field metadata. Never deletes.
 * jsforce refreshes an expired access token itself (401 → refresh_token grant → retry) when it has a client id
 * and a refresh token; `onRefresh` hears about the new token so the caller can store it, and the call that
 * refreshed returns only once `onRefresh` has settled (so the next process reads the new token from the store).
 */
import { Connection } from 'jsforce';
import type { FieldValue } from '@accord/shared';
import { chunk } from '../../../domain/batches/chunk';
import type { CrmObject } from '../../../domain/enrichment/mapping';
import { BATCH_LIMITS, type ChangedPage, type CrmClient, type CrmFieldDescription, type CrmPersonRecord, type CrmRawRecord, type RecordWriteResult } from '../crm-client';
import { toCrmFieldDescription, type DescribedField } from './salesforce-describe';
import { CrmError } from '../crm-error';
import { callSalesforce } from './salesforce-errors';
import { disableJsforceRetries } from './salesforce-transport';
import { assertFieldNames, buildChangedSinceSoql, buildInSoql, selectList, toIsoUtc, toSalesforceObject } from './salesforce-soql';

export interface SalesforceClientOptions {
  instanceUrl: string;
  accessToken: string;
  refreshToken?: string;
  loginUrl?: string;
  clientId?: string;
  clientSecret?: string;
  /** REST API version; jsforce's own default (50.0) is too old for some collection calls. */
  version?: string;
  onRefresh?: (accessToken: string) => void | Promise<void>;
}

const DEFAULT_VERSION = '62.0';
const SALESFORCE_QUOTA_WINDOW_MS = 86_400_000;
const MAX_BATCH = BATCH_LIMITS.salesforce;
/** `Sforce-Query-Options: batchSize=` accepts 200–2,000; Salesforce may still return other sizes. */
const MIN_QUERY_BATCH = 200;
const MAX_QUERY_BATCH = 2000;
/** Values per IN filter: keeps a query far below SOQL's 100,000-character limit. */
const IN_MAX_VALUES = 200;

type ApiRecord = Record<string, unknown>;

/** The part of a list view's results we read. */
interface ListViewResults {
  done: boolean;
  records: { columns: { fieldNameOrPath: string; value: unknown }[] }[];
}

const LIST_VIEW_PAGE = 2_000;
const LIST_VIEW_MAX_OFFSET = 2_000;

function queryHeaders(pageSize: number | undefined): Record<string, string> {
  if (pageSize === undefined) return {};
  const batchSize = Math.min(MAX_QUERY_BATCH, Math.max(MIN_QUERY_BATCH, Math.floor(pageSize)));
  return { 'Sforce-Query-Options': `batchSize=${batchSize}` };
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The requested fields of an API record, matched case-insensitively as the API resolves names. */
function toRawRecord(record: ApiRecord, fields: readonly string[]): CrmRawRecord {
  const byLowerName = new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
  const id = record.Id;
  const lastModified = record.LastModifiedDate;
  if (typeof id !== 'string' || typeof lastModified !== 'string') {
    throw new Error('Salesforce returned a record without Id or LastModifiedDate');
  }
  const values: Record<string, string | null> = {};
  for (const f of fields) values[f] = asText(byLowerName.get(f.toLowerCase()));
  return { id, values, lastModified: toIsoUtc(lastModified) };
}

function assertBatchSize(count: number): void {
  if (count > MAX_BATCH) throw new Error(`Salesforce collections take at most ${MAX_BATCH} records per call, got ${count}`);
}

interface WireSaveResult {
  id?: unknown;
  success?: unknown;
  errors?: readonly { statusCode?: unknown; errorCode?: unknown; message?: unknown }[];
}

/** jsforce types per-record errors as `errorCode`; the wire carries `statusCode`. Read both. */
function toWriteResults(results: readonly unknown[], expected: number): RecordWriteResult[] {
  if (results.length !== expected) throw new Error(`Salesforce returned ${results.length} results for ${expected} records`);
  return results.map((raw, index): RecordWriteResult => {
    const result = (raw ?? {}) as WireSaveResult;
    if (result.success === true && typeof result.id === 'string') return { index, ok: true, id: result.id };
    const first = result.errors?.[0];
    const code = first?.statusCode ?? first?.errorCode;
    return {
      index,
      ok: false,
      retryable: false,
      code: typeof code === 'string' ? code : 'UNKNOWN_ERROR',
      message: typeof first?.message === 'string' ? first.message : 'Salesforce rejected the record without a message',
    };
  });
}

export function createSalesforceClient(options: SalesforceClientOptions): CrmClient {
  const conn = new Connection({
    instanceUrl: options.instanceUrl,
    accessToken: options.accessToken,
    version: options.version ?? DEFAULT_VERSION,
    ...(options.refreshToken ? { refreshToken: options.refreshToken } : {}),
    ...(options.clientId
      ? { oauth2: { clientId: options.clientId, ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}), loginUrl: options.loginUrl ?? options.instanceUrl } }
      : {}),
  });
  disableJsforceRetries(conn);
  // jsforce emits 'refresh' without waiting for listeners; remember what they are doing so the call can wait.
  const refreshing = new Set<Promise<void>>();
  const { onRefresh } = options;
  if (onRefresh) {
    conn.on('refresh', (accessToken: string) => {
      const stored: Promise<void> = Promise.resolve()
        .then(() => onRefresh(accessToken))
        .finally(() => refreshing.delete(stored));
      // Awaited by the call below; this only keeps Node from calling it unhandled in the meantime.
      stored.catch(() => undefined);
      refreshing.add(stored);
    });
  }
  /** One jsforce call: failures as CrmError, and any token refresh it caused handed to onRefresh before returning. */
  async function sf<T>(call: () => Promise<T>): Promise<T> {
    const result = await callSalesforce(call);
    await Promise.all([...refreshing]);
    return result;
  }

  return {
    provider: 'salesforce',

    async listChangedSince(object: CrmObject, input): Promise<ChangedPage> {
      const sobject = toSalesforceObject(object);
      // queryMore's options are typed as the full QueryOptions (query's are Partial), so spell them all out.
      const queryOptions = { headers: queryHeaders(input.pageSize), maxFetch: MAX_QUERY_BATCH, autoFetch: false, scanAll: false, responseTarget: 'QueryResult' as const };
      const page = await sf(async () => {
        if (input.cursor) return conn.queryMore<ApiRecord>(input.cursor, queryOptions);
        return conn.query<ApiRecord>(buildChangedSinceSoql({ object: sobject, fields: input.fields, since: input.since }), queryOptions);
      });
      return {
        records: page.records.map((r) => toRawRecord(r, input.fields)),
        cursor: !page.done && page.nextRecordsUrl ? page.nextRecordsUrl : null,
      };
    },

    async readByIds(object: CrmObject, input): Promise<CrmRawRecord[]> {
      const sobject = toSalesforceObject(object);
      const fields = selectList(input.fields);
      const out: CrmRawRecord[] = [];
      for (const ids of chunk(input.ids, MAX_BATCH)) {
        const records: unknown[] = await sf(() => conn.sobject(sobject).retrieve(ids, { fields }));
        // The collection answers null for an id that does not exist.
        for (const r of records) if (r) out.push(toRawRecord(r as ApiRecord, input.fields));
      }
      return out;
    },

    async updateBatch(object: CrmObject, updates): Promise<RecordWriteResult[]> {
      const sobject = toSalesforceObject(object);
      assertBatchSize(updates.length);
      if (updates.length === 0) return [];
      updates.forEach((u) => assertFieldNames(Object.keys(u.values)));
      const records = updates.map((u) => ({ ...u.values, Id: u.id }));
      const results: unknown[] = await sf(() => conn.sobject(sobject).update(records, { allOrNone: false }));
      return toWriteResults(results, updates.length);
    },

    async createBatch(object: CrmObject, creates): Promise<RecordWriteResult[]> {
      const sobject = toSalesforceObject(object);
      assertBatchSize(creates.length);
      if (creates.length === 0) return [];
      creates.forEach((c) => assertFieldNames(Object.keys(c.values)));
      // A Contact belongs to its Account by AccountId; a Lead has no account to belong to.
      const records = creates.map((c) => (c.companyRecordId && sobject === 'Contact' ? { ...c.values, AccountId: c.companyRecordId } : { ...c.values }));
      const results: unknown[] = await sf(() => conn.sobject(sobject).create(records, { allOrNone: false }));
      return toWriteResults(results, creates.length);
    },

    async findPeople(object: CrmObject, input): Promise<CrmPersonRecord[]> {
      const sobject = toSalesforceObject(object);
      if (sobject !== 'Contact') throw new Error(`Salesforce people belong to accounts as Contacts, not ${sobject}`);
      const fields = [...input.fields, 'AccountId'];
      const queries = [
        ...chunk(input.emails, IN_MAX_VALUES).map((values) => buildInSoql({ object: sobject, fields, field: 'Email', values })),
        ...chunk(input.companyRecordIds, IN_MAX_VALUES).map((values) => buildInSoql({ object: sobject, fields, field: 'AccountId', values })),
      ];
      const found = new Map<string, CrmPersonRecord>();
      for (const soql of queries) {
        const queryOptions = { headers: {}, maxFetch: MAX_QUERY_BATCH, autoFetch: false, scanAll: false, responseTarget: 'QueryResult' as const };
        let page = await sf(async () => conn.query<ApiRecord>(soql, queryOptions));
        for (;;) {
          for (const r of page.records) {
            const raw = toRawRecord(r, fields);
            // AccountId was added to the query; the values hold only the fields asked for.
            found.set(raw.id, { ...raw, values: Object.fromEntries(input.fields.map((f) => [f, raw.values[f] ?? null])), companyRecordId: raw.values.AccountId ?? null });
          }
          const next = page.nextRecordsUrl;
          if (page.done || !next) break;
          page = await sf(async () => conn.queryMore<ApiRecord>(next, queryOptions));
        }
      }
      return [...found.values()];
    },

    async listSegment(object: CrmObject, input): Promise<{ ids: string[]; cursor: string | null }> {
      const sobject = toSalesforceObject(object);
      // The list view results resource serves at most 2,000 rows a call and an offset of at most 2,000.
      const offset = input.cursor === null ? 0 : Number(input.cursor);
      const path = `/sobjects/${sobject}/listviews/${encodeURIComponent(input.segmentId)}/results?limit=${LIST_VIEW_PAGE}&offset=${offset}`;
      const page = await sf(async () => conn.request<ListViewResults>(path));
      const ids = page.records.flatMap((r) => r.columns.filter((c) => c.fieldNameOrPath === 'Id' && typeof c.value === 'string').map((c) => c.value as string));
      const next = offset + page.records.length;
      if (page.done || page.records.length === 0) return { ids, cursor: null };
      if (next > LIST_VIEW_MAX_OFFSET) {
        throw new CrmError({ provider: 'salesforce', status: 400, code: 'SEGMENT_TOO_LARGE', message: `List view ${input.segmentId} holds more than ${LIST_VIEW_MAX_OFFSET + LIST_VIEW_PAGE} records, more than Salesforce serves from a list view; select by a filter instead` });
      }
      return { ids, cursor: String(next) };
    },

    quota() {
      // jsforce keeps the latest Sforce-Limit-Info (api-usage=USED/LIMIT, the org's rolling 24 h).
      const usage = conn.limitInfo?.apiUsage;
      return usage && usage.limit > 0 ? { limit: usage.limit, remaining: Math.max(0, usage.limit - usage.used), windowMs: SALESFORCE_QUOTA_WINDOW_MS } : undefined;
    },

    async describeFields(object: CrmObject): Promise<CrmFieldDescription[]> {
      const sobject = toSalesforceObject(object);
      const described = await sf(() => conn.sobject(sobject).describe());
      return described.fields.map((f) => toCrmFieldDescription(f as DescribedField));
    },
  };
}
