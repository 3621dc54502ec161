/** Stops the embedded PostgreSQL started by global-setup and removes its files. */
import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__accordEmbeddedPostgres;
  if (!started) return;
  await started.pg.stop();
  fs.rmSync(started.dir, { recursive: true, force: true });
  globalThis.__accordEmbeddedPostgres = undefined;
}
