/**
 * The Fellegi-Sunter model: per field and comparison level a log2 likelihood-ratio weight estimated from labelled
 * pairs (m from true pairs, u from random pairs, so blocking does not bias it), the share of records that have a
 * match (the prior), and an isotonic calibration of the resulting probability. Stored as versioned JSON per kind.
 */
import { fieldComparisonSchema, recordKindSchema, type FieldComparison } from '@accord/shared';
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
    matchedPairs: z.int(),
    randomPairs: z.int(),
  }),
  /** Share of CRM records that have a match in the reference set; the prior for a pair is matchRate / reference size. */
  matchRate: z.number().gt(0).lt(1),
  weights: z.record(z.string(), levelWeightsSchema),
  /** Counts behind the weights, kept for inspection: per field and level, [matched pairs, random unmatched pairs]. */
  counts: z.record(z.string(), z.record(fieldComparisonSchema, z.tuple([z.int(), z.int()]))),
  /**
   * Term-frequency fields: P(exact | match) per field. An exact agreement on such a field weighs
   * log2(P(exact | match) / share of reference records holding the value) instead of the level's average weight.
   */
  termFrequency: z.record(z.string(), z.number().gt(0).lte(1)).optional(),
  /**
   * Map from a record's top candidate's uncalibrated log2 odds of being THE match (candidateLogOdds: its pair log odds
   * against the runners-up and "none") to how often such a top candidate is right: non-decreasing y over increasing x,
   * linear between points. Log odds, not probabilities, so strong candidates do not all pile up at 1.
   */
  calibration: z.object({ x: z.array(z.number()), y: z.array(z.number()) }),
});
export type MatchingModel = z.infer<typeof matchingModelSchema>;

/** Sum of the weights of the comparisons: the log2 likelihood ratio of "same entity". */
export function scoreOf(model: MatchingModel, comparisons: readonly Comparison[]): number {
  let score = 0;
  for (const c of comparisons) score += comparisonWeight(model, c);
  return score;
}

/** Bounds of a term-frequency weight: a common value never counts against, a unique one no more than any field. */
const MAX_TERM_WEIGHT = 12;

/** The weight one comparison adds: its level's weight, or for an exact agreement on a common or rare value, the term-frequency weight. */
export function comparisonWeight(model: MatchingModel, c: Comparison): number {
  const m = c.termShare === undefined ? undefined : model.termFrequency?.[c.field];
  if (m === undefined || c.level !== 'exact') return weightOf(model, c.field, c.level);
  return termFrequencyWeight(m, c.termShare!);
}

/** The weight of an exact agreement on a value `share` of the reference holds, for a field agreeing exactly on a match with probability `m`. */
export function termFrequencyWeight(m: number, share: number): number {
  return Math.min(MAX_TERM_WEIGHT, Math.max(0, Math.log2(m / share)));
}

export function weightOf(model: MatchingModel, field: string, level: FieldComparison): number {
  return model.weights[field]?.[level] ?? 0;
}

/**
 * Uncalibrated probability that one pair is a match, from its score and the prior for a pair drawn at random:
 * a record has a match with probability matchRate, and it is any one of the `referenceCount` records alike.
 */
export function pairProbability(model: MatchingModel, score: number, referenceCount: number): number {
  return 1 / (1 + 2 ** -pairLogOdds(model, score, referenceCount));
}

/** The same as log2 odds: the score plus the log2 prior odds of a pair. What the calibration map reads. */
export function pairLogOdds(model: MatchingModel, score: number, referenceCount: number): number {
  return score + Math.log2(model.matchRate / Math.max(1, referenceCount));
}

/**
 * Log2 odds that each candidate is THE record's match, given that at most one is: with pair log odds L_i,
 * odds_i = 2^L_i / (1 + Σ_{j≠i} 2^L_j). Computed in the log domain, so strong candidates never overflow or tie at
 * "certain": a candidate at 39 bits with a runner-up at 17 keeps its 22-bit lead.
 */
export function candidateLogOdds(pairLogOdds: readonly number[]): number[] {
  const n = pairLogOdds.length;
  // The largest competitor of candidate i (or the "none of them" term, 2^0) is the largest of all unless i is that
  // one, then the second largest: two scales in all, so the powers are taken 2n times rather than n² times. The sums
  // add the same terms in the same order as summing afresh for each i, so the result is the same to the last bit.
  let first = -1;
  for (let j = 0; j < n; j++) if (first < 0 || pairLogOdds[j]! > pairLogOdds[first]!) first = j;
  let second = 0;
  for (let j = 0; j < n; j++) if (j !== first && pairLogOdds[j]! > second) second = pairLogOdds[j]!;
  const scaleOthers = first < 0 ? 0 : Math.max(0, pairLogOdds[first]!);
  const termsOthers = scaledTerms(pairLogOdds, scaleOthers);
  const termsFirst = scaledTerms(pairLogOdds, second);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const top = i === first ? second : scaleOthers;
    const terms = i === first ? termsFirst : termsOthers;
    let sum = 2 ** -top;
    for (let j = 0; j < n; j++) if (j !== i) sum += terms[j]!;
    out[i] = pairLogOdds[i]! - top - Math.log2(sum);
  }
  return out;
}

/** 2^(L_j − top) for every j. */
function scaledTerms(pairLogOdds: readonly number[], top: number): Float64Array {
  const terms = new Float64Array(pairLogOdds.length);
  for (let j = 0; j < pairLogOdds.length; j++) terms[j] = 2 ** (pairLogOdds[j]! - top);
  return terms;
}

/**
 * Probability that each candidate is THE record's match: its competing-candidate log odds (candidateLogOdds) through
 * the calibration map, which was fitted on exactly that quantity for each training record's top candidate, so the
 * runner-up effect is inside what was calibrated rather than applied after it. Two equally good candidates therefore
 * never exceed 0.5 each, whatever their scores; the probabilities never sum past 1.
 */
export function candidateProbabilities(model: MatchingModel, scores: readonly number[], referenceCount: number): number[] {
  const logOdds = candidateLogOdds(scores.map((s) => pairLogOdds(model, s, referenceCount)));
  const probabilities = logOdds.map((raw) => calibrate(model, raw));
  const total = probabilities.reduce((a, b) => a + b, 0);
  return total > 1 ? probabilities.map((p) => p / total) : probabilities;
}

/** Isotonic calibration of log2 odds, with linear interpolation between fitted points, clamped to [0, 1]. */
export function calibrate(model: MatchingModel, raw: number): number {
  const { x, y } = model.calibration;
  if (x.length === 0) return 1 / (1 + 2 ** -raw);
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
