/** One batch: state, estimate and sample, progress while it runs, and the actions an admin may take now. */
import { Alert, Button, ButtonRow, Flex, Heading, ProgressBar, StatusTag, Text, Tile } from '@hubspot/ui-extensions';
import type { Batch, BatchAction } from '@accord/shared';
import { formatCredits, formatTimestamp } from '@accord/hubspot-client';
import { actionLabels, actionsFor, actionVariants, stateWords } from '../batch-actions';
import { BatchEstimate } from './BatchEstimate';
import { BatchSample } from './BatchSample';

interface BatchCardProps {
  batch: Batch;
  isAdmin: boolean;
  busy: boolean;
  onAction: (batchId: string, action: BatchAction) => void;
}

const showsProgress = new Set<Batch['state']>(['approved', 'running', 'paused', 'completed', 'completed_with_errors', 'cancelled', 'undoing', 'undone']);

export function BatchCard({ batch, isAdmin, busy, onAction }: BatchCardProps) {
  const state = stateWords[batch.state];
  const { counts } = batch;
  const actions = isAdmin ? actionsFor(batch) : [];
  return (
    <Tile testId={`batch-${batch.id}`}>
      <Flex direction="column" gap="sm">
        <Flex direction="row" gap="sm" align="center">
          <Heading>{batch.type === 'create_people' ? 'Create missing contacts of companies' : `Enrich ${batch.kind === 'company' ? 'companies' : 'contacts'}`}</Heading>
          <StatusTag testId={`batch-state-${batch.id}`} variant={state.variant}>
            {state.label}
          </StatusTag>
        </Flex>
        <Text variant="microcopy">{`Created ${formatTimestamp(batch.createdAt)} by user ${batch.createdBy}${batch.approvedBy ? `, approved by user ${batch.approvedBy}` : ''}`}</Text>
        {batch.error ? (
          <Alert testId={`batch-error-${batch.id}`} title="The estimate failed" variant="error">
            {batch.error}
          </Alert>
        ) : null}
        {batch.estimate && batch.state === 'awaiting_approval' ? <BatchEstimate estimate={batch.estimate} type={batch.type} /> : null}
        {batch.estimate && batch.state === 'awaiting_approval' ? <BatchSample sample={batch.estimate.sample} /> : null}
        {showsProgress.has(batch.state) ? (
          <Flex direction="column" gap="xs">
            <ProgressBar
              testId={`batch-progress-${batch.id}`}
              title="Progress"
              value={counts.done}
              maxValue={Math.max(counts.total, 1)}
              valueDescription={`${counts.done} of ${counts.total} records`}
              variant={counts.failed > 0 ? 'warning' : 'success'}
            />
            <Text testId={`batch-counts-${batch.id}`}>
              {`${counts.changed} changed · ${counts.skipped} skipped · ${counts.failed} failed · ${counts.review} for review · ${formatCredits(counts.creditsSpent)} spent`}
            </Text>
          </Flex>
        ) : null}
        {actions.length > 0 ? (
          <ButtonRow>
            {actions.map((action) => (
              <Button key={action} testId={`${action}-${batch.id}`} variant={actionVariants[action]} disabled={busy} onClick={() => onAction(batch.id, action)}>
                {action === 'canary' ? `${actionLabels.canary} (${batch.canarySize} records)` : actionLabels[action]}
              </Button>
            ))}
          </ButtonRow>
        ) : null}
      </Flex>
    </Tile>
  );
}
