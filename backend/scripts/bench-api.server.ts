/**
 * The server side of bench:api, run as a child process so the load generator does not share its event loop: the
 * production app on a fresh SQLite database with a generated reference set, four installed HubSpot portals, and
 * record pages already matched (the "match is stored" case the target is about). Reports its URL over IPC.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHubspotSandbox } from '../src/adapters/crm/sandbox/hubspot';
import { toCrmValues } from '../src/adapters/crm/sandbox/crm-values';
import { openDatabase } from '../src/adapters/db/database';
import { migrateToLatest } from '../src/adapters/db/migrate';
import { createReferenceStore } from '../src/adapters/db/reference.store';
import { signHubspotRequest } from '../src/adapters/http/auth/hubspot-signature';
import { createLogger } from '../src/adapters/log/logger';
import { buildReferenceIndex } from '../src/app/build-reference-index';
import { seedDemoReference, DEMO_SEED } from '../src/app/seed-demo-reference';
import { composeApp } from '../src/compose';
import { generateCrmDataset } from '../src/domain/synthetic/crm-dataset';

export const BENCH_SECRET = 'bench-hubspot-client-secret';
const PORTALS = 4;
const RECORDS_PER_PORTAL = 50;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-api-'));
  const database = openDatabase(`sqlite:${path.join(dir, 'bench.sqlite')}`);
  await migrateToLatest(database);
  const reference = createReferenceStore(database);
  const companies = 20_000;
  await seedDemoReference({ reference }, { companies, now: new Date() });
  const index = await buildReferenceIndex({ reference }, { defaultCountry: 'AU' });
  const hubspot = await startHubspotSandbox({ rateLimit: { max: 1_000_000, windowMs: 10_000 } });
  const composed = composeApp({
    database,
    logger: createLogger({ level: 'warn' }),
    encryptionKey: crypto.randomBytes(32),
    index,
    reference,
    hubspot: { clientId: 'bench', clientSecret: BENCH_SECRET, appId: null, apiBaseUrl: hubspot.url, authorizeUrl: `${hubspot.url}/oauth/authorize` },
    salesforce: null,
    publicBaseUrl: 'https://accord.bench',
    checkReplies: false,
  });
  const server = composed.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  // Server-side latency of each request, from the moment Node hands it over until the reply is written.
  let measuring = false;
  const serverMs: number[] = [];
  server.on('request', (_req, res) => {
    if (!measuring) return;
    const started = process.hrtime.bigint();
    res.on('finish', () => serverMs.push(Number(process.hrtime.bigint() - started) / 1e6));
  });
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'measure') measuring = true;
    if (message.type === 'stats') {
      const sorted = [...serverMs].sort((a, b) => a - b);
      const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
      process.send?.({ type: 'stats', count: sorted.length, p50: at(0.5), p99: at(0.99) });
    }
  });
  const port = (server.address() as { port: number }).port;

  const dataset = [...generateCrmDataset({ seed: 11, referenceSeed: DEMO_SEED, companies, people: companies * 2, crmCompanies: PORTALS * RECORDS_PER_PORTAL, crmPeople: 0 })];
  const ids = hubspot.seed('companies', dataset.map((d) => ({ properties: toCrmValues('companies', d.record) }))).map((r) => r.id);
  const targets: { path: string }[] = [];
  for (let p = 0; p < PORTALS; p++) {
    const portalId = String(90_000 + p);
    const tenant = await composed.stores.tenants.install({ crm: 'hubspot', externalId: portalId, name: `bench ${p}`, now: new Date() });
    const issued = hubspot.issueToken();
    await composed.stores.credentials.saveOAuthTokens(tenant.id, { accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresAt: new Date(Date.now() + 1_800_000).toISOString(), scopes: [] }, new Date());
    await composed.stores.credits.grant(tenant.id, { amount: 1_000, idempotencyKey: 'bench', now: new Date() });
    for (const id of ids.slice(p * RECORDS_PER_PORTAL, (p + 1) * RECORDS_PER_PORTAL)) {
      const pathWithQuery = `/api/v1/records/companies/${id}?portalId=${portalId}&userId=100`;
      // First view: reads the CRM, matches and stores; the bench then measures the stored case.
      const timestampMs = Date.now();
      const signature = signHubspotRequest({ clientSecret: BENCH_SECRET, method: 'GET', url: `https://accord.bench${pathWithQuery}`, body: '', timestampMs });
      const res = await fetch(`http://127.0.0.1:${port}${pathWithQuery}`, { headers: { 'X-HubSpot-Signature-v3': signature, 'X-HubSpot-Request-Timestamp': String(timestampMs) } });
      if (res.status !== 200) throw new Error(`priming ${pathWithQuery} answered ${res.status}: ${await res.text()}`);
      targets.push({ path: pathWithQuery });
    }
  }
  process.send?.({ url: `http://127.0.0.1:${port}`, publicBaseUrl: 'https://accord.bench', targets });
  process.on('disconnect', () => process.exit(0));
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench-api server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
