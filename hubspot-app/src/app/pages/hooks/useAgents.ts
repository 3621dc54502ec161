/**
 * The tenant's agents (scheduled batches) for the admin page: the list, creating one (with an idempotency key), and
 * pausing or resuming one (PUT `{ enabled }`, which is idempotent by itself). Mounted only for admins; the backend refuses everyone else.
 */
import { useCallback } from 'react';
import type { Agent, CreateAgentRequest } from '@accord/shared';
import { lastData, useAccordApi, useIdempotentAction, useLoad, useMutation } from '@accord/hubspot-client';

export function useAgents() {
  const api = useAccordApi();
  const agents = useLoad(() => api.call('listAgents', {}), 'agents');
  const creation = useIdempotentAction<Agent>();
  const change = useMutation<Agent>();
  const performCreate = creation.perform;
  const runChange = change.run;
  const replaceAgents = agents.replace;
  const items = lastData(agents.state)?.items ?? null;

  const create = useCallback(
    async (request: Omit<CreateAgentRequest, 'idempotencyKey'>): Promise<boolean> => {
      // Keyed, so HubSpot's retry after a 5xx or "Try again" after an unknown outcome cannot create a second agent.
      const created = await performCreate('create-agent', 'agent', (idempotencyKey) => api.call('createAgent', { body: { ...request, idempotencyKey } }));
      if (created) replaceAgents({ items: [created, ...(items ?? []).filter((agent) => agent.id !== created.id)] });
      return created !== null;
    },
    [api, performCreate, replaceAgents, items],
  );

  const setEnabled = useCallback(
    async (agentId: string, enabled: boolean) => {
      const updated = await runChange(() => api.call('updateAgent', { params: { agentId }, body: { enabled } }));
      if (updated && items) replaceAgents({ items: items.map((agent) => (agent.id === updated.id ? updated : agent)) });
    },
    [api, runChange, replaceAgents, items],
  );

  return { agents, creation: creation.state, create, change: change.state, setEnabled };
}
