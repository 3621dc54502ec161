/**
 * The rest of a batch's life cycle through the sandbox HubSpot, on both databases: pause between chunks and resume,
 * rejection, admin-only actions, and selections by "modified since" and "never enriched".
 */
import { createHubspotClient } from '../../src/adapters/crm/hubspot/hubspot.client';
import { createHubspotPropertyAdmin } from '../../src/adapters/crm/hubspot/hubspot-property-admin';
import { startHubspotSandbox, type HubspotSandbox } from '../../src/adapters/crm/sandbox/hubspot';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { approveBatch } from '../../src/app/batches/approve-batch';
import { AUTO_ENRICH_ACTOR, autoEnrichNewRecords } from '../../src/app/batches/auto-enrich-new-records';
import { createBatch } from '../../src/app/batches/create-batch';
import { estimateBatch } from '../../src/app/batches/estimate-batch';
import { getBatch } from '../../src/app/batches/get-batch';
import { getBatchProgress } from '../../src/app/batches/get-batch-progress';
import { remainingSeconds } from '../../src/domain/batches/batch-progress';
import { listBatches } from '../../src/app/batches/list-batches';
import { pauseBatch } from '../../src/app/batches/pause-batch';
import { rejectBatch } from '../../src/app/batches/reject-batch';
import { startBatch } from '../../src/app/batches/start-batch';
import { workBatch } from '../../src/app/batches/work-batch';
import { ensureAccordProperties } from '../../src/app/ensure-accord-properties';
import { describeEachDatabase } from '../helpers/test-databases';
import { batchHarness } from './batch-harness';

let sandbox: HubspotSandbox;
beforeAll(async () => {
  sandbox = await startHubspotSandbox({ rateLimit: { max: 10_000, windowMs: 10_000 }, searchRateLimit: { max: 1_000, windowMs: 1_000 } });
  await ensureAccordProperties({ admin: createHubspotPropertyAdmin({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url }) });
});
afterAll(() => sandbox.close());

const fast = () => new Promise<void>((resolve) => setTimeout(resolve, 5));
const seed = (count: number) =>
  sandbox.seed('companies', Array.from({ length: count }, (_, i) => ({ properties: { name: `HARBOUR PLUMBING ${i}`, city: 'Parramatta' } }))).map((r) => r.id);

describeEachDatabase('a batch through its life cycle', (ctx) => {
  async function setup(grant = 1_000) {
    const client = createHubspotClient({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url });
    return batchHarness({ database: ctx.database, crm: 'hubspot', client, object: 'companies', grant, virtualTime: true });
  }
  type Harness = Awaited<ReturnType<typeof setup>>;
  const estimated = async (h: Harness, request: ReturnType<Harness['request']>) => {
    const draft = await createBatch(h.deps, { tenant: h.tenant, request, userId: 'admin-1', isAdmin: true, now: new Date() });
    return estimateBatch(h.deps, { tenant: h.tenant, batchId: draft.id, now: new Date(), rate: h.rate });
  };

  it('pauses between chunks and resumes where it stopped', async () => {
    const h = await setup();
    const ids = seed(250);
    const batch = await estimated(h, h.request(ids));
    await approveBatch(h.deps, { tenant: h.tenant, batchId: batch.id, userId: 'admin-1', isAdmin: true, now: new Date() });
    await startBatch(h.deps, { tenant: h.tenant, batchId: batch.id, isAdmin: true, mode: 'run', now: new Date() });
    const eventsBefore = sandbox.automationEvents;
    let chunks = 0;
    const first = await workBatch(h.deps, {
      tenant: h.tenant,
      batchId: batch.id,
      sleep: fast,
      onChunk: async () => {
        if (++chunks === 1) await pauseBatch(h.deps, { tenant: h.tenant, batchId: batch.id, isAdmin: true, now: new Date() });
      },
    });
    expect(first).toBe('paused');
    const paused = await getBatchProgress(h.deps, { tenant: h.tenant, batchId: batch.id, rate: { ...h.rate, batchLimit: 100 } });
    expect(paused).toMatchObject({ state: 'paused', counts: { done: 100, creditsSpent: 100 } });
    // 150 records left, all changing, at the tenant's share of HubSpot's limit (remainingSeconds has its own tests).
    const rate = { ...h.rate, sharePercent: h.tenant.settings.rateLimitSharePercent, batchLimit: 100 };
    expect(paused.etaSeconds).toBe(remainingSeconds({ pending: 150, changeRate: 1, rate, recordsPerMinute: null }));
    expect(await h.credits.account(h.tenant.id)).toMatchObject({ reserved: 150 });

    await startBatch(h.deps, { tenant: h.tenant, batchId: batch.id, isAdmin: true, mode: 'run', now: new Date() });
    expect(await workBatch(h.deps, { tenant: h.tenant, batchId: batch.id, sleep: fast })).toBe('completed');
    expect(await getBatch(h.deps, { tenant: h.tenant, batchId: batch.id })).toMatchObject({ counts: { done: 250, changed: 250, creditsSpent: 250 } });
    expect((await getBatchProgress(h.deps, { tenant: h.tenant, batchId: batch.id, rate: { ...h.rate, batchLimit: 100 } })).etaSeconds).toBe(0);
    // Five fields and Accord's four stamp fields per record, each record once.
    expect(sandbox.automationEvents - eventsBefore).toBe(250 * 9);
    expect(await h.credits.account(h.tenant.id)).toEqual({ balance: 750, reserved: 0, available: 750 });
  });

  it('is rejected with everything released, and only admins act on batches', async () => {
    const h = await setup();
    const batch = await estimated(h, h.request(seed(3)));
    await expect(createBatch(h.deps, { tenant: h.tenant, request: h.request(['1']), userId: 'u', isAdmin: false, now: new Date() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(rejectBatch(h.deps, { tenant: h.tenant, batchId: batch.id, isAdmin: false, now: new Date() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const rejected = await rejectBatch(h.deps, { tenant: h.tenant, batchId: batch.id, isAdmin: true, reason: 'not now', now: new Date() });
    expect(rejected.state).toBe('rejected');
    await expect(approveBatch(h.deps, { tenant: h.tenant, batchId: batch.id, userId: 'admin-1', isAdmin: true, now: new Date() })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(await h.credits.account(h.tenant.id)).toEqual({ balance: 1_000, reserved: 0, available: 1_000 });
    expect((await listBatches(h.deps, { tenant: h.tenant })).map((b) => b.id)).toEqual([batch.id]);
  });

  it('selects the records modified since a time, and the records never enriched', async () => {
    const h = await setup();
    const since = new Date(Date.now() + 1).toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const fresh = seed(4);
    const modified = await estimated(h, h.request([], { selection: { by: 'modified_since', since } }));
    expect(modified.counts.total).toBe(4);
    expect(modified.estimate).toMatchObject({ records: 4, recordsChanging: 4 });

    await approveBatch(h.deps, { tenant: h.tenant, batchId: modified.id, userId: 'admin-1', isAdmin: true, now: new Date() });
    await startBatch(h.deps, { tenant: h.tenant, batchId: modified.id, isAdmin: true, mode: 'run', now: new Date() });
    await workBatch(h.deps, { tenant: h.tenant, batchId: modified.id, sleep: fast });

    const never = await estimated(h, h.request([], { selection: { by: 'never_enriched' } }));
    expect(never.counts.total).toBe(sandbox.all('companies').length - fresh.length);
  });

  it('auto-enriches new records within the records-per-day rule, and leaves the rest for an admin', async () => {
    const h = await setup();
    const off = await autoEnrichNewRecords(h.deps, { tenant: h.tenant, object: 'companies', recordIds: seed(2), now: new Date(), rate: h.rate });
    expect(off).toEqual({ batch: null, decision: { approve: false, reason: 'off' } });

    const tenant = (await createTenantStore(ctx.database).updateSettings(h.tenant.id, { autoEnrich: { recordsPerDay: 5, monthlyCredits: null } }, new Date()))!;
    const first = await autoEnrichNewRecords(h.deps, { tenant, object: 'companies', recordIds: seed(3), now: new Date(), rate: h.rate });
    expect(first.decision).toEqual({ approve: true });
    expect(first.batch).toMatchObject({ state: 'running', approvedBy: AUTO_ENRICH_ACTOR, createdBy: AUTO_ENRICH_ACTOR });
    expect(await workBatch(h.deps, { tenant, batchId: first.batch!.id, sleep: fast })).toBe('completed');

    const second = await autoEnrichNewRecords(h.deps, { tenant, object: 'companies', recordIds: seed(3), now: new Date(), rate: h.rate });
    expect(second.decision).toEqual({ approve: false, reason: 'daily_records' });
    expect(second.batch).toMatchObject({ state: 'awaiting_approval', approvedBy: null });
    expect(await h.credits.account(h.tenant.id)).toEqual({ balance: 997, reserved: 0, available: 997 });
  });
});
