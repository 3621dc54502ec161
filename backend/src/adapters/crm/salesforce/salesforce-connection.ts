/**
 * A tenant's Salesforce CrmClient from its stored credentials. Salesforce access tokens carry no expiry (the org's
 * session timeout decides), so Accord refreshes on 401, as jsforce does, and stores each refreshed access token
 * encrypted through the credential store before the call that refreshed returns: the next process starts from the
 * new token instead of refreshing again.
 */
import type { CredentialStore, OAuthTokens } from '../../db/credential.store';
import type { CrmClient } from '../crm-client';
import { CrmError } from '../crm-error';
import { createSalesforceClient } from './salesforce.client';

export interface SalesforceOAuthApp {
  /** https://login.salesforce.com (or test.salesforce.com, or a sandbox URL in tests and the demo). */
  loginUrl: string;
  clientId: string;
  clientSecret: string;
}

/** Salesforce's default session timeout; only informs `expiresAt`, since refreshing is driven by 401s. */
export const SALESFORCE_SESSION_MS = 2 * 60 * 60_000;

export async function connectSalesforceTenant(deps: {
  credentials: CredentialStore;
  tenantId: string;
  app: SalesforceOAuthApp;
  version?: string;
  now?: () => Date;
  /**
   * Told when a refreshed token could not be stored. The CRM call itself succeeded, so it is not failed for this;
   * the next process will refresh once more. Log it at the composition root.
   */
  onStoreError: (error: unknown) => void;
}): Promise<CrmClient> {
  const now = deps.now ?? (() => new Date());
  const stored = await deps.credentials.getOAuthTokens(deps.tenantId);
  if (!stored) throw new CrmError({ provider: 'salesforce', status: 401, code: 'NOT_CONNECTED', message: 'this org has no stored tokens; connect it again' });
  if (!stored.instanceUrl) throw new CrmError({ provider: 'salesforce', status: 401, code: 'NOT_CONNECTED', message: 'the stored connection has no instance URL; connect the org again' });
  let current: OAuthTokens = stored;

  return createSalesforceClient({
    instanceUrl: stored.instanceUrl,
    accessToken: stored.accessToken,
    refreshToken: stored.refreshToken,
    loginUrl: deps.app.loginUrl,
    clientId: deps.app.clientId,
    clientSecret: deps.app.clientSecret,
    ...(deps.version ? { version: deps.version } : {}),
    onRefresh: async (accessToken) => {
      const at = now();
      current = { ...current, accessToken, expiresAt: new Date(at.getTime() + SALESFORCE_SESSION_MS).toISOString() };
      try {
        await deps.credentials.saveOAuthTokens(deps.tenantId, current, at);
      } catch (error) {
        deps.onStoreError(error);
      }
    },
  });
}
