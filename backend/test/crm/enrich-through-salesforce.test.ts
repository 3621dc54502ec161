/** "Enrich this record" through the real jsforce client, the rate governor and the sandbox Salesforce org, on both databases. */
import { createCrmRecordPort } from '../../src/adapters/crm/crm-record-port';
import { createRateGovernor } from '../../src/adapters/crm/rate-governor';
import { startSalesforceSandbox, type SalesforceSandbox } from '../../src/adapters/crm/sandbox/salesforce';
import { createSalesforceClient } from '../../src/adapters/crm/salesforce/salesforce.client';
import { createCreditStore } from '../../src/adapters/db/credit.store';
import { createEnrichmentStore } from '../../src/adapters/db/enrichment.store';
import { createRateGovernorStore } from '../../src/adapters/db/rate-governor.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { enrichRecord } from '../../src/app/enrich-record';
import { autoMatch, harbourPlumbing } from '../fixtures/enrichment';
import { describeEachDatabase } from '../helpers/test-databases';

const reference = harbourPlumbing;
const match = (recordId: string) => autoMatch(recordId);

let sandbox: SalesforceSandbox;
beforeAll(async () => {
  sandbox = await startSalesforceSandbox();
});
afterAll(() => sandbox.close());

let n = 0;

describeEachDatabase('enriching through Salesforce', (ctx) => {
  it('writes only what changes on the Account, charges once, and a retry changes nothing', async () => {
    const tenant = await createTenantStore(ctx.database).install({ crm: 'salesforce', externalId: `00D-e2e-${++n}`, name: 'x', now: new Date() });
    const credits = createCreditStore(ctx.database);
    await credits.grant(tenant.id, { amount: 5, idempotencyKey: 'g', now: new Date() });
    const [id] = sandbox.seed('Account', [{ Name: 'HARBOUR PLUMBING P/L', Phone: '(02) 9876 5432', BillingCity: 'Parramatta' }]);
    const tokens = sandbox.issueTokens();
    const client = createSalesforceClient({ instanceUrl: sandbox.url, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, clientId: 'accord', clientSecret: 'secret' });
    const governor = createRateGovernor({ store: createRateGovernorStore(ctx.database) });
    const crm = createCrmRecordPort({ client, governor, tenantId: tenant.id, spec: { limit: 100_000, windowMs: 86_400_000, sharePercent: 50 }, objectFor: () => 'Account' });
    const enrichments = createEnrichmentStore(ctx.database);
    const deps = { crm, credits, enrichments, referenceRecord: async () => reference };

    const before = sandbox.automationEvents;
    const requestsBefore = sandbox.requests.length;
    const done = await enrichRecord(deps, { tenant, match: match(id!), idempotencyKey: 'k1', userId: '005-user', now: new Date() });
    const written = (await enrichments.auditForEnrichment(tenant.id, done.id)).map((a) => a.field).sort();
    expect(written).toEqual(['Industry', 'NumberOfEmployees', 'Website']);
    // Three real changes plus three of Accord's fields (reference id, confidence, enriched at), in one request.
    expect(sandbox.automationEvents - before).toBe(3 + 3);
    expect(sandbox.get('Account', id!)).toMatchObject({ Industry: 'Construction', NumberOfEmployees: 35, Phone: '(02) 9876 5432', BillingCity: 'Parramatta' });
    expect(sandbox.get('Account', id!)).toMatchObject({ Accord_Reference_Id__c: 'ref-1', Accord_Match_Confidence__c: 0.99, Accord_Last_Batch_Id__c: null });
    expect(sandbox.requests.slice(requestsBefore).filter((r) => r.path.includes('/composite/sobjects') && r.method === 'PATCH')).toHaveLength(1);
    await enrichRecord(deps, { tenant, match: match(id!), idempotencyKey: 'k1', userId: '005-user', now: new Date() });
    expect(sandbox.automationEvents - before).toBe(3 + 3);
    expect((await credits.account(tenant.id)).balance).toBe(4);
  });
});
