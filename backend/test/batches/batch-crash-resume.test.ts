/**
 * Crash safety and scale-out with real processes. The sandbox HubSpot runs here, in the test process, behind a
 * proxy that counts every record each write carried, so it outlives the workers:
 *  - a worker is killed with SIGKILL in the middle of a batch and started again: the batch completes with no record
 *    written twice, none skipped, and the ledger balanced (sum of debits = records charged);
 *  - two worker processes on one PostgreSQL database (pg-boss) share one batch: each record charged and written once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHubspotClient } from '../../src/adapters/crm/hubspot/hubspot.client';
import { createHubspotPropertyAdmin } from '../../src/adapters/crm/hubspot/hubspot-property-admin';
import { startHubspotSandbox, type HubspotSandbox } from '../../src/adapters/crm/sandbox/hubspot';
import { ensureAccordProperties } from '../../src/app/ensure-accord-properties';
import { openDatabase, type Database } from '../../src/adapters/db/database';
import { migrateToLatest } from '../../src/adapters/db/migrate';
import { approveBatch } from '../../src/app/batches/approve-batch';
import { createBatch } from '../../src/app/batches/create-batch';
import { estimateBatch } from '../../src/app/batches/estimate-batch';
import { getBatch } from '../../src/app/batches/get-batch';
import { startBatch } from '../../src/app/batches/start-batch';
import { startRecordingProxy, type RecordingProxy } from '../helpers/recording-proxy';
import { createEmptyDatabaseUrl } from '../helpers/test-databases';
import { batchHarness } from './batch-harness';

jest.setTimeout(180_000);

const childScript = path.join(__dirname, 'batch-worker.child.ts');
let sandbox: HubspotSandbox;
let proxy: RecordingProxy;
const children: ChildProcess[] = [];

beforeAll(async () => {
  sandbox = await startHubspotSandbox({ rateLimit: { max: 10_000, windowMs: 10_000 } });
  await ensureAccordProperties({ admin: createHubspotPropertyAdmin({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url }) });
  proxy = await startRecordingProxy(sandbox.url);
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await proxy.close();
  await sandbox.close();
});

function startWorker(config: { databaseUrl: string; tenantId: string }): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, ACCORD_CHILD: JSON.stringify({ ...config, hubspotUrl: proxy.url, accessToken: sandbox.issueToken().accessToken, leaseMs: 1_500 }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

async function until(check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A running batch of `count` matching companies, created and approved in the test process. */
async function runningBatch(database: Database, count: number) {
  const client = createHubspotClient({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url });
  const h = await batchHarness({ database, crm: 'hubspot', client, object: 'companies', grant: count + 50 });
  const ids = sandbox.seed('companies', Array.from({ length: count }, (_, i) => ({ properties: { name: `HARBOUR PLUMBING ${i}` } }))).map((r) => r.id);
  const now = new Date();
  const draft = await createBatch(h.deps, { tenant: h.tenant, request: h.request(ids), userId: 'admin-1', isAdmin: true, now });
  await estimateBatch(h.deps, { tenant: h.tenant, batchId: draft.id, now, rate: h.rate });
  await approveBatch(h.deps, { tenant: h.tenant, batchId: draft.id, userId: 'admin-1', isAdmin: true, now });
  await startBatch(h.deps, { tenant: h.tenant, batchId: draft.id, isAdmin: true, mode: 'run', now });
  return { h, ids, batchId: draft.id };
}

/** Every record written once and audited once per field, charged once; the ledger agrees with the account. */
async function expectExactlyOnce(run: Awaited<ReturnType<typeof runningBatch>>) {
  const { h, ids, batchId } = run;
  const batch = await getBatch(h.deps, { tenant: h.tenant, batchId });
  expect(batch).toMatchObject({ state: 'completed', counts: { total: ids.length, done: ids.length, changed: ids.length, failed: 0, creditsSpent: ids.length } });
  expect(ids.filter((id) => proxy.writes.get(id) !== 1)).toEqual([]);
  for (const id of ids) expect(sandbox.get('companies', id)?.properties.industry).toBe('CONSTRUCTION');
  const ledger = await h.credits.usageByBatch(h.tenant.id, new Date(0));
  expect(ledger).toEqual([{ batchId, credits: ids.length }]);
  const audits = await Promise.all(ids.map((id) => h.enrichments.auditForRecord(h.tenant.id, 'company', id)));
  // Six mapped fields fill on these records; each audited once.
  expect(audits.filter((a) => a.length !== 6 || new Set(a.map((w) => w.field)).size !== 6)).toEqual([]);
  expect(await h.credits.account(h.tenant.id)).toEqual({ balance: 50, reserved: 0, available: 50 });
  expect(await h.credits.derivedFromLedger(h.tenant.id)).toEqual({ balance: 50, reserved: 0, available: 50 });
}

describe.each(['sqlite', 'postgres'] as const)('a batch worker killed with SIGKILL [%s]', (dialect) => {
  it('resumes where it was: nothing written twice, nothing skipped, the ledger balanced', async () => {
    const databaseUrl = dialect === 'sqlite' ? `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accord-crash-')), 'accord.db')}` : await createEmptyDatabaseUrl('postgres');
    const database = openDatabase(databaseUrl);
    await migrateToLatest(database);
    try {
      const run = await runningBatch(database, 300);
      sandbox.injectFaults({ delayMs: 40 });
      const first = startWorker({ databaseUrl, tenantId: run.h.tenant.id });
      // Kill it in the middle of settling its first chunk: records written to HubSpot, not all recorded yet.
      await until(async () => (await run.h.deps.batches.counts(run.h.tenant.id, run.batchId)).done >= 20);
      first.child.kill('SIGKILL');
      await first.exited;
      const atKill = await run.h.deps.batches.counts(run.h.tenant.id, run.batchId);
      expect(atKill.done).toBeLessThan(300);
      const writtenAtKill = run.ids.filter((id) => proxy.writes.get(id) === 1).length;
      expect(writtenAtKill).toBeGreaterThan(atKill.done);

      const second = startWorker({ databaseUrl, tenantId: run.h.tenant.id });
      expect(await second.exited).toBe(0);
      sandbox.clearFaults();
      await expectExactlyOnce(run);
    } finally {
      sandbox.clearFaults();
      await database.destroy();
    }
  });
});

describe('two worker processes on one PostgreSQL database', () => {
  it('share one batch: each record charged and written exactly once', async () => {
    const databaseUrl = await createEmptyDatabaseUrl('postgres');
    const database = openDatabase(databaseUrl);
    await migrateToLatest(database);
    try {
      const run = await runningBatch(database, 600);
      sandbox.injectFaults({ delayMs: 20 });
      const workers = [startWorker({ databaseUrl, tenantId: run.h.tenant.id }), startWorker({ databaseUrl, tenantId: run.h.tenant.id })];
      const codes = await Promise.all(workers.map((w) => w.exited));
      sandbox.clearFaults();
      expect(codes.map((code, i) => (code === 0 ? 0 : workers[i]!.output()))).toEqual([0, 0]);
      const chunksPerWorker = workers.map((w) => (w.output().match(/^chunk \d+$/gm) ?? []).length);
      expect(chunksPerWorker.every((n) => n > 0)).toBe(true);
      await expectExactlyOnce(run);
    } finally {
      sandbox.clearFaults();
      await database.destroy();
    }
  });
});
