/** A tenant's agents, newest first; admins only. */
import type { Agent } from '@accord/shared';
import type { AgentStore } from '../../adapters/db/agent.store';
import type { Tenant } from '../../domain/tenants/tenant';
import { requireAdmin } from './batch-context';

export async function listAgents(deps: { agents: AgentStore }, input: { tenant: Tenant; isAdmin: boolean }): Promise<Agent[]> {
  requireAdmin(input.isAdmin);
  return deps.agents.list(input.tenant.id);
}
