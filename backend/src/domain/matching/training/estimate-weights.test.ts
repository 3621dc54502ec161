import type { Comparison } from '../compare/compare-fields';
import { estimateWeights } from './estimate-weights';

const cmp = (field: string, level: Comparison['level']): Comparison => ({ field, level, crmValue: null, referenceValue: null });

describe('estimateWeights', () => {
  const pairs = [
    ...Array.from({ length: 90 }, () => ({ isMatch: true, comparisons: [cmp('domain', 'exact')] })),
    ...Array.from({ length: 10 }, () => ({ isMatch: true, comparisons: [cmp('domain', 'disagree')] })),
    ...Array.from({ length: 5 }, () => ({ isMatch: false, comparisons: [cmp('domain', 'exact')] })),
    ...Array.from({ length: 895 }, () => ({ isMatch: false, comparisons: [cmp('domain', 'disagree')] })),
    ...Array.from({ length: 100 }, () => ({ isMatch: false, comparisons: [cmp('domain', 'missing')] })),
  ];
  const result = estimateWeights(['domain'], pairs);

  it('gives agreement a positive and disagreement a negative log2 likelihood ratio', () => {
    // m(exact) = 91/104, u(exact) = 6/904 → log2 ≈ 7.04; m(disagree) = 11/104, u = 896/904 → ≈ -3.23.
    expect(result.weights.domain!.exact).toBeCloseTo(Math.log2((91 / 104) / (6 / 904)), 2);
    expect(result.weights.domain!.disagree).toBeCloseTo(Math.log2((11 / 104) / (896 / 904)), 2);
  });

  it('weighs missing fields 0 and keeps the counts behind the weights', () => {
    expect(result.weights.domain!.missing).toBe(0);
    expect(result.counts.domain!.missing).toEqual([0, 100]);
    expect(result.counts.domain!.exact).toEqual([90, 5]);
  });

  it('counts the pairs it learnt from', () => {
    expect(result.matchedPairs).toBe(100);
    expect(result.unmatchedPairs).toBe(1000);
  });
});

describe('estimateWeights guards', () => {
  const cmp2 = (level: Comparison['level']): Comparison => ({ field: 'name', level, crmValue: null, referenceValue: null });
  const many = (n: number, isMatch: boolean, level: Comparison['level']) => Array.from({ length: n }, () => ({ isMatch, comparisons: [cmp2(level)] }));

  it('never lets a closer agreement weigh less than a looser one', () => {
    // exact is seen often among non-matches (common names), strong rarely: raw ratios would rank strong above exact.
    const result = estimateWeights(['name'], [...many(80, true, 'exact'), ...many(20, true, 'strong'), ...many(400, false, 'exact'), ...many(10, false, 'strong'), ...many(5, true, 'disagree'), ...many(600, false, 'disagree')]);
    const w = result.weights.name!;
    expect(w.exact).toBeGreaterThanOrEqual(w.strong);
    expect(w.strong).toBeGreaterThanOrEqual(w.fuzzy);
    expect(w.fuzzy).toBeGreaterThanOrEqual(w.disagree);
  });

  it('gives an unseen level the weight of the next seen level towards disagreement', () => {
    const result = estimateWeights(['name'], [...many(50, true, 'exact'), ...many(50, false, 'disagree'), ...many(5, true, 'disagree')]);
    expect(result.weights.name!.strong).toBe(result.weights.name!.disagree);
    expect(result.weights.name!.fuzzy).toBe(result.weights.name!.disagree);
  });

  it('clamps weights to the configured bounds', () => {
    const result = estimateWeights(['name'], [...many(100_000, true, 'exact'), ...many(100_000, false, 'disagree')]);
    expect(result.weights.name!.exact).toBe(12);
    expect(result.weights.name!.disagree).toBe(-10);
  });
});
