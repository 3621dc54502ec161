import type { ReferenceRecord } from '@accord/shared';
import { createMatchStore } from '../../src/adapters/db/match.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { loadMatchingModels } from '../../src/adapters/reference/matching-models';
import { decideMatch } from '../../src/app/decide-match';
import { matchRecord } from '../../src/app/match-record';
import { createMatcher } from '../../src/domain/matching/matcher';
import { ReferenceIndexBuilder } from '../../src/domain/matching/reference-index';
import { describeEachDatabase } from '../helpers/test-databases';

const reference: ReferenceRecord[] = [
  { kind: 'company', id: 'c-a', name: 'Twin Peaks Consulting Pty Ltd', city: 'Brisbane', state: 'QLD', postcode: '4000', country: 'AU' },
  { kind: 'company', id: 'c-b', name: 'Twin Peaks Consulting Pty Ltd', city: 'Brisbane', state: 'QLD', postcode: '4000', country: 'AU' },
  { kind: 'company', id: 'c-acme', name: 'Acme Widgets Pty Ltd', domain: 'acmewidgets.com.au', phone: '+61298765432', city: 'Sydney', country: 'AU' },
];
const builder = new ReferenceIndexBuilder({ defaultCountry: 'AU' });
for (const r of reference) builder.add(r);
const index = builder.build();
const matcher = createMatcher({ index, models: loadMatchingModels() });
const record = { kind: 'company' as const, id: 'hs-123', name: 'Twin Peaks Consulting', city: 'Brisbane' };
const t = (m: number) => new Date(Date.UTC(2026, 10, 27, 10, m));

describeEachDatabase('matching a tenant\'s record', (ctx) => {
  async function setup(externalId: string) {
    const tenant = await createTenantStore(ctx.database).install({ crm: 'hubspot', externalId, name: externalId, now: t(0) });
    const matches = createMatchStore(ctx.database);
    return { tenant, matches, deps: { matcher, matches, referenceExists: (kind: 'company' | 'person', id: string) => index.has(kind, id) } };
  }

  it('stores the result so it can be shown without matching again', async () => {
    const { tenant, matches, deps } = await setup('store-1');
    const result = await matchRecord(deps, { tenant, record, now: t(1) });
    expect(await matches.getResult({ tenantId: tenant.id, kind: 'company', crmRecordId: 'hs-123' })).toEqual(result);
  });

  it('remembers a confirmation and lets it override the model, for that tenant only', async () => {
    const { tenant, matches, deps } = await setup('confirm-1');
    const other = await setup('confirm-2');
    const before = await matchRecord(deps, { tenant, record, now: t(1) });
    expect(before.band).not.toBe('auto');
    const after = await decideMatch(deps, { tenant, record, decision: 'confirmed', referenceId: 'c-b', userId: 'u-7', now: t(2) });
    expect(after).toMatchObject({ band: 'auto', confidence: 1, decidedBy: 'confirmed', candidate: { referenceId: 'c-b' } });
    const again = await matchRecord(deps, { tenant, record, now: t(3) });
    expect(again.candidate?.referenceId).toBe('c-b');
    expect(await matches.listDecisions({ tenantId: tenant.id, kind: 'company', crmRecordId: 'hs-123' })).toEqual([
      { kind: 'confirmed', referenceId: 'c-b', decidedBy: 'u-7', decidedAt: t(2).toISOString() },
    ]);
    const elsewhere = await matchRecord(other.deps, { tenant: other.tenant, record, now: t(3) });
    expect(elsewhere.decidedBy).toBe('model');
  });

  it('never proposes a rejected candidate again', async () => {
    const { tenant, deps } = await setup('reject-1');
    await decideMatch(deps, { tenant, record, decision: 'rejected', referenceId: 'c-a', userId: 'u-1', now: t(1) });
    const result = await matchRecord(deps, { tenant, record, now: t(2) });
    const ids = [result.candidate?.referenceId, ...result.runnersUp.map((r) => r.referenceId)];
    expect(ids).not.toContain('c-a');
    expect(ids).toContain('c-b');
  });

  it('lists records waiting for review, using the tenant\'s own thresholds', async () => {
    const { tenant, matches, deps } = await setup('review-1');
    const strictTenant = (await createTenantStore(ctx.database).updateSettings(tenant.id, { reviewThreshold: 0.2 }, t(1)))!;
    const twin = await matchRecord(deps, { tenant: strictTenant, record, now: t(2) });
    const clear = await matchRecord(deps, {
      tenant: strictTenant,
      record: { kind: 'company', id: 'hs-9', name: 'Acme Widgets', website: 'https://acmewidgets.com.au', phone: '02 9876 5432' },
      now: t(3),
    });
    expect(twin.band).toBe('review');
    expect(clear.band).toBe('auto');
    expect((await matches.listForReview(tenant.id, { limit: 10 })).map((r) => r.recordId)).toEqual(['hs-123']);
  });

  it('refuses a decision about a reference record that does not exist, and stores nothing', async () => {
    const { tenant, matches, deps } = await setup('missing-1');
    await expect(decideMatch(deps, { tenant, record, decision: 'picked', referenceId: 'c-nope', userId: 'u', now: t(1) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(decideMatch(deps, { tenant, record, decision: 'confirmed', referenceId: null, userId: 'u', now: t(1) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await matches.listDecisions({ tenantId: tenant.id, kind: 'company', crmRecordId: 'hs-123' })).toEqual([]);
  });
});
