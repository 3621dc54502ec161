/**
 * Agents: batches an admin scheduled. The list (what each selects, how often, next run, last batch, enabled), a form
 * to add one, and pause/resume. Their runs' batches appear in the batch list like any other. Rendered for admins only.
 */
import { Button, EmptyState, Flex, Heading, LoadingSpinner, StatusTag, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { Agent } from '@accord/shared';
import { ActionError, formatTimestamp, lastData, LoadError } from '@accord/hubspot-client';
import { describeAgentTarget, describeEvery, describeLastRun } from '../agent-words';
import { useAgents } from '../hooks/useAgents';
import { AgentForm } from './AgentForm';

export function AgentsPanel() {
  const { agents, creation, create, change, setEnabled } = useAgents();
  const data = lastData(agents.state);
  return (
    <Flex direction="column" gap="sm">
      <Heading>Agents</Heading>
      <Text variant="microcopy">
        An agent creates a batch on a schedule. Its batches appear in the list above, awaiting approval unless your automatic allowance approves them.
      </Text>
      {change.status === 'error' ? <ActionError error={change.error} /> : null}
      {data ? (
        <AgentTable items={data.items} busy={change.status === 'loading'} onSetEnabled={(id, enabled) => void setEnabled(id, enabled)} />
      ) : agents.state.status === 'error' ? (
        <LoadError error={agents.state.error} onRetry={() => void agents.reload()} />
      ) : (
        <LoadingSpinner label="Loading agents…" />
      )}
      <AgentForm creation={creation} onCreate={create} />
    </Flex>
  );
}

interface AgentTableProps {
  items: Agent[];
  busy: boolean;
  onSetEnabled: (agentId: string, enabled: boolean) => void;
}

function AgentTable({ items, busy, onSetEnabled }: AgentTableProps) {
  if (items.length === 0) {
    return (
      <EmptyState testId="no-agents" title="No agents yet" layout="vertical" imageName="multipleObjects">
        <Text>Schedule one below to enrich new or changed records every few hours.</Text>
      </EmptyState>
    );
  }
  return (
    <Table bordered={true} density="condensed" testId="agents">
      <TableHead>
        <TableRow>
          <TableHeader>Name</TableHeader>
          <TableHeader>Selects</TableHeader>
          <TableHeader>Runs</TableHeader>
          <TableHeader>Next run</TableHeader>
          <TableHeader>Last batch</TableHeader>
          <TableHeader>Status</TableHeader>
          <TableHeader>Action</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((agent) => (
          <TableRow key={agent.id}>
            <TableCell>{agent.name}</TableCell>
            <TableCell>{describeAgentTarget(agent)}</TableCell>
            <TableCell>{describeEvery(agent.everyHours)}</TableCell>
            <TableCell>{agent.enabled ? formatTimestamp(agent.nextRunAt) : '—'}</TableCell>
            <TableCell>{describeLastRun(agent)}</TableCell>
            <TableCell>
              <StatusTag testId={`agent-state-${agent.id}`} variant={agent.enabled ? 'success' : 'warning'}>
                {agent.enabled ? 'Enabled' : 'Paused'}
              </StatusTag>
            </TableCell>
            <TableCell>
              <Button testId={`${agent.enabled ? 'pause' : 'resume'}-agent-${agent.id}`} size="xs" variant="secondary" disabled={busy} onClick={() => onSetEnabled(agent.id, !agent.enabled)}>
                {agent.enabled ? 'Pause' : 'Resume'}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
