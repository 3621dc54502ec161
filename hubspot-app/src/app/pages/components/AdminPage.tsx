/**
 * Accord's App Home page: credits, bulk batches to approve, watch, pause, cancel or undo (admins act, others see),
 * and for admins the agents that schedule batches and the settings.
 */
import { Alert, Button, EmptyState, Flex, Heading, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import type { Batch } from '@accord/shared';
import { ActionError, lastData, LoadError } from '@accord/hubspot-client';
import { groupOfState, type BatchGroup } from '../batch-actions';
import { useAdminData } from '../hooks/useAdminData';
import { AgentsPanel } from './AgentsPanel';
import { BatchCard } from './BatchCard';
import { CreditsPanel } from './CreditsPanel';
import { NewBatchForm } from './NewBatchForm';
import { SettingsForm } from './SettingsForm';

const groupTitles: Record<BatchGroup, string> = { awaiting: 'Awaiting approval', active: 'In progress', finished: 'Finished' };
const groups: BatchGroup[] = ['awaiting', 'active', 'finished'];

export function AdminPage() {
  const { me, credits, batches, settings, action, act, creation, create, saving, saveSettings } = useAdminData();
  const settingsData = lastData(settings.state);
  const viewer = lastData(me.state);
  if (viewer === null) {
    if (me.state.status === 'error') return <LoadError error={me.state.error} onRetry={() => void me.reload()} />;
    return <LoadingSpinner label="Loading Accord…" layout="centered" />;
  }
  const creditData = lastData(credits.state);
  const batchData = lastData(batches.state);
  return (
    <Flex direction="column" gap="lg">
      {viewer.isAdmin ? null : (
        <Alert testId="not-admin" title="View only" variant="info">
          Only Accord admins can approve, pause, cancel or undo batches.
        </Alert>
      )}
      {creditData ? (
        <CreditsPanel credits={creditData} settings={settingsData} />
      ) : credits.state.status === 'error' ? (
        <LoadError error={credits.state.error} onRetry={() => void credits.reload()} />
      ) : (
        <LoadingSpinner label="Loading credits…" />
      )}
      <Flex direction="row" gap="sm" align="center">
        <Heading>Batches</Heading>
        <Button testId="refresh-batches" size="xs" variant="secondary" onClick={() => void batches.reload()}>
          Refresh
        </Button>
      </Flex>
      {viewer.isAdmin ? <NewBatchForm creation={creation} onCreate={(request) => void create(request)} /> : null}
      {action.status === 'error' ? <ActionError error={action.error} /> : null}
      {batchData ? (
        <BatchGroups items={batchData.items} isAdmin={viewer.isAdmin} busy={action.status === 'loading'} onAction={(id, a) => void act(id, a)} />
      ) : batches.state.status === 'error' ? (
        <LoadError error={batches.state.error} onRetry={() => void batches.reload()} />
      ) : (
        <LoadingSpinner label="Loading batches…" />
      )}
      {viewer.isAdmin ? <AgentsPanel /> : null}
      {viewer.isAdmin && settingsData ? <SettingsForm settings={settingsData} saving={saving} onSave={saveSettings} /> : null}
    </Flex>
  );
}

function BatchGroups({ items, ...rest }: { items: Batch[] } & Omit<Parameters<typeof BatchCard>[0], 'batch'>) {
  if (items.length === 0) {
    return (
      <EmptyState title="No batches yet" layout="vertical" imageName="multipleObjects">
        <Text>Batches created from a list of records show up here for approval.</Text>
      </EmptyState>
    );
  }
  return (
    <Flex direction="column" gap="md">
      {groups.map((group) => {
        const inGroup = items.filter((batch) => groupOfState[batch.state] === group);
        if (inGroup.length === 0) return null;
        return (
          <Flex key={group} direction="column" gap="sm">
            <Text format={{ fontWeight: 'demibold' }}>{groupTitles[group]}</Text>
            {inGroup.map((batch) => (
              <BatchCard key={batch.id} batch={batch} {...rest} />
            ))}
          </Flex>
        );
      })}
    </Flex>
  );
}
