/** Bulk batches: their life cycle states, counts, and the estimate an admin approves. */
import { z } from 'zod';
import { creditsSchema, crmSchema, idSchema, isoTimestampSchema, recordKindSchema } from './common';
import { fieldChangeSchema } from './enrichment';
import { matchBandSchema, matchReasonSchema } from './match';

export const batchStates = [
  'draft',
  'estimating',
  'awaiting_approval',
  'approved',
  'running',
  'paused',
  'completed',
  'completed_with_errors',
  'cancelled',
  'rejected',
  'undoing',
  'undone',
] as const;
export const batchStateSchema = z.enum(batchStates);
export type BatchState = z.infer<typeof batchStateSchema>;

export const batchTypeSchema = z.enum(['enrich', 'create_people']);
export type BatchType = z.infer<typeof batchTypeSchema>;

export const batchCountsSchema = z.object({
  total: z.int().min(0),
  done: z.int().min(0),
  changed: z.int().min(0),
  skipped: z.int().min(0),
  failed: z.int().min(0),
  review: z.int().min(0),
  creditsSpent: creditsSchema,
});
export type BatchCounts = z.infer<typeof batchCountsSchema>;

export const batchSampleSchema = z.object({
  recordId: idSchema,
  referenceId: idSchema.nullable(),
  band: matchBandSchema,
  confidence: z.number().min(0).max(1),
  reasons: z.array(matchReasonSchema),
  changes: z.array(fieldChangeSchema),
});

export const batchEstimateSchema = z.object({
  records: z.int().min(0),
  byBand: z.object({ auto: z.int().min(0), review: z.int().min(0), none: z.int().min(0) }),
  recordsChanging: z.int().min(0),
  /** How many records each CRM field would change on, so admins can check which workflows listen to them. */
  fieldChanges: z.array(z.object({ field: z.string(), count: z.int().min(0) })),
  maxCredits: creditsSchema,
  expectedCredits: creditsSchema,
  balance: creditsSchema,
  withinCaps: z.boolean(),
  expectedSeconds: z.number().min(0),
  sample: z.array(batchSampleSchema).max(50),
  /** "Create people" batches: the people the run would create, and those left alone because the CRM has them. */
  people: z.object({ toCreate: z.int().min(0), alreadyInCrm: z.int().min(0) }).optional(),
});
export type BatchEstimate = z.infer<typeof batchEstimateSchema>;

export const batchSchema = z.object({
  id: idSchema,
  crm: crmSchema,
  kind: recordKindSchema,
  type: batchTypeSchema,
  state: batchStateSchema,
  createdBy: z.string().max(200),
  approvedBy: z.string().max(200).nullable(),
  canarySize: z.int().min(0),
  estimate: batchEstimateSchema.nullable(),
  counts: batchCountsSchema,
  /** Seconds the rest should take at the pace the rate budget or trickle cap allows (GET of one batch); else null. */
  etaSeconds: z.number().min(0).nullable().default(null),
  /** Why the last estimate failed (the batch went back to draft), e.g. a saved segment that does not exist. */
  error: z.string().max(2_000).nullable().default(null),
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
});
export type Batch = z.infer<typeof batchSchema>;
