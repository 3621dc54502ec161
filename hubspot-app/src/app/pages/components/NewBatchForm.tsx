/** Admins start a batch here: which object, which records, how big a canary. The backend estimates it for approval. */
import { useState } from 'react';
import { Button, Flex, Heading, NumberInput, Select } from '@hubspot/ui-extensions';
import type { Batch } from '@accord/shared';
import { ActionError, type RequestState } from '@accord/hubspot-client';
import type { NewBatch } from '../hooks/useAdminData';

type Selection = 'never_enriched' | 'modified_last_30_days';

const dayMs = 24 * 60 * 60 * 1000;

export function toNewBatch(options: { object: 'companies' | 'contacts'; selection: Selection; canarySize: number; now: number }): NewBatch {
  return {
    object: options.object,
    type: 'enrich',
    selection:
      options.selection === 'never_enriched' ? { by: 'never_enriched' } : { by: 'modified_since', since: new Date(options.now - 30 * dayMs).toISOString() },
    canarySize: options.canarySize,
    recordsPerMinute: null,
    maxCredits: null,
  };
}

export function NewBatchForm({ creation, onCreate }: { creation: RequestState<Batch>; onCreate: (request: NewBatch) => void }) {
  const [object, setObject] = useState<'companies' | 'contacts'>('companies');
  const [selection, setSelection] = useState<Selection>('never_enriched');
  const [canarySize, setCanarySize] = useState(25);
  return (
    <Flex direction="column" gap="sm">
      <Heading>New batch</Heading>
      {creation.status === 'error' ? <ActionError error={creation.error} /> : null}
      <Flex direction="row" gap="sm" align="end">
        <Select
          testId="new-batch-object"
          label="Records"
          value={object}
          options={[
            { label: 'Companies', value: 'companies' },
            { label: 'Contacts', value: 'contacts' },
          ]}
          onChange={(value) => setObject(value === 'contacts' ? 'contacts' : 'companies')}
        />
        <Select
          testId="new-batch-selection"
          label="Which records"
          value={selection}
          options={[
            { label: 'Never enriched by Accord', value: 'never_enriched' },
            { label: 'Changed in the last 30 days', value: 'modified_last_30_days' },
          ]}
          onChange={(value) => setSelection(value === 'modified_last_30_days' ? 'modified_last_30_days' : 'never_enriched')}
        />
        <NumberInput
          testId="new-batch-canary"
          label="Canary size"
          name="canarySize"
          min={0}
          max={1000}
          value={canarySize}
          onChange={(value) => setCanarySize(Number.isInteger(value) ? value : 0)}
        />
        <Button
          testId="create-batch"
          variant="primary"
          disabled={creation.status === 'loading'}
          onClick={() => onCreate(toNewBatch({ object, selection, canarySize, now: Date.now() }))}
        >
          Estimate batch
        </Button>
      </Flex>
    </Flex>
  );
}
