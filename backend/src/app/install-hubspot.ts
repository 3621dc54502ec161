/**
 * HubSpot marketplace install: exchange the authorization code for tokens, ask HubSpot which portal and user they
 * belong to, create (or reactivate) the tenant, store the tokens encrypted, and make the installing user the first
 * Accord admin of the portal. A reinstall keeps the tenant's settings, matches and ledger.
 */
import type { CredentialStore } from '../adapters/db/credential.store';
import type { TenantStore } from '../adapters/db/tenant.store';
import type { Tenant } from '../domain/tenants/tenant';
import { AppError } from './app-error';

export interface HubspotInstallApp {
  clientId: string;
  clientSecret: string;
  /** https://api.hubapi.com (or the sandbox): token endpoint and token info live under it. */
  apiBaseUrl: string;
}

interface TokenReply {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}
interface TokenInfo {
  hub_id: number;
  user_id?: number;
  hub_domain?: string;
  scopes?: string[];
}

export async function installHubspot(
  deps: { tenants: TenantStore; credentials: CredentialStore; app: HubspotInstallApp; fetch?: typeof fetch },
  input: { code: string; redirectUri: string; now: Date },
): Promise<Tenant> {
  const doFetch = deps.fetch ?? fetch;
  const base = deps.app.apiBaseUrl.replace(/\/+$/, '');
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: deps.app.clientId,
    client_secret: deps.app.clientSecret,
    redirect_uri: input.redirectUri,
    code: input.code,
  });
  const tokenRes = await doFetch(`${base}/oauth/v1/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  if (!tokenRes.ok) throw new AppError('UNAUTHENTICATED', 'HubSpot did not accept the authorization code; start the install again.');
  const tokens = (await tokenRes.json()) as TokenReply;
  const infoRes = await doFetch(`${base}/oauth/v1/access-tokens/${encodeURIComponent(tokens.access_token)}`);
  if (!infoRes.ok) throw new AppError('CRM_UNAVAILABLE', 'HubSpot did not say which account the app was installed in; try again.');
  const info = (await infoRes.json()) as TokenInfo;
  if (!Number.isInteger(info.hub_id)) throw new AppError('CRM_UNAVAILABLE', 'HubSpot returned no account id.');

  const tenant = await deps.tenants.install({ crm: 'hubspot', externalId: String(info.hub_id), name: info.hub_domain ?? `HubSpot ${info.hub_id}`, now: input.now });
  await deps.credentials.saveOAuthTokens(
    tenant.id,
    {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: new Date(input.now.getTime() + tokens.expires_in * 1000).toISOString(),
      scopes: info.scopes ?? [],
    },
    input.now,
  );
  if (info.user_id !== undefined && !tenant.settings.admins.includes(String(info.user_id))) {
    return (await deps.tenants.updateSettings(tenant.id, { admins: [...tenant.settings.admins, String(info.user_id)] }, input.now)) ?? tenant;
  }
  return tenant;
}
