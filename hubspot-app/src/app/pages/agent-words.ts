/** How the admin page describes an agent: what it does to which records, and how often. */
import type { Agent, AgentSelection } from '@accord/shared';
import { typeLabels } from './record-choice';

const objectWords: Record<Agent['object'], string> = { companies: 'companies', contacts: 'contacts', Account: 'Accounts', Contact: 'Contacts', Lead: 'Leads' };

function selectionWords(selection: AgentSelection): string {
  switch (selection.by) {
    case 'never_enriched':
      return 'never enriched';
    case 'changed_since_last_run':
      return 'changed since the last run';
    case 'segment':
      return `in list ${selection.segmentId}`;
  }
}

/** e.g. "Enrich records: companies never enriched". */
export function describeAgentTarget(agent: Pick<Agent, 'type' | 'object' | 'selection'>): string {
  return `${typeLabels[agent.type]}: ${objectWords[agent.object]} ${selectionWords(agent.selection)}`;
}

export function describeEvery(hours: number): string {
  if (hours === 1) return 'Every hour';
  if (hours % 24 === 0) return hours === 24 ? 'Every day' : `Every ${hours / 24} days`;
  return `Every ${hours} hours`;
}

/** The last run's batch, and why the last run failed when it did (the batch before it is still shown). */
export function describeLastRun(agent: Pick<Agent, 'lastBatchId' | 'lastError'>): string {
  const batch = agent.lastBatchId ?? 'None yet';
  return agent.lastError ? `${batch} · last run failed: ${agent.lastError}` : batch;
}
