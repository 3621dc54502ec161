/**
 * Estimates Fellegi-Sunter weights from labelled pairs (true pairs, and random non-matching pairs): for each field
 * and level, m = P(level | match) and u = P(level | non-match) among pairs where the field is present on both sides,
 * with add-one smoothing; weight = log2(m / u). Missing fields weigh 0 by construction.
 *
 * Two guards against over-trusting training data: levels are pooled until the weights fall from exact to
 * disagree (a closer agreement never counts less; an unseen level takes its neighbour's weight), and weights are
 * clamped to [MIN_WEIGHT, MAX_WEIGHT] bits, because generated data has cleaner disagreements than real CRMs.
 */
import type { FieldComparison } from '@accord/shared';
import type { Comparison } from '../compare/compare-fields';

const PRESENT_LEVELS = ['exact', 'strong', 'fuzzy', 'disagree'] as const;

export const MAX_WEIGHT = 12;
export const MIN_WEIGHT = -10;

export interface LabelledPair {
  comparisons: Comparison[];
  isMatch: boolean;
}

export interface EstimatedWeights {
  weights: Record<string, Record<FieldComparison, number>>;
  counts: Record<string, Record<FieldComparison, [number, number]>>;
  matchedPairs: number;
  unmatchedPairs: number;
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
  for (const f of fields) weights[f] = monotoneWeights(counts[f]!);
  return { weights, counts, matchedPairs: matched, unmatchedPairs: total - matched };
}

/**
 * Pools adjacent seen levels (exact → disagree) until their m/u ratios are non-increasing, then takes smoothed log
 * ratios. A level never seen in training takes the weight of the next seen level towards disagreement.
 */
function monotoneWeights(c: Record<FieldComparison, [number, number]>): Record<FieldComparison, number> {
  const mTotal = PRESENT_LEVELS.reduce((s, l) => s + c[l][0], 0);
  const uTotal = PRESENT_LEVELS.reduce((s, l) => s + c[l][1], 0);
  const ratio = (pool: Pool) =>
    ((pool.m + pool.levels.length) / (mTotal + PRESENT_LEVELS.length)) / ((pool.u + pool.levels.length) / (uTotal + PRESENT_LEVELS.length));
  type Pool = { levels: FieldComparison[]; m: number; u: number };
  const pools: Pool[] = [];
  for (const level of PRESENT_LEVELS) {
    if (c[level][0] + c[level][1] === 0) continue;
    pools.push({ levels: [level], m: c[level][0], u: c[level][1] });
    while (pools.length > 1 && ratio(pools[pools.length - 2]!) < ratio(pools[pools.length - 1]!)) {
      const last = pools.pop()!;
      const prev = pools[pools.length - 1]!;
      prev.levels.push(...last.levels);
      prev.m += last.m;
      prev.u += last.u;
    }
  }
  const w = { missing: 0 } as Record<FieldComparison, number>;
  for (const pool of pools) {
    const clamped = Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, Math.log2(ratio(pool))));
    for (const level of pool.levels) w[level] = Math.round(clamped * 1000) / 1000;
  }
  let fallback = 0;
  for (const level of [...PRESENT_LEVELS].reverse()) {
    if (level in w) fallback = w[level];
    else w[level] = fallback;
  }
  return w;
}
