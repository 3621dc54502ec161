/** Schedules a batch (an "agent"), admins only; checked like a batch request now, so its runs cannot fail on it later. */
import type { Agent, CreateAgentRequest } from '@accord/shared';
import type { AgentStore } from '../../adapters/db/agent.store';
import type { Tenant } from '../../domain/tenants/tenant';
import { requireAdmin } from './batch-context';
import { batchMappingFor } from './create-batch';

export async function createAgent(
  deps: { agents: AgentStore },
  input: { tenant: Tenant; request: CreateAgentRequest; userId: string; isAdmin: boolean; now: Date },
): Promise<Agent> {
  requireAdmin(input.isAdmin);
  batchMappingFor(input.tenant, input.request);
  // The first run is due at once: an admin who schedules a batch expects to see its first estimate.
  return deps.agents.create(input.tenant.id, { ...input.request, createdBy: input.userId, nextRunAt: input.now, now: input.now });
}
