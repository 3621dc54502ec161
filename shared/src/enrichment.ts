/** What an enrichment would change on a CRM record, field by field, and what it costs. */
import { z } from 'zod';
import { creditsSchema, idSchema } from './common';
import { matchBandSchema } from './match';

export const enrichmentActionSchema = z.enum(['fill', 'overwrite', 'skip']);
export type EnrichmentAction = z.infer<typeof enrichmentActionSchema>;

/** Why a field got its action; a card turns these into words. */
export const changeReasonSchema = z.enum([
  'crm_empty',
  'policy_overwrite',
  'policy_never',
  'policy_fill_empty',
  'same_value',
  'edited_by_person',
  'no_reference_value',
  'not_mapped',
  'invalid_value',
]);
export type ChangeReason = z.infer<typeof changeReasonSchema>;

export const fieldValueSchema = z.union([z.string().max(10_000), z.number(), z.boolean()]).nullable();
export type FieldValue = z.infer<typeof fieldValueSchema>;

export const fieldChangeSchema = z.object({
  /** CRM property / field API name. */
  field: z.string().min(1).max(200),
  label: z.string().max(200).optional(),
  current: fieldValueSchema,
  proposed: fieldValueSchema,
  action: enrichmentActionSchema,
  reason: changeReasonSchema,
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const enrichmentPreviewSchema = z.object({
  recordId: idSchema,
  referenceId: idSchema.nullable(),
  band: matchBandSchema,
  changes: z.array(fieldChangeSchema),
  /** Credits this enrichment will charge (0 when nothing would be written or it is free to re-enrich). */
  cost: creditsSchema,
  balance: creditsSchema,
  /** Why enriching is not possible right now, if it is not. */
  blockedBy: z.enum(['NO_MATCH', 'MATCH_NEEDS_REVIEW', 'NOTHING_TO_CHANGE', 'INSUFFICIENT_CREDITS', 'CAP_EXCEEDED']).nullable(),
});
export type EnrichmentPreview = z.infer<typeof enrichmentPreviewSchema>;
