/** Admins schedule an agent here: a name, what it does to which records, how often, and a canary per run. */
import { useState } from 'react';
import { Button, Flex, Input, Text } from '@hubspot/ui-extensions';
import type { Agent, AgentSelection, CreateAgentRequest } from '@accord/shared';
import { ActionError, type RequestState } from '@accord/hubspot-client';
import { isChoiceComplete, type RecordChoice } from '../record-choice';
import { RecordChoiceFields } from './RecordChoiceFields';
import { WholeNumberInput } from './WholeNumberInput';

type Selection = Exclude<AgentSelection['by'], 'segment'>;

const selections: { label: string; value: Selection }[] = [
  { label: 'Never enriched by Accord', value: 'never_enriched' },
  { label: 'Changed since the last run', value: 'changed_since_last_run' },
];

const firstChoice: RecordChoice<Selection> = { object: 'companies', type: 'enrich', selection: 'never_enriched', segmentId: '' };

export function toNewAgent(options: { name: string; choice: RecordChoice<Selection>; everyHours: number; canarySize: number }): CreateAgentRequest {
  const { choice } = options;
  return {
    name: options.name.trim(),
    object: choice.object,
    type: choice.type,
    selection: choice.selection === 'segment' ? { by: 'segment', segmentId: choice.segmentId } : { by: choice.selection },
    everyHours: options.everyHours,
    canarySize: options.canarySize,
    recordsPerMinute: null,
    maxCredits: null,
  };
}

interface AgentFormProps {
  creation: RequestState<Agent>;
  /** Resolves whether the agent was created, so the form clears only then. */
  onCreate: (request: CreateAgentRequest) => Promise<boolean>;
}

export function AgentForm({ creation, onCreate }: AgentFormProps) {
  const [name, setName] = useState('');
  const [choice, setChoice] = useState(firstChoice);
  const [everyHours, setEveryHours] = useState(24);
  const [canarySize, setCanarySize] = useState(0);
  const complete = name.trim() !== '' && isChoiceComplete(choice) && everyHours >= 1 && everyHours <= 24 * 31;
  const submit = async () => {
    if (await onCreate(toNewAgent({ name, choice, everyHours, canarySize }))) {
      setName('');
      setChoice(firstChoice);
    }
  };
  return (
    <Flex direction="column" gap="sm">
      <Text format={{ fontWeight: 'demibold' }}>New agent</Text>
      {creation.status === 'error' ? <ActionError error={creation.error} /> : null}
      <Input testId="new-agent-name" label="Name" name="agentName" value={name} required={true} onChange={setName} />
      <RecordChoiceFields idPrefix="new-agent" choice={choice} selections={selections} onChange={setChoice} />
      <Flex direction="row" gap="sm" align="end">
        <WholeNumberInput testId="new-agent-every" label="Every (hours)" name="everyHours" min={1} max={24 * 31} value={everyHours} onChange={setEveryHours} />
        <WholeNumberInput testId="new-agent-canary" label="Canary size per run" name="agentCanarySize" min={0} max={1000} value={canarySize} onChange={setCanarySize} />
        <Button testId="create-agent" variant="primary" disabled={creation.status === 'loading' || !complete} onClick={() => void submit()}>
          Create agent
        </Button>
      </Flex>
    </Flex>
  );
}
