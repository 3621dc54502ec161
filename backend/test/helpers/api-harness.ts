/**
 * The production app (compose.ts) on a test database, wired to the sandbox HubSpot portal and Salesforce org, with a
 * small generated reference set and noisy CRM copies of it. Requests are signed as HubSpot signs them, or carry a
 * Salesforce org's API key, so tests go through the real authentication.
 */
import crypto from 'node:crypto';
import type { CrmCompany, CrmPerson } from '@accord/shared';
import request from 'supertest';
import { startHubspotSandbox, type HubspotSandbox } from '../../src/adapters/crm/sandbox/hubspot';
import { startSalesforceSandbox, type SalesforceSandbox } from '../../src/adapters/crm/sandbox/salesforce';
import { toCrmValues } from '../../src/adapters/crm/sandbox/crm-values';
import type { Database } from '../../src/adapters/db/database';
import { createReferenceStore } from '../../src/adapters/db/reference.store';
import { signHubspotRequest } from '../../src/adapters/http/auth/hubspot-signature';
import { buildReferenceIndex } from '../../src/app/build-reference-index';
import { connectSalesforce } from '../../src/app/connect-salesforce';
import { composeApp, type Composed } from '../../src/compose';
import { startWorkers } from '../../src/compose-workers';
import type { InProcessQueue } from '../../src/adapters/queue/in-process-queue';
import { generateCrmDataset } from '../../src/domain/synthetic/crm-dataset';
import { referenceCompanyAt, referencePersonAt } from '../../src/domain/synthetic/reference-generator';
import type { Tenant } from '../../src/domain/tenants/tenant';
import { captureLogs, type CapturedLogs } from './capture-logger';

export const PUBLIC_BASE_URL = 'https://accord.test';
export const HUBSPOT_SECRET = 'test-hubspot-client-secret';
const REFERENCE_SEED = 99;
const COMPANIES = 300;
const PEOPLE = 600;

export interface ApiHarness {
  composed: Composed;
  logs: CapturedLogs;
  hubspot: HubspotSandbox;
  salesforce: SalesforceSandbox;
  /** Labelled CRM copies of the reference set: `truth` is the reference id or null. */
  dataset: { record: CrmCompany | CrmPerson; truth: string | null }[];
  close(): Promise<void>;
}

export async function startApiHarness(database: Database, options: { rateLimit?: { perSecond: number; burst: number }; queue?: InProcessQueue } = {}): Promise<ApiHarness> {
  const hubspot = await startHubspotSandbox();
  const salesforce = await startSalesforceSandbox();
  const reference = createReferenceStore(database);
  if ((await reference.counts()).companies === 0) {
    const now = new Date();
    await reference.upsertMany(Array.from({ length: COMPANIES }, (_, i) => referenceCompanyAt(REFERENCE_SEED, i)), now);
    await reference.upsertMany(Array.from({ length: PEOPLE }, (_, i) => referencePersonAt(REFERENCE_SEED, i, { companies: COMPANIES })), now);
  }
  const index = await buildReferenceIndex({ reference }, { defaultCountry: 'AU' });
  const logs = captureLogs('info');
  const composed = composeApp({
    database,
    logger: logs.logger,
    encryptionKey: crypto.randomBytes(32),
    index,
    reference,
    hubspot: { clientId: 'accord-test', clientSecret: HUBSPOT_SECRET, appId: '4242', apiBaseUrl: hubspot.url, authorizeUrl: `${hubspot.url}/oauth/authorize` },
    salesforce: { clientId: 'accord-test', clientSecret: 'salesforce-test-secret', loginUrl: salesforce.url, apiVersion: '62.0' },
    publicBaseUrl: PUBLIC_BASE_URL,
    checkReplies: true,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.queue ? { queue: options.queue } : {}),
  });
  const workers = options.queue
    ? await startWorkers({
        queue: options.queue,
        database,
        wiring: composed.batches,
        tenants: composed.stores.tenants,
        connections: composed.connections,
        governor: composed.governor,
        matcher: composed.matcher,
        matches: composed.stores.matches,
        logger: logs.logger,
        scheduleRun: composed.scheduleRun!,
        syncIntervalMs: 0,
      })
    : undefined;
  const dataset = [...generateCrmDataset({ seed: 5, referenceSeed: REFERENCE_SEED, companies: COMPANIES, people: PEOPLE, crmCompanies: 60, crmPeople: 40 })];
  return {
    composed,
    logs,
    hubspot,
    salesforce,
    dataset,
    close: async () => {
      await workers?.stop();
      await Promise.all([hubspot.close(), salesforce.close()]);
    },
  };
}

/** Installs the sandbox portal as a tenant the way the install flow leaves it (tokens stored, installer is admin). */
export async function installHubspotTenant(h: ApiHarness, options: { admins?: string[]; credits?: number } = {}): Promise<Tenant> {
  const { tenants, credentials, credits } = h.composed.stores;
  const tenant = await tenants.install({ crm: 'hubspot', externalId: String(h.hubspot.portalId), name: 'test portal', now: new Date() });
  const issued = h.hubspot.issueToken();
  await credentials.saveOAuthTokens(tenant.id, { accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresAt: new Date(Date.now() + 1_800_000).toISOString(), scopes: [] }, new Date());
  const updated = await tenants.updateSettings(tenant.id, { admins: options.admins ?? ['7001'] }, new Date());
  await credits.grant(tenant.id, { amount: options.credits ?? 100, idempotencyKey: `grant-${tenant.id}-${options.credits ?? 100}`, now: new Date() });
  await h.composed.connections.ensureAccordFields(tenant);
  return updated ?? tenant;
}

export async function connectSalesforceTenant(h: ApiHarness, options: { credits?: number } = {}): Promise<{ tenant: Tenant; apiKey: string }> {
  const { tenants, credentials, credits } = h.composed.stores;
  const tokens = h.salesforce.issueTokens();
  const connected = await connectSalesforce(
    { tenants, credentials },
    { authorization: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, instanceUrl: h.salesforce.url, organizationId: '00D000000000001AAA', userId: '005000000000001AAA' }, now: new Date() },
  );
  await credits.grant(connected.tenant.id, { amount: options.credits ?? 100, idempotencyKey: `grant-${connected.tenant.id}`, now: new Date() });
  return connected;
}

/** Seeds CRM copies (with a reference counterpart when `matched`) into the sandbox portal; returns their HubSpot ids. */
export function seedHubspotCompanies(h: ApiHarness, count: number, options: { matched: boolean } = { matched: true }): { id: string; truth: string | null }[] {
  const picked = h.dataset.filter((d) => d.record.kind === 'company' && (d.truth !== null) === options.matched).slice(0, count);
  const seeded = h.hubspot.seed('companies', picked.map((d) => ({ properties: toCrmValues('companies', d.record) })));
  return seeded.map((r, i) => ({ id: r.id, truth: picked[i]!.truth }));
}

let clock = Date.now();
/** A unique timestamp per signed request (real HubSpot requests differ in time; identical ones would be replays). */
function nextTimestamp(): number {
  clock = Math.max(clock + 1, Date.now());
  return clock;
}

export interface SignedOptions {
  portalId: string | number;
  userId: string | number;
  body?: unknown;
  secret?: string;
  timestampMs?: number;
}

/** A request signed as HubSpot signs `hubspot.fetch` calls (v3), with portalId and userId in the query string. */
export function hubspotRequest(h: ApiHarness, method: 'GET' | 'POST' | 'PUT', path: string, options: SignedOptions): request.Test {
  const sep = path.includes('?') ? '&' : '?';
  const pathWithQuery = `${path}${sep}portalId=${options.portalId}&userId=${options.userId}`;
  const body = options.body === undefined ? '' : JSON.stringify(options.body);
  const timestampMs = options.timestampMs ?? nextTimestamp();
  const signature = signHubspotRequest({ clientSecret: options.secret ?? HUBSPOT_SECRET, method, url: `${PUBLIC_BASE_URL}${pathWithQuery}`, body, timestampMs });
  const agent = request(h.composed.app);
  const req = method === 'GET' ? agent.get(pathWithQuery) : method === 'POST' ? agent.post(pathWithQuery) : agent.put(pathWithQuery);
  req.set('X-HubSpot-Signature-v3', signature).set('X-HubSpot-Request-Timestamp', String(timestampMs));
  if (body) req.set('content-type', 'application/json').send(body);
  return req;
}

export function salesforceRequest(h: ApiHarness, method: 'GET' | 'POST' | 'PUT', path: string, options: { apiKey: string; userId?: string; canApprove?: boolean; body?: unknown }): request.Test {
  const agent = request(h.composed.app);
  const req = method === 'GET' ? agent.get(path) : method === 'POST' ? agent.post(path) : agent.put(path);
  req.set('X-Accord-Api-Key', options.apiKey).set('X-Accord-User-Id', options.userId ?? '005000000000001AAA').set('X-Accord-Can-Approve', String(options.canApprove ?? false));
  if (options.body !== undefined) req.set('content-type', 'application/json').send(JSON.stringify(options.body));
  return req;
}
