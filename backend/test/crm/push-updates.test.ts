/**
 * Multi-batch pushes through the real clients, the rate governor (state on both databases) and the sandboxes,
 * under 429 storms, 5xx, the daily allocation running out, and per-record failures. Every record must end written
 * or reported failed, and none may be written twice: the sandboxes' request logs and data are checked.
 * Time is a fake clock shared by the sandbox and the governor, so waiting out a 10 s window takes no real time.
 */
import type { CrmClient } from '../../src/adapters/crm/crm-client';
import { createHubspotClient } from '../../src/adapters/crm/hubspot/hubspot.client';
import { createHubspotPropertyAdmin } from '../../src/adapters/crm/hubspot/hubspot-property-admin';
import { pushUpdates, type PushOutcome, type RecordUpdate } from '../../src/adapters/crm/push-updates';
import { createRateGovernor } from '../../src/adapters/crm/rate-governor';
import { startHubspotSandbox, type HubspotSandbox } from '../../src/adapters/crm/sandbox/hubspot';
import { startSalesforceSandbox, type SalesforceSandbox } from '../../src/adapters/crm/sandbox/salesforce';
import { createSalesforceClient } from '../../src/adapters/crm/salesforce/salesforce.client';
import { createRateGovernorStore } from '../../src/adapters/db/rate-governor.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { ensureAccordProperties } from '../../src/app/ensure-accord-properties';
import { withAccordStamp } from '../../src/domain/enrichment/accord-fields';
import { describeEachDatabase } from '../helpers/test-databases';

function fakeTime(start = Date.parse('2026-11-28T09:00:00.000Z')) {
  let t = start;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

function countOutcomes(outcomes: readonly PushOutcome[]) {
  const written = outcomes.filter((o) => o.ok).length;
  return { written, failed: outcomes.length - written };
}

let n = 0;

describeEachDatabase('pushing updates in batches', (ctx) => {
  async function governorFor(crm: 'hubspot' | 'salesforce', time: ReturnType<typeof fakeTime>) {
    const tenant = await createTenantStore(ctx.database).install({ crm, externalId: `push-${++n}`, name: 'p', now: new Date(time.now()) });
    const governor = createRateGovernor({ store: createRateGovernorStore(ctx.database), now: time.now, sleep: time.sleep, random: () => 0.5 });
    return { tenantId: tenant.id, governor };
  }

  async function hubspot(records: number) {
    const time = fakeTime();
    const sandbox: HubspotSandbox = await startHubspotSandbox({ clock: time.now });
    open.push(sandbox);
    const accessToken = sandbox.issueToken().accessToken;
    await ensureAccordProperties({ admin: createHubspotPropertyAdmin({ accessToken, basePath: sandbox.url }) });
    const ids = sandbox.seed('companies', Array.from({ length: records }, (_, i) => ({ properties: { name: `Company ${i}` } }))).map((r) => r.id);
    const client: CrmClient = createHubspotClient({ accessToken, basePath: sandbox.url });
    const updates: RecordUpdate[] = ids.map((id, i) => ({
      id,
      values: withAccordStamp({ city: `City ${i}`, industry: 'RETAIL' }, { crm: 'hubspot', referenceId: `ref-${i}`, confidence: 0.9, now: new Date(time.now()), batchId: 'b1' }),
    }));
    const { tenantId, governor } = await governorFor('hubspot', time);
    const push = (list = updates, concurrency?: number) =>
      pushUpdates({ client, governor, tenantId, spec: { limit: 110, windowMs: 10_000, sharePercent: 50 }, ...(concurrency && { concurrency }) }, { object: 'companies', updates: list });
    const updateRequests = () => sandbox.requests.filter((r) => r.path.endsWith('/batch/update'));
    return { sandbox, ids, updates, push, updateRequests };
  }

  async function salesforce(records: number) {
    const time = fakeTime();
    const sandbox: SalesforceSandbox = await startSalesforceSandbox({ clock: time.now });
    open.push(sandbox);
    const ids = sandbox.seed('Account', Array.from({ length: records }, (_, i) => ({ Name: `Account ${i}` })));
    const tokens = sandbox.issueTokens();
    const client = createSalesforceClient({ instanceUrl: sandbox.url, ...tokens, loginUrl: sandbox.url, clientId: 'accord', clientSecret: 's', version: '62.0' });
    const updates: RecordUpdate[] = ids.map((id, i) => ({
      id,
      values: withAccordStamp({ BillingCity: `City ${i}` }, { crm: 'salesforce', referenceId: `ref-${i}`, confidence: 0.9, now: new Date(time.now()), batchId: 'b1' }),
    }));
    const { tenantId, governor } = await governorFor('salesforce', time);
    const push = () => pushUpdates({ client, governor, tenantId, spec: { limit: 100_000, windowMs: 86_400_000, sharePercent: 50 } }, { object: 'Account', updates });
    const updateRequests = () => sandbox.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/composite/sobjects'));
    return { sandbox, ids, updates, push, updateRequests };
  }

  it('rides out a HubSpot 429 storm across ten batches: all 1,000 written, each exactly once', async () => {
    const hs = await hubspot(1_000);
    hs.sandbox.injectFaults({ status429: 12 });
    const before = hs.sandbox.automationEvents;

    const outcomes = await hs.push();

    expect(countOutcomes(outcomes)).toEqual({ written: 1_000, failed: 0 });
    const statuses = hs.updateRequests().map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12);
    // Ten accepted batches of at most 100 hold 1,000 records only if no record went twice.
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(hs.ids.every((id, i) => hs.sandbox.get('companies', id)?.properties.city === `City ${i}`)).toBe(true);
    // Six fields per record really changed (city, industry and the four stamp fields), once.
    expect(hs.sandbox.automationEvents - before).toBe(6_000);
  });

  it('reports, never loses, the records of batches a storm outlasts, and writes none of them twice', async () => {
    const hs = await hubspot(1_000);
    hs.sandbox.injectFaults({ status429: 40 });

    const outcomes = await hs.push();

    const { written, failed } = countOutcomes(outcomes);
    expect(written + failed).toBe(1_000);
    expect(failed).toBeGreaterThan(0);
    expect(outcomes.filter((o) => !o.ok).every((o) => !o.ok && o.retryable && o.code === 'TEN_SECONDLY_ROLLING')).toBe(true);
    expect(hs.updateRequests().filter((r) => r.status === 200)).toHaveLength(written / 100);
    const changed = hs.ids.filter((id) => hs.sandbox.get('companies', id)?.properties.city != null);
    expect(new Set(changed)).toEqual(new Set(outcomes.filter((o) => o.ok).map((o) => o.id)));
  });

  it('gives way when another app on the portal has used most of the window, instead of running into 429s', async () => {
    const hs = await hubspot(2_000);
    const theirs = hs.sandbox.issueToken().accessToken;
    // Installing Accord's properties took 14 calls of this window; the other app takes 88 more: 8 are left.
    for (let i = 0; i < 88; i++) {
      const res = await fetch(`${hs.sandbox.url}/crm/v3/objects/companies?limit=1`, { headers: { authorization: `Bearer ${theirs}` } });
      expect(res.status).toBe(200);
    }

    // One call in flight, so every reading of X-HubSpot-RateLimit-Remaining includes all of ours.
    const outcomes = await hs.push(hs.updates, 1);

    expect(countOutcomes(outcomes)).toEqual({ written: 2_000, failed: 0 });
    // Our share is 55 a window, but the portal's headers say how little is left: 20 calls, none refused.
    expect(hs.updateRequests().map((r) => r.status)).toEqual(new Array(20).fill(200));
  });

  it('retries HubSpot 5xx answers in the middle of a push', async () => {
    const hs = await hubspot(450);
    hs.sandbox.injectFaults({ status5xx: 3 });
    const outcomes = await hs.push();
    expect(countOutcomes(outcomes)).toEqual({ written: 450, failed: 0 });
    expect(hs.updateRequests().map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 500, 500, 500]);
  });

  it('reports HubSpot 207 per-record failures by id and writes the rest', async () => {
    const hs = await hubspot(250);
    const refused = [hs.ids[3]!, hs.ids[150]!, hs.ids[249]!];
    hs.sandbox.injectFaults({ failIds: refused });
    const outcomes = await hs.push();
    expect(outcomes.filter((o) => !o.ok).map((o) => [o.id, !o.ok && o.code])).toEqual(refused.map((id) => [id, 'OBJECT_NOT_FOUND']));
    expect(hs.updateRequests().map((r) => r.status)).toEqual([207, 207, 207]);
    expect(hs.sandbox.get('companies', hs.ids[4]!)?.properties.city).toBe('City 4');
  });

  it('finds the one invalid value HubSpot refuses a whole batch for, and writes the other 99', async () => {
    const hs = await hubspot(100);
    const bad = hs.updates.map((u, i) => (i === 37 ? { ...u, values: { ...u.values, industry: 'NOT_AN_INDUSTRY' } } : u));
    const outcomes = await hs.push(bad);
    expect(outcomes.filter((o) => !o.ok)).toEqual([expect.objectContaining({ id: hs.ids[37], ok: false, retryable: false, code: 'VALIDATION_ERROR' })]);
    expect(hs.sandbox.get('companies', hs.ids[36]!)?.properties.city).toBe('City 36');
    // Halving 100 down to the one record: a handful of calls, not one per record.
    expect(hs.updateRequests().length).toBeLessThanOrEqual(15);
  });

  it('rides out Salesforce 503s across batches of 200, each record once', async () => {
    const sf = await salesforce(1_000);
    sf.sandbox.injectFaults({ status5xx: 4 });
    const before = sf.sandbox.automationEvents;
    const outcomes = await sf.push();
    expect(countOutcomes(outcomes)).toEqual({ written: 1_000, failed: 0 });
    expect(sf.updateRequests().filter((r) => r.status === 200)).toHaveLength(5);
    expect(sf.updateRequests().filter((r) => r.status === 503)).toHaveLength(4);
    // BillingCity and the four stamp fields.
    expect(sf.sandbox.automationEvents - before).toBe(1_000 * 5);
  });

  it('stops at REQUEST_LIMIT_EXCEEDED without retrying, reporting every unwritten record', async () => {
    const sf = await salesforce(600);
    sf.sandbox.injectFaults({ requestLimitExceeded: true });
    const outcomes = await sf.push();
    expect(countOutcomes(outcomes)).toEqual({ written: 0, failed: 600 });
    expect(outcomes.every((o) => !o.ok && o.code === 'REQUEST_LIMIT_EXCEEDED')).toBe(true);
    expect(sf.updateRequests()).toHaveLength(3);
    expect(sf.sandbox.get('Account', sf.ids[0]!)?.BillingCity).toBeNull();
  });

  it('reports Salesforce allOrNone=false per-record errors and writes the rest', async () => {
    const sf = await salesforce(400);
    const refused = [sf.ids[0]!, sf.ids[399]!];
    sf.sandbox.injectFaults({ failIds: refused });
    const outcomes = await sf.push();
    expect(outcomes.filter((o) => !o.ok).map((o) => o.id)).toEqual(refused);
    expect(countOutcomes(outcomes).written).toBe(398);
    expect(sf.sandbox.get('Account', sf.ids[1]!)?.BillingCity).toBe('City 1');
    expect(sf.sandbox.get('Account', sf.ids[0]!)?.BillingCity).toBeNull();
  });

  it('refuses a push that names a record twice or writes nothing, before sending anything', async () => {
    const hs = await hubspot(2);
    await expect(hs.push([hs.updates[0]!, hs.updates[0]!])).rejects.toThrow(/twice/);
    await expect(hs.push([{ id: hs.ids[0]!, values: {} }])).rejects.toThrow(/no values/);
    expect(hs.updateRequests()).toHaveLength(0);
  });
});
