/** The object, the kind of batch and which records, with a HubSpot list id when the records come from a list. */
import { Flex, Input, Select } from '@hubspot/ui-extensions';
import { isSegmentId, objectOptions, typeLabels, typesFor, withObject, type HubspotObject, type RecordChoice } from '../record-choice';

interface RecordChoiceFieldsProps<S extends string> {
  /** Prefix of the fields' test ids, e.g. `new-batch`. */
  idPrefix: string;
  choice: RecordChoice<S>;
  /** The selections besides "From a list". */
  selections: { label: string; value: S }[];
  onChange: (choice: RecordChoice<S>) => void;
}

export function RecordChoiceFields<S extends string>({ idPrefix, choice, selections, onChange }: RecordChoiceFieldsProps<S>) {
  const segmentInvalid = choice.selection === 'segment' && choice.segmentId !== '' && !isSegmentId(choice.segmentId);
  const selectionValues: string[] = [...selections.map((s) => s.value), 'segment'];
  return (
    <Flex direction="row" gap="sm" align="end" wrap="wrap">
      <Select
        testId={`${idPrefix}-object`}
        label="Records"
        value={choice.object}
        options={objectOptions}
        onChange={(value) => onChange(withObject(choice, value === 'contacts' ? 'contacts' : ('companies' as HubspotObject)))}
      />
      <Select
        testId={`${idPrefix}-type`}
        label="What to do"
        value={choice.type}
        options={typesFor(choice.object).map((type) => ({ label: typeLabels[type], value: type }))}
        onChange={(value) => onChange({ ...choice, type: value === 'create_people' && choice.object === 'companies' ? 'create_people' : 'enrich' })}
      />
      <Select
        testId={`${idPrefix}-selection`}
        label="Which records"
        value={choice.selection}
        options={[...selections, { label: 'From a list', value: 'segment' }]}
        onChange={(value) => {
          const selection = selectionValues.find((candidate) => candidate === value);
          if (selection !== undefined) onChange({ ...choice, selection: selection as S | 'segment' });
        }}
      />
      {choice.selection === 'segment' ? (
        <Input
          testId={`${idPrefix}-segment`}
          label="HubSpot list id"
          name={`${idPrefix}-segment`}
          placeholder="e.g. 123"
          value={choice.segmentId}
          required={true}
          error={segmentInvalid}
          validationMessage={segmentInvalid ? 'A list id is 1 to 64 letters, digits, - or _.' : undefined}
          onChange={(value) => onChange({ ...choice, segmentId: value.trim() })}
        />
      ) : null}
    </Flex>
  );
}
