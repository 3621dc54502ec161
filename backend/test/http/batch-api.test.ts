/**
 * Bulk batches through the HTTP API and the job queue: create (estimate in the background), a rep cannot approve,
 * an admin approves (credits reserved), canary pauses after its records, resume completes, undo reverts; against
 * the sandbox HubSpot portal on both databases.
 */
import { agentListReplySchema, agentSchema, batchListReplySchema, batchSchema, creditsReplySchema, type Batch } from '@accord/shared';
import { BATCH_AGENTS_JOB } from '../../src/adapters/queue/agent-jobs';
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

  it('schedules agents: only admins create, list and change them; a due run creates a batch that waits for approval', async () => {
    seedHubspotCompanies(h, 2);
    const body = { object: 'companies', selection: { by: 'never_enriched' }, name: 'Nightly top-up', everyHours: 24 };
    expect((await hubspotRequest(h, 'POST', '/api/v1/agents', { ...rep(), body })).status).toBe(403);
    const bad = await hubspotRequest(h, 'POST', '/api/v1/agents', { ...admin(), body: { ...body, everyHours: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const wrongCrm = await hubspotRequest(h, 'POST', '/api/v1/agents', { ...admin(), body: { ...body, object: 'Account' } });
    expect(wrongCrm.body.error.code).toBe('VALIDATION_FAILED');
    const keyed = { ...body, idempotencyKey: 'agent-create-1' };
    const agent = agentSchema.parse((await hubspotRequest(h, 'POST', '/api/v1/agents', { ...admin(), body: keyed }).expect(201)).body);
    // HubSpot retries a request once after a 5xx: the same key gives back the same agent, not a second one.
    const retried = agentSchema.parse((await hubspotRequest(h, 'POST', '/api/v1/agents', { ...admin(), body: keyed }).expect(201)).body);
    expect(retried.id).toBe(agent.id);
    expect(agent).toMatchObject({ name: 'Nightly top-up', enabled: true, type: 'enrich', lastBatchId: null });
    expect(Date.parse(agent.nextRunAt)).toBeLessThanOrEqual(Date.now());

    await queue.enqueue(BATCH_AGENTS_JOB, {});
    await queue.drain();
    await queue.drain();
    const [ran] = agentListReplySchema.parse((await hubspotRequest(h, 'GET', '/api/v1/agents', admin()).expect(200)).body).items.filter((a) => a.id === agent.id);
    expect(ran!.lastBatchId).not.toBeNull();
    expect(Date.parse(ran!.nextRunAt) - Date.parse(ran!.lastRunAt!)).toBe(24 * 3_600_000);
    expect(await batch(ran!.lastBatchId!)).toMatchObject({ state: 'awaiting_approval', createdBy: `agent:${agent.id}`, approvedBy: null });

    expect((await hubspotRequest(h, 'GET', '/api/v1/agents', rep())).status).toBe(403);
    const paused = agentSchema.parse((await hubspotRequest(h, 'PUT', `/api/v1/agents/${agent.id}`, { ...admin(), body: { enabled: false } }).expect(200)).body);
    expect(paused.enabled).toBe(false);
    expect((await hubspotRequest(h, 'PUT', `/api/v1/agents/${agent.id}`, { ...admin(), body: {} })).status).toBe(400);
    expect((await hubspotRequest(h, 'PUT', '/api/v1/agents/no-such-agent', { ...admin(), body: { enabled: true } })).status).toBe(404);
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

  it("keeps tenants apart: another org gets 404 from every batch, agent and enrichment endpoint with this portal's ids", async () => {
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

    const agent = agentSchema.parse(
      (await hubspotRequest(h, 'POST', '/api/v1/agents', { ...admin(), body: { object: 'companies', selection: { by: 'never_enriched' }, name: 'Ours' } }).expect(201)).body,
    );
    const change = await salesforceRequest(h, 'PUT', `/api/v1/agents/${agent.id}`, { apiKey, canApprove: true, body: { enabled: false } });
    expect({ status: change.status, code: change.body.error?.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const agents = agentListReplySchema.parse((await other('GET', '/api/v1/agents')).body);
    expect(agents.items.map((a) => a.id)).not.toContain(agent.id);
  });
});
