/**
 * `npm run --silent accord -- batches ...` as an operator runs it, in a child process: against a SQLite file, a
 * tenant whose HubSpot tokens are stored encrypted, the real matcher over an imported reference record, and the
 * sandbox HubSpot (running here, in the test process).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHubspotPropertyAdmin } from '../../src/adapters/crm/hubspot/hubspot-property-admin';
import { startHubspotSandbox, type HubspotSandbox } from '../../src/adapters/crm/sandbox/hubspot';
import { createSecretBox } from '../../src/adapters/crypto/secret-box';
import { createCredentialStore } from '../../src/adapters/db/credential.store';
import { createCreditStore } from '../../src/adapters/db/credit.store';
import { openDatabase } from '../../src/adapters/db/database';
import { migrateToLatest } from '../../src/adapters/db/migrate';
import { createReferenceStore } from '../../src/adapters/db/reference.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { ensureAccordProperties } from '../../src/app/ensure-accord-properties';
import { harbourPlumbing } from '../fixtures/enrichment';

jest.setTimeout(180_000);

const repoRoot = path.resolve(__dirname, '../../..');
let sandbox: HubspotSandbox;
let env: NodeJS.ProcessEnv;
let ids: string[];

function accord(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'accord', '--', ...args], { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(async () => {
  sandbox = await startHubspotSandbox();
  await ensureAccordProperties({ admin: createHubspotPropertyAdmin({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url }) });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-cli-batches-'));
  const key = crypto.randomBytes(32);
  env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: `sqlite:${path.join(dir, 'accord.sqlite')}`,
    ACCORD_DATA_DIR: dir,
    ACCORD_ENCRYPTION_KEY: key.toString('hex'),
    HUBSPOT_CLIENT_ID: 'accord-test',
    HUBSPOT_CLIENT_SECRET: 'accord-test-secret',
    HUBSPOT_API_BASE_URL: sandbox.url,
  };
  const database = openDatabase(env.DATABASE_URL!);
  await migrateToLatest(database);
  const now = new Date();
  const tenant = await createTenantStore(database).install({ crm: 'hubspot', externalId: String(sandbox.portalId), name: 'Sandbox portal', now });
  const token = sandbox.issueToken();
  await createCredentialStore(database, createSecretBox(key)).saveOAuthTokens(
    tenant.id,
    { accessToken: token.accessToken, refreshToken: token.refreshToken, expiresAt: new Date(Date.now() + 1_800_000).toISOString(), scopes: [] },
    now,
  );
  await createCreditStore(database).grant(tenant.id, { amount: 10, idempotencyKey: 'grant-1', now });
  await createReferenceStore(database).upsertMany([{ ...harbourPlumbing, state: 'NSW', postcode: '2000', country: 'AU' }], now);
  await database.destroy();
  const harbour = { name: 'HARBOUR PLUMBING P/L', website: 'https://www.harbourplumbing.com.au/contact', phone: '(02) 9876 5432' };
  ids = sandbox.seed('companies', [{ properties: harbour }, { properties: { ...harbour } }, { properties: { name: 'Completely Unrelated Bakery' } }]).map((r) => r.id);
});
afterAll(() => sandbox.close());

describe('accord batches (command line)', () => {
  it('creates, estimates, approves, runs, lists and undoes a batch, with --json for scripts', async () => {
    const tenant = `hubspot:${sandbox.portalId}`;
    const created = await accord(['batches', 'create', '--tenant', tenant, '--object', 'companies', '--ids', ids.join(','), '--json']);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const batch = JSON.parse(created.stdout) as { id: string; state: string };
    expect(batch.state).toBe('draft');

    const estimated = await accord(['batches', 'estimate', batch.id, '--tenant', tenant, '--json']);
    expect(estimated.status).toBe(0);
    expect(JSON.parse(estimated.stdout)).toMatchObject({ state: 'awaiting_approval', estimate: { records: 3, byBand: { auto: 2, none: 1 }, recordsChanging: 2, maxCredits: 2 } });
    expect(sandbox.get('companies', ids[0]!)?.properties.industry ?? null).toBeNull();

    const approved = await accord(['batches', 'approve', batch.id, '--tenant', tenant, '--user', 'ops-1', '--json']);
    expect(JSON.parse(approved.stdout)).toMatchObject({ state: 'approved', approvedBy: 'ops-1' });

    const ran = await accord(['batches', 'run', batch.id, '--tenant', tenant, '--json']);
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ state: 'completed', counts: { total: 3, done: 2, changed: 2, skipped: 1, creditsSpent: 2 } });
    expect(sandbox.get('companies', ids[0]!)?.properties).toMatchObject({ industry: 'CONSTRUCTION', accord_last_batch_id: batch.id });

    const listed = await accord(['batches', 'list', '--tenant', tenant]);
    expect(listed.stdout).toMatch(new RegExp(`^${batch.id} completed enrich company total=3 done=2 changed=2 skipped=1 review=0 failed=0 credits=2 max_credits=\\d+$`, 'm'));

    const refused = await accord(['batches', 'pause', batch.id, '--tenant', tenant]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^accord: ILLEGAL_TRANSITION: A batch that is completed cannot pause\./);

    const undone = await accord(['batches', 'undo', batch.id, '--tenant', tenant, '--json']);
    expect(JSON.parse(undone.stdout)).toMatchObject({ state: 'undone' });
    expect(sandbox.get('companies', ids[0]!)?.properties.industry ?? null).toBeNull();
  });

  it('refuses a missing tenant or action with a usage message', async () => {
    const noTenant = await accord(['batches', 'list']);
    expect(noTenant.status).toBe(1);
    expect(noTenant.stderr).toMatch(/batches needs --tenant/);
    const unknown = await accord(['batches', 'explode', '--tenant', 'x']);
    expect(unknown.stderr).toMatch(/batches needs one of: list, create, estimate/);
  });
});
