/**
 * HubSpot access tokens live 30 minutes. This provider hands out a tenant's token and refreshes it shortly BEFORE it
 * expires (not after a 401), storing the new pair encrypted through the credential store. Use it as the
 * `accessToken` function of createHubspotClient.
 */
import type { CredentialStore } from '../../db/credential.store';
import { CrmError } from '../crm-error';

export interface HubspotOAuthApp {
  /** Token endpoint, e.g. https://api.hubapi.com/oauth/v1/token (a sandbox URL in tests and the demo). */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

/** Refresh when less than this is left, so a request never leaves with a token that expires on the way. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export function createHubspotTokenProvider(deps: {
  credentials: CredentialStore;
  tenantId: string;
  app: HubspotOAuthApp;
  now?: () => Date;
  fetch?: typeof fetch;
}): () => Promise<string> {
  const now = deps.now ?? (() => new Date());
  const doFetch = deps.fetch ?? fetch;
  let refreshing: Promise<string> | undefined;

  async function refresh(refreshToken: string): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: deps.app.clientId,
      client_secret: deps.app.clientSecret,
      refresh_token: refreshToken,
    });
    const res = await doFetch(deps.app.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    if (!res.ok) {
      const detail = (await res.json().catch(() => ({}))) as { status?: string; message?: string };
      throw new CrmError({ provider: 'hubspot', status: res.status, code: detail.status ?? 'TOKEN_REFRESH_FAILED', message: `token refresh failed: ${detail.message ?? res.statusText}` });
    }
    const tokens = (await res.json()) as { access_token: string; refresh_token: string; expires_in: number };
    const at = now();
    await deps.credentials.saveOAuthTokens(
      deps.tenantId,
      { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, expiresAt: new Date(at.getTime() + tokens.expires_in * 1000).toISOString(), scopes: [] },
      at,
    );
    return tokens.access_token;
  }

  return async () => {
    const stored = await deps.credentials.getOAuthTokens(deps.tenantId);
    if (!stored) throw new CrmError({ provider: 'hubspot', status: 401, code: 'NOT_CONNECTED', message: 'this portal has no stored tokens; install the app again' });
    if (Date.parse(stored.expiresAt) - now().getTime() > REFRESH_MARGIN_MS) return stored.accessToken;
    // One refresh at a time per provider; concurrent callers share it.
    refreshing ??= refresh(stored.refreshToken).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };
}
