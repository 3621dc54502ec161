/**
 * Admins start a batch here: which object, enrich or create the missing contacts, which records (never enriched,
 * changed lately, or a HubSpot list), how big a canary. The backend estimates it for approval.
 */
import { useState } from 'react';
import { Button, Flex, Heading } from '@hubspot/ui-extensions';
import type { Batch, BatchSelection } from '@accord/shared';
import { ActionError, type RequestState } from '@accord/hubspot-client';
import type { NewBatch } from '../hooks/useAdminData';
import { isChoiceComplete, type RecordChoice } from '../record-choice';
import { RecordChoiceFields } from './RecordChoiceFields';
import { WholeNumberInput } from './WholeNumberInput';

type Selection = 'never_enriched' | 'modified_last_30_days';

const selections: { label: string; value: Selection }[] = [
  { label: 'Never enriched by Accord', value: 'never_enriched' },
  { label: 'Changed in the last 30 days', value: 'modified_last_30_days' },
];

const dayMs = 24 * 60 * 60 * 1000;

function selectionOf(choice: RecordChoice<Selection>, now: number): BatchSelection {
  switch (choice.selection) {
    case 'never_enriched':
      return { by: 'never_enriched' };
    case 'modified_last_30_days':
      return { by: 'modified_since', since: new Date(now - 30 * dayMs).toISOString() };
    case 'segment':
      return { by: 'segment', segmentId: choice.segmentId };
  }
}

export function toNewBatch(options: { choice: RecordChoice<Selection>; canarySize: number; now: number }): NewBatch {
  return {
    object: options.choice.object,
    type: options.choice.type,
    selection: selectionOf(options.choice, options.now),
    canarySize: options.canarySize,
    recordsPerMinute: null,
    maxCredits: null,
  };
}

export function NewBatchForm({ creation, onCreate }: { creation: RequestState<Batch>; onCreate: (request: NewBatch) => void }) {
  const [choice, setChoice] = useState<RecordChoice<Selection>>({ object: 'companies', type: 'enrich', selection: 'never_enriched', segmentId: '' });
  const [canarySize, setCanarySize] = useState(25);
  return (
    <Flex direction="column" gap="sm">
      <Heading>New batch</Heading>
      {creation.status === 'error' ? <ActionError error={creation.error} /> : null}
      <RecordChoiceFields idPrefix="new-batch" choice={choice} selections={selections} onChange={setChoice} />
      <Flex direction="row" gap="sm" align="end">
        <WholeNumberInput testId="new-batch-canary" label="Canary size" name="canarySize" min={0} max={1000} value={canarySize} onChange={setCanarySize} />
        <Button
          testId="create-batch"
          variant="primary"
          disabled={creation.status === 'loading' || !isChoiceComplete(choice)}
          onClick={() => onCreate(toNewBatch({ choice, canarySize, now: Date.now() }))}
        >
          Estimate batch
        </Button>
      </Flex>
    </Flex>
  );
}
