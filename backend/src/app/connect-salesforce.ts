/**
 * Salesforce connection: the OAuth web-server flow gives the backend its own API access to the org (tokens stored
 * encrypted with the instance URL), and the org gets a fresh API key for the package's Named Credential. Only the
 * key's hash is stored; the key is shown once. Reconnecting issues a new key and retires the old one.
 */
import crypto from 'node:crypto';
import type { CredentialStore } from '../adapters/db/credential.store';
import type { TenantStore } from '../adapters/db/tenant.store';
import type { Tenant } from '../domain/tenants/tenant';

export interface SalesforceAuthorization {
  accessToken: string;
  refreshToken: string;
  instanceUrl: string;
  organizationId: string;
  userId: string;
}

export function newApiKey(): string {
  return `acc_${crypto.randomBytes(32).toString('base64url')}`;
}

export async function connectSalesforce(
  deps: { tenants: TenantStore; credentials: CredentialStore },
  input: { authorization: SalesforceAuthorization; now: Date },
): Promise<{ tenant: Tenant; apiKey: string }> {
  const { authorization: auth, now } = input;
  const tenant = await deps.tenants.install({ crm: 'salesforce', externalId: auth.organizationId, name: `Salesforce ${auth.organizationId}`, now });
  await deps.credentials.saveOAuthTokens(
    tenant.id,
    // Salesforce does not say when an access token expires; it is refreshed on 401.
    { accessToken: auth.accessToken, refreshToken: auth.refreshToken, expiresAt: new Date(now.getTime() + 2 * 3_600_000).toISOString(), scopes: ['api', 'refresh_token'], instanceUrl: auth.instanceUrl },
    now,
  );
  const apiKey = newApiKey();
  await deps.credentials.saveApiKey(tenant.id, apiKey, now);
  return { tenant, apiKey };
}
