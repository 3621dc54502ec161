/** Batch agents, pure parts: when an agent runs next, and the batch request one run makes. */
import type { Agent, CreateBatchRequest } from '@accord/shared';

const HOUR_MS = 3_600_000;

/** The next run after one at `now`: `everyHours` later. */
export function nextRunAfter(now: Date, everyHours: number): Date {
  return new Date(now.getTime() + everyHours * HOUR_MS);
}

/**
 * The batch one run of the agent creates. "Changed since the last run" reads from the last run (the agent's
 * creation, the first time). The key names the agent and the run, so a retried run creates one batch.
 */
export function agentBatchRequest(agent: Agent): CreateBatchRequest {
  const { selection } = agent;
  return {
    object: agent.object,
    type: agent.type,
    selection: selection.by === 'changed_since_last_run' ? { by: 'modified_since', since: agent.lastRunAt ?? agent.createdAt } : selection,
    canarySize: agent.canarySize,
    recordsPerMinute: agent.recordsPerMinute,
    maxCredits: agent.maxCredits,
    idempotencyKey: `agent:${agent.id}:${Date.parse(agent.nextRunAt)}`,
  };
}
