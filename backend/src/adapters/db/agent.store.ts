/**
 * Batch agents per tenant. A run is claimed by moving `next_run_at` forward with a conditional update, so when
 * several processes look for due agents at once, each run happens once.
 */
import crypto from 'node:crypto';
import { agentSelectionSchema, crmObjectSchema, type Agent, type CreateAgentRequest, type UpdateAgentRequest } from '@accord/shared';
import type { Database } from './database';
import type { BatchAgentsTable } from './schema';

export interface AgentStore {
  /** Creates the agent; with a key another request already used, returns that request's agent instead. */
  create(tenantId: string, input: CreateAgentRequest & { createdBy: string; nextRunAt: Date; now: Date }): Promise<Agent>;
  get(tenantId: string, agentId: string): Promise<Agent | undefined>;
  list(tenantId: string): Promise<Agent[]>;
  /** Applies the change; `nextRunAt` when the cadence changed or the agent was enabled again. Undefined: no such agent. */
  update(tenantId: string, agentId: string, input: { patch: UpdateAgentRequest; nextRunAt?: Date; now: Date }): Promise<Agent | undefined>;
  /** Enabled agents whose next run is at or before `now`, oldest first, of every tenant. */
  due(now: Date, limit: number): Promise<{ tenantId: string; agent: Agent }[]>;
  /** Takes the run due at `agent.nextRunAt`: true for the one caller that moved it to `nextRunAt`. */
  claimRun(tenantId: string, agent: Agent, input: { nextRunAt: Date; now: Date }): Promise<boolean>;
  recordRun(tenantId: string, agentId: string, input: { batchId: string | null; error: string | null; ranAt: Date }): Promise<void>;
}

export function createAgentStore({ db }: Database): AgentStore {
  const byId = (tenantId: string, agentId: string) => db.selectFrom('batch_agents').selectAll().where('tenant_id', '=', tenantId).where('id', '=', agentId);
  return {
    async create(tenantId, input) {
      const at = input.now.toISOString();
      const row: BatchAgentsTable = {
        id: crypto.randomUUID(),
        tenant_id: tenantId,
        name: input.name,
        object: input.object,
        type: input.type,
        selection_json: JSON.stringify(input.selection),
        every_hours: input.everyHours,
        canary_size: input.canarySize,
        records_per_minute: input.recordsPerMinute,
        max_credits: input.maxCredits,
        enabled: 1,
        next_run_at: input.nextRunAt.toISOString(),
        last_run_at: null,
        last_batch_id: null,
        last_error: null,
        idempotency_key: input.idempotencyKey ?? null,
        created_by: input.createdBy,
        created_at: at,
        updated_at: at,
      };
      if (row.idempotency_key === null) {
        await db.insertInto('batch_agents').values(row).execute();
        return toAgent(row);
      }
      await db.insertInto('batch_agents').values(row).onConflict((oc) => oc.columns(['tenant_id', 'idempotency_key']).doNothing()).execute();
      const stored = await db.selectFrom('batch_agents').selectAll().where('tenant_id', '=', tenantId).where('idempotency_key', '=', row.idempotency_key).executeTakeFirstOrThrow();
      return toAgent(stored);
    },
    async get(tenantId, agentId) {
      const row = await byId(tenantId, agentId).executeTakeFirst();
      return row ? toAgent(row) : undefined;
    },
    async list(tenantId) {
      const rows = await db.selectFrom('batch_agents').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toAgent);
    },
    async update(tenantId, agentId, { patch, nextRunAt, now }) {
      const set: Partial<BatchAgentsTable> = { updated_at: now.toISOString() };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.everyHours !== undefined) set.every_hours = patch.everyHours;
      if (patch.canarySize !== undefined) set.canary_size = patch.canarySize;
      if (patch.recordsPerMinute !== undefined) set.records_per_minute = patch.recordsPerMinute;
      if (patch.maxCredits !== undefined) set.max_credits = patch.maxCredits;
      if (patch.enabled !== undefined) set.enabled = patch.enabled ? 1 : 0;
      if (nextRunAt) set.next_run_at = nextRunAt.toISOString();
      await db.updateTable('batch_agents').set(set).where('tenant_id', '=', tenantId).where('id', '=', agentId).execute();
      const row = await byId(tenantId, agentId).executeTakeFirst();
      return row ? toAgent(row) : undefined;
    },
    async due(now, limit) {
      const rows = await db.selectFrom('batch_agents').selectAll().where('enabled', '=', 1).where('next_run_at', '<=', now.toISOString()).orderBy('next_run_at').limit(limit).execute();
      return rows.map((row) => ({ tenantId: row.tenant_id, agent: toAgent(row) }));
    },
    async claimRun(tenantId, agent, { nextRunAt, now }) {
      const moved = await db
        .updateTable('batch_agents')
        .set({ next_run_at: nextRunAt.toISOString(), updated_at: now.toISOString() })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', agent.id)
        .where('enabled', '=', 1)
        .where('next_run_at', '=', agent.nextRunAt)
        .executeTakeFirst();
      return Number(moved.numUpdatedRows) === 1;
    },
    async recordRun(tenantId, agentId, { batchId, error, ranAt }) {
      await db
        .updateTable('batch_agents')
        .set({ last_run_at: ranAt.toISOString(), ...(batchId ? { last_batch_id: batchId } : {}), last_error: error, updated_at: ranAt.toISOString() })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', agentId)
        .execute();
    },
  };
}

function toAgent(row: BatchAgentsTable): Agent {
  return {
    id: row.id,
    name: row.name,
    object: crmObjectSchema.parse(row.object),
    type: row.type,
    selection: agentSelectionSchema.parse(JSON.parse(row.selection_json)),
    everyHours: row.every_hours,
    canarySize: row.canary_size,
    recordsPerMinute: row.records_per_minute,
    maxCredits: row.max_credits,
    enabled: Number(row.enabled) === 1,
    nextRunAt: row.next_run_at,
    lastRunAt: row.last_run_at,
    lastBatchId: row.last_batch_id,
    lastError: row.last_error,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
