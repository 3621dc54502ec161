/** Changes an agent, admins only: a new cadence counts from now; enabling it again makes it due at once. */
import type { Agent, UpdateAgentRequest } from '@accord/shared';
import type { AgentStore } from '../../adapters/db/agent.store';
import { nextRunAfter } from '../../domain/batches/agents';
import type { Tenant } from '../../domain/tenants/tenant';
import { AppError } from '../app-error';
import { requireAdmin } from './batch-context';

export async function updateAgent(
  deps: { agents: AgentStore },
  input: { tenant: Tenant; agentId: string; patch: UpdateAgentRequest; isAdmin: boolean; now: Date },
): Promise<Agent> {
  requireAdmin(input.isAdmin);
  const { tenant, agentId, patch, now } = input;
  const agent = await deps.agents.get(tenant.id, agentId);
  if (!agent) throw new AppError('NOT_FOUND', 'No such agent.');
  const reenabled = patch.enabled === true && !agent.enabled;
  const nextRunAt = reenabled ? now : patch.everyHours !== undefined ? nextRunAfter(new Date(agent.lastRunAt ?? now), patch.everyHours) : undefined;
  const updated = await deps.agents.update(tenant.id, agentId, { patch, ...(nextRunAt ? { nextRunAt } : {}), now });
  if (!updated) throw new AppError('NOT_FOUND', 'No such agent.');
  return updated;
}
