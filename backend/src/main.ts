/**
 * Accord backend entry point: parse config, open and migrate the database, serve HTTP, shut down gracefully.
 * Nothing is created at import time; `startAccord` does the wiring and tests can call it directly.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createHttpApp } from './adapters/http/app';
import { openDatabase, type Database } from './adapters/db/database';
import { migrateToLatest } from './adapters/db/migrate';
import { createLogger, type Logger } from './adapters/log/logger';
import { loadOrCreateLocalKey } from './adapters/crypto/secret-box';
import { createReferenceStore } from './adapters/db/reference.store';
import { buildReferenceIndex } from './app/build-reference-index';
import { seedDemoReference } from './app/seed-demo-reference';
import { ConfigError, loadConfig, type Config } from './config';

export interface RunningAccord {
  url: string;
  database: Database;
  reference: { companies: number; people: number; seeded: boolean; indexSeconds: number };
  stop(): Promise<void>;
}

export async function startAccord(config: Config, logger: Logger): Promise<RunningAccord> {
  const database = openDatabase(config.databaseUrl);
  try {
    await database.ping();
    const migrations = await migrateToLatest(database);
    logger.info({ applied: migrations.applied, latest: migrations.latest }, 'database migrated');
    // The key is resolved now so a bad key file stops start-up; the stores that use it arrive with the CRM issue.
    void (config.encryptionKey ?? loadOrCreateLocalKey(config.dataDir));
    const referenceStore = createReferenceStore(database);
    const seeded = config.demoData.enabled
      ? await seedDemoReference({ reference: referenceStore }, { companies: config.demoData.companies, now: new Date() })
      : { seeded: false };
    const indexStarted = Date.now();
    const index = await buildReferenceIndex({ reference: referenceStore }, { defaultCountry: 'AU' });
    const reference = { ...index.stats, seeded: seeded.seeded, indexSeconds: (Date.now() - indexStarted) / 1000 };
    logger.info(reference, 'reference index built');
    const app = createHttpApp({ logger, database });
    const server = await listen(app, config.port, config.host);
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    return {
      url,
      database,
      reference,
      stop: async () => {
        await closeServer(server, config.shutdownTimeoutMs);
        await database.destroy();
      },
    };
  } catch (error) {
    await database.destroy().catch(() => undefined);
    throw error;
  }
}

function listen(app: ReturnType<typeof createHttpApp>, port: number, host: string): Promise<Server> {
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
    '  Stop       Ctrl+C (SIGINT) or SIGTERM',
    '',
  ].join('\n');
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
