/**
 * Bulk batches through the HTTP API and the job queue: create (estimate in the background), a rep cannot approve,
 * an admin approves (credits reserved), canary pauses after its records, resume completes, undo reverts; against
 * the sandbox HubSpot portal on both databases.
 */
import { batchListReplySchema, batchSchema, creditsReplySchema, type Batch } from '@accord/shared';
import { createInProcessQueue, type InProcessQueue } from '../../src/adapters/queue/in-process-queue';
import { describeEachDatabase } from '../helpers/test-databases';
import { connectSalesforceTenant, hubspotRequest, installHubspotTenant, salesforceRequest, seedHubspotCompanies, startApiHarness, type ApiHarness } from '../helpers/api-harness';

describeEachDatabase('batches over the API', (ctx) => {
  let h: ApiHarness;
  let queue: InProcessQueue;
  let portalId: string;
  beforeAll(async () => {
    queue = createInProcessQueue();
    h = await startApiHarness(ctx.database, { queue });
    portalId = (await installHubspotTenant(h, { credits: 50 })).externalId;
  });
  afterAll(() => h.close());

  const admin = () => ({ portalId, userId: 7001 });
  const rep = () => ({ portalId, userId: 8002 });
  const batch = async (id: string): Promise<Batch> => batchSchema.parse((await hubspotRequest(h, 'GET', `/api/v1/batches/${id}`, rep()).expect(200)).body);

  it('runs a batch from creation to completion with a canary, admin approval only, and undo', async () => {
    const records = seedHubspotCompanies(h, 6);
    const body = { object: 'companies', selection: { by: 'ids', recordIds: records.map((r) => r.id) }, canarySize: 2, idempotencyKey: 'batch-api-1' };
    expect((await hubspotRequest(h, 'POST', '/api/v1/batches', { ...rep(), body })).status).toBe(403);
    const created = batchSchema.parse((await hubspotRequest(h, 'POST', '/api/v1/batches', { ...admin(), body }).expect(201)).body);
    await queue.drain();
    const estimated = await batch(created.id);
    expect(estimated.state).toBe('awaiting_approval');
    expect(estimated.estimate).toMatchObject({ records: 6 });
    expect(estimated.estimate!.fieldChanges.length).toBeGreaterThan(0);
    expect(estimated.estimate!.sample.length).toBeGreaterThan(0);
    const listed = batchListReplySchema.parse((await hubspotRequest(h, 'GET', '/api/v1/batches', rep()).expect(200)).body);
    expect(listed.items.map((b) => b.id)).toContain(created.id);

    const repApproves = await hubspotRequest(h, 'POST', `/api/v1/batches/${created.id}/approve`, { ...rep(), body: {} });
    expect(repApproves.status).toBe(403);
    expect(repApproves.body.error.code).toBe('FORBIDDEN');
    expect((await batch(created.id)).state).toBe('awaiting_approval');

    await hubspotRequest(h, 'POST', `/api/v1/batches/${created.id}/approve`, { ...admin(), body: {} }).expect(200);
    const credits = creditsReplySchema.parse((await hubspotRequest(h, 'GET', '/api/v1/credits', rep())).body);
    expect(credits.reservations.find((r) => r.batchId === created.id)?.credits).toBeGreaterThan(0);

    await hubspotRequest(h, 'POST', `/api/v1/batches/${created.id}/canary`, { ...admin(), body: {} }).expect(200);
    await queue.drain();
    const afterCanary = await batch(created.id);
    expect(afterCanary.state).toBe('paused');
    expect(afterCanary.counts.done + afterCanary.counts.skipped + afterCanary.counts.failed + afterCanary.counts.review).toBe(2);

    await hubspotRequest(h, 'POST', `/api/v1/batches/${created.id}/resume`, { ...admin(), body: {} }).expect(200);
    await queue.drain();
    const done = await batch(created.id);
    expect(done.state).toMatch(/^completed/);
    expect(done.counts.done + done.counts.skipped + done.counts.failed + done.counts.review).toBe(6);
    expect(done.counts.creditsSpent).toBe(done.counts.changed);

    const undone = batchSchema.parse((await hubspotRequest(h, 'POST', `/api/v1/batches/${created.id}/undo`, { ...admin(), body: {} }).expect(200)).body);
    expect(undone.state).toBe('undone');
  });

  it('refuses an illegal move with ILLEGAL_TRANSITION and an unknown batch with NOT_FOUND', async () => {
    const records = seedHubspotCompanies(h, 1);
    const created = batchSchema.parse(
      (await hubspotRequest(h, 'POST', '/api/v1/batches', { ...admin(), body: { object: 'companies', selection: { by: 'ids', recordIds: [records[0]!.id] }, idempotencyKey: 'batch-api-2' } }).expect(201)).body,
    );
    await queue.drain();
    const pause = await hubspotRequest(h, 'POST', `/api/v1/batches/${created.id}/pause`, { ...admin(), body: {} });
    expect(pause.status).toBe(409);
    expect(pause.body.error.code).toBe('ILLEGAL_TRANSITION');
    expect((await hubspotRequest(h, 'GET', '/api/v1/batches/no-such-batch', rep())).status).toBe(404);
  });

  it("keeps tenants apart: another org gets 404 from every batch and enrichment endpoint with this portal's ids", async () => {
    const records = seedHubspotCompanies(h, 1);
    const created = batchSchema.parse(
      (await hubspotRequest(h, 'POST', '/api/v1/batches', { ...admin(), body: { object: 'companies', selection: { by: 'ids', recordIds: [records[0]!.id] }, idempotencyKey: 'batch-api-iso' } }).expect(201)).body,
    );
    await queue.drain();
    const enriched = await hubspotRequest(h, 'POST', `/api/v1/records/companies/${seedHubspotCompanies(h, 1)[0]!.id}/enrich`, { ...rep(), body: { idempotencyKey: 'iso-enrich-1' } }).expect(200);
    const { apiKey } = await connectSalesforceTenant(h);
    const other = (method: 'GET' | 'POST', path: string) => salesforceRequest(h, method, path, { apiKey, canApprove: true, ...(method === 'POST' ? { body: {} } : {}) });
    const batchPaths: ['GET' | 'POST', string][] = [
      ['GET', `/api/v1/batches/${created.id}`],
      ['GET', `/api/v1/batches/${created.id}/review`],
      ...(['approve', 'reject', 'canary', 'pause', 'resume', 'cancel', 'undo'] as const).map((a): ['POST', string] => ['POST', `/api/v1/batches/${created.id}/${a}`]),
      ['POST', `/api/v1/enrichments/${enriched.body.enrichment.enrichmentId}/undo`],
    ];
    for (const [method, path] of batchPaths) {
      const res = await other(method, path);
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
    const list = batchListReplySchema.parse((await other('GET', '/api/v1/batches')).body);
    expect(list.items.map((b) => b.id)).not.toContain(created.id);
    expect((await batch(created.id)).state).toBe('awaiting_approval');
  });
});
