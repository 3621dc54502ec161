import { createCreditStore } from '../../src/adapters/db/credit.store';
import { createEnrichmentStore } from '../../src/adapters/db/enrichment.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { enrichRecord } from '../../src/app/enrich-record';
import { previewEnrichment } from '../../src/app/preview-enrichment';
import { undoBatch, undoEnrichment } from '../../src/app/undo-enrichment';
import type { Tenant } from '../../src/domain/tenants/tenant';
import { InMemoryCrm } from '../fakes/in-memory-crm';
import { autoMatch, harbourPlumbing } from '../fixtures/enrichment';
import { describeEachDatabase } from '../helpers/test-databases';

const reference = harbourPlumbing;
const t = (minute: number) => new Date(Date.UTC(2026, 10, 27, 10, minute));

const matchOf = autoMatch;

let counter = 0;

describeEachDatabase('enriching a record', (ctx) => {
  async function setup(options: { credits?: number; settings?: Partial<Tenant['settings']> } = {}) {
    const tenants = createTenantStore(ctx.database);
    let tenant = await tenants.install({ crm: 'hubspot', externalId: `enrich-${++counter}`, name: 'x', now: t(0) });
    if (options.settings) tenant = (await tenants.updateSettings(tenant.id, options.settings, t(0)))!;
    const credits = createCreditStore(ctx.database);
    if (options.credits) await credits.grant(tenant.id, { amount: options.credits, idempotencyKey: 'allowance', now: t(0) });
    const crm = new InMemoryCrm();
    crm.put({ kind: 'company', recordId: 'hs-1' }, { domain: 'harbourplumbing.com.au', phone: '(02) 9876 5432', city: 'Parramatta', industry: null });
    const enrichments = createEnrichmentStore(ctx.database);
    const deps = { crm, credits, enrichments, referenceRecord: async (_kind: string, id: string) => (id === 'ref-1' ? reference : undefined) };
    return { tenant, crm, credits, enrichments, deps };
  }

  it('previews exactly which fields change, the cost and the balance, before spending anything', async () => {
    const { tenant, deps, credits, crm } = await setup({ credits: 5 });
    const preview = await previewEnrichment(deps, { tenant, match: matchOf('hs-1'), userId: 'u1', now: t(1) });
    expect(preview).toMatchObject({ recordId: 'hs-1', referenceId: 'ref-1', band: 'auto', cost: 1, balance: 5, blockedBy: null });
    const byField = Object.fromEntries(preview.changes.map((c) => [c.field, c]));
    expect(byField.phone).toMatchObject({ action: 'skip', reason: 'same_value' });
    expect(byField.city).toMatchObject({ action: 'skip', reason: 'policy_fill_empty', current: 'Parramatta', proposed: 'Sydney' });
    expect(byField.industry).toMatchObject({ action: 'fill', proposed: 'CONSTRUCTION' });
    expect((await credits.account(tenant.id)).balance).toBe(5);
    expect(crm.writes).toBe(0);
  });

  it('writes only the changed fields, charges once, and audits every field', async () => {
    const { tenant, deps, credits, crm, enrichments } = await setup({ credits: 5 });
    const done = await enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'card-key-1', userId: 'u1', now: t(1) });
    expect(done).toMatchObject({ state: 'written', credits: 1 });
    expect(crm.get({ kind: 'company', recordId: 'hs-1' })).toMatchObject({ industry: 'CONSTRUCTION', numberofemployees: 35, phone: '(02) 9876 5432', city: 'Parramatta' });
    // Accord's own fields ride along in the same write (no batch: the last batch id is left alone).
    expect(crm.get({ kind: 'company', recordId: 'hs-1' })).toMatchObject({ accord_reference_id: 'ref-1', accord_match_confidence: 0.99, accord_last_enriched_at: t(1).toISOString() });
    expect(crm.get({ kind: 'company', recordId: 'hs-1' })).not.toHaveProperty('accord_last_batch_id');
    expect(crm.writes).toBe(1);
    expect(crm.automationEvents).toBe(3 + 3);
    expect((await credits.account(tenant.id)).balance).toBe(4);
    const audit = await enrichments.auditForEnrichment(tenant.id, done.id);
    expect(audit.map((a) => [a.field, a.before, a.after])).toEqual([
      ['website', null, 'https://harbourplumbing.com.au'],
      ['industry', null, 'CONSTRUCTION'],
      ['numberofemployees', null, 35],
    ]);
    expect(audit[0]).toMatchObject({ actor: 'user', actorId: 'u1', referenceId: 'ref-1', confidence: 0.99, creditsCharged: 1, crm: 'hubspot' });
  });

  it('returns the first result to a retry and never charges twice, even when retried concurrently', async () => {
    const { tenant, deps, credits, crm } = await setup({ credits: 5 });
    const first = await enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'k', userId: 'u1', now: t(1) });
    const retries = await Promise.all(Array.from({ length: 10 }, () => enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'k', userId: 'u1', now: t(2) })));
    expect(retries.every((r) => r.id === first.id && r.state === 'written')).toBe(true);
    expect((await credits.account(tenant.id)).balance).toBe(4);
    expect(crm.writes).toBe(1);
  });

  it('refuses a key reused for another request', async () => {
    const { tenant, deps } = await setup({ credits: 5 });
    await enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'k', userId: 'u1', now: t(1) });
    const other = matchOf('hs-1', { candidate: { ...matchOf('hs-1').candidate!, referenceId: 'ref-2' } });
    await expect(enrichRecord(deps, { tenant, match: other, idempotencyKey: 'k', userId: 'u1', now: t(2) })).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('charges nothing and writes nothing when nothing would change, and re-enriching soon after is free', async () => {
    const { tenant, deps, credits, crm } = await setup({ credits: 5 });
    await enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'a', userId: 'u1', now: t(1) });
    const writes = crm.writes;
    const again = await enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'b', userId: 'u1', now: t(2) });
    expect(again.credits).toBe(0);
    expect(crm.writes).toBe(writes);
    expect((await credits.account(tenant.id)).balance).toBe(4);
  });

  it('never enriches a match in review until a person confirms it', async () => {
    const { tenant, deps, crm } = await setup({ credits: 5 });
    const review = matchOf('hs-1', { band: 'review', confidence: 0.7 });
    await expect(enrichRecord(deps, { tenant, match: review, idempotencyKey: 'r', userId: 'u1', now: t(1) })).rejects.toMatchObject({ code: 'MATCH_NEEDS_REVIEW' });
    expect((await previewEnrichment(deps, { tenant, match: review, userId: 'u1', now: t(1) })).blockedBy).toBe('MATCH_NEEDS_REVIEW');
    expect(crm.writes).toBe(0);
    const confirmed = { ...review, decidedBy: 'confirmed' as const };
    expect((await enrichRecord(deps, { tenant, match: confirmed, idempotencyKey: 'r2', userId: 'u1', now: t(2) })).state).toBe('written');
  });

  it('refuses without credits, and says so in the preview', async () => {
    const { tenant, deps, crm } = await setup({ credits: 0 });
    expect((await previewEnrichment(deps, { tenant, match: matchOf('hs-1'), userId: 'u1', now: t(1) })).blockedBy).toBe('INSUFFICIENT_CREDITS');
    await expect(enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'n', userId: 'u1', now: t(1) })).rejects.toMatchObject({ code: 'INSUFFICIENT_CREDITS' });
    await expect(enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'n', userId: 'u1', now: t(2) })).rejects.toMatchObject({ code: 'INSUFFICIENT_CREDITS' });
    expect(crm.writes).toBe(0);
  });

  it('keeps a user within their daily cap', async () => {
    const { tenant, deps, crm } = await setup({ credits: 5, settings: { credits: { creditsPerRecord: 1, freeReenrichWindowDays: 0, monthlyCap: null, perBatchCap: null, perUserDailyCap: 0, refundOnUndo: false } } });
    expect((await previewEnrichment(deps, { tenant, match: matchOf('hs-1'), userId: 'u1', now: t(1) })).blockedBy).toBe('CAP_EXCEEDED');
    await expect(enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'c', userId: 'u1', now: t(1) })).rejects.toMatchObject({ code: 'CAP_EXCEEDED' });
    expect(crm.writes).toBe(0);
  });

  it('refunds when the CRM refuses the write for good', async () => {
    const { tenant, deps, credits, crm } = await setup({ credits: 5 });
    crm.failNext({ ok: false, retryable: false, message: 'INVALID_FIELD' });
    await expect(enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'f', userId: 'u1', now: t(1) })).rejects.toMatchObject({ code: 'CRM_UNAVAILABLE' });
    expect((await credits.account(tenant.id)).balance).toBe(5);
    expect(await credits.derivedFromLedger(tenant.id)).toEqual(await credits.account(tenant.id));
  });

  it('resumes an interrupted write on retry without charging again', async () => {
    const { tenant, deps, credits, crm } = await setup({ credits: 5 });
    crm.failNext({ ok: false, retryable: true, message: '503' });
    await expect(enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'x', userId: 'u1', now: t(1) })).rejects.toMatchObject({ code: 'CRM_UNAVAILABLE' });
    expect((await credits.account(tenant.id)).balance).toBe(4);
    const retried = await enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'x', userId: 'u1', now: t(2) });
    expect(retried.state).toBe('written');
    expect((await credits.account(tenant.id)).balance).toBe(4);
    expect(crm.get({ kind: 'company', recordId: 'hs-1' })?.industry).toBe('CONSTRUCTION');
  });

  it('undoes an enrichment: writes the old values back and refunds nothing by default', async () => {
    const { tenant, deps, credits, crm, enrichments } = await setup({ credits: 5 });
    const done = await enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'u', userId: 'u1', now: t(1) });
    const result = await undoEnrichment(deps, { tenant, enrichmentId: done.id, userId: 'u2', now: t(2) });
    expect(result.conflicts).toEqual([]);
    expect(result.reverted.map((r) => r.field)).toEqual(['website', 'industry', 'numberofemployees']);
    expect(result.refunded).toBe(0);
    expect(crm.get({ kind: 'company', recordId: 'hs-1' })).toMatchObject({ industry: null, numberofemployees: null, website: null, city: 'Parramatta' });
    expect((await credits.account(tenant.id)).balance).toBe(4);
    expect((await enrichments.get(tenant.id, done.id))?.state).toBe('undone');
    await expect(undoEnrichment(deps, { tenant, enrichmentId: done.id, userId: 'u2', now: t(3) })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    const audit = await enrichments.auditForRecord(tenant.id, 'company', 'hs-1');
    expect(audit.filter((a) => a.actor === 'undo').map((a) => [a.field, a.before, a.after])).toEqual([
      ['website', 'https://harbourplumbing.com.au', null],
      ['industry', 'CONSTRUCTION', null],
      ['numberofemployees', 35, null],
    ]);
  });

  it('leaves a field a person changed since, and reports it as a conflict', async () => {
    const { tenant, deps, crm } = await setup({ credits: 5 });
    const done = await enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'c1', userId: 'u1', now: t(1) });
    crm.get({ kind: 'company', recordId: 'hs-1' })!.industry = 'RETAIL';
    const result = await undoEnrichment(deps, { tenant, enrichmentId: done.id, userId: 'u2', now: t(2) });
    expect(result.conflicts).toEqual([{ field: 'industry', wrote: 'CONSTRUCTION', current: 'RETAIL' }]);
    expect(result.reverted.map((r) => r.field)).toEqual(['website', 'numberofemployees']);
    expect(crm.get({ kind: 'company', recordId: 'hs-1' })?.industry).toBe('RETAIL');
  });

  it('does not overwrite later what a person edited after our write', async () => {
    const { tenant, deps, crm } = await setup({
      credits: 5,
      settings: { credits: { creditsPerRecord: 1, freeReenrichWindowDays: 0, monthlyCap: null, perBatchCap: null, perUserDailyCap: null, refundOnUndo: false } },
    });
    await enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'e1', userId: 'u1', now: t(1) });
    crm.get({ kind: 'company', recordId: 'hs-1' })!.numberofemployees = 40;
    const preview = await previewEnrichment(deps, { tenant, match: matchOf('hs-1'), userId: 'u1', now: t(2) });
    expect(preview.changes.find((c) => c.field === 'numberofemployees')).toMatchObject({ action: 'skip', reason: 'edited_by_person' });
  });

  it('refunds on undo when the tenant\'s policy says so, and undoes a whole batch', async () => {
    const { tenant, deps, credits, crm } = await setup({
      credits: 10,
      settings: { credits: { creditsPerRecord: 1, freeReenrichWindowDays: 30, monthlyCap: null, perBatchCap: null, perUserDailyCap: null, refundOnUndo: true } },
    });
    crm.put({ kind: 'company', recordId: 'hs-2' }, { city: null });
    await credits.reserve(tenant.id, { batchId: 'b1', amount: 2, now: t(0) });
    for (const id of ['hs-1', 'hs-2']) {
      await enrichRecord(deps, { tenant, match: matchOf(id), idempotencyKey: `b1:${id}`, userId: 'admin', batchId: 'b1', now: t(1) });
    }
    expect(await credits.account(tenant.id)).toEqual({ balance: 8, reserved: 0, available: 8 });
    const results = await undoBatch(deps, { tenant, batchId: 'b1', userId: 'admin', now: t(2) });
    expect(results).toHaveLength(2);
    expect(results.every((r) => r.refunded === 1 && r.conflicts.length === 0)).toBe(true);
    expect((await credits.account(tenant.id)).balance).toBe(10);
    expect(crm.get({ kind: 'company', recordId: 'hs-2' })?.city).toBeNull();
  });
});

describeEachDatabase('enriching a record, first attempts racing', (ctx) => {
  it('writes once and charges once when ten first attempts with one key arrive together', async () => {
    const tenant = await createTenantStore(ctx.database).install({ crm: 'hubspot', externalId: 'race', name: 'x', now: t(0) });
    const credits = createCreditStore(ctx.database);
    await credits.grant(tenant.id, { amount: 5, idempotencyKey: 'g', now: t(0) });
    const crm = new InMemoryCrm();
    crm.put({ kind: 'company', recordId: 'hs-1' }, { industry: null });
    const enrichments = createEnrichmentStore(ctx.database);
    const deps = { crm, credits, enrichments, referenceRecord: async () => reference };
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'same', userId: 'u', now: t(1) })));
    const fulfilled = outcomes.filter((o): o is PromiseFulfilledResult<Awaited<ReturnType<typeof enrichRecord>>> => o.status === 'fulfilled');
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(fulfilled.length).toBeGreaterThanOrEqual(1);
    expect(new Set(fulfilled.map((o) => o.value.id)).size).toBe(1);
    expect(rejected.every((o) => (o.reason as { code?: string }).code === 'CONFLICT')).toBe(true);
    expect(crm.writes).toBe(1);
    expect((await credits.account(tenant.id)).balance).toBe(4);
    const [only] = fulfilled;
    const audit = await enrichments.auditForEnrichment(tenant.id, only!.value.id);
    // Every empty mapped field filled once: no field audited twice.
    expect(audit.map((a) => a.field).sort()).toEqual(['city', 'domain', 'industry', 'numberofemployees', 'phone', 'website']);
    const settled = await enrichRecord(deps, { tenant, match: matchOf('hs-1'), idempotencyKey: 'same', userId: 'u', now: t(2) });
    expect(settled.state).toBe('written');
  });
});

describeEachDatabase('enriching many records at once', (ctx) => {
  it('of 50 concurrent enrichments against a balance of 10, writes and charges exactly 10', async () => {
    const tenant = await createTenantStore(ctx.database).install({ crm: 'hubspot', externalId: 'fifty', name: 'x', now: t(0) });
    const credits = createCreditStore(ctx.database);
    await credits.grant(tenant.id, { amount: 10, idempotencyKey: 'g', now: t(0) });
    const crm = new InMemoryCrm();
    for (let i = 0; i < 50; i++) crm.put({ kind: 'company', recordId: `hs-${i}` }, { industry: null });
    const enrichments = createEnrichmentStore(ctx.database);
    const deps = { crm, credits, enrichments, referenceRecord: async () => reference };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => enrichRecord(deps, { tenant, match: matchOf(`hs-${i}`), idempotencyKey: `key-${i}`, userId: 'u', now: t(1) })),
    );
    const written = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(written).toHaveLength(10);
    expect(refused.every((o) => (o.reason as { code?: string }).code === 'INSUFFICIENT_CREDITS')).toBe(true);
    expect(crm.writes).toBe(10);
    expect(await credits.account(tenant.id)).toEqual({ balance: 0, reserved: 0, available: 0 });
    expect(await credits.derivedFromLedger(tenant.id)).toEqual({ balance: 0, reserved: 0, available: 0 });
    const untouched = [...crm.records.values()].filter((r) => r.industry === null);
    expect(untouched).toHaveLength(40);
  });
});
