import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { describeEachDatabase } from '../helpers/test-databases';

const now = new Date('2026-11-27T10:00:00.000Z');
const later = new Date('2026-11-28T10:00:00.000Z');

describeEachDatabase('tenant store', (ctx) => {
  it('installs a tenant with default settings and finds it by id and by CRM account', async () => {
    const store = createTenantStore(ctx.database);
    const tenant = await store.install({ crm: 'hubspot', externalId: '1001', name: 'Acme portal', now });
    expect(tenant).toMatchObject({ crm: 'hubspot', externalId: '1001', name: 'Acme portal', status: 'active' });
    expect(tenant.settings).toEqual({
      autoApplyThreshold: 0.95,
      reviewThreshold: 0.5,
      rateLimitSharePercent: 50,
      defaultCountry: 'AU',
      credits: { creditsPerRecord: 1, freeReenrichWindowDays: 30, monthlyCap: null, perBatchCap: null, perUserDailyCap: null, refundOnUndo: false },
      mappings: [],
      admins: [],
      autoEnrich: { recordsPerDay: 0, monthlyCredits: null },
    });
    expect(await store.findById(tenant.id)).toEqual(tenant);
    expect(await store.findByExternalId('hubspot', '1001')).toEqual(tenant);
  });

  it('keeps HubSpot and Salesforce accounts with the same external id apart', async () => {
    const store = createTenantStore(ctx.database);
    const hs = await store.install({ crm: 'hubspot', externalId: 'same', name: 'h', now });
    const sf = await store.install({ crm: 'salesforce', externalId: 'same', name: 's', now });
    expect(hs.id).not.toBe(sf.id);
  });

  it('reinstalling re-activates the same tenant instead of creating another', async () => {
    const store = createTenantStore(ctx.database);
    const first = await store.install({ crm: 'salesforce', externalId: '00D1', name: 'Org', now });
    await store.markUninstalled(first.id, later);
    expect((await store.findById(first.id))?.status).toBe('uninstalled');
    const again = await store.install({ crm: 'salesforce', externalId: '00D1', name: 'Org renamed', now: later });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ status: 'active', name: 'Org renamed', updatedAt: later.toISOString(), createdAt: now.toISOString() });
  });

  it('updates settings partially and validates them', async () => {
    const store = createTenantStore(ctx.database);
    const tenant = await store.install({ crm: 'hubspot', externalId: 'settings', name: 's', now });
    const updated = await store.updateSettings(tenant.id, { autoApplyThreshold: 0.98 }, later);
    expect(updated?.settings.autoApplyThreshold).toBe(0.98);
    expect(updated?.settings.rateLimitSharePercent).toBe(50);
    expect((await store.findById(tenant.id))?.settings.autoApplyThreshold).toBe(0.98);
    await expect(store.updateSettings(tenant.id, { rateLimitSharePercent: 0 }, later)).rejects.toThrow();
    expect((await store.findById(tenant.id))?.settings.rateLimitSharePercent).toBe(50);
  });

  it('answers undefined for unknown tenants', async () => {
    const store = createTenantStore(ctx.database);
    expect(await store.findById('nope')).toBeUndefined();
    expect(await store.updateSettings('nope', {}, now)).toBeUndefined();
  });
});
