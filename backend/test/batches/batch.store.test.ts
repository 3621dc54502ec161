/** The batch store on both databases: conditional moves, exact item claims, lapsed leases, counts, trickle slots. */
import { createBatchStore, type NewBatch } from '../../src/adapters/db/batch.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { createMetrics } from '../../src/adapters/http/metrics';
import { creditPolicySchema } from '../../src/domain/credits/credit-policy';
import { describeEachDatabase } from '../helpers/test-databases';

const now = new Date('2026-11-28T03:00:00.000Z');
const newBatch: NewBatch = {
  crm: 'hubspot', object: 'companies', kind: 'company', type: 'enrich', selection: { by: 'ids', recordIds: ['1'] }, idempotencyKey: 'k', createdBy: 'u1', maxCredits: null,
  mapping: [], policy: creditPolicySchema.parse({}), canarySize: 25, recordsPerMinute: null,
};
let n = 0;

describeEachDatabase('batch store', (ctx) => {
  async function setup(records = 10) {
    const tenant = await createTenantStore(ctx.database).install({ crm: 'hubspot', externalId: `bs-${++n}`, name: 'x', now });
    const store = createBatchStore(ctx.database);
    const { batch } = await store.create(tenant.id, { ...newBatch, now });
    await store.addItems(tenant.id, batch.id, [...Array(records).keys()].map((i) => `r${i}`), now);
    return { tenantId: tenant.id, store, batch };
  }

  it('moves a batch only from the state it is in, once among concurrent callers', async () => {
    const { tenantId, store, batch } = await setup();
    const moves = await Promise.all([...Array(5)].map(() => store.move(tenantId, batch.id, { from: 'draft', to: 'estimating', now })));
    expect(moves.filter(Boolean)).toHaveLength(1);
    expect(await store.move(tenantId, batch.id, { from: 'draft', to: 'estimating', now })).toBe(false);
    expect(await store.move(tenantId, batch.id, { from: 'estimating', to: 'awaiting_approval', now, set: { reservedCredits: 7, runLimit: 3 } })).toBe(true);
    expect(await store.get(tenantId, batch.id)).toMatchObject({ state: 'awaiting_approval', reservedCredits: 7, runLimit: 3, selection: { by: 'ids' } });
    expect(await store.get('other-tenant', batch.id)).toBeUndefined();
    expect(await store.create(tenantId, { ...newBatch, now })).toMatchObject({ created: false, batch: { id: batch.id } });
  });

  it('totals the items of running batches by state for the progress gauge, and serves them at /metrics', async () => {
    const before = await createBatchStore(ctx.database).itemTotalsInState('running');
    const { tenantId, store, batch } = await setup(6);
    const idle = await setup(4);
    await store.move(tenantId, batch.id, { from: 'draft', to: 'running', now });
    const [claimed] = await store.claimItems(tenantId, batch.id, { size: 2, nowMs: 1_000, leaseMs: 60_000, seqBelow: null });
    await store.settleItem(tenantId, batch.id, { seq: claimed!.seq, claimedBy: claimed!.claimedBy!, state: 'done', changed: true, now });
    const totals = await store.itemTotalsInState('running');
    expect({ pending: totals.pending - before.pending, claimed: totals.claimed - before.claimed, done: totals.done - before.done }).toEqual({ pending: 4, claimed: 1, done: 1 });
    expect(idle.batch.state).toBe('draft');

    const metrics = createMetrics({ batchRecords: () => store.itemTotalsInState('running') });
    const text = await metrics.registry.metrics();
    expect(text).toContain(`accord_batch_records{state="pending"} ${totals.pending}`);
    expect(text).toContain(`accord_batch_records{state="done"} ${totals.done}`);
  });

  it('adds each record once, in order', async () => {
    const { tenantId, store, batch } = await setup(3);
    expect(await store.addItems(tenantId, batch.id, ['r1', 'r9', 'r9'], now)).toBe(1);
    expect((await store.items(tenantId, batch.id, { limit: 10 })).map((i) => [i.seq, i.crmRecordId])).toEqual([[0, 'r0'], [1, 'r1'], [2, 'r2'], [3, 'r9']]);
  });

  it('never hands one item to two concurrent claimers', async () => {
    const { tenantId, store, batch } = await setup(50);
    const claims = await Promise.all([...Array(8)].map(() => store.claimItems(tenantId, batch.id, { size: 10, nowMs: 1_000, leaseMs: 60_000, seqBelow: null })));
    const seqs = claims.flat().map((i) => i.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.length).toBeLessThanOrEqual(50);
    const rest = await store.claimItems(tenantId, batch.id, { size: 100, nowMs: 1_000, leaseMs: 60_000, seqBelow: null });
    expect(seqs.length + rest.length).toBe(50);
  });

  it('claims only below the canary limit, and takes over a lapsed claim', async () => {
    const { tenantId, store, batch } = await setup(10);
    const first = await store.claimItems(tenantId, batch.id, { size: 100, nowMs: 1_000, leaseMs: 5_000, seqBelow: 4 });
    expect(first.map((i) => i.seq)).toEqual([0, 1, 2, 3]);
    expect(await store.claimItems(tenantId, batch.id, { size: 100, nowMs: 2_000, leaseMs: 5_000, seqBelow: 4 })).toEqual([]);
    const takeover = await store.claimItems(tenantId, batch.id, { size: 2, nowMs: 7_000, leaseMs: 5_000, seqBelow: 4 });
    expect(takeover.map((i) => [i.seq, i.attempts])).toEqual([[0, 2], [1, 2]]);
    // The first claimer lost items 0 and 1, and still holds 2 and 3.
    expect(await store.settleItem(tenantId, batch.id, { seq: 0, claimedBy: first[0]!.claimedBy!, state: 'done', now })).toBe(false);
    expect(await store.settleItem(tenantId, batch.id, { seq: 2, claimedBy: first[2]!.claimedBy!, state: 'done', changed: true, now })).toBe(true);
    expect(await store.settleItem(tenantId, batch.id, { seq: 0, claimedBy: takeover[0]!.claimedBy!, state: 'review', now })).toBe(true);
    expect(await store.counts(tenantId, batch.id)).toEqual({ total: 10, pending: 6, claimed: 2, done: 1, changed: 1, skipped: 0, failed: 0, review: 1 });
  });

  it('a renewed claim does not lapse', async () => {
    const { tenantId, store, batch } = await setup(2);
    const [item] = await store.claimItems(tenantId, batch.id, { size: 1, nowMs: 1_000, leaseMs: 5_000, seqBelow: null });
    await store.renewClaim(tenantId, batch.id, { claimedBy: item!.claimedBy!, nowMs: 5_000 });
    expect((await store.claimItems(tenantId, batch.id, { size: 5, nowMs: 7_000, leaseMs: 5_000, seqBelow: null })).map((i) => i.seq)).toEqual([1]);
  });

  it('paces trickle chunks across workers', async () => {
    const { tenantId, store, batch } = await setup(1);
    const slots = await Promise.all([...Array(4)].map(() => store.takeChunkSlot(tenantId, batch.id, { nowMs: 1_000, nextAtMs: 31_000 })));
    expect(slots.filter((s) => s.ok)).toHaveLength(1);
    expect(await store.takeChunkSlot(tenantId, batch.id, { nowMs: 11_000, nextAtMs: 41_000 })).toEqual({ ok: false, waitMs: 20_000 });
    expect(await store.takeChunkSlot(tenantId, batch.id, { nowMs: 31_000, nextAtMs: 61_000 })).toEqual({ ok: true });
  });
});
