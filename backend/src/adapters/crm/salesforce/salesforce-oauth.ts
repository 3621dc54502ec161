/**
 * The Salesforce OAuth web-server flow over jsforce: the authorize URL an admin is sent to, and the code exchange
 * that tells us the org, the user, the instance URL and the token pair.
 */
import { Connection, OAuth2 } from 'jsforce';
import type { SalesforceAuthorization } from '../../../app/connect-salesforce';
import { callSalesforce } from './salesforce-errors';

export interface SalesforceOAuthApp {
  clientId: string;
  clientSecret: string;
  loginUrl: string;
  redirectUri: string;
  apiVersion: string;
}

export function salesforceAuthorizeUrl(app: SalesforceOAuthApp, state: string): string {
  const oauth2 = new OAuth2({ clientId: app.clientId, clientSecret: app.clientSecret, loginUrl: app.loginUrl, redirectUri: app.redirectUri });
  return oauth2.getAuthorizationUrl({ scope: 'api refresh_token', state });
}

export async function authorizeSalesforce(app: SalesforceOAuthApp, code: string): Promise<SalesforceAuthorization> {
  const oauth2 = new OAuth2({ clientId: app.clientId, clientSecret: app.clientSecret, loginUrl: app.loginUrl, redirectUri: app.redirectUri });
  const conn = new Connection({ oauth2, version: app.apiVersion });
  const user = await callSalesforce(() => conn.authorize(code));
  if (!conn.refreshToken) throw new Error('Salesforce returned no refresh token; the connected app needs the refresh_token scope');
  return { accessToken: conn.accessToken ?? '', refreshToken: conn.refreshToken, instanceUrl: conn.instanceUrl, organizationId: user.organizationId, userId: user.id };
}
