/**
 * The batch port (app/batches/crm-batch-port.ts) over a provider's CrmClient and the rate governor: a chunk per
 * call at the provider's batch limit, every call within the tenant's share of the CRM's limit, transient failures
 * retried by the governor. What still fails comes back as a value saying whether a later attempt could succeed.
 */
import type { FieldValue } from '@accord/shared';
import type { CrmBatchPort, CrmCallFailure } from '../../app/batches/crm-batch-port';
import type { RateLimitSpec } from '../db/rate-governor.store';
import { BATCH_LIMITS, type CrmClient } from './crm-client';
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
    async read(object, ids, fields) {
      try {
        const records = await governed(() => deps.client.readByIds(object, { ids, fields }));
        return { ok: true, records: records.map((r) => ({ id: r.id, values: Object.fromEntries(fields.map((f) => [f, (r.values[f] ?? null) as FieldValue])) })) };
      } catch (error) {
        return failureOf(error);
      }
    },
    async write(object, updates) {
      try {
        const results = await governed(() => deps.client.updateBatch(object, updates));
        return updates.map((_, i) => {
          const r = results.find((x) => x.index === i);
          if (!r) return { ok: false, retryable: true, message: 'the CRM returned no result for the record' };
          return r.ok ? { ok: true } : { ok: false, retryable: r.retryable, message: `${r.code}: ${r.message}` };
        });
      } catch (error) {
        const failure = await failureOf(error);
        return updates.map(() => failure);
      }
    },
  };
}
