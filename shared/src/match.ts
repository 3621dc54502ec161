/** A match between one CRM record and the reference database: calibrated confidence, band, reasons and runners-up. */
import { z } from 'zod';
import { idSchema, isoTimestampSchema, probabilitySchema, recordKindSchema } from './common';

export const matchBandSchema = z.enum(['auto', 'review', 'none']);
export type MatchBand = z.infer<typeof matchBandSchema>;

/** How one field compared: agreement levels, disagreement, or nothing to compare. */
export const fieldComparisonSchema = z.enum(['exact', 'strong', 'fuzzy', 'disagree', 'missing']);
export type FieldComparison = z.infer<typeof fieldComparisonSchema>;

export const matchReasonSchema = z.object({
  field: z.string().max(100),
  comparison: fieldComparisonSchema,
  /** Log-likelihood weight (log2 of m/u) this comparison added; negative for evidence against. */
  weight: z.number(),
  crmValue: z.string().max(2_000).nullable(),
  referenceValue: z.string().max(2_000).nullable(),
});
export type MatchReason = z.infer<typeof matchReasonSchema>;

export const matchCandidateSchema = z.object({
  referenceId: idSchema,
  kind: recordKindSchema,
  /** Display name: company name or "First Last". */
  label: z.string().max(2_000),
  /** Sum of reason weights. */
  score: z.number(),
  /** Calibrated probability that this candidate is the right one. */
  probability: probabilitySchema,
  reasons: z.array(matchReasonSchema),
});
export type MatchCandidate = z.infer<typeof matchCandidateSchema>;

export const matchDecisionSchema = z.enum(['model', 'confirmed', 'rejected', 'picked']);
export type MatchDecision = z.infer<typeof matchDecisionSchema>;

export const matchResultSchema = z.object({
  recordId: idSchema,
  kind: recordKindSchema,
  /** The chosen candidate, null when nothing matched (or the user said "none of these"). */
  candidate: matchCandidateSchema.nullable(),
  /** Calibrated probability that `candidate` is right (0 when there is none). */
  confidence: probabilitySchema,
  band: matchBandSchema,
  runnersUp: z.array(matchCandidateSchema).max(10),
  decidedBy: matchDecisionSchema,
  modelVersion: z.string().max(100),
  matchedAt: isoTimestampSchema,
});
export type MatchResult = z.infer<typeof matchResultSchema>;
