/**
 * Accord backend entry point: parse config, open and migrate the database, serve HTTP, shut down gracefully.
 * Nothing is created at import time; `startAccord` does the wiring and tests can call it directly.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { DEMO_CREDITS, startDemoCrms, type DemoCrms } from './adapters/crm/sandbox/demo';
import { createCredentialStore } from './adapters/db/credential.store';
import { createCreditStore } from './adapters/db/credit.store';
import { createTenantStore } from './adapters/db/tenant.store';
import { createSecretBox } from './adapters/crypto/secret-box';
import { composeApp } from './compose';
import { startWorkers } from './compose-workers';
import type { JobQueue } from './adapters/queue/job-queue';
import { createInProcessQueue } from './adapters/queue/in-process-queue';
import { startPgBossQueue } from './adapters/queue/pg-boss-queue';
import { openDatabase, type Database } from './adapters/db/database';
import { migrateToLatest } from './adapters/db/migrate';
import { createLogger, type Logger } from './adapters/log/logger';
import { loadOrCreateLocalKey } from './adapters/crypto/secret-box';
import { createReferenceStore } from './adapters/db/reference.store';
import { buildReferenceIndex } from './app/build-reference-index';
import { DEMO_SEED, seedDemoReference } from './app/seed-demo-reference';
import { ConfigError, loadConfig, type Config } from './config';

export interface RunningAccord {
  url: string;
  database: Database;
  reference: { companies: number; people: number; seeded: boolean; indexSeconds: number };
  /** The in-process sandbox CRMs and their demo tenants, when sandbox mode is on. */
  demo: (DemoCrms & { hubspotClientSecret: string }) | null;
  stop(): Promise<void>;
}

export async function startAccord(config: Config, logger: Logger): Promise<RunningAccord> {
  const database = openDatabase(config.databaseUrl);
  try {
    await database.ping();
    const migrations = await migrateToLatest(database);
    logger.info({ applied: migrations.applied, latest: migrations.latest }, 'database migrated');
    const encryptionKey = config.encryptionKey ?? loadOrCreateLocalKey(config.dataDir);
    const referenceStore = createReferenceStore(database);
    const seeded = config.demoData.enabled
      ? await seedDemoReference({ reference: referenceStore }, { companies: config.demoData.companies, now: new Date() })
      : { seeded: false };
    const indexStarted = Date.now();
    const index = await buildReferenceIndex({ reference: referenceStore }, { defaultCountry: 'AU' });
    const reference = { ...index.stats, seeded: seeded.seeded, indexSeconds: (Date.now() - indexStarted) / 1000 };
    logger.info(reference, 'reference index built');
    let demo: RunningAccord['demo'] = null;
    let hubspot = config.hubspot;
    let salesforce = config.salesforce;
    if (config.sandbox) {
      const stores = { tenants: createTenantStore(database), credentials: createCredentialStore(database, createSecretBox(encryptionKey)), credits: createCreditStore(database) };
      const crms = await startDemoCrms(stores, { referenceSeed: DEMO_SEED, companies: index.stats.companies, people: index.stats.people, records: 200, now: new Date() });
      const hubspotClientSecret = sandboxSecret(config.dataDir);
      demo = { ...crms, hubspotClientSecret };
      hubspot = { clientId: 'accord-sandbox', clientSecret: hubspotClientSecret, appId: null, apiBaseUrl: crms.hubspot.sandbox.url, authorizeUrl: `${crms.hubspot.sandbox.url}/oauth/authorize` };
      salesforce = { clientId: 'accord-sandbox', clientSecret: 'accord-sandbox-secret', loginUrl: crms.salesforce.sandbox.url, apiVersion: '62.0' };
      logger.info({ hubspot: crms.hubspot.sandbox.url, salesforce: crms.salesforce.sandbox.url }, 'sandbox CRMs started');
    }
    const queue: JobQueue =
      database.dialect === 'postgres'
        ? await startPgBossQueue({ connectionString: config.databaseUrl, onError: (error) => logger.error({ err: error }, 'job queue error') })
        : createInProcessQueue({ onError: (error, job) => logger.error({ err: error, job: job.name }, 'job failed') });
    const composed = composeApp({
      database,
      logger,
      encryptionKey,
      index,
      reference: referenceStore,
      hubspot,
      salesforce,
      publicBaseUrl: config.publicBaseUrl,
      checkReplies: config.env !== 'production',
      queue,
    });
    const { app, connections } = composed;
    if (demo) await connections.ensureAccordFields(demo.hubspot.tenant);
    const workers = await startWorkers({
      queue,
      database,
      wiring: composed.batches,
      tenants: composed.stores.tenants,
      connections,
      governor: composed.governor,
      matcher: composed.matcher,
      matches: composed.stores.matches,
      logger,
      scheduleRun: composed.scheduleRun!,
      syncIntervalMs: config.syncIntervalMs,
    });
    const server = await listen(app, config.port, config.host);
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    return {
      url,
      database,
      reference,
      demo,
      stop: async () => {
        await closeServer(server, config.shutdownTimeoutMs);
        await workers.stop();
        await demo?.close();
        await database.destroy();
      },
    };
  } catch (error) {
    await database.destroy().catch(() => undefined);
    throw error;
  }
}

/** The sandbox app's HubSpot client secret, kept in the data dir so the signing helper (scripts/hubspot-sign.ts) can sign with it. */
export function sandboxSecret(dataDir: string): string {
  const file = path.join(dataDir, 'sandbox-hubspot-client-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function listen(app: ReturnType<typeof composeApp>['app'], port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

function closeServer(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, timeoutMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

function banner(config: Config, running: RunningAccord): string {
  return [
    '',
    '  Accord backend is running',
    `  URL        ${running.url}`,
    `  Health     ${running.url}/healthz   Ready ${running.url}/readyz`,
    `  Database   ${running.database.description}`,
    `  Reference  ${running.reference.companies.toLocaleString('en')} companies, ${running.reference.people.toLocaleString('en')} people` +
      `${running.reference.seeded ? ' (demo data, generated on this first start)' : ''}; indexed in ${running.reference.indexSeconds.toFixed(1)} s`,
    `  Data dir   ${config.dataDir}`,
    `  Mode       ${config.env}${config.encryptionKey ? '' : ' (local encryption key file)'}`,
    '  API docs   ' + running.url + '/docs   Metrics ' + running.url + '/metrics',
    ...(running.demo ? sandboxLines(running) : []),
    '  Stop       Ctrl+C (SIGINT) or SIGTERM',
    '',
  ].join('\n');
}

/** The sandbox CRMs, their credentials, and three copy-paste requests (HubSpot-signed by scripts/hubspot-sign.ts). */
function sandboxLines(running: RunningAccord): string[] {
  const demo = running.demo!;
  const company = demo.hubspot.companyIds[0] ?? '1';
  const query = `portalId=${demo.hubspot.tenant.externalId}&userId=${demo.hubspot.adminUserId}`;
  const record = `${running.url}/api/v1/records/companies/${company}?${query}`;
  const enrich = `${running.url}/api/v1/records/companies/${company}/enrich?${query}`;
  const body = '{"idempotencyKey":"demo-enrich-1"}';
  const signed = (method: string, url: string, data?: string) =>
    `    curl -s ${method === 'GET' ? '' : `-X ${method} -H 'content-type: application/json' --data '${data}' `}$(npm run --silent sign -- ${method} '${url}'${data ? ` '${data}'` : ''}) '${url}'`;
  return [
    `  Sandbox    HubSpot portal ${demo.hubspot.tenant.externalId} at ${demo.hubspot.sandbox.url} (client secret in data dir: sandbox-hubspot-client-secret)`,
    `             Salesforce org ${demo.salesforce.tenant.externalId} at ${demo.salesforce.sandbox.url}; API key ${demo.salesforce.apiKey}`,
    `             ${demo.hubspot.companyIds.length} companies and ${demo.hubspot.contactIds.length} contacts in each CRM; ${DEMO_CREDITS} credits per tenant`,
    '  Try        (from the repo root) the match for a HubSpot company, its enrichment preview, then enrich it:',
    signed('GET', record),
    signed('GET', `${running.url}/api/v1/records/companies/${company}/preview?${query}`),
    signed('POST', enrich, body),
    `  Salesforce curl -s -H 'X-Accord-Api-Key: ${demo.salesforce.apiKey}' -H 'X-Accord-User-Id: ${demo.salesforce.userId}' '${running.url}/api/v1/records/Account/${demo.salesforce.accountIds[0] ?? ''}'`,
  ];
}

async function run(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env, process.env.INIT_CWD ?? process.cwd());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`accord: invalid configuration: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  let running: RunningAccord;
  try {
    running = await startAccord(config, logger);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, 'start-up failed');
    process.stderr.write(`accord: start-up failed: ${message}\n`);
    process.exit(1);
  }
  process.stderr.write(banner(config, running) + '\n');
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) void run();
