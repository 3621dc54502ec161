/**
 * A tenant's live CRM connection: the provider's client (tokens from the credential store, refreshed and stored
 * again), and record ports for each CRM object going through the tenant's share of the CRM's rate limit. One
 * connection per tenant is kept for the life of the process.
 */
import type { Crm, RecordKind } from '@accord/shared';
import type { CrmRecordPort } from '../../app/crm-port';
import type { CrmObject } from '../../domain/enrichment/mapping';
import type { Tenant } from '../../domain/tenants/tenant';
import type { CredentialStore } from '../db/credential.store';
import type { RateLimitSpec } from '../db/rate-governor.store';
import type { CrmClient } from './crm-client';
import { CrmError } from './crm-error';
import { createCrmRecordPort } from './crm-record-port';
import { createHubspotTokenProvider } from './hubspot/hubspot-token-provider';
import { createHubspotClient } from './hubspot/hubspot.client';
import type { RateGovernor } from './rate-governor';
import { connectSalesforceTenant } from './salesforce/salesforce-connection';
import { createHubspotPropertyAdmin } from './hubspot/hubspot-property-admin';
import { createHubspotUserRoles } from './hubspot/hubspot-user-roles';
import { ensureAccordProperties } from '../../app/ensure-accord-properties';

export interface CrmEndpoints {
  hubspot: { apiBaseUrl: string; tokenUrl: string; clientId: string; clientSecret: string } | null;
  salesforce: { clientId: string; clientSecret: string; loginUrl: string; apiVersion: string } | null;
}

/** The CRMs' own limits (data): HubSpot per rolling 10 s per installed account, Salesforce per rolling 24 h per org. */
export const CRM_RATE_LIMITS: Readonly<Record<Crm, { limit: number; windowMs: number }>> = {
  hubspot: { limit: 110, windowMs: 10_000 },
  salesforce: { limit: 100_000, windowMs: 86_400_000 },
};

/** The tenant's budget: the CRM's limit at the share of it the admin gave Accord. */
function specOf(tenant: Tenant): RateLimitSpec {
  return { ...CRM_RATE_LIMITS[tenant.crm], sharePercent: tenant.settings.rateLimitSharePercent };
}

export interface TenantCrm {
  client: CrmClient;
  spec: RateLimitSpec;
  records(object: CrmObject): CrmRecordPort;
}

export interface CrmConnections {
  forTenant(tenant: Tenant): Promise<TenantCrm>;
  /** Drops a cached connection (after uninstall or new tokens). */
  forget(tenantId: string): void;
  /** HubSpot: creates Accord's property group and properties if missing (Salesforce ships them in the package). */
  ensureAccordFields(tenant: Tenant): Promise<string[]>;
  /** HubSpot: whether the user is a Super Admin of the portal (HubSpot's user provisioning API); false elsewhere. */
  isHubspotSuperAdmin(tenant: Tenant, userId: string): Promise<boolean>;
}

export function createCrmConnections(deps: {
  credentials: CredentialStore;
  governor: RateGovernor;
  endpoints: CrmEndpoints;
  /** Hears of every CRM call (for metrics). */
  onRequest?: (crm: Crm, operation: string) => void;
  /** Told when a refreshed Salesforce token could not be stored (the call itself succeeded). */
  onStoreError?: (error: unknown) => void;
}): CrmConnections {
  const cache = new Map<string, CrmClient>();

  async function clientFor(tenant: Tenant): Promise<CrmClient> {
    if (tenant.crm === 'hubspot') {
      const hubspot = deps.endpoints.hubspot;
      if (!hubspot) throw new CrmError({ provider: 'hubspot', status: 503, code: 'NOT_CONFIGURED', message: 'HubSpot is not configured on this deployment' });
      const accessToken = createHubspotTokenProvider({ credentials: deps.credentials, tenantId: tenant.id, app: hubspot });
      return createHubspotClient({ accessToken, basePath: hubspot.apiBaseUrl, portalId: tenant.externalId });
    }
    const salesforce = deps.endpoints.salesforce;
    if (!salesforce) throw new CrmError({ provider: 'salesforce', status: 503, code: 'NOT_CONFIGURED', message: 'Salesforce is not configured on this deployment' });
    return connectSalesforceTenant({
      credentials: deps.credentials,
      tenantId: tenant.id,
      app: salesforce,
      version: salesforce.apiVersion,
      onStoreError: (error) => deps.onStoreError?.(error),
    });
  }

  /** A HubSpot tenant's SDK options with every call inside its rate budget; null for other tenants or without HubSpot. */
  function governedHubspotOptions(tenant: Tenant) {
    const hubspot = deps.endpoints.hubspot;
    if (tenant.crm !== 'hubspot' || !hubspot) return null;
    const spec = specOf(tenant);
    return {
      accessToken: createHubspotTokenProvider({ credentials: deps.credentials, tenantId: tenant.id, app: hubspot }),
      basePath: hubspot.apiBaseUrl,
      portalId: tenant.externalId,
      governed: <T>(call: () => Promise<T>) => deps.governor.run({ tenantId: tenant.id, crm: 'hubspot' }, spec, async () => ({ value: await call() })),
    };
  }

  return {
    async forTenant(tenant) {
      let client = cache.get(tenant.id);
      if (!client) {
        client = counted(await clientFor(tenant), deps.onRequest);
        cache.set(tenant.id, client);
      }
      const spec = specOf(tenant);
      return {
        client,
        spec,
        records: (object) => createCrmRecordPort({ client, governor: deps.governor, tenantId: tenant.id, spec, objectFor: (_kind: RecordKind) => object }),
      };
    },
    forget(tenantId) {
      cache.delete(tenantId);
    },
    async isHubspotSuperAdmin(tenant, userId) {
      const options = governedHubspotOptions(tenant);
      return options ? createHubspotUserRoles(options).isSuperAdmin(userId) : false;
    },
    async ensureAccordFields(tenant) {
      const options = governedHubspotOptions(tenant);
      return options ? (await ensureAccordProperties({ admin: createHubspotPropertyAdmin(options) })).created : [];
    },
  };
}

function counted(client: CrmClient, onRequest: ((crm: Crm, operation: string) => void) | undefined): CrmClient {
  if (!onRequest) return client;
  const note = (operation: string) => onRequest(client.provider, operation);
  return {
    provider: client.provider,
    listChangedSince: (object, input) => (note('list'), client.listChangedSince(object, input)),
    readByIds: (object, input) => (note('read'), client.readByIds(object, input)),
    updateBatch: (object, updates) => (note('update'), client.updateBatch(object, updates)),
    createBatch: (object, creates) => (note('create'), client.createBatch(object, creates)),
    findPeople: (object, input) => (note('find_people'), client.findPeople(object, input)),
    listSegment: (object, input) => (note('list_segment'), client.listSegment(object, input)),
    describeFields: (object) => (note('describe'), client.describeFields(object)),
    quota: () => client.quota(),
  };
}
