/**
 * What a batch or an agent works on, as an admin picks it: the object, the kind of batch, and which records (a
 * saved HubSpot list among them). Shared by the new-batch form and the new-agent form.
 */
import { agentSelectionSchema, type BatchType } from '@accord/shared';

export type HubspotObject = 'companies' | 'contacts';

export interface RecordChoice<S extends string> {
  object: HubspotObject;
  type: BatchType;
  selection: S | 'segment';
  /** The HubSpot list id, when `selection` is `segment`. */
  segmentId: string;
}

export const objectOptions: { label: string; value: HubspotObject }[] = [
  { label: 'Companies', value: 'companies' },
  { label: 'Contacts', value: 'contacts' },
];

export const typeLabels: Record<BatchType, string> = { enrich: 'Enrich records', create_people: 'Create missing contacts' };

/** Creating the reference company's missing people only makes sense from companies. */
export function typesFor(object: HubspotObject): BatchType[] {
  return object === 'companies' ? ['enrich', 'create_people'] : ['enrich'];
}

/** Changing the object may leave a batch type it does not offer: fall back to enriching. */
export function withObject<S extends string>(choice: RecordChoice<S>, object: HubspotObject): RecordChoice<S> {
  return { ...choice, object, type: typesFor(object).includes(choice.type) ? choice.type : 'enrich' };
}

/** The same rule the backend applies to a list id (one schema for batches and agents). */
export function isSegmentId(segmentId: string): boolean {
  return agentSelectionSchema.safeParse({ by: 'segment', segmentId }).success;
}

export function isChoiceComplete<S extends string>(choice: RecordChoice<S>): boolean {
  return choice.selection !== 'segment' || isSegmentId(choice.segmentId);
}
