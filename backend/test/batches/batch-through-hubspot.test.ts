/**
 * Batches end to end through the real HubSpot client, the rate governor and the sandbox HubSpot, on both databases:
 * estimate, approval, chunked run, canary pause, a 429 storm, cancel, undo with a conflicting edit. Each asserts the
 * CRM state, the ledger, the audit trail and the automation events.
 */
import { createHubspotClient } from '../../src/adapters/crm/hubspot/hubspot.client';
import { createHubspotPropertyAdmin } from '../../src/adapters/crm/hubspot/hubspot-property-admin';
import { startHubspotSandbox, type HubspotSandbox } from '../../src/adapters/crm/sandbox/hubspot';
import { ensureAccordProperties } from '../../src/app/ensure-accord-properties';
import { approveBatch } from '../../src/app/batches/approve-batch';
import { cancelBatch } from '../../src/app/batches/cancel-batch';
import { createBatch } from '../../src/app/batches/create-batch';
import { estimateBatch } from '../../src/app/batches/estimate-batch';
import { getBatch } from '../../src/app/batches/get-batch';
import { listBatchReview } from '../../src/app/batches/list-batch-review';
import { startBatch } from '../../src/app/batches/start-batch';
import { undoWholeBatch } from '../../src/app/batches/undo-whole-batch';
import { workBatch } from '../../src/app/batches/work-batch';
import { describeEachDatabase } from '../helpers/test-databases';
import { batchHarness } from './batch-harness';

let sandbox: HubspotSandbox;
beforeAll(async () => {
  // Many tenants share the one sandbox portal here; each tenant's own budget is the governor's concern.
  sandbox = await startHubspotSandbox({ rateLimit: { max: 10_000, windowMs: 10_000 } });
  // The install step: Accord's own properties, which every enrichment write stamps.
  await ensureAccordProperties({ admin: createHubspotPropertyAdmin({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url }) });
});
afterAll(() => sandbox.close());

const fast = () => new Promise<void>((resolve) => setTimeout(resolve, 5));
const enrichedFields = ['domain', 'industry', 'numberofemployees', 'phone', 'website'];
/** Property changes per enriched record: the five fields, and Accord's four stamp fields (reference, confidence, time, batch). */
const eventsPerRecord = enrichedFields.length + 4;

/** `auto` companies that match, then `review` and `unknown` ones; ids in that order. */
function seed(counts: { auto: number; review?: number; unknown?: number }): string[] {
  const names = [
    ...Array.from({ length: counts.auto }, (_, i) => `HARBOUR PLUMBING ${i}`),
    ...Array.from({ length: counts.review ?? 0 }, (_, i) => `REVIEW HARBOUR ${i}`),
    ...Array.from({ length: counts.unknown ?? 0 }, (_, i) => `UNKNOWN BAKERY ${i}`),
  ];
  return sandbox.seed('companies', names.map((name) => ({ properties: { name, city: 'Parramatta' } }))).map((r) => r.id);
}

describeEachDatabase('batches through HubSpot', (ctx) => {
  async function setup(grant: number) {
    const client = createHubspotClient({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url });
    return batchHarness({ database: ctx.database, crm: 'hubspot', client, object: 'companies', grant, virtualTime: true });
  }

  async function approved(h: Awaited<ReturnType<typeof setup>>, ids: string[], extra = {}) {
    const now = new Date();
    const draft = await createBatch(h.deps, { tenant: h.tenant, request: h.request(ids, extra), userId: 'admin-1', isAdmin: true, now });
    await estimateBatch(h.deps, { tenant: h.tenant, batchId: draft.id, now, rate: h.rate });
    return approveBatch(h.deps, { tenant: h.tenant, batchId: draft.id, userId: 'admin-1', isAdmin: true, now });
  }

  it('estimates without spending, then runs in chunks of 100: each record charged once, written once, audited', async () => {
    const h = await setup(200);
    const ids = seed({ auto: 120, review: 5, unknown: 5 });
    const requestsBefore = sandbox.requests.length;
    const eventsBefore = sandbox.automationEvents;
    const draft = await createBatch(h.deps, { tenant: h.tenant, request: h.request(ids), userId: 'admin-1', isAdmin: true, now: new Date() });
    const estimated = await estimateBatch(h.deps, { tenant: h.tenant, batchId: draft.id, now: new Date(), rate: h.rate });
    expect(estimated.state).toBe('awaiting_approval');
    expect(estimated.estimate).toMatchObject({
      records: 130,
      byBand: { auto: 120, review: 5, none: 5 },
      recordsChanging: 120,
      maxCredits: 120,
      balance: 200,
      withinCaps: true,
    });
    expect(estimated.estimate!.fieldChanges).toEqual(enrichedFields.map((field) => ({ field, count: 120 })));
    expect(estimated.estimate!.sample).toHaveLength(50);
    expect(sandbox.automationEvents).toBe(eventsBefore);
    expect(await h.credits.account(h.tenant.id)).toEqual({ balance: 200, reserved: 0, available: 200 });

    await expect(approveBatch(h.deps, { tenant: h.tenant, batchId: draft.id, userId: 'user-2', isAdmin: false, now: new Date() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const ok = await approveBatch(h.deps, { tenant: h.tenant, batchId: draft.id, userId: 'admin-1', isAdmin: true, now: new Date() });
    expect(ok).toMatchObject({ state: 'approved', approvedBy: 'admin-1' });
    expect(await h.credits.account(h.tenant.id)).toEqual({ balance: 200, reserved: 120, available: 80 });

    await startBatch(h.deps, { tenant: h.tenant, batchId: draft.id, isAdmin: true, mode: 'run', now: new Date() });
    expect(await workBatch(h.deps, { tenant: h.tenant, batchId: draft.id, sleep: fast })).toBe('completed');

    const done = await getBatch(h.deps, { tenant: h.tenant, batchId: draft.id });
    expect(done).toMatchObject({ state: 'completed', counts: { total: 130, done: 120, changed: 120, skipped: 5, failed: 0, review: 5, creditsSpent: 120 } });
    expect(await h.credits.account(h.tenant.id)).toEqual({ balance: 80, reserved: 0, available: 80 });
    expect(await h.credits.derivedFromLedger(h.tenant.id)).toEqual({ balance: 80, reserved: 0, available: 80 });
    expect(sandbox.automationEvents - eventsBefore).toBe(120 * eventsPerRecord);
    for (const id of ids.slice(0, 120)) {
      expect(sandbox.get('companies', id)?.properties).toMatchObject({ industry: 'CONSTRUCTION', numberofemployees: '35', city: 'Parramatta', accord_last_batch_id: draft.id, accord_reference_id: 'ref-1' });
    }
    for (const id of ids.slice(120)) expect(sandbox.get('companies', id)?.properties.industry ?? null).toBeNull();
    const audit = await h.enrichments.auditForRecord(h.tenant.id, 'company', ids[0]!);
    expect(audit.map((a) => [a.field, a.before, a.actor, a.batchId]).sort()).toEqual(enrichedFields.map((f) => [f, null, 'batch', draft.id]));
    // Two chunks (100 + 30): two batch reads and two batch updates for the run, two reads for the estimate.
    const calls = sandbox.requests.slice(requestsBefore).map((r) => `${r.method} ${r.path}`);
    expect(calls.filter((c) => c.endsWith('/batch/update'))).toHaveLength(2);
    expect(calls.filter((c) => c.endsWith('/batch/read'))).toHaveLength(4);
    const review = await listBatchReview(h.deps, { tenant: h.tenant, batchId: draft.id });
    expect(review.items.map((i) => i.recordId)).toEqual(ids.slice(120, 125));
  });

  it('refuses approval beyond the balance or the batch cap, and leaves nothing reserved', async () => {
    const h = await setup(3);
    const ids = seed({ auto: 5 });
    const draft = await createBatch(h.deps, { tenant: h.tenant, request: h.request(ids), userId: 'admin-1', isAdmin: true, now: new Date() });
    const estimated = await estimateBatch(h.deps, { tenant: h.tenant, batchId: draft.id, now: new Date(), rate: h.rate });
    expect(estimated.estimate).toMatchObject({ maxCredits: 5, withinCaps: false });
    await expect(approveBatch(h.deps, { tenant: h.tenant, batchId: draft.id, userId: 'admin-1', isAdmin: true, now: new Date() })).rejects.toMatchObject({ code: 'INSUFFICIENT_CREDITS' });
    const capped = await setup(100);
    const ids2 = seed({ auto: 5 });
    await expect(approved(capped, ids2, { maxCredits: 4 })).rejects.toMatchObject({ code: 'CAP_EXCEEDED' });
    expect(await capped.credits.account(capped.tenant.id)).toMatchObject({ reserved: 0 });
    await expect(startBatch(h.deps, { tenant: h.tenant, batchId: draft.id, isAdmin: true, mode: 'run', now: new Date() })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });

  it('runs the canary and pauses for review, then resumes to the end', async () => {
    const h = await setup(100);
    const ids = seed({ auto: 40 });
    const batch = await approved(h, ids, { canarySize: 10 });
    const eventsBefore = sandbox.automationEvents;
    await startBatch(h.deps, { tenant: h.tenant, batchId: batch.id, isAdmin: true, mode: 'canary', now: new Date() });
    expect(await workBatch(h.deps, { tenant: h.tenant, batchId: batch.id, sleep: fast })).toBe('paused');
    expect(await getBatch(h.deps, { tenant: h.tenant, batchId: batch.id })).toMatchObject({ state: 'paused', counts: { done: 10, changed: 10, creditsSpent: 10 } });
    expect(sandbox.automationEvents - eventsBefore).toBe(10 * eventsPerRecord);
    expect(ids.slice(0, 10).every((id) => sandbox.get('companies', id)?.properties.industry === 'CONSTRUCTION')).toBe(true);
    expect(ids.slice(10).every((id) => !sandbox.get('companies', id)?.properties.industry)).toBe(true);

    await startBatch(h.deps, { tenant: h.tenant, batchId: batch.id, isAdmin: true, mode: 'run', now: new Date() });
    expect(await workBatch(h.deps, { tenant: h.tenant, batchId: batch.id, sleep: fast })).toBe('completed');
    expect(await getBatch(h.deps, { tenant: h.tenant, batchId: batch.id })).toMatchObject({ counts: { done: 40, changed: 40, creditsSpent: 40 } });
    expect(sandbox.automationEvents - eventsBefore).toBe(40 * eventsPerRecord);
    expect(await h.credits.account(h.tenant.id)).toEqual({ balance: 60, reserved: 0, available: 60 });
  });

  it('rides out a 429 storm without charging or writing twice', async () => {
    const h = await setup(100);
    const ids = seed({ auto: 30 });
    const batch = await approved(h, ids);
    const eventsBefore = sandbox.automationEvents;
    await startBatch(h.deps, { tenant: h.tenant, batchId: batch.id, isAdmin: true, mode: 'run', now: new Date() });
    const requestsBefore = sandbox.requests.length;
    sandbox.injectFaults({ status429: 4 });
    expect(await workBatch(h.deps, { tenant: h.tenant, batchId: batch.id, sleep: fast })).toBe('completed');
    const statuses = sandbox.requests.slice(requestsBefore).map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    expect(sandbox.automationEvents - eventsBefore).toBe(30 * eventsPerRecord);
    expect(await getBatch(h.deps, { tenant: h.tenant, batchId: batch.id })).toMatchObject({ state: 'completed', counts: { changed: 30, failed: 0, creditsSpent: 30 } });
    expect(await h.credits.derivedFromLedger(h.tenant.id)).toEqual({ balance: 70, reserved: 0, available: 70 });
  });

  it('cancels between chunks and releases the unspent reservation', async () => {
    const h = await setup(300);
    const ids = seed({ auto: 250 });
    const batch = await approved(h, ids);
    await startBatch(h.deps, { tenant: h.tenant, batchId: batch.id, isAdmin: true, mode: 'run', now: new Date() });
    let chunks = 0;
    const result = await workBatch(h.deps, {
      tenant: h.tenant,
      batchId: batch.id,
      sleep: fast,
      // The admin cancels after the first chunk.
      onChunk: async () => {
        if (++chunks === 1) await cancelBatch(h.deps, { tenant: h.tenant, batchId: batch.id, isAdmin: true, now: new Date() });
      },
    });
    expect(chunks).toBe(1);
    expect(result).toBe('stopped');
    const after = await getBatch(h.deps, { tenant: h.tenant, batchId: batch.id });
    expect(after).toMatchObject({ state: 'cancelled', counts: { done: 100, changed: 100, creditsSpent: 100 } });
    expect(await h.credits.account(h.tenant.id)).toEqual({ balance: 200, reserved: 0, available: 200 });
    expect(ids.slice(100).every((id) => !sandbox.get('companies', id)?.properties.industry)).toBe(true);
  });

  it('undoes the whole batch, leaving alone a field a person changed since', async () => {
    const h = await setup(100);
    const ids = seed({ auto: 5 });
    const batch = await approved(h, ids);
    await startBatch(h.deps, { tenant: h.tenant, batchId: batch.id, isAdmin: true, mode: 'run', now: new Date() });
    await workBatch(h.deps, { tenant: h.tenant, batchId: batch.id, sleep: fast });
    // Someone edits one record's industry in HubSpot after the batch.
    expect(await h.records.write({ kind: 'company', recordId: ids[0]! }, { industry: 'RETAIL' })).toEqual({ ok: true });

    const undone = await undoWholeBatch({ ...h.deps, records: h.records }, { tenant: h.tenant, batchId: batch.id, userId: 'admin-1', isAdmin: true, now: new Date() });
    expect(undone.batch.state).toBe('undone');
    expect(undone.reverted).toBe(5);
    expect(undone.conflicts).toEqual([{ recordId: ids[0], field: 'industry', wrote: 'CONSTRUCTION', current: 'RETAIL' }]);
    expect(sandbox.get('companies', ids[0]!)?.properties).toMatchObject({ industry: 'RETAIL', domain: null });
    for (const id of ids.slice(1)) expect(sandbox.get('companies', id)?.properties.industry ?? '').toBe('');
    await expect(undoWholeBatch({ ...h.deps, records: h.records }, { tenant: h.tenant, batchId: batch.id, userId: 'admin-1', isAdmin: true, now: new Date() })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });
});
