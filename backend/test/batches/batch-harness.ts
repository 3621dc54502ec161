/**
 * Wires the batch use cases to a sandbox CRM through the real client and the rate governor, for one fresh tenant.
 * Matching is a fixed rule on the company name (the matcher has its own tests): "REVIEW" in the name gives a
 * review-band match, "UNKNOWN" no match, anything else the auto match to Harbour Plumbing.
 */
import type { CreateBatchRequest, Crm, MatchResult } from '@accord/shared';
import { createCrmBatchPort } from '../../src/adapters/crm/crm-batch-port';
import type { CrmClient } from '../../src/adapters/crm/crm-client';
import { createCrmRecordPort } from '../../src/adapters/crm/crm-record-port';
import { createRateGovernor } from '../../src/adapters/crm/rate-governor';
import { createBatchStore } from '../../src/adapters/db/batch.store';
import { createCreditStore } from '../../src/adapters/db/credit.store';
import type { Database } from '../../src/adapters/db/database';
import { createEnrichmentStore } from '../../src/adapters/db/enrichment.store';
import { createRateGovernorStore, type RateLimitSpec } from '../../src/adapters/db/rate-governor.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import type { BatchDeps, BatchMatcher } from '../../src/app/batches/batch-context';
import type { CrmObject } from '../../src/domain/enrichment/mapping';
import type { Tenant } from '../../src/domain/tenants/tenant';
import { autoMatch, harbourPlumbing, harbourPlumbingPeople } from '../fixtures/enrichment';

export const nameField: Record<Crm, string> = { hubspot: 'name', salesforce: 'Name' };

export function nameRuleMatcher(crm: Crm): BatchMatcher {
  return {
    fieldsFor: () => [nameField[crm]],
    async match({ records }) {
      return records.map((r): MatchResult => {
        const name = String(r.values[nameField[crm]] ?? '');
        if (name.includes('UNKNOWN')) return autoMatch(r.id, { candidate: null, band: 'none', confidence: 0.01 });
        if (name.includes('REVIEW')) return autoMatch(r.id, { band: 'review', confidence: 0.7 });
        return autoMatch(r.id);
      });
    },
  };
}

export const rateSpecs: Record<Crm, RateLimitSpec> = {
  hubspot: { limit: 110, windowMs: 10_000, sharePercent: 50 },
  salesforce: { limit: 100_000, windowMs: 86_400_000, sharePercent: 50 },
};

let n = 0;

export async function batchHarness(input: {
  database: Database;
  crm: Crm;
  client: CrmClient;
  object: CrmObject;
  grant: number;
  /** The governor runs on a clock that sleeping moves forward, so 429 storms pass without waiting out 10 s windows. */
  virtualTime?: boolean;
  tenantId?: string;
}) {
  const { database, crm, client } = input;
  const tenants = createTenantStore(database);
  const tenant: Tenant = input.tenantId
    ? (await tenants.findById(input.tenantId))!
    : await tenants.install({ crm, externalId: `batch-${process.pid}-${Date.now()}-${++n}`, name: 'x', now: new Date() });
  const credits = createCreditStore(database);
  if (input.grant > 0) await credits.grant(tenant.id, { amount: input.grant, idempotencyKey: 'grant', now: new Date() });
  let skew = 0;
  const clock = {
    now: () => Date.now() + skew,
    sleep: async (ms: number) => {
      skew += ms;
      await new Promise((resolve) => setTimeout(resolve, 1));
    },
  };
  const governor = createRateGovernor({ store: createRateGovernorStore(database), ...(input.virtualTime ? clock : {}) });
  const spec = rateSpecs[crm];
  const enrichments = createEnrichmentStore(database);
  const deps: BatchDeps = {
    batches: createBatchStore(database),
    credits,
    enrichments,
    crm: createCrmBatchPort({ client, governor, tenantId: tenant.id, spec }),
    matcher: nameRuleMatcher(crm),
    referenceRecord: async () => harbourPlumbing,
    referencePeople: async (_companyId, limit) => harbourPlumbingPeople.slice(0, limit),
  };
  const records = createCrmRecordPort({ client, governor, tenantId: tenant.id, spec, objectFor: () => input.object });
  const request = (recordIds: string[], extra: Partial<CreateBatchRequest> = {}): CreateBatchRequest => ({
    object: input.object,
    type: 'enrich',
    selection: { by: 'ids', recordIds },
    canarySize: 25,
    recordsPerMinute: null,
    maxCredits: null,
    idempotencyKey: `create-batch-${++n}`,
    ...extra,
  });
  return { tenant, deps, credits, enrichments, records, request, rate: { limit: spec.limit, windowMs: spec.windowMs } };
}
