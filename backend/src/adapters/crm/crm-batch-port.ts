/**
 * The batch port (app/batches/crm-batch-port.ts) over a provider's CrmClient and the rate governor: a chunk per
 * call at the provider's batch limit, every call within the tenant's share of the CRM's limit, transient failures
 * retried by the governor. What still fails comes back as a value saying whether a later attempt could succeed.
 */
import type { FieldValue } from '@accord/shared';
import type { CrmBatchPort, CrmCallFailure } from '../../app/batches/crm-batch-port';
import type { RateLimitSpec } from '../db/rate-governor.store';
import { BATCH_LIMITS, type CrmClient, type RecordWriteResult } from './crm-client';
import { CrmError } from './crm-error';
import { decideRetry } from './decide-retry';
import { governedCalls } from './governed-calls';
import type { RateGovernor } from './rate-governor';

export function createCrmBatchPort(deps: { client: CrmClient; governor: RateGovernor; tenantId: string; spec: RateLimitSpec }): CrmBatchPort {
  const governed = governedCalls(deps);
  const batchLimit = BATCH_LIMITS[deps.client.provider];

  async function failureOf(error: unknown): Promise<CrmCallFailure> {
    if (!(error instanceof CrmError)) throw error;
    // The governor has retried what was worth retrying; say whether a later attempt could still succeed.
    return { ok: false, retryable: decideRetry(error, 1).retry, message: `${error.status} ${error.code ?? ''} ${error.message}`.trim() };
  }

  /** One result per input from a batch call's results; a failed call fails every input alike. */
  async function perRecord<T>(count: number, send: () => Promise<RecordWriteResult[]>, ok: (id: string) => T): Promise<(T | CrmCallFailure)[]> {
    try {
      const results = await send();
      return Array.from({ length: count }, (_, i) => {
        const r = results.find((x) => x.index === i);
        if (!r) return { ok: false, retryable: true, message: 'the CRM returned no result for the record' };
        return r.ok ? ok(r.id) : { ok: false, retryable: r.retryable, message: `${r.code}: ${r.message}` };
      });
    } catch (error) {
      const failure = await failureOf(error);
      return Array.from({ length: count }, () => failure);
    }
  }

  return {
    batchLimit,
    async *listIds(object, { since }) {
      let cursor: string | null = null;
      const seen = new Set<string>();
      do {
        const page = await governed(() => deps.client.listChangedSince(object, { since, fields: [], cursor, pageSize: batchLimit }));
        // Pages may repeat a record edited meanwhile; each id once.
        const fresh = page.records.map((r) => r.id).filter((id) => !seen.has(id));
        for (const id of fresh) seen.add(id);
        if (fresh.length > 0) yield fresh;
        cursor = page.cursor;
      } while (cursor !== null);
    },
    async *segmentIds(object, segmentId) {
      let cursor: string | null = null;
      do {
        const page: { ids: string[]; cursor: string | null } = await governed(() => deps.client.listSegment(object, { segmentId, cursor }));
        if (page.ids.length > 0) yield page.ids;
        cursor = page.cursor;
      } while (cursor !== null);
    },
    async read(object, ids, fields) {
      try {
        const records = await governed(() => deps.client.readByIds(object, { ids, fields }));
        return { ok: true, records: records.map((r) => ({ id: r.id, values: Object.fromEntries(fields.map((f) => [f, (r.values[f] ?? null) as FieldValue])) })) };
      } catch (error) {
        return failureOf(error);
      }
    },
    async write(object, updates) {
      return perRecord(updates.length, () => governed(() => deps.client.updateBatch(object, updates)), () => ({ ok: true }));
    },
    async findPeople(object, input) {
      try {
        const people = await governed(() => deps.client.findPeople(object, input));
        return { ok: true, people: people.map((p) => ({ id: p.id, companyRecordId: p.companyRecordId, values: Object.fromEntries(input.fields.map((f) => [f, (p.values[f] ?? null) as FieldValue])) })) };
      } catch (error) {
        return failureOf(error);
      }
    },
    async create(object, creates) {
      return perRecord(creates.length, () => governed(() => deps.client.createBatch(object, creates)), (id) => ({ ok: true, id }));
    },
  };
}
