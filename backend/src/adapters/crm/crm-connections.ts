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
import { createSalesforceClient } from './salesforce/salesforce.client';

export interface CrmEndpoints {
  hubspot: { apiBaseUrl: string; tokenUrl: string; clientId: string; clientSecret: string } | null;
  salesforce: { clientId: string; clientSecret: string; loginUrl: string; apiVersion: string } | null;
}

/** The CRMs' own limits (data): HubSpot per rolling 10 s per installed account, Salesforce per rolling 24 h per org. */
export const CRM_RATE_LIMITS: Readonly<Record<Crm, { limit: number; windowMs: number }>> = {
  hubspot: { limit: 110, windowMs: 10_000 },
  salesforce: { limit: 100_000, windowMs: 86_400_000 },
};

export interface TenantCrm {
  client: CrmClient;
  spec: RateLimitSpec;
  records(object: CrmObject): CrmRecordPort;
}

export interface CrmConnections {
  forTenant(tenant: Tenant): Promise<TenantCrm>;
  /** Drops a cached connection (after uninstall or new tokens). */
  forget(tenantId: string): void;
}

export function createCrmConnections(deps: { credentials: CredentialStore; governor: RateGovernor; endpoints: CrmEndpoints }): CrmConnections {
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
    const tokens = await deps.credentials.getOAuthTokens(tenant.id);
    if (!tokens?.instanceUrl) throw new CrmError({ provider: 'salesforce', status: 401, code: 'NOT_CONNECTED', message: 'this org has no stored tokens; connect it again' });
    return createSalesforceClient({
      instanceUrl: tokens.instanceUrl,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      loginUrl: salesforce.loginUrl,
      clientId: salesforce.clientId,
      clientSecret: salesforce.clientSecret,
      version: salesforce.apiVersion,
      // Salesforce refreshes on 401; keep the new access token so other processes and restarts use it.
      onRefresh: (accessToken) => {
        void deps.credentials.saveOAuthTokens(tenant.id, { ...tokens, accessToken }, new Date()).catch(() => undefined);
      },
    });
  }

  return {
    async forTenant(tenant) {
      let client = cache.get(tenant.id);
      if (!client) {
        client = await clientFor(tenant);
        cache.set(tenant.id, client);
      }
      const spec: RateLimitSpec = { ...CRM_RATE_LIMITS[tenant.crm], sharePercent: tenant.settings.rateLimitSharePercent };
      return {
        client,
        spec,
        records: (object) => createCrmRecordPort({ client, governor: deps.governor, tenantId: tenant.id, spec, objectFor: (_kind: RecordKind) => object }),
      };
    },
    forget(tenantId) {
      cache.delete(tenantId);
    },
  };
}
