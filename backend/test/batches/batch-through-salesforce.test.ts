/**
 * Batches end to end through the real jsforce client, the rate governor and the sandbox Salesforce org, on both
 * databases: partial failures refunded, and trickle mode pacing chunks by records per minute.
 */
import { startSalesforceSandbox, type SalesforceSandbox } from '../../src/adapters/crm/sandbox/salesforce';
import { createSalesforceClient } from '../../src/adapters/crm/salesforce/salesforce.client';
import { approveBatch } from '../../src/app/batches/approve-batch';
import { createBatch } from '../../src/app/batches/create-batch';
import { estimateBatch } from '../../src/app/batches/estimate-batch';
import { getBatch } from '../../src/app/batches/get-batch';
import { startBatch } from '../../src/app/batches/start-batch';
import { workBatch } from '../../src/app/batches/work-batch';
import { describeEachDatabase } from '../helpers/test-databases';
import { batchHarness } from './batch-harness';

let sandbox: SalesforceSandbox;
beforeAll(async () => {
  sandbox = await startSalesforceSandbox();
});
afterAll(() => sandbox.close());

describeEachDatabase('batches through Salesforce', (ctx) => {
  async function approvedBatch(count: number, extra: { recordsPerMinute?: number } = {}) {
    const tokens = sandbox.issueTokens();
    const client = createSalesforceClient({ instanceUrl: sandbox.url, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, clientId: 'accord', clientSecret: 'secret' });
    const h = await batchHarness({ database: ctx.database, crm: 'salesforce', client, object: 'Account', grant: 1_000, virtualTime: true });
    const ids = sandbox.seed('Account', Array.from({ length: count }, (_, i) => ({ Name: `HARBOUR PLUMBING ${i}`, BillingCity: 'Parramatta' })));
    const now = new Date();
    const draft = await createBatch(h.deps, { tenant: h.tenant, request: h.request(ids, extra), userId: '005-admin', isAdmin: true, now });
    await estimateBatch(h.deps, { tenant: h.tenant, batchId: draft.id, now, rate: h.rate });
    await approveBatch(h.deps, { tenant: h.tenant, batchId: draft.id, userId: '005-admin', isAdmin: true, now });
    await startBatch(h.deps, { tenant: h.tenant, batchId: draft.id, isAdmin: true, mode: 'run', now });
    return { h, ids, batchId: draft.id };
  }

  it('writes 250 Accounts in chunks of 200, refunds the records a validation rule refuses, and completes with errors', async () => {
    const { h, ids, batchId } = await approvedBatch(250);
    const refused = [ids[3]!, ids[210]!];
    sandbox.injectFaults({ failIds: refused });
    const eventsBefore = sandbox.automationEvents;
    try {
      expect(await workBatch(h.deps, { tenant: h.tenant, batchId, sleep: async () => undefined })).toBe('completed_with_errors');
    } finally {
      sandbox.clearFaults();
    }
    const batch = await getBatch(h.deps, { tenant: h.tenant, batchId });
    expect(batch.counts).toEqual({ total: 250, done: 248, changed: 248, skipped: 0, failed: 2, review: 0, creditsSpent: 248 });
    expect(await h.credits.account(h.tenant.id)).toEqual({ balance: 752, reserved: 0, available: 752 });
    expect(await h.credits.derivedFromLedger(h.tenant.id)).toEqual({ balance: 752, reserved: 0, available: 752 });
    const usage = await h.credits.usageByBatch(h.tenant.id, new Date(0));
    expect(usage).toEqual([{ batchId, credits: 248 }]);
    for (const id of refused) {
      expect(sandbox.get('Account', id)).toMatchObject({ Industry: null });
      expect(await h.enrichments.auditForRecord(h.tenant.id, 'company', id)).toEqual([]);
    }
    const fields = (await h.enrichments.auditForRecord(h.tenant.id, 'company', ids[0]!)).map((a) => a.field).sort();
    expect(fields).toContain('Industry');
    // The mapped fields and Accord's four stamp fields.
    expect(sandbox.automationEvents - eventsBefore).toBe(248 * (fields.length + 4));
    expect(sandbox.get('Account', ids[0]!)).toMatchObject({ Accord_Last_Batch_Id__c: batchId, Accord_Reference_Id__c: 'ref-1' });
    expect(sandbox.get('Account', ids[249]!)).toMatchObject({ Industry: 'Construction', NumberOfEmployees: 35, BillingCity: 'Parramatta' });
    const updates = sandbox.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/composite/sobjects'));
    expect(updates.length).toBeGreaterThanOrEqual(2);
  });

  it('trickles: no more records per minute than the cap, across chunks', async () => {
    const { h, batchId } = await approvedBatch(30, { recordsPerMinute: 10 });
    let virtual = Date.now();
    const startedAt: number[] = [];
    const result = await workBatch(h.deps, {
      tenant: h.tenant,
      batchId,
      now: () => new Date(virtual),
      sleep: async (ms) => {
        virtual += ms;
      },
      onChunk: (records) => {
        startedAt.push(virtual);
        expect(records).toBe(10);
      },
    });
    expect(result).toBe('completed');
    expect(startedAt).toHaveLength(3);
    expect(startedAt[2]! - startedAt[0]!).toBeGreaterThanOrEqual(120_000);
    expect((await getBatch(h.deps, { tenant: h.tenant, batchId })).counts).toMatchObject({ done: 30, changed: 30, creditsSpent: 30 });
  });
});
