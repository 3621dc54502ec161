/**
 * The record-level port the enrichment use cases write through (app/crm-port.ts), built on a provider's CrmClient
 * and the rate governor: every call takes a slot in the tenant's share of the CRM's limit, and transient failures are
 * retried there. What still fails is reported as retryable or not, so the use case refunds only what failed for good.
 */
import type { FieldValue, RecordKind } from '@accord/shared';
import type { CrmRecordPort, CrmWriteOutcome } from '../../app/crm-port';
import type { CrmObject } from '../../domain/enrichment/mapping';
import type { RateLimitSpec } from '../db/rate-governor.store';
import type { CrmClient } from './crm-client';
import { CrmError } from './crm-error';
import { decideRetry } from './decide-retry';
import { governedCalls } from './governed-calls';
import type { RateGovernor } from './rate-governor';

export function createCrmRecordPort(deps: {
  client: CrmClient;
  governor: RateGovernor;
  tenantId: string;
  spec: RateLimitSpec;
  /** The CRM object a record kind lives in for this tenant (e.g. Salesforce people: Contact or Lead). */
  objectFor: (kind: RecordKind) => CrmObject;
}): CrmRecordPort {
  const governed = governedCalls(deps);

  return {
    async read(ref, fields) {
      const [record] = await governed(() => deps.client.readByIds(deps.objectFor(ref.kind), { ids: [ref.recordId], fields }));
      if (!record) return undefined;
      return Object.fromEntries(fields.map((f) => [f, (record.values[f] ?? null) as FieldValue]));
    },
    async write(ref, values): Promise<CrmWriteOutcome> {
      try {
        const [result] = await governed(() => deps.client.updateBatch(deps.objectFor(ref.kind), [{ id: ref.recordId, values }]));
        if (!result) return { ok: false, retryable: true, message: 'the CRM returned no result for the record' };
        return result.ok ? { ok: true } : { ok: false, retryable: result.retryable, message: `${result.code}: ${result.message}` };
      } catch (error) {
        if (!(error instanceof CrmError)) throw error;
        // The governor has retried what was worth retrying; say whether a later attempt could still succeed.
        const later = decideRetry(error, 1);
        return { ok: false, retryable: later.retry, message: `${error.status} ${error.code ?? ''} ${error.message}`.trim() };
      }
    },
  };
}
