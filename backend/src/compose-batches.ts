/**
 * Wires the batch use cases for a tenant: its CRM connection (client, rate governor, share of the limit), the
 * matcher, the stores, and the job queue that runs batches. The HTTP API, the CLI and the workers build batch
 * dependencies through here.
 */
import { createAgentStore, type AgentStore } from './adapters/db/agent.store';
import type { ReferenceStore } from './adapters/db/reference.store';
import type { CrmConnections } from './adapters/crm/crm-connections';
import { CRM_RATE_LIMITS } from './adapters/crm/crm-connections';
import { createCrmBatchPort } from './adapters/crm/crm-batch-port';
import { createBatchStore, type BatchStore } from './adapters/db/batch.store';
import type { CreditStore } from './adapters/db/credit.store';
import type { EnrichmentStore } from './adapters/db/enrichment.store';
import type { MatchStore } from './adapters/db/match.store';
import type { Database } from './adapters/db/database';
import type { RateGovernor } from './adapters/crm/rate-governor';
import type { BatchDeps } from './app/batches/batch-context';
import { createBatchMatcher } from './app/batches/create-batch-matcher';
import type { CrmRecordPort } from './app/crm-port';
import type { Matcher } from './domain/matching/matcher';
import type { CrmObject } from './domain/enrichment/mapping';
import type { Tenant } from './domain/tenants/tenant';

export interface BatchWiring {
  batches: BatchStore;
  agents: AgentStore;
  /** Everything a batch use case needs for this tenant. */
  depsFor(tenant: Tenant): Promise<BatchDeps>;
  /** Record-level CRM access (undo writes record by record). */
  recordsFor(tenant: Tenant, object: CrmObject): Promise<CrmRecordPort>;
  /** The CRM's limit, for estimates and ETAs. */
  rateFor(tenant: Tenant): { limit: number; windowMs: number };
}

export function composeBatches(input: {
  database: Database;
  connections: CrmConnections;
  governor: RateGovernor;
  /** Built on first use (the reference index takes a while to build). */
  matcher: () => Promise<Matcher>;
  stores: { credits: CreditStore; enrichments: EnrichmentStore; matches: MatchStore };
  reference: Pick<ReferenceStore, 'getCompany' | 'getPerson' | 'peopleOfCompany'>;
  scheduleRun?: BatchDeps['scheduleRun'];
}): BatchWiring {
  const batches = createBatchStore(input.database);
  const agents = createAgentStore(input.database);
  const matcher = createBatchMatcher({ matcher: input.matcher, matches: input.stores.matches });
  return {
    batches,
    agents,
    async depsFor(tenant) {
      const { client, spec } = await input.connections.forTenant(tenant);
      return {
        batches,
        credits: input.stores.credits,
        enrichments: input.stores.enrichments,
        crm: createCrmBatchPort({ client, governor: input.governor, tenantId: tenant.id, spec }),
        matcher,
        referenceRecord: (kind, id) => (kind === 'company' ? input.reference.getCompany(id) : input.reference.getPerson(id)),
        referencePeople: (companyId, limit) => input.reference.peopleOfCompany(companyId, limit),
        ...(input.scheduleRun ? { scheduleRun: input.scheduleRun } : {}),
      };
    },
    async recordsFor(tenant, object) {
      return (await input.connections.forTenant(tenant)).records(object);
    },
    rateFor: (tenant) => CRM_RATE_LIMITS[tenant.crm],
  };
}
