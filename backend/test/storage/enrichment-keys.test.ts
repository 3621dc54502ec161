import { createEnrichmentStore } from '../../src/adapters/db/enrichment.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { describeEachDatabase } from '../helpers/test-databases';

const now = new Date('2026-11-29T10:00:00.000Z');

describeEachDatabase('enrichment store: written keys', (ctx) => {
  it('says in one call which keys belong to written enrichments of this tenant only', async () => {
    const tenants = createTenantStore(ctx.database);
    const ours = await tenants.install({ crm: 'hubspot', externalId: 'keys-ours', name: 'ours', now });
    const theirs = await tenants.install({ crm: 'hubspot', externalId: 'keys-theirs', name: 'theirs', now });
    const store = createEnrichmentStore(ctx.database);
    const enrichment = async (tenantId: string, key: string, written: boolean) => {
      const { enrichment: e } = await store.createOrGet(tenantId, {
        kind: 'person',
        crmRecordId: `crm-${key}`,
        idempotencyKey: key,
        requestHash: key,
        referenceId: `ref-${key}`,
        confidence: 0.99,
        credits: 1,
        chargeKey: null,
        userId: null,
        batchId: 'b-1',
        changes: [],
        now,
      });
      if (written) await store.recordWritten(tenantId, e.id, [], now);
    };
    await enrichment(ours.id, 'k-written', true);
    await enrichment(ours.id, 'k-pending', false);
    await enrichment(theirs.id, 'k-theirs', true);
    // More keys than one query takes, most of them unknown.
    const asked = ['k-written', 'k-pending', 'k-theirs', 'k-unknown', ...Array.from({ length: 1_200 }, (_, i) => `k-none-${i}`), 'k-written'];
    expect([...(await store.writtenKeys(ours.id, asked))]).toEqual(['k-written']);
    expect([...(await store.writtenKeys(theirs.id, asked))]).toEqual(['k-theirs']);
    expect((await store.writtenKeys(ours.id, [])).size).toBe(0);
  });
});
