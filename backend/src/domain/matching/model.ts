/**
 * The Fellegi-Sunter model: per field and comparison level a log2 likelihood-ratio weight estimated from labelled
 * pairs, the prior odds of a candidate pair being a match, and an isotonic calibration of the resulting
 * probability. Stored as a versioned JSON file per record kind.
 */
import { fieldComparisonSchema, recordKindSchema, type FieldComparison, type MatchReason } from '@accord/shared';
import { z } from 'zod';
import type { Comparison } from './compare/compare-fields';

const levelWeightsSchema = z.object({
  exact: z.number(),
  strong: z.number(),
  fuzzy: z.number(),
  disagree: z.number(),
  missing: z.number(),
});

export const matchingModelSchema = z.object({
  version: z.string().min(1),
  kind: recordKindSchema,
  trainedOn: z.object({
    description: z.string(),
    seed: z.int(),
    records: z.int(),
    candidatePairs: z.int(),
    matchedPairs: z.int(),
  }),
  /** Prior odds that a candidate pair (one sharing a blocking key) is a match. */
  priorOdds: z.number().positive(),
  weights: z.record(z.string(), levelWeightsSchema),
  /** Counts behind the weights, kept for inspection: per field and level, [matched pairs, unmatched pairs]. */
  counts: z.record(z.string(), z.record(fieldComparisonSchema, z.tuple([z.int(), z.int()]))),
  /** Isotonic map from raw posterior to calibrated probability: non-decreasing y over increasing x. */
  calibration: z.object({ x: z.array(z.number()), y: z.array(z.number()) }),
});
export type MatchingModel = z.infer<typeof matchingModelSchema>;

export interface ScoredCandidate {
  score: number;
  reasons: MatchReason[];
}

export function scoreComparisons(model: MatchingModel, comparisons: Comparison[]): ScoredCandidate {
  let score = 0;
  const reasons: MatchReason[] = [];
  for (const c of comparisons) {
    const weight = weightOf(model, c.field, c.level);
    score += weight;
    reasons.push({
      field: c.field,
      comparison: c.level,
      weight: Math.round(weight * 100) / 100,
      crmValue: c.crmValue,
      referenceValue: c.referenceValue,
    });
  }
  return { score, reasons };
}

export function weightOf(model: MatchingModel, field: string, level: FieldComparison): number {
  return model.weights[field]?.[level] ?? 0;
}

/**
 * Raw posterior that each candidate is the record's match, given that at most one is:
 * P(i) = o·2^s_i / (1 + Σ_j o·2^s_j), with o the prior odds. A close runner-up lowers the top candidate's share.
 */
export function posteriors(model: MatchingModel, scores: readonly number[]): number[] {
  if (scores.length === 0) return [];
  const logOdds = Math.log2(model.priorOdds);
  const max = Math.max(...scores.map((s) => s + logOdds), 0);
  // Work relative to the largest term so 2^s never overflows.
  const terms = scores.map((s) => 2 ** (s + logOdds - max));
  const none = 2 ** -max;
  const total = none + terms.reduce((a, b) => a + b, 0);
  return terms.map((t) => t / total);
}

/** Isotonic calibration with linear interpolation between fitted points, clamped to [0, 1]. */
export function calibrate(model: MatchingModel, raw: number): number {
  const { x, y } = model.calibration;
  if (x.length === 0) return raw;
  if (raw <= x[0]!) return y[0]!;
  const last = x.length - 1;
  if (raw >= x[last]!) return y[last]!;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= raw) lo = mid;
    else hi = mid;
  }
  const span = x[hi]! - x[lo]!;
  const t = span === 0 ? 0 : (raw - x[lo]!) / span;
  return Math.min(1, Math.max(0, y[lo]! + t * (y[hi]! - y[lo]!)));
}
