/**
 * Runs the agents that are due, across tenants: each run is claimed first (the next run moved forward by a
 * conditional update, so two processes never run one twice), then creates its batch through the automatic path
 * (approved only within the tenant's allowance). One agent's failure is reported, kept on the agent for admins to
 * see (`lastError`), and does not stop the others.
 */
import type { AgentStore } from '../../adapters/db/agent.store';
import type { TenantStore } from '../../adapters/db/tenant.store';
import type { AutoApproval } from '../../domain/batches/auto-approval';
import { agentBatchRequest, nextRunAfter } from '../../domain/batches/agents';
import { AppError, isAppError } from '../app-error';
import type { Tenant } from '../../domain/tenants/tenant';
import { submitAutomaticBatch } from './auto-enrich-new-records';
import type { BatchDeps } from './batch-context';

export type AgentRun =
  | { agentId: string; tenantId: string; ok: true; batchId: string | null; decision: AutoApproval }
  | { agentId: string; tenantId: string; ok: false; error: unknown };

export async function runDueAgents(
  deps: {
    agents: AgentStore;
    tenants: Pick<TenantStore, 'findById'>;
    depsFor(tenant: Tenant): Promise<BatchDeps>;
    rateFor(tenant: Tenant): { limit: number; windowMs: number };
  },
  input: { now: Date; limit?: number },
): Promise<AgentRun[]> {
  const runs: AgentRun[] = [];
  for (const { tenantId, agent } of await deps.agents.due(input.now, input.limit ?? 100)) {
    const tenant = await deps.tenants.findById(tenantId);
    if (!tenant || tenant.status !== 'active') continue;
    if (!(await deps.agents.claimRun(tenantId, agent, { nextRunAt: nextRunAfter(input.now, agent.everyHours), now: input.now }))) continue;
    try {
      const { batch, decision } = await submitAutomaticBatch(await deps.depsFor(tenant), {
        tenant,
        createdBy: `agent:${agent.id}`,
        request: agentBatchRequest(agent),
        now: input.now,
        rate: deps.rateFor(tenant),
      });
      await deps.agents.recordRun(tenantId, agent.id, { batchId: batch?.id ?? null, error: null, ranAt: input.now });
      runs.push({ agentId: agent.id, tenantId, ok: true, batchId: batch?.id ?? null, decision });
    } catch (error) {
      await deps.agents.recordRun(tenantId, agent.id, { batchId: null, error: runFailure(error), ranAt: input.now });
      runs.push({ agentId: agent.id, tenantId, ok: false, error });
    }
  }
  return runs;
}

/**
 * What admins see of a failed run: an application error's code and message; for anything else only its kind (the
 * details go to the log through the run's result, never to the CRM's users).
 */
export function runFailure(error: unknown): string {
  const known = isAppError(error) ? error : new AppError(error instanceof Error && error.name === 'CrmError' ? 'CRM_UNAVAILABLE' : 'INTERNAL');
  return `${known.code}: ${known.message}`.slice(0, 500);
}
