/**
 * Incremental pulls with overlap and de-duplication, and the full resync on demand, through the real jsforce client,
 * the rate governor and the sandbox org, with the cursor stored on both databases.
 */
import type { CrmClient, CrmRawRecord } from '../../src/adapters/crm/crm-client';
import { createRateGovernor } from '../../src/adapters/crm/rate-governor';
import { startSalesforceSandbox, type SalesforceSandbox } from '../../src/adapters/crm/sandbox/salesforce';
import { createSalesforceClient } from '../../src/adapters/crm/salesforce/salesforce.client';
import { createRateGovernorStore } from '../../src/adapters/db/rate-governor.store';
import { createSyncCursorStore } from '../../src/adapters/db/sync-cursor.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { pullChanges } from '../../src/app/pull-changes';
import { describeEachDatabase } from '../helpers/test-databases';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const second = (i: number) => new Date(T0 + i * 1000).toISOString();

let sandbox: SalesforceSandbox;
afterEach(async () => {
  await sandbox.close();
  expect(sandbox.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
});
let n = 0;

describeEachDatabase('pulling changes', (ctx) => {
  async function setup() {
    sandbox = await startSalesforceSandbox();
    const tenant = await createTenantStore(ctx.database).install({ crm: 'salesforce', externalId: `00D-pull-${++n}`, name: 'p', now: new Date() });
    const tokens = sandbox.issueTokens();
    const client: CrmClient = createSalesforceClient({ instanceUrl: sandbox.url, ...tokens, loginUrl: sandbox.url, clientId: 'accord', clientSecret: 's', version: '62.0' });
    const governor = createRateGovernor({ store: createRateGovernorStore(ctx.database) });
    const spec = { limit: 100_000, windowMs: 86_400_000, sharePercent: 50 };
    const deps = {
      listChangedSince: ((object, input) =>
        governor.run({ tenantId: tenant.id, crm: 'salesforce' }, spec, async () => ({ value: await client.listChangedSince(object, input) }))) as CrmClient['listChangedSince'],
      cursors: createSyncCursorStore(ctx.database),
    };
    const pull = async (options: { full?: boolean } = {}) => {
      const got: CrmRawRecord[] = [];
      const result = await pullChanges(deps, {
        tenantId: tenant.id,
        object: 'Account',
        fields: ['Name'],
        overlapMs: 5 * 60_000,
        onRecords: async (records) => void got.push(...records),
        now: new Date(),
        ...options,
      });
      return { ...result, got };
    };
    return { tenant, client, deps, pull };
  }

  it('pulls 10,500 records once, then only what changed or arrived late within the overlap, then everything again on a full resync', async () => {
    const { tenant, client, deps, pull } = await setup();
    const ids = sandbox.seed('Account', Array.from({ length: 10_500 }, (_, i) => ({ Name: `Account ${i}`, LastModifiedDate: second(i) })));

    const first = await pull();
    expect(first.got).toHaveLength(10_500);
    expect(new Set(first.got.map((r) => r.id)).size).toBe(10_500);
    expect(first.pages).toBe(6);
    expect(first.cursor.highWater).toBe(second(10_499));
    expect(await deps.cursors.get(tenant.id, 'Account')).toEqual(first.cursor);

    // Three records change now; one the CRM shows late, stamped inside the overlap before the mark.
    const changed = [ids[5]!, ids[500]!, ids[7_000]!];
    await client.updateBatch('Account', changed.map((id) => ({ id, values: { Name: `Renamed ${id}` } })));
    const [late] = sandbox.seed('Account', [{ Name: 'Late arrival', LastModifiedDate: second(10_400) }]);

    const next = await pull();
    expect(next.got.map((r) => r.id).sort()).toEqual([...changed, late!].sort());
    // The overlap (from 5 minutes before the mark) brought 301 records again; none was handed on twice.
    expect(next.duplicates).toBe(301);
    expect(Date.parse(next.cursor.highWater!)).toBeGreaterThan(Date.parse(second(10_499)));

    expect((await pull()).got).toEqual([]);

    const resync = await pull({ full: true });
    expect(resync.got).toHaveLength(10_501);
    expect(resync.duplicates).toBe(0);
    expect(await deps.cursors.get(tenant.id, 'Account')).toEqual(resync.cursor);
    expect((await pull()).got).toEqual([]);
  }, 60_000);

  it('keeps the old cursor when a pull fails part way, so nothing is skipped next time', async () => {
    const { tenant, deps, pull } = await setup();
    sandbox.seed('Account', Array.from({ length: 4_500 }, (_, i) => ({ Name: `Account ${i}`, LastModifiedDate: second(i) })));
    await expect(
      pullChanges(deps, {
        tenantId: tenant.id,
        object: 'Account',
        fields: ['Name'],
        onRecords: async () => sandbox.injectFaults({ requestLimitExceeded: true }),
        now: new Date(),
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_LIMIT_EXCEEDED' });
    expect(await deps.cursors.get(tenant.id, 'Account')).toBeUndefined();
    sandbox.clearFaults();
    expect((await pull()).got).toHaveLength(4_500);
  });
});
