/**
 * Wires the stores, the matcher, the CRM connections and the HTTP app together. `startAccord` (main.ts) and the
 * HTTP tests both build the app through here, so the tests exercise the production wiring.
 */
import type { Express } from 'express';
import { createCrmConnections, type CrmConnections, type CrmEndpoints } from './adapters/crm/crm-connections';
import { createRateGovernor, type RateGovernor } from './adapters/crm/rate-governor';
import { batchRunScheduler } from './adapters/queue/batch-jobs';
import type { JobQueue } from './adapters/queue/job-queue';
import { batchHandlers } from './adapters/http/api/batch.handlers';
import { composeBatches, type BatchWiring } from './compose-batches';
import { estimateScheduler } from './compose-workers';
import { authorizeSalesforce, salesforceAuthorizeUrl } from './adapters/crm/salesforce/salesforce-oauth';
import { createSecretBox } from './adapters/crypto/secret-box';
import { createCredentialStore, type CredentialStore } from './adapters/db/credential.store';
import { createCreditStore, type CreditStore } from './adapters/db/credit.store';
import { createCrmSnapshotStore } from './adapters/db/crm-snapshot.store';
import type { Database } from './adapters/db/database';
import { createEnrichmentStore, type EnrichmentStore } from './adapters/db/enrichment.store';
import { createMatchStore, type MatchStore } from './adapters/db/match.store';
import { createOauthStateStore } from './adapters/db/oauth-state.store';
import { createRateGovernorStore } from './adapters/db/rate-governor.store';
import type { ReferenceStore } from './adapters/db/reference.store';
import { createSignatureStore } from './adapters/db/signature.store';
import { createTenantStore, type TenantStore } from './adapters/db/tenant.store';
import { withTenantCache } from './adapters/db/cached-tenant.store';
import type { ApiDeps } from './adapters/http/api/api-deps';
import { creditHandlers } from './adapters/http/api/credits.handlers';
import { recordHandlers } from './adapters/http/api/record.handlers';
import { settingsHandlers } from './adapters/http/api/settings.handlers';
import { createHttpApp } from './adapters/http/app';
import { createMetrics, type Metrics } from './adapters/http/metrics';
import { cachedHubspotAdmin } from './adapters/http/auth/hubspot-admin-cache';
import { createBatchStore } from './adapters/db/batch.store';
import type { TenantRateLimit } from './adapters/http/tenant-rate-limit';
import type { Logger } from './adapters/log/logger';
import { loadMatchingModels } from './adapters/reference/matching-models';
import { createMatcher, type Matcher } from './domain/matching/matcher';
import type { ReferenceIndex } from './domain/matching/reference-index';
import type { Tenant } from './domain/tenants/tenant';

export interface ComposeInput {
  database: Database;
  logger: Logger;
  encryptionKey: Buffer;
  index: ReferenceIndex;
  reference: ReferenceStore;
  hubspot: { clientId: string; clientSecret: string; appId: string | null; apiBaseUrl: string; authorizeUrl: string } | null;
  salesforce: { clientId: string; clientSecret: string; loginUrl: string; apiVersion: string } | null;
  /** The public origin CRMs call (signatures are over it) and install redirects come back to. */
  publicBaseUrl: string | null;
  /** Check every reply against its contract (on outside production). */
  checkReplies: boolean;
  rateLimit?: TenantRateLimit;
  afterHubspotInstall?: (tenant: Tenant) => Promise<void>;
  version?: string;
  /** Background jobs (batch runs and estimates); without it estimates run in the request and runs wait for a worker. */
  queue?: JobQueue;
}

export interface Composed {
  app: Express;
  metrics: Metrics;
  matcher: Matcher;
  connections: CrmConnections;
  governor: RateGovernor;
  batches: BatchWiring;
  /** Queues a batch run (set when a queue was given). */
  scheduleRun?: (input: { tenantId: string; batchId: string }) => Promise<void>;
  stores: { tenants: TenantStore; credentials: CredentialStore; credits: CreditStore; matches: MatchStore; enrichments: EnrichmentStore };
}

export function composeApp(input: ComposeInput): Composed {
  const { database } = input;
  const metrics = createMetrics({ batchRecords: () => createBatchStore(database).itemTotalsInState('running') });
  const tenants = withTenantCache(createTenantStore(database));
  const credentials = createCredentialStore(database, createSecretBox(input.encryptionKey));
  const credits = createCreditStore(database);
  const matches = createMatchStore(database);
  const enrichments = createEnrichmentStore(database);
  const matcher = countingMatcher(createMatcher({ index: input.index, models: loadMatchingModels() }), metrics);
  const governor = createRateGovernor({
    store: createRateGovernorStore(database),
    onEvent: (event) => {
      if (/429|REQUEST_LIMIT/i.test(event.reason)) metrics.crmRateLimited.inc({ crm: event.crm });
    },
  });
  const endpoints: CrmEndpoints = {
    hubspot: input.hubspot ? { apiBaseUrl: input.hubspot.apiBaseUrl, tokenUrl: `${input.hubspot.apiBaseUrl}/oauth/v1/token`, clientId: input.hubspot.clientId, clientSecret: input.hubspot.clientSecret } : null,
    salesforce: input.salesforce,
  };
  const connections = createCrmConnections({
    credentials,
    governor,
    endpoints,
    onRequest: (crm, operation) => metrics.crmRequests.inc({ crm, operation }),
    onStoreError: (error) => input.logger.warn({ err: error }, 'a refreshed Salesforce token could not be stored'),
  });
  const deps: ApiDeps = {
    tenants,
    matches,
    snapshots: createCrmSnapshotStore(database),
    enrichments,
    credits,
    matcher,
    referenceRecord: async (kind, id) => (kind === 'company' ? input.reference.getCompany(id) : input.reference.getPerson(id)),
    referenceExists: (kind, id) => input.index.has(kind, id),
    connections,
    onEnriched: ({ credits: charged }) => {
      metrics.enrichments.inc({ outcome: 'written' });
      metrics.creditsCharged.inc(charged);
    },
  };
  const scheduleRun = input.queue ? batchRunScheduler(input.queue, { workersPerBatch: 1 }) : undefined;
  const batches = composeBatches({
    database,
    connections,
    governor,
    matcher: async () => matcher,
    stores: { credits, enrichments, matches },
    reference: input.reference,
    ...(scheduleRun ? { scheduleRun } : {}),
  });
  const salesforce = input.salesforce;
  const app = createHttpApp({
    logger: input.logger,
    database,
    metrics,
    ...(input.publicBaseUrl ? { publicBaseUrl: input.publicBaseUrl } : {}),
    ...(input.version ? { version: input.version } : {}),
    api: {
      auth: {
        config: { hubspot: input.hubspot ? { clientSecret: input.hubspot.clientSecret, appId: input.hubspot.appId } : null, publicBaseUrl: input.publicBaseUrl },
        tenants,
        credentials,
        signatures: createSignatureStore(database),
        isHubspotAdmin: cachedHubspotAdmin((tenant, userId) => connections.isHubspotSuperAdmin(tenant, userId), {
          onError: (error) => input.logger.debug({ err: error }, 'HubSpot did not say whether the user is a Super Admin'),
        }),
      },
      handlers: {
        ...recordHandlers(deps),
        ...creditHandlers(deps),
        ...settingsHandlers({ ...deps, credentials }),
        ...batchHandlers({ wiring: batches, ...(input.queue ? { scheduleEstimate: estimateScheduler(input.queue) } : {}) }),
      },
      checkReplies: input.checkReplies,
      ...(input.rateLimit ? { rateLimit: input.rateLimit } : {}),
    },
    install: {
      config: {
        publicBaseUrl: input.publicBaseUrl,
        hubspot: input.hubspot ? { ...input.hubspot } : null,
        salesforce: salesforce
          ? {
              authorizeUrl: (state, redirectUri) => salesforceAuthorizeUrl({ ...salesforce, redirectUri }, state),
              authorize: (code, redirectUri) => authorizeSalesforce({ ...salesforce, redirectUri }, code),
            }
          : null,
      },
      tenants,
      credentials,
      states: createOauthStateStore(database),
      afterHubspotInstall: input.afterHubspotInstall ?? (async (tenant) => void (await connections.ensureAccordFields(tenant))),
    },
  });
  return { app, metrics, matcher, connections, governor, batches, ...(scheduleRun ? { scheduleRun } : {}), stores: { tenants, credentials, credits, matches, enrichments } };
}

function countingMatcher(matcher: Matcher, metrics: Metrics): Matcher {
  return {
    ...matcher,
    match(request) {
      const result = matcher.match(request);
      metrics.matches.inc({ band: result.band });
      return result;
    },
  };
}
