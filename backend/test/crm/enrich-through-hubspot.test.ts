/**
 * End to end below HTTP: "Enrich this record" through the real HubSpot client, the rate governor and the sandbox
 * HubSpot, on both databases. Checks the CRM state, the ledger, the audit trail and the automation events.
 */
import { createCrmRecordPort } from '../../src/adapters/crm/crm-record-port';
import { createHubspotClient } from '../../src/adapters/crm/hubspot/hubspot.client';
import { createHubspotPropertyAdmin } from '../../src/adapters/crm/hubspot/hubspot-property-admin';
import { createRateGovernor } from '../../src/adapters/crm/rate-governor';
import { startHubspotSandbox, type HubspotSandbox } from '../../src/adapters/crm/sandbox/hubspot';
import { createCreditStore } from '../../src/adapters/db/credit.store';
import { createEnrichmentStore } from '../../src/adapters/db/enrichment.store';
import { createRateGovernorStore } from '../../src/adapters/db/rate-governor.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { enrichRecord } from '../../src/app/enrich-record';
import { ensureAccordProperties } from '../../src/app/ensure-accord-properties';
import { undoEnrichment } from '../../src/app/undo-enrichment';
import { autoMatch, harbourPlumbing } from '../fixtures/enrichment';
import { describeEachDatabase } from '../helpers/test-databases';

const reference = harbourPlumbing;
const match = (recordId: string) => autoMatch(recordId);

let sandbox: HubspotSandbox;
beforeAll(async () => {
  sandbox = await startHubspotSandbox();
  // The install step: Accord's own properties, which every enrichment write stamps.
  await ensureAccordProperties({ admin: createHubspotPropertyAdmin({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url }) });
});
afterAll(() => sandbox.close());

let n = 0;

describeEachDatabase('enriching through HubSpot', (ctx) => {
  async function setup() {
    const tenant = await createTenantStore(ctx.database).install({ crm: 'hubspot', externalId: `e2e-${++n}`, name: 'x', now: new Date() });
    const credits = createCreditStore(ctx.database);
    await credits.grant(tenant.id, { amount: 5, idempotencyKey: 'g', now: new Date() });
    const [record] = sandbox.seed('companies', [{ properties: { name: 'HARBOUR PLUMBING P/L', phone: '(02) 9876 5432', city: 'Parramatta' } }]);
    const client = createHubspotClient({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url });
    const governor = createRateGovernor({ store: createRateGovernorStore(ctx.database) });
    const crm = createCrmRecordPort({ client, governor, tenantId: tenant.id, spec: { limit: 110, windowMs: 10_000, sharePercent: 50 }, objectFor: () => 'companies' });
    const enrichments = createEnrichmentStore(ctx.database);
    const deps = { crm, credits, enrichments, referenceRecord: async () => reference };
    return { tenant, credits, enrichments, deps, id: record!.id };
  }

  it('writes only what changes, charges once, audits, and a retry changes nothing', async () => {
    const { tenant, credits, enrichments, deps, id } = await setup();
    const before = sandbox.automationEvents;
    const done = await enrichRecord(deps, { tenant, match: match(id), idempotencyKey: 'k1', userId: 'u1', now: new Date() });
    const written = (await enrichments.auditForEnrichment(tenant.id, done.id)).map((a) => a.field).sort();
    expect(written).toEqual(['domain', 'industry', 'numberofemployees', 'website']);
    // Four real changes plus Accord's reference id, confidence and time, all in one batch update.
    expect(sandbox.automationEvents - before).toBe(4 + 3);
    expect(sandbox.get('companies', id)?.properties).toMatchObject({ industry: 'CONSTRUCTION', numberofemployees: '35', phone: '(02) 9876 5432', city: 'Parramatta' });
    expect(sandbox.get('companies', id)?.properties).toMatchObject({ accord_reference_id: 'ref-1', accord_match_confidence: '0.99', accord_last_enriched_at: expect.any(String) });
    expect((await credits.account(tenant.id)).balance).toBe(4);
    await enrichRecord(deps, { tenant, match: match(id), idempotencyKey: 'k1', userId: 'u1', now: new Date() });
    expect(sandbox.automationEvents - before).toBe(4 + 3);
    expect((await credits.account(tenant.id)).balance).toBe(4);
  });

  it('rides out a 503 without charging twice, and refunds a record HubSpot refuses for good', async () => {
    const { tenant, credits, deps, id } = await setup();
    sandbox.injectFaults({ status5xx: 1 });
    expect((await enrichRecord(deps, { tenant, match: match(id), idempotencyKey: 'k2', userId: 'u1', now: new Date() })).state).toBe('written');
    expect((await credits.account(tenant.id)).balance).toBe(4);
    // A mapping to an industry option HubSpot does not have: the write is refused (400) for good.
    const other = await setup();
    const tenant2 = (await createTenantStore(ctx.database).updateSettings(
      other.tenant.id,
      { mappings: [{ crm: 'hubspot', object: 'companies', kind: 'company', fields: [{ source: 'industry', target: 'industry', type: 'enumeration', valueMap: { Construction: 'NOT_AN_OPTION' }, policy: 'fill-empty' }] }] },
      new Date(),
    ))!;
    const before = sandbox.automationEvents;
    await expect(enrichRecord(other.deps, { tenant: tenant2, match: match(other.id), idempotencyKey: 'k3', userId: 'u1', now: new Date() })).rejects.toMatchObject({ code: 'CRM_UNAVAILABLE' });
    expect(sandbox.automationEvents).toBe(before);
    expect(await other.credits.account(other.tenant.id)).toEqual({ balance: 5, reserved: 0, available: 5 });
  });

  it('undoes the write in HubSpot', async () => {
    const { tenant, deps, id } = await setup();
    const done = await enrichRecord(deps, { tenant, match: match(id), idempotencyKey: 'k4', userId: 'u1', now: new Date() });
    const undone = await undoEnrichment(deps, { tenant, enrichmentId: done.id, userId: 'u2', now: new Date() });
    expect(undone.conflicts).toEqual([]);
    expect(sandbox.get('companies', id)?.properties.industry ?? null).toBeNull();
    expect(sandbox.get('companies', id)?.properties.city).toBe('Parramatta');
  });
});
