/**
 * Batches selected by a saved segment of the CRM, through the real clients and the sandboxes, on both databases:
 * a HubSpot list and a Salesforce list view resolve to their members a page at a time; a list of another object,
 * a list that does not exist, and a list view larger than Salesforce serves send the batch back to draft, saying why.
 */
import { createHubspotClient } from '../../src/adapters/crm/hubspot/hubspot.client';
import { startHubspotSandbox, type HubspotSandbox } from '../../src/adapters/crm/sandbox/hubspot';
import { startSalesforceSandbox, type SalesforceSandbox } from '../../src/adapters/crm/sandbox/salesforce';
import { createSalesforceClient } from '../../src/adapters/crm/salesforce/salesforce.client';
import { createBatch } from '../../src/app/batches/create-batch';
import { estimateBatch } from '../../src/app/batches/estimate-batch';
import { getBatch } from '../../src/app/batches/get-batch';
import { describeEachDatabase } from '../helpers/test-databases';
import { batchHarness } from './batch-harness';

type Harness = Awaited<ReturnType<typeof batchHarness>>;

async function estimateSegment(h: Harness, segmentId: string) {
  const now = new Date();
  const draft = await createBatch(h.deps, { tenant: h.tenant, request: h.request(['x'], { selection: { by: 'segment', segmentId } }), userId: 'admin-1', isAdmin: true, now });
  const outcome = await estimateBatch(h.deps, { tenant: h.tenant, batchId: draft.id, now, rate: h.rate }).then(
    (batch) => ({ ok: true as const, batch }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return { outcome, batch: await getBatch(h.deps, { tenant: h.tenant, batchId: draft.id }) };
}

describeEachDatabase('batches selected by a saved segment', (ctx) => {
  let hubspot: HubspotSandbox;
  let salesforce: SalesforceSandbox;
  beforeAll(async () => {
    hubspot = await startHubspotSandbox({ rateLimit: { max: 10_000, windowMs: 10_000 } });
    salesforce = await startSalesforceSandbox();
  });
  afterAll(async () => {
    await hubspot.close();
    await salesforce.close();
  });

  async function hubspotHarness() {
    const client = createHubspotClient({ accessToken: hubspot.issueToken().accessToken, basePath: hubspot.url });
    return batchHarness({ database: ctx.database, crm: 'hubspot', client, object: 'companies', grant: 10, virtualTime: true });
  }

  it('takes the members of a HubSpot list, page by page', async () => {
    const h = await hubspotHarness();
    const ids = hubspot.seed('companies', Array.from({ length: 600 }, (_, i) => ({ properties: { name: `HARBOUR PLUMBING ${i}` } }))).map((r) => r.id);
    const members = ids.filter((_, i) => i % 2 === 0);
    const listId = hubspot.createList({ name: 'Sydney plumbers', objectType: 'companies', recordIds: members });
    const { outcome, batch } = await estimateSegment(h, listId);
    expect(outcome.ok).toBe(true);
    expect(batch).toMatchObject({ state: 'awaiting_approval', error: null, estimate: { records: 300, byBand: { auto: 300 } } });
    expect(hubspot.requests.filter((r) => r.path === `/crm/v3/lists/${listId}/memberships`)).toHaveLength(2);
    const items = await h.deps.batches.items(h.tenant.id, batch.id, { limit: 1_000 });
    expect(items.map((i) => i.crmRecordId).sort()).toEqual([...members].sort());
  });

  it('sends the batch back to draft, saying why, for a list of contacts or a list that does not exist', async () => {
    const h = await hubspotHarness();
    const contacts = hubspot.seed('contacts', [{ properties: { email: 'a@b.com.au' } }]).map((r) => r.id);
    const wrong = await estimateSegment(h, hubspot.createList({ name: 'People', objectType: 'contacts', recordIds: contacts }));
    expect(wrong.outcome.ok).toBe(false);
    expect(wrong.batch).toMatchObject({ state: 'draft', error: expect.stringContaining('is not a list of companies') });
    const missing = await estimateSegment(h, '987654');
    expect(missing.batch).toMatchObject({ state: 'draft', error: expect.stringContaining('987654') });
    expect(await h.deps.batches.items(h.tenant.id, missing.batch.id, { limit: 10 })).toEqual([]);
  });

  it('takes the records of a Salesforce list view, 2,000 a call, and refuses one larger than Salesforce serves', async () => {
    const tokens = salesforce.issueTokens();
    const client = createSalesforceClient({ instanceUrl: salesforce.url, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, clientId: 'accord', clientSecret: 'secret' });
    const h = await batchHarness({ database: ctx.database, crm: 'salesforce', client, object: 'Account', grant: 10, virtualTime: true });
    const ids = salesforce.seed('Account', Array.from({ length: 4_100 }, (_, i) => ({ Name: `HARBOUR PLUMBING ${i}` })));
    const view = salesforce.createListView({ sobject: 'Account', label: 'My accounts', recordIds: ids.slice(0, 2_500) });
    const { batch } = await estimateSegment(h, view);
    expect(batch).toMatchObject({ state: 'awaiting_approval', estimate: { records: 2_500 } });
    expect(salesforce.requests.filter((r) => r.path.endsWith(`/listviews/${view}/results`)).map((r) => r.query.offset)).toEqual(['0', '2000']);

    const huge = await estimateSegment(h, salesforce.createListView({ sobject: 'Account', label: 'Everything', recordIds: ids }));
    expect(huge.batch).toMatchObject({ state: 'draft', error: expect.stringContaining('more than 4000 records') });
  });
});
