/**
 * Batch agents (scheduled batches) on both databases, through the sandbox HubSpot: a due agent runs once however
 * many processes look at the same moment, its batch is approved without a person only within the tenant's
 * allowance, "changed since the last run" reads from the last run, and a paused agent does not run.
 */
import { createHubspotClient } from '../../src/adapters/crm/hubspot/hubspot.client';
import { createHubspotPropertyAdmin } from '../../src/adapters/crm/hubspot/hubspot-property-admin';
import { startHubspotSandbox, type HubspotSandbox } from '../../src/adapters/crm/sandbox/hubspot';
import { createAgentStore } from '../../src/adapters/db/agent.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { AppError } from '../../src/app/app-error';
import { AUTO_ENRICH_ACTOR } from '../../src/app/batches/auto-enrich-new-records';
import { createAgent } from '../../src/app/batches/create-agent';
import { runDueAgents } from '../../src/app/batches/run-due-agents';
import { updateAgent } from '../../src/app/batches/update-agent';
import { workBatch } from '../../src/app/batches/work-batch';
import { ensureAccordProperties } from '../../src/app/ensure-accord-properties';
import { describeEachDatabase } from '../helpers/test-databases';
import { batchHarness } from './batch-harness';

const HOUR = 3_600_000;
let sandbox: HubspotSandbox;
beforeAll(async () => {
  sandbox = await startHubspotSandbox({ rateLimit: { max: 10_000, windowMs: 10_000 }, searchRateLimit: { max: 1_000, windowMs: 1_000 } });
  await ensureAccordProperties({ admin: createHubspotPropertyAdmin({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url }) });
});
afterAll(() => sandbox.close());

describeEachDatabase('batch agents', (ctx) => {
  async function setup(recordsPerDay: number) {
    const client = createHubspotClient({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url });
    const h = await batchHarness({ database: ctx.database, crm: 'hubspot', client, object: 'companies', grant: 100, virtualTime: true });
    const tenants = createTenantStore(ctx.database);
    const tenant = (await tenants.updateSettings(h.tenant.id, { autoEnrich: { recordsPerDay, monthlyCredits: null } }, new Date()))!;
    const agents = createAgentStore(ctx.database);
    const runner = { agents, tenants, depsFor: async () => h.deps, rateFor: () => h.rate };
    return { h, tenant, agents, runner };
  }

  it('runs a due agent once when two processes look at the same moment, then not again until its next run', async () => {
    const { h, tenant, agents, runner } = await setup(0);
    const ids = sandbox.seed('companies', [{ properties: { name: 'HARBOUR PLUMBING A' } }]).map((r) => r.id);
    const t0 = new Date();
    const agent = await createAgent({ agents }, { tenant, request: { object: 'companies', type: 'enrich', selection: { by: 'changed_since_last_run' }, name: 'Changed', everyHours: 6, canarySize: 0, recordsPerMinute: null, maxCredits: null }, userId: 'admin-1', isAdmin: true, now: new Date(t0.getTime() - 1) });

    const [a, b] = await Promise.all([runDueAgents(runner, { now: t0 }), runDueAgents(runner, { now: t0 })]);
    const ours = [...a, ...b].filter((r) => r.agentId === agent.id);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ ok: true, decision: { approve: false, reason: 'off' } });
    const batchId = ours[0]!.ok ? ours[0]!.batchId! : '';
    const batch = await h.deps.batches.get(h.tenant.id, batchId);
    // The first run reads what changed since the agent was made.
    expect(batch).toMatchObject({ state: 'awaiting_approval', createdBy: `agent:${agent.id}`, selection: { by: 'modified_since', since: agent.createdAt } });
    expect((await h.deps.batches.items(h.tenant.id, batchId, { limit: 100 })).map((i) => i.crmRecordId)).toEqual(expect.arrayContaining(ids));
    const after = (await agents.get(tenant.id, agent.id))!;
    expect(after).toMatchObject({ lastBatchId: batchId, lastRunAt: t0.toISOString(), nextRunAt: new Date(t0.getTime() + 6 * HOUR).toISOString() });

    expect((await runDueAgents(runner, { now: new Date(t0.getTime() + 5 * HOUR) })).filter((r) => r.agentId === agent.id)).toEqual([]);
    const t1 = new Date(t0.getTime() + 6 * HOUR);
    const [second] = (await runDueAgents(runner, { now: t1 })).filter((r) => r.agentId === agent.id);
    const secondBatch = await h.deps.batches.get(h.tenant.id, second!.ok ? second!.batchId! : '');
    expect(secondBatch?.selection).toEqual({ by: 'modified_since', since: t0.toISOString() });
  });

  it('approves and runs an agent batch within the allowance; a paused agent does not run, and resuming makes it due', async () => {
    const { h, tenant, agents, runner } = await setup(1_000);
    const [record] = sandbox.seed('companies', [{ properties: { name: 'HARBOUR PLUMBING B' } }]);
    const now = new Date();
    const agent = await createAgent({ agents }, { tenant, request: { object: 'companies', type: 'enrich', selection: { by: 'never_enriched' }, name: 'Never enriched', everyHours: 24, canarySize: 0, recordsPerMinute: null, maxCredits: null }, userId: 'admin-1', isAdmin: true, now });
    const [run] = (await runDueAgents(runner, { now })).filter((r) => r.agentId === agent.id);
    expect(run).toMatchObject({ ok: true, decision: { approve: true } });
    const batchId = run!.ok ? run!.batchId! : '';
    expect(await h.deps.batches.get(h.tenant.id, batchId)).toMatchObject({ state: 'running', approvedBy: AUTO_ENRICH_ACTOR });
    expect(await workBatch(h.deps, { tenant, batchId, sleep: async () => undefined })).toMatch(/^completed/);
    expect(sandbox.get('companies', record!.id)?.properties.accord_last_batch_id).toBe(batchId);

    await updateAgent({ agents }, { tenant, agentId: agent.id, patch: { enabled: false }, isAdmin: true, now });
    const later = new Date(now.getTime() + 25 * HOUR);
    expect((await runDueAgents(runner, { now: later })).filter((r) => r.agentId === agent.id)).toEqual([]);
    const resumed = await updateAgent({ agents }, { tenant, agentId: agent.id, patch: { enabled: true }, isAdmin: true, now: later });
    expect(resumed).toMatchObject({ enabled: true, nextRunAt: later.toISOString() });
    await expect(updateAgent({ agents }, { tenant, agentId: agent.id, patch: { enabled: false }, isAdmin: false, now })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps why a run failed on the agent for admins, keeps its last batch, and clears the reason when a run works', async () => {
    const { h, tenant, agents, runner } = await setup(0);
    sandbox.seed('companies', [{ properties: { name: 'HARBOUR PLUMBING C' } }]);
    const t0 = new Date();
    const agent = await createAgent({ agents }, { tenant, request: { object: 'companies', type: 'enrich', selection: { by: 'never_enriched' }, name: 'Flaky', everyHours: 1, canarySize: 0, recordsPerMinute: null, maxCredits: null }, userId: 'admin-1', isAdmin: true, now: t0 });
    const [first] = (await runDueAgents(runner, { now: t0 })).filter((r) => r.agentId === agent.id);
    const firstBatch = first!.ok ? first!.batchId : null;
    expect(firstBatch).not.toBeNull();

    const t1 = new Date(t0.getTime() + HOUR);
    const failing = { ...runner, depsFor: async () => { throw new AppError('CRM_UNAVAILABLE', 'HubSpot did not answer.'); } };
    const [failed] = (await runDueAgents(failing, { now: t1 })).filter((r) => r.agentId === agent.id);
    expect(failed).toMatchObject({ ok: false });
    expect(await agents.get(tenant.id, agent.id)).toMatchObject({ lastRunAt: t1.toISOString(), lastBatchId: firstBatch, lastError: 'CRM_UNAVAILABLE: HubSpot did not answer.' });

    const t2 = new Date(t0.getTime() + 2 * HOUR);
    const [worked] = (await runDueAgents(runner, { now: t2 })).filter((r) => r.agentId === agent.id);
    expect(worked).toMatchObject({ ok: true });
    expect(await agents.get(tenant.id, agent.id)).toMatchObject({ lastRunAt: t2.toISOString(), lastError: null });
  });

  it('refuses an agent that could never run: people for contacts, or another CRM\'s object', async () => {
    const { tenant, agents } = await setup(0);
    const base = { type: 'enrich' as const, selection: { by: 'never_enriched' as const }, name: 'x', everyHours: 24, canarySize: 0, recordsPerMinute: null, maxCredits: null };
    await expect(createAgent({ agents }, { tenant, request: { ...base, object: 'contacts', type: 'create_people' }, userId: 'a', isAdmin: true, now: new Date() })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(createAgent({ agents }, { tenant, request: { ...base, object: 'Account' }, userId: 'a', isAdmin: true, now: new Date() })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await agents.list(tenant.id)).toEqual([]);
  });
});
