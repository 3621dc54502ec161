/**
 * Scheduled pulls through the job queue and the sandbox HubSpot, on both databases: every active tenant's objects
 * are pulled since their cursor and matched, the results stored for the cards; the next pull brings only what changed;
 * a pull's auto-band records go to automatic enrichment within the tenant's allowance.
 */
import type { ReferenceRecord } from '@accord/shared';
import { createHubspotClient } from '../../src/adapters/crm/hubspot/hubspot.client';
import { createHubspotPropertyAdmin } from '../../src/adapters/crm/hubspot/hubspot-property-admin';
import { ensureAccordProperties } from '../../src/app/ensure-accord-properties';
import { createRateGovernor } from '../../src/adapters/crm/rate-governor';
import { startHubspotSandbox, type HubspotSandbox } from '../../src/adapters/crm/sandbox/hubspot';
import { createCrmSnapshotStore } from '../../src/adapters/db/crm-snapshot.store';
import { createMatchStore } from '../../src/adapters/db/match.store';
import { pageFieldsOf } from '../../src/app/load-crm-record';
import { createRateGovernorStore } from '../../src/adapters/db/rate-governor.store';
import { createSyncCursorStore } from '../../src/adapters/db/sync-cursor.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { createInProcessQueue } from '../../src/adapters/queue/in-process-queue';
import { scheduleSyncs, startSyncWorker } from '../../src/adapters/queue/sync-jobs';
import { loadMatchingModels } from '../../src/adapters/reference/matching-models';
import { createBatchMatcher } from '../../src/app/batches/create-batch-matcher';
import type { SyncResult } from '../../src/app/sync-tenant-object';
import { AUTO_ENRICH_ACTOR, autoEnrichAfterSync } from '../../src/app/batches/auto-enrich-new-records';
import { workBatch } from '../../src/app/batches/work-batch';
import { batchHarness } from './batch-harness';
import { createMatcher } from '../../src/domain/matching/matcher';
import { ReferenceIndexBuilder } from '../../src/domain/matching/reference-index';
import { describeEachDatabase } from '../helpers/test-databases';

const reference: ReferenceRecord[] = [
  { kind: 'company', id: 'c1', name: 'Harbour Plumbing Pty Ltd', domain: 'harbourplumbing.com.au', phone: '+61298765432', city: 'Sydney', state: 'NSW', postcode: '2000', country: 'AU' },
  { kind: 'company', id: 'c2', name: 'Zenith Logistics Limited', domain: 'zenithlogistics.com.au', city: 'Perth', state: 'WA', country: 'AU' },
];
const builder = new ReferenceIndexBuilder({ defaultCountry: 'AU' });
for (const r of reference) builder.add(r);
const matcher = createMatcher({ index: builder.build(), models: loadMatchingModels() });

let sandbox: HubspotSandbox;
beforeAll(async () => {
  sandbox = await startHubspotSandbox({ searchRateLimit: { max: 1_000, windowMs: 1_000 } });
  await ensureAccordProperties({ admin: createHubspotPropertyAdmin({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url }) });
});
afterAll(() => sandbox.close());

describeEachDatabase('scheduled CRM pulls', (ctx) => {
  it('matches every changed record once per pull and stores the results', async () => {
    const tenants = createTenantStore(ctx.database);
    const tenant = await tenants.install({ crm: 'hubspot', externalId: `sync-${ctx.dialect}`, name: 'x', now: new Date() });
    const matches = createMatchStore(ctx.database);
    const governor = createRateGovernor({ store: createRateGovernorStore(ctx.database) });
    const client = createHubspotClient({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url });
    const spec = { limit: 110, windowMs: 10_000, sharePercent: 50 };
    const deps = {
      listChangedSince: ((object, input) => governor.run({ tenantId: tenant.id, crm: 'hubspot' }, spec, async () => ({ value: await client.listChangedSince(object, input) }))) as typeof client.listChangedSince,
      cursors: createSyncCursorStore(ctx.database),
      matcher: createBatchMatcher({ matcher: async () => matcher, matches }),
      snapshots: createCrmSnapshotStore(ctx.database),
    };
    const queue = createInProcessQueue();
    const synced: { object: string; result: SyncResult }[] = [];
    await startSyncWorker(queue, { tenants: { findById: async (id) => (id === tenant.id ? tenant : undefined) }, depsFor: async () => deps, onSynced: (s) => void synced.push(s) });
    const ours = { list: async () => [tenant] };

    const first = sandbox.seed('companies', [
      { properties: { name: 'HARBOUR PLUMBING P/L', domain: 'harbourplumbing.com.au', phone: '(02) 9876 5432' } },
      { properties: { name: 'Completely Unrelated Bakery' } },
    ]);
    scheduleSyncs(queue, { tenants: ours, intervalMs: 3_600_000 })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await queue.drain();
    const companies = synced.find((s) => s.object === 'companies')!.result;
    expect(companies.pulled).toBe(sandbox.all('companies').length);
    expect(synced.map((s) => s.object).sort()).toEqual(['companies', 'contacts']);
    expect(companies.autoBandIds).toContain(first[0]!.id);
    expect(await matches.getResult({ tenantId: tenant.id, kind: 'company', crmRecordId: first[0]!.id })).toMatchObject({ band: 'auto', candidate: { referenceId: 'c1' } });
    expect(await matches.getResult({ tenantId: tenant.id, kind: 'company', crmRecordId: first[1]!.id })).toMatchObject({ band: 'none' });
    // The record page's fields are stored too, so its card needs no CRM call.
    const snapshot = await deps.snapshots.get(tenant.id, 'companies', first[0]!.id);
    expect(Object.keys(snapshot!.values).sort()).toEqual(pageFieldsOf(tenant, 'companies').sort());
    expect(snapshot!.values).toMatchObject({ name: 'HARBOUR PLUMBING P/L', domain: 'harbourplumbing.com.au', industry: null });

    synced.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = sandbox.seed('companies', [{ properties: { name: 'Zenith Logistics', domain: 'zenithlogistics.com.au' } }]);
    scheduleSyncs(queue, { tenants: ours, intervalMs: 3_600_000 })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await queue.drain();
    expect(synced.find((s) => s.object === 'companies')!.result.pulled).toBe(1);
    expect(await matches.getResult({ tenantId: tenant.id, kind: 'company', crmRecordId: later[0]!.id })).toMatchObject({ candidate: { referenceId: 'c2' } });
    await queue.stop();
  });

  it('hands the auto-band records of a pull to automatic enrichment: approved within the allowance, left for an admin beyond it', async () => {
    const tenants = createTenantStore(ctx.database);
    const installed = await tenants.install({ crm: 'hubspot', externalId: `sync-auto-${ctx.dialect}`, name: 'x', now: new Date() });
    const tenant = (await tenants.updateSettings(installed.id, { autoEnrich: { recordsPerDay: 1, monthlyCredits: null } }, new Date()))!;
    const client = createHubspotClient({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url });
    const h = await batchHarness({ database: ctx.database, crm: 'hubspot', client, object: 'companies', grant: 100, tenantId: tenant.id });
    const matches = createMatchStore(ctx.database);
    h.deps.matcher = createBatchMatcher({ matcher: async () => matcher, matches });
    h.deps.referenceRecord = async (_kind, id) => reference.find((r) => r.id === id);
    const wiring = { depsFor: async () => h.deps, rateFor: () => h.rate };

    const [harbour] = sandbox.seed('companies', [{ properties: { name: 'Harbour Plumbing', domain: 'harbourplumbing.com.au', phone: '02 9876 5432' } }]);
    const first = await autoEnrichAfterSync(wiring, { tenant, object: 'companies', autoBandIds: [harbour!.id], now: new Date() });
    expect(first?.decision).toEqual({ approve: true });
    expect(first?.batch).toMatchObject({ state: 'running', approvedBy: AUTO_ENRICH_ACTOR, estimate: { records: 1, maxCredits: 1 } });
    expect(await workBatch(h.deps, { tenant, batchId: first!.batch!.id, sleep: async () => undefined })).toBe('completed');
    expect(sandbox.get('companies', harbour!.id)?.properties.accord_reference_id).toBe('c1');

    // Already enriched: nothing to do. A new record beyond today's allowance waits for an admin.
    expect((await autoEnrichAfterSync(wiring, { tenant, object: 'companies', autoBandIds: [harbour!.id], now: new Date() }))?.decision).toEqual({ approve: false, reason: 'nothing_to_do' });
    const [zenith] = sandbox.seed('companies', [{ properties: { name: 'Zenith Logistics', domain: 'zenithlogistics.com.au' } }]);
    const second = await autoEnrichAfterSync(wiring, { tenant, object: 'companies', autoBandIds: [zenith!.id], now: new Date() });
    expect(second).toMatchObject({ decision: { approve: false, reason: 'daily_records' }, batch: { state: 'awaiting_approval', approvedBy: null } });
    // Off (the default): no batch at all.
    const off = (await tenants.updateSettings(tenant.id, { autoEnrich: { recordsPerDay: 0, monthlyCredits: null } }, new Date()))!;
    expect(await autoEnrichAfterSync(wiring, { tenant: off, object: 'companies', autoBandIds: [zenith!.id], now: new Date() })).toBeNull();
  });
});
