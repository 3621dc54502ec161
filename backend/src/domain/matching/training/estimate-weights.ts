/**
 * Estimates Fellegi-Sunter weights from labelled candidate pairs: for each field and level,
 * m = P(level | match) and u = P(level | non-match) among pairs where the field is present on both sides,
 * with add-one smoothing; weight = log2(m / u). Missing fields weigh 0 by construction.
 */
import type { FieldComparison } from '@accord/shared';
import type { Comparison } from '../compare/compare-fields';

const PRESENT_LEVELS = ['exact', 'strong', 'fuzzy', 'disagree'] as const;

export interface LabelledPair {
  comparisons: Comparison[];
  isMatch: boolean;
}

export interface EstimatedWeights {
  weights: Record<string, Record<FieldComparison, number>>;
  counts: Record<string, Record<FieldComparison, [number, number]>>;
  priorOdds: number;
  candidatePairs: number;
  matchedPairs: number;
}

export function estimateWeights(fields: readonly string[], pairs: Iterable<LabelledPair>): EstimatedWeights {
  const counts: Record<string, Record<FieldComparison, [number, number]>> = {};
  for (const f of fields) counts[f] = { exact: [0, 0], strong: [0, 0], fuzzy: [0, 0], disagree: [0, 0], missing: [0, 0] };
  let total = 0;
  let matched = 0;
  for (const pair of pairs) {
    total++;
    if (pair.isMatch) matched++;
    for (const c of pair.comparisons) {
      const cell = counts[c.field]?.[c.level];
      if (cell) cell[pair.isMatch ? 0 : 1]++;
    }
  }
  const weights: Record<string, Record<FieldComparison, number>> = {};
  for (const f of fields) {
    const c = counts[f]!;
    const mTotal = PRESENT_LEVELS.reduce((s, l) => s + c[l][0], 0);
    const uTotal = PRESENT_LEVELS.reduce((s, l) => s + c[l][1], 0);
    const w = { missing: 0 } as Record<FieldComparison, number>;
    for (const level of PRESENT_LEVELS) {
      const m = (c[level][0] + 1) / (mTotal + PRESENT_LEVELS.length);
      const u = (c[level][1] + 1) / (uTotal + PRESENT_LEVELS.length);
      w[level] = Math.round(Math.log2(m / u) * 1000) / 1000;
    }
    weights[f] = w;
  }
  const unmatched = total - matched;
  return { weights, counts, priorOdds: (matched + 1) / (unmatched + 1), candidatePairs: total, matchedPairs: matched };
}
