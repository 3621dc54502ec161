/**
 * The demo CRMs `npm start` runs when no real HubSpot or Salesforce app is configured: a sandbox HubSpot portal and a
 * sandbox Salesforce org in this process, seeded with noisy copies of the demo reference data, installed as tenants
 * with tokens (and, for Salesforce, an API key) exactly as the install flows would leave them.
 */
import crypto from 'node:crypto';
import { generateCrmDataset } from '../../../domain/synthetic/crm-dataset';
import type { Tenant } from '../../../domain/tenants/tenant';
import { connectSalesforce } from '../../../app/connect-salesforce';
import type { CreditStore } from '../../db/credit.store';
import type { CredentialStore } from '../../db/credential.store';
import type { TenantStore } from '../../db/tenant.store';
import { startHubspotSandbox, type HubspotSandbox } from './hubspot';
import { SANDBOX_INSTALLER } from './hubspot/oauth';
import { startSalesforceSandbox, type SalesforceSandbox } from './salesforce';
import { SANDBOX_ORG_ID, SANDBOX_USER_ID } from './salesforce/oauth';
import { toCrmValues } from './crm-values';

export const DEMO_CREDITS = 1_000;
/** The sandbox org's admin user (what the package's Apex would send as X-Accord-User-Id). */
export const SANDBOX_SALESFORCE_USER = SANDBOX_USER_ID;

export interface DemoCrms {
  hubspot: { sandbox: HubspotSandbox; tenant: Tenant; clientSecret: string; adminUserId: string; companyIds: string[]; contactIds: string[] };
  salesforce: { sandbox: SalesforceSandbox; tenant: Tenant; apiKey: string; userId: string; accountIds: string[] };
  close(): Promise<void>;
}

export async function startDemoCrms(
  deps: { tenants: TenantStore; credentials: CredentialStore; credits: CreditStore },
  input: { referenceSeed: number; companies: number; people: number; records: number; now: Date },
): Promise<DemoCrms> {
  const hubspot = await startHubspotSandbox();
  const salesforce = await startSalesforceSandbox();
  const data = [...generateCrmDataset({ seed: 7, referenceSeed: input.referenceSeed, companies: input.companies, people: input.people, crmCompanies: input.records, crmPeople: input.records })];
  // Records with a reference counterpart first, so the first ids shown in the banner have a match to show.
  data.sort((a, b) => Number(b.truth !== null) - Number(a.truth !== null));
  const companies = data.flatMap((d) => (d.record.kind === 'company' ? [d.record] : []));
  const people = data.flatMap((d) => (d.record.kind === 'person' ? [d.record] : []));

  const companyIds = hubspot.seed('companies', companies.map((c) => ({ properties: toCrmValues('companies', c) }))).map((r) => r.id);
  const contactIds = hubspot.seed('contacts', people.map((p) => ({ properties: toCrmValues('contacts', p) }))).map((r) => r.id);
  const hubspotTenant = await deps.tenants.install({ crm: 'hubspot', externalId: String(hubspot.portalId), name: 'Sandbox HubSpot portal', now: input.now });
  const issued = hubspot.issueToken();
  await deps.credentials.saveOAuthTokens(
    hubspotTenant.id,
    { accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresAt: new Date(input.now.getTime() + issued.expiresIn * 1000).toISOString(), scopes: [] },
    input.now,
  );
  const adminUserId = String(SANDBOX_INSTALLER.id);
  const hubspotReady = (await deps.tenants.updateSettings(hubspotTenant.id, { admins: [...new Set([...hubspotTenant.settings.admins, adminUserId])] }, input.now)) ?? hubspotTenant;

  const accountIds = salesforce.seed('Account', companies.map((c) => toCrmValues('Account', c)));
  salesforce.seed('Contact', people.map((p) => ({ ...toCrmValues('Contact', p), LastName: p.lastName ?? 'Unknown' })));
  const tokens = salesforce.issueTokens();
  const { tenant: salesforceTenant, apiKey } = await connectSalesforce(deps, {
    authorization: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, instanceUrl: salesforce.url, organizationId: SANDBOX_ORG_ID, userId: SANDBOX_SALESFORCE_USER },
    now: input.now,
  });

  for (const tenant of [hubspotReady, salesforceTenant]) {
    await deps.credits.grant(tenant.id, { amount: DEMO_CREDITS, idempotencyKey: `demo-grant-${tenant.id}`, note: 'demo credits', now: input.now });
  }
  return {
    hubspot: { sandbox: hubspot, tenant: hubspotReady, clientSecret: crypto.randomBytes(24).toString('base64url'), adminUserId, companyIds, contactIds },
    salesforce: { sandbox: salesforce, tenant: salesforceTenant, apiKey, userId: SANDBOX_SALESFORCE_USER, accountIds },
    close: async () => {
      await Promise.all([hubspot.close(), salesforce.close()]);
    },
  };
}
