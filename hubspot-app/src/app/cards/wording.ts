/** Words for the contract's enums. Exhaustive maps, so a new enum value cannot ship without its words. */
import type { ChangeReason, EnrichmentAction, EnrichmentSummary, FieldComparison, MatchBand } from '@accord/shared';

export const changeReasonWords: Record<ChangeReason, string> = {
  crm_empty: 'Empty in HubSpot',
  policy_overwrite: 'Your settings allow overwriting',
  policy_never: 'Your settings never change this field',
  policy_fill_empty: 'Your settings only fill empty fields',
  same_value: 'Already the same',
  edited_by_person: 'A person edited it since',
  no_reference_value: 'Accord has no value',
  not_mapped: 'Not mapped to a HubSpot property',
  invalid_value: 'The value does not fit this property',
};

export const actionWords: Record<EnrichmentAction, string> = { fill: 'Fill', overwrite: 'Overwrite', skip: 'Skip' };
export const actionVariants: Record<EnrichmentAction, 'success' | 'warning' | 'default'> = { fill: 'success', overwrite: 'warning', skip: 'default' };

export const bandWords: Record<MatchBand, string> = { auto: 'Strong match', review: 'Needs review', none: 'No confident match' };
export const bandVariants: Record<MatchBand, 'success' | 'warning' | 'danger'> = { auto: 'success', review: 'warning', none: 'danger' };

export type ReasonGroup = 'agreed' | 'disagreed' | 'missing';
export const reasonGroupOf: Record<FieldComparison, ReasonGroup> = {
  exact: 'agreed',
  strong: 'agreed',
  fuzzy: 'agreed',
  disagree: 'disagreed',
  missing: 'missing',
};

export const enrichmentStateWords: Record<EnrichmentSummary['state'], string> = {
  pending: 'Pending',
  charged: 'Charged',
  writing: 'Writing',
  written: 'Written',
  failed: 'Failed',
  undone: 'Undone',
};
