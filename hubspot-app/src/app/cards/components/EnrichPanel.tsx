/**
 * "Enrich this record": the preview of changes with cost and balance, one confirm, then what changed with undo.
 * The cost shown is sent as `expectedCost`, so the server refuses (CONFLICT) rather than charge more than was shown.
 */
import { Alert, Button, Flex, Heading, List, LoadingButton, Text } from '@hubspot/ui-extensions';
import type { EnrichmentPreview, EnrichResult, RecordView, UndoResultReply } from '@accord/shared';
import { ActionError, formatCredits, formatFieldValue, type RequestState } from '@accord/hubspot-client';
import { ChangeTable } from './ChangeTable';

type Blocker = NonNullable<EnrichmentPreview['blockedBy']>;

const blockerWords: Record<Blocker, { title: string; message: string; variant: 'info' | 'warning' }> = {
  NO_MATCH: { title: 'No match to enrich from', message: 'Pick the right record above first.', variant: 'info' },
  MATCH_NEEDS_REVIEW: { title: 'Confirm the match first', message: 'Accord enriches only from a match a person confirmed or a strong match.', variant: 'info' },
  NOTHING_TO_CHANGE: { title: 'Nothing to change', message: 'This record already holds everything Accord knows.', variant: 'info' },
  INSUFFICIENT_CREDITS: { title: 'Not enough credits', message: 'Your account does not have enough credits for this enrichment. Ask an admin to add credits.', variant: 'warning' },
  CAP_EXCEEDED: { title: 'Spending cap reached', message: 'This enrichment would go over a spending cap your admin set.', variant: 'warning' },
};

interface EnrichPanelProps {
  view: RecordView;
  enrichment: RequestState<EnrichResult>;
  undo: RequestState<UndoResultReply>;
  onEnrich: (expectedCost: number) => void;
  onUndo: (enrichmentId: string) => void;
}

export function EnrichPanel({ view, enrichment, undo, onEnrich, onUndo }: EnrichPanelProps) {
  const { preview, credits } = view;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Enrich this record</Heading>
      {enrichment.status === 'success' ? <EnrichedResult result={enrichment.data} undo={undo} onUndo={onUndo} /> : null}
      {undo.status === 'success' ? <UndoneResult result={undo.data} /> : null}
      {undo.status === 'error' ? <ActionError error={undo.error} /> : null}
      {preview === null ? (
        <Text testId="no-preview">Accord has nothing to enrich this record from yet.</Text>
      ) : (
        <Preview preview={preview} available={credits.available} enrichment={enrichment} onEnrich={onEnrich} />
      )}
    </Flex>
  );
}

interface PreviewProps {
  preview: EnrichmentPreview;
  available: number;
  enrichment: RequestState<EnrichResult>;
  onEnrich: (expectedCost: number) => void;
}

function Preview({ preview, available, enrichment, onEnrich }: PreviewProps) {
  const blocker = preview.blockedBy ? blockerWords[preview.blockedBy] : null;
  const writes = preview.changes.filter((change) => change.action !== 'skip').length;
  return (
    <Flex direction="column" gap="sm">
      {blocker ? (
        <Alert testId="enrich-blocked" title={blocker.title} variant={blocker.variant}>
          {blocker.message}
        </Alert>
      ) : null}
      {preview.changes.length > 0 ? <ChangeTable changes={preview.changes} /> : null}
      <Text testId="enrich-cost">
        Cost: {formatCredits(preview.cost)} · Available: {formatCredits(available)}
      </Text>
      {enrichment.status === 'error' ? <ActionError error={enrichment.error} onRetry={() => onEnrich(preview.cost)} /> : null}
      {blocker === null ? (
        <LoadingButton testId="confirm-enrich" variant="primary" loading={enrichment.status === 'loading'} onClick={() => onEnrich(preview.cost)}>
          {`Write ${writes} ${writes === 1 ? 'field' : 'fields'} for ${formatCredits(preview.cost)}`}
        </LoadingButton>
      ) : null}
    </Flex>
  );
}

function EnrichedResult({ result, undo, onUndo }: { result: EnrichResult; undo: RequestState<UndoResultReply>; onUndo: (id: string) => void }) {
  const { enrichment } = result;
  const undone = undo.status === 'success' && undo.data.enrichmentId === enrichment.enrichmentId;
  return (
    <Alert testId="enrich-result" title={`Accord updated ${enrichment.writes.length} ${enrichment.writes.length === 1 ? 'field' : 'fields'}`} variant="success">
      <List variant="unordered-styled">
        {enrichment.writes.map((write) => (
          <Text key={write.field}>{`${write.field}: ${formatFieldValue(write.before)} → ${formatFieldValue(write.after)}`}</Text>
        ))}
      </List>
      {undone ? null : (
        <Button testId="undo-latest" size="xs" variant="secondary" disabled={undo.status === 'loading'} onClick={() => onUndo(enrichment.enrichmentId)}>
          Undo
        </Button>
      )}
    </Alert>
  );
}

function UndoneResult({ result }: { result: UndoResultReply }) {
  return (
    <Alert testId="undo-result" title={`Restored ${result.reverted.length} ${result.reverted.length === 1 ? 'field' : 'fields'}`} variant="info">
      {result.refunded > 0 ? `${formatCredits(result.refunded)} refunded. ` : ''}
      {result.conflicts.length > 0
        ? `Left as they are because someone changed them since: ${result.conflicts.map((conflict) => conflict.field).join(', ')}.`
        : ''}
    </Alert>
  );
}
