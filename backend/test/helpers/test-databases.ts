/**
 * Runs a storage suite once per dialect: SQLite (a fresh in-memory database) and PostgreSQL (a fresh database in
 * the test run's server). Suite titles carry the dialect, so the output shows both ran.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DialectName } from '../../src/adapters/db/database';
import { migrateToLatest } from '../../src/adapters/db/migrate';

export const dialects: readonly DialectName[] = ['sqlite', 'postgres'];

function postgresAdminUrl(): string {
  const url = process.env.ACCORD_TEST_POSTGRES_URL;
  if (!url) throw new Error('ACCORD_TEST_POSTGRES_URL is not set: run the tests through jest (global-setup starts PostgreSQL)');
  return url;
}

/** A brand-new, empty database URL of the given dialect. */
export async function createEmptyDatabaseUrl(dialect: DialectName): Promise<string> {
  if (dialect === 'sqlite') return 'sqlite::memory:';
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  const name = `accord_test_${crypto.randomBytes(6).toString('hex')}`;
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function openTestDatabase(dialect: DialectName, options: { migrate?: boolean } = {}): Promise<Database> {
  const database = openDatabase(await createEmptyDatabaseUrl(dialect));
  if (options.migrate !== false) await migrateToLatest(database);
  return database;
}

/**
 * `describeEachDatabase('ledger store', (ctx) => { it(..., async () => ctx.database.db ...) })`
 * opens one migrated database per dialect for the suite and closes it afterwards.
 */
export function describeEachDatabase(title: string, body: (ctx: { readonly database: Database; readonly dialect: DialectName }) => void): void {
  describe.each(dialects)(`${title} [%s]`, (dialect) => {
    let database: Database | undefined;
    beforeAll(async () => {
      database = await openTestDatabase(dialect);
    });
    afterAll(async () => {
      await database?.destroy();
    });
    body({
      get database() {
        if (!database) throw new Error('database not open yet: use it inside a test or hook');
        return database;
      },
      dialect,
    });
  });
}
