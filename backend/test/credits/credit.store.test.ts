import fc from 'fast-check';
import { createCreditStore } from '../../src/adapters/db/credit.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { describeEachDatabase } from '../helpers/test-databases';
import { creditBalanceSchema } from '@accord/shared';
import { getCreditBalance } from '../../src/app/get-credit-balance';

const now = new Date('2026-11-27T10:00:00.000Z');
let tenantCounter = 0;

describeEachDatabase('credits ledger', (ctx) => {
  async function tenant() {
    const t = await createTenantStore(ctx.database).install({ crm: 'hubspot', externalId: `credits-${++tenantCounter}`, name: 't', now });
    return t.id;
  }

  async function expectConsistent(tenantId: string) {
    const store = createCreditStore(ctx.database);
    const account = await store.account(tenantId);
    expect(account.balance).toBeGreaterThanOrEqual(0);
    expect(account.reserved).toBeGreaterThanOrEqual(0);
    expect(account.available).toBeGreaterThanOrEqual(0);
    expect(await store.derivedFromLedger(tenantId)).toEqual(account);
  }

  it('grants once per idempotency key', async () => {
    const store = createCreditStore(ctx.database);
    const t = await tenant();
    const first = await store.grant(t, { amount: 100, idempotencyKey: 'allowance:2026-11', now });
    const again = await store.grant(t, { amount: 100, idempotencyKey: 'allowance:2026-11', now });
    expect(again.id).toBe(first.id);
    expect(await store.account(t)).toEqual({ balance: 100, reserved: 0, available: 100 });
    await expectConsistent(t);
  });

  it('charges once, returns the first charge on a retry, and refuses what is not there', async () => {
    const store = createCreditStore(ctx.database);
    const t = await tenant();
    await store.grant(t, { amount: 2, idempotencyKey: 'g', now });
    const first = await store.debit(t, { amount: 1, idempotencyKey: 'enrich:r1:k1', userId: 'u1', now });
    expect(first.status).toBe('charged');
    const retry = await store.debit(t, { amount: 1, idempotencyKey: 'enrich:r1:k1', userId: 'u1', now });
    expect(retry).toEqual({ status: 'already_charged', entry: first.status === 'charged' ? first.entry : undefined });
    expect((await store.debit(t, { amount: 1, idempotencyKey: 'k2', now })).status).toBe('charged');
    expect(await store.debit(t, { amount: 1, idempotencyKey: 'k3', now })).toEqual({ status: 'insufficient', available: 0 });
    expect(await store.account(t)).toEqual({ balance: 0, reserved: 0, available: 0 });
    await expectConsistent(t);
  });

  it('charges exactly 10 of 50 concurrent enrichments against a balance of 10', async () => {
    const store = createCreditStore(ctx.database);
    const t = await tenant();
    await store.grant(t, { amount: 10, idempotencyKey: 'g', now });
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => store.debit(t, { amount: 1, idempotencyKey: `enrich:${i}`, now })));
    expect(outcomes.filter((o) => o.status === 'charged')).toHaveLength(10);
    expect(outcomes.filter((o) => o.status === 'insufficient')).toHaveLength(40);
    expect(await store.account(t)).toEqual({ balance: 0, reserved: 0, available: 0 });
    await expectConsistent(t);
  });

  it('charges 50 concurrent retries of one request once', async () => {
    const store = createCreditStore(ctx.database);
    const t = await tenant();
    await store.grant(t, { amount: 10, idempotencyKey: 'g', now });
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => store.debit(t, { amount: 1, idempotencyKey: 'enrich:same', now })));
    expect(outcomes.filter((o) => o.status === 'charged')).toHaveLength(1);
    expect(outcomes.every((o) => o.status === 'charged' || o.status === 'already_charged')).toBe(true);
    expect((await store.account(t)).balance).toBe(9);
    await expectConsistent(t);
  });

  it('refunds a charge once and never refunds what was not charged', async () => {
    const store = createCreditStore(ctx.database);
    const t = await tenant();
    await store.grant(t, { amount: 5, idempotencyKey: 'g', now });
    await store.debit(t, { amount: 2, idempotencyKey: 'd1', now });
    expect((await store.refund(t, { debitKey: 'd1', now })).status).toBe('refunded');
    expect((await store.refund(t, { debitKey: 'd1', now })).status).toBe('already_refunded');
    expect(await store.refund(t, { debitKey: 'nope', now })).toEqual({ status: 'not_found' });
    expect(await store.refund(t, { debitKey: 'g', now })).toEqual({ status: 'not_found' });
    expect((await store.account(t)).balance).toBe(5);
    await expectConsistent(t);
  });

  it('keeps within the monthly cap and records alerts at 50, 80 and 100%', async () => {
    const store = createCreditStore(ctx.database);
    const t = await tenant();
    await store.grant(t, { amount: 100, idempotencyKey: 'g', now });
    const caps = { monthly: 10 };
    for (let i = 0; i < 10; i++) expect((await store.debit(t, { amount: 1, idempotencyKey: `m${i}`, now, caps })).status).toBe('charged');
    expect(await store.debit(t, { amount: 1, idempotencyKey: 'm10', now, caps })).toEqual({ status: 'cap_exceeded', cap: 'monthly', limit: 10 });
    expect((await store.alerts(t, '2026-11')).map((a) => a.threshold)).toEqual([50, 80, 100]);
    expect((await store.account(t)).balance).toBe(90);
    const nextMonth = new Date('2026-12-01T00:00:00.000Z');
    expect((await store.debit(t, { amount: 1, idempotencyKey: 'm-dec', now: nextMonth, caps })).status).toBe('charged');
    await expectConsistent(t);
  });

  it('keeps each user within their daily cap', async () => {
    const store = createCreditStore(ctx.database);
    const t = await tenant();
    await store.grant(t, { amount: 100, idempotencyKey: 'g', now });
    const caps = { userDaily: 2 };
    expect((await store.debit(t, { amount: 1, idempotencyKey: 'a1', userId: 'alice', now, caps })).status).toBe('charged');
    expect((await store.debit(t, { amount: 1, idempotencyKey: 'a2', userId: 'alice', now, caps })).status).toBe('charged');
    expect((await store.debit(t, { amount: 1, idempotencyKey: 'a3', userId: 'alice', now, caps })).status).toBe('cap_exceeded');
    expect((await store.debit(t, { amount: 1, idempotencyKey: 'b1', userId: 'bob', now, caps })).status).toBe('charged');
    const tomorrow = new Date('2026-11-28T00:00:01.000Z');
    expect((await store.debit(t, { amount: 1, idempotencyKey: 'a4', userId: 'alice', now: tomorrow, caps })).status).toBe('charged');
    expect(await store.usageByUser(t, new Date('2026-11-01T00:00:00.000Z'))).toEqual([
      { userId: 'alice', credits: 3 },
      { userId: 'bob', credits: 1 },
    ]);
  });

  it('reserves for a batch, charges the batch from its reservation, and releases the rest', async () => {
    const store = createCreditStore(ctx.database);
    const t = await tenant();
    await store.grant(t, { amount: 10, idempotencyKey: 'g', now });
    expect(await store.reserve(t, { batchId: 'b1', amount: 20, now })).toEqual({ status: 'insufficient', available: 10 });
    expect((await store.reserve(t, { batchId: 'b1', amount: 6, now, cap: 5 })).status).toBe('cap_exceeded');
    expect((await store.reserve(t, { batchId: 'b1', amount: 6, now })).status).toBe('reserved');
    expect((await store.reserve(t, { batchId: 'b1', amount: 6, now })).status).toBe('already_reserved');
    expect(await store.account(t)).toEqual({ balance: 10, reserved: 6, available: 4 });
    // Single-record enrichment cannot spend what the batch holds.
    for (let i = 0; i < 4; i++) expect((await store.debit(t, { amount: 1, idempotencyKey: `single${i}`, now })).status).toBe('charged');
    expect((await store.debit(t, { amount: 1, idempotencyKey: 'single5', now })).status).toBe('insufficient');
    for (let i = 0; i < 4; i++) expect((await store.debit(t, { amount: 1, idempotencyKey: `b1:r${i}`, batchId: 'b1', now })).status).toBe('charged');
    expect(await store.batchReservation(t, 'b1')).toBe(2);
    expect(await store.release(t, { batchId: 'b1', now })).toEqual({ released: 2 });
    expect(await store.release(t, { batchId: 'b1', now })).toEqual({ released: 0 });
    expect(await store.account(t)).toEqual({ balance: 2, reserved: 0, available: 2 });
    expect(await store.usageByBatch(t, new Date('2026-11-01T00:00:00.000Z'))).toEqual([
      { batchId: 'b1', credits: 4 },
      { batchId: null, credits: 4 },
    ]);
    await expectConsistent(t);
  });

  it('expires unused allowance but never reserved credits', async () => {
    const store = createCreditStore(ctx.database);
    const t = await tenant();
    await store.grant(t, { amount: 10, idempotencyKey: 'g', now });
    await store.reserve(t, { batchId: 'b', amount: 4, now });
    expect(await store.expire(t, { amount: 10, idempotencyKey: 'expire:2026-11', now })).toEqual({ expired: 6 });
    expect(await store.expire(t, { amount: 10, idempotencyKey: 'expire:2026-11', now })).toEqual({ expired: 0 });
    expect(await store.account(t)).toEqual({ balance: 4, reserved: 4, available: 0 });
    await expectConsistent(t);
  });

  it('never goes negative and never charges a key twice, whatever the interleaving (property)', async () => {
    const store = createCreditStore(ctx.database);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('grant' as const), amount: fc.integer({ min: 0, max: 5 }), key: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constant('debit' as const), amount: fc.integer({ min: 0, max: 4 }), key: fc.integer({ min: 0, max: 15 }) }),
      fc.record({ kind: fc.constant('refund' as const), key: fc.integer({ min: 0, max: 15 }) }),
      fc.record({ kind: fc.constant('reserve' as const), amount: fc.integer({ min: 0, max: 6 }), key: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kind: fc.constant('batchDebit' as const), key: fc.integer({ min: 0, max: 15 }), batch: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kind: fc.constant('release' as const), batch: fc.integer({ min: 0, max: 2 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), async (rounds) => {
        const t = await tenant();
        for (const round of rounds) {
          // Each round's operations run concurrently.
          await Promise.all(
            round.map((o) => {
              switch (o.kind) {
                case 'grant':
                  return store.grant(t, { amount: o.amount, idempotencyKey: `g${o.key}`, now });
                case 'debit':
                  return store.debit(t, { amount: o.amount, idempotencyKey: `d${o.key}`, now });
                case 'refund':
                  return store.refund(t, { debitKey: `d${o.key}`, now });
                case 'reserve':
                  return store.reserve(t, { batchId: `b${o.key}`, amount: o.amount, now });
                case 'batchDebit':
                  return store.debit(t, { amount: 1, idempotencyKey: `bd${o.key}`, batchId: `b${o.batch}`, now });
                case 'release':
                  return store.release(t, { batchId: `b${o.batch}`, now });
              }
            }),
          );
          await expectConsistent(t);
        }
        const rows = await ctx.database.db.selectFrom('credit_ledger').select(['idempotency_key']).where('tenant_id', '=', t).where('kind', '=', 'debit').execute();
        expect(new Set(rows.map((r) => r.idempotency_key)).size).toBe(rows.length);
      }),
      { numRuns: 25 },
    );
  });
});


describeEachDatabase('credit balance view', (ctx) => {
  it('shows balance, reserved, this month\'s use against the cap, and alerts, in the shared contract', async () => {
    const tenants = createTenantStore(ctx.database);
    let tenant = await tenants.install({ crm: 'salesforce', externalId: 'balance-view', name: 't', now });
    tenant = (await tenants.updateSettings(tenant.id, { credits: { ...tenant.settings.credits, monthlyCap: 4 } }, now))!;
    const credits = createCreditStore(ctx.database);
    await credits.grant(tenant.id, { amount: 10, idempotencyKey: 'g', now });
    await credits.debit(tenant.id, { amount: 2, idempotencyKey: 'd1', now, caps: { monthly: 4 } });
    await credits.reserve(tenant.id, { batchId: 'b', amount: 3, now });
    const view = creditBalanceSchema.parse(await getCreditBalance({ credits }, { tenant, now }));
    expect(view).toEqual({ balance: 8, reserved: 3, available: 5, usedThisMonth: 2, monthlyCap: 4, alerts: [{ kind: 'monthly_cap', threshold: 50, at: now.toISOString() }] });
  });
});
