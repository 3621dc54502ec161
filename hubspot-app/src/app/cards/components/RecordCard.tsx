/** Accord's record card on companies and contacts: the match, "Enrich this record", and the write history. */
import { Divider, EmptyState, Flex, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import type { RecordParams } from '@accord/shared';
import { ActionError, lastData, LoadError } from '@accord/hubspot-client';
import { useEnrichment } from '../hooks/useEnrichment';
import { useCrmRecordContext, useRecordView } from '../hooks/useRecordView';
import { recordTargetOf } from '../record-target';
import { EnrichPanel } from './EnrichPanel';
import { HistoryPanel } from './HistoryPanel';
import { MatchPanel } from './MatchPanel';

export function RecordCard() {
  const context = useCrmRecordContext();
  const target = recordTargetOf(context.crm);
  if (target === null) {
    return (
      <EmptyState title="Accord works on companies and contacts" layout="vertical" imageName="object">
        <Text>Add this card to company or contact records.</Text>
      </EmptyState>
    );
  }
  return <RecordCardFor target={target} />;
}

function RecordCardFor({ target }: { target: RecordParams }) {
  const { state, reload, decision, decide, rematch } = useRecordView(target);
  const { enrichment, enrich, undo, undoEnrichment } = useEnrichment(target, () => void reload());
  const view = lastData(state);

  if (view === null) {
    if (state.status === 'error') return <LoadError error={state.error} onRetry={() => void reload()} />;
    return <LoadingSpinner label="Loading Accord’s match…" layout="centered" />;
  }
  return (
    <Flex direction="column" gap="md">
      {state.status === 'error' ? <ActionError error={state.error} onRetry={() => void reload()} /> : null}
      <MatchPanel match={view.match} decision={decision} onDecide={(request) => void decide(request)} onRematch={() => void rematch()} />
      <Divider />
      <EnrichPanel view={view} enrichment={enrichment} undo={undo} onEnrich={(cost) => void enrich(cost)} onUndo={(id) => void undoEnrichment(id)} />
      <Divider />
      <HistoryPanel history={view.history} undoBusy={undo.status === 'loading'} onUndo={(id) => void undoEnrichment(id)} />
    </Flex>
  );
}
