/**
 * Install flows. HubSpot: /install/hubspot redirects to HubSpot's consent page with our scopes and a one-time
 * `state` (CSRF), and the callback exchanges the code and installs the portal. Salesforce: /install/salesforce runs
 * the OAuth web-server flow, and the callback connects the org and shows its new API key once, for the Named
 * Credential. A callback with a missing, reused or expired state is refused and changes nothing.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { AppError } from '../../app/app-error';
import { connectSalesforce, type SalesforceAuthorization } from '../../app/connect-salesforce';
import { installHubspot, type HubspotInstallApp } from '../../app/install-hubspot';
import type { Tenant } from '../../domain/tenants/tenant';
import type { CredentialStore } from '../db/credential.store';
import type { OauthStateStore } from '../db/oauth-state.store';
import type { TenantStore } from '../db/tenant.store';

export const HUBSPOT_SCOPES = ['oauth', 'crm.objects.companies.read', 'crm.objects.companies.write', 'crm.objects.contacts.read', 'crm.objects.contacts.write'];
/**
 * Asked for but not required: reading lists lets admins select a batch by a saved segment; reading users lets
 * HubSpot's Super Admins administer Accord without being added to its admin list.
 */
export const HUBSPOT_OPTIONAL_SCOPES = ['crm.lists.read', 'settings.users.read'];

export interface InstallConfig {
  /** Null: redirect URIs are built from the request's Host header. */
  publicBaseUrl: string | null;
  hubspot: (HubspotInstallApp & { authorizeUrl: string }) | null;
  salesforce: { authorizeUrl: (state: string, redirectUri: string) => string; authorize: (code: string, redirectUri: string) => Promise<SalesforceAuthorization> } | null;
}

export interface InstallDeps {
  config: InstallConfig;
  tenants: TenantStore;
  credentials: CredentialStore;
  states: OauthStateStore;
  /** Runs after a HubSpot portal is installed (e.g. creating Accord's property group). */
  afterHubspotInstall?: (tenant: Tenant) => Promise<void>;
  nowMs?: () => number;
}

const callbackSchema = z.object({ code: z.string().min(1).max(2_000), state: z.string().min(1).max(200) });

function page(res: Response, title: string, body: string): void {
  res.type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function installRoutes(deps: InstallDeps): Router {
  const router = Router();
  const nowMs = deps.nowMs ?? Date.now;
  const redirectUri = (req: Request, crm: 'hubspot' | 'salesforce') =>
    `${(deps.config.publicBaseUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`).replace(/\/+$/, '')}/install/${crm}/callback`;

  async function checkedCallback(crm: 'hubspot' | 'salesforce', query: unknown): Promise<string> {
    const parsed = callbackSchema.safeParse(query);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'The install callback needs a code and a state.');
    if (!(await deps.states.consume(crm, parsed.data.state, nowMs()))) throw new AppError('FORBIDDEN', 'This install link has expired or was already used; start the install again.');
    return parsed.data.code;
  }

  router.get('/install/hubspot', async (req, res) => {
    const hubspot = deps.config.hubspot;
    if (!hubspot) throw new AppError('NOT_FOUND', 'HubSpot is not configured on this deployment.');
    const url = new URL(hubspot.authorizeUrl);
    url.searchParams.set('client_id', hubspot.clientId);
    url.searchParams.set('redirect_uri', redirectUri(req, 'hubspot'));
    url.searchParams.set('scope', HUBSPOT_SCOPES.join(' '));
    url.searchParams.set('optional_scope', HUBSPOT_OPTIONAL_SCOPES.join(' '));
    url.searchParams.set('state', await deps.states.issue('hubspot', nowMs()));
    res.redirect(302, url.toString());
  });

  router.get('/install/hubspot/callback', async (req, res) => {
    const hubspot = deps.config.hubspot;
    if (!hubspot) throw new AppError('NOT_FOUND', 'HubSpot is not configured on this deployment.');
    const code = await checkedCallback('hubspot', req.query);
    const tenant = await installHubspot({ tenants: deps.tenants, credentials: deps.credentials, app: hubspot }, { code, redirectUri: redirectUri(req, 'hubspot'), now: new Date(nowMs()) });
    await deps.afterHubspotInstall?.(tenant);
    req.log.info({ tenantId: tenant.id, portalId: tenant.externalId }, 'HubSpot portal installed');
    page(res, 'Accord is installed', `<p>Accord is now connected to HubSpot account ${escapeHtml(tenant.externalId)}. Add the Accord card to your company and contact records from the card library.</p>`);
  });

  router.get('/install/salesforce', async (req, res) => {
    const salesforce = deps.config.salesforce;
    if (!salesforce) throw new AppError('NOT_FOUND', 'Salesforce is not configured on this deployment.');
    res.redirect(302, salesforce.authorizeUrl(await deps.states.issue('salesforce', nowMs()), redirectUri(req, 'salesforce')));
  });

  router.get('/install/salesforce/callback', async (req, res) => {
    const salesforce = deps.config.salesforce;
    if (!salesforce) throw new AppError('NOT_FOUND', 'Salesforce is not configured on this deployment.');
    const code = await checkedCallback('salesforce', req.query);
    let authorization: SalesforceAuthorization;
    try {
      authorization = await salesforce.authorize(code, redirectUri(req, 'salesforce'));
    } catch (error) {
      throw new AppError('UNAUTHENTICATED', 'Salesforce did not accept the authorization; start the connection again.', { cause: error });
    }
    const { tenant, apiKey } = await connectSalesforce(deps, { authorization, now: new Date(nowMs()) });
    req.log.info({ tenantId: tenant.id, orgId: tenant.externalId }, 'Salesforce org connected');
    res.setHeader('Cache-Control', 'no-store');
    page(
      res,
      'Accord is connected',
      `<p>Salesforce org ${escapeHtml(tenant.externalId)} is connected. In Setup → Named Credentials → External Credentials → Accord, set the principal's <code>ApiKey</code> parameter to this key. It is shown only once:</p><pre>${escapeHtml(apiKey)}</pre>`,
    );
  });

  return router;
}
