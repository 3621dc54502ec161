import type { Comparison } from './compare/compare-fields';
import { calibrate, comparisonWeight, type MatchingModel } from './model';

const model: MatchingModel = {
  version: 'test-1',
  kind: 'person',
  trainedOn: { description: 'test', seed: 1, records: 1, matchedPairs: 1, randomPairs: 1 },
  matchRate: 0.5,
  weights: { lastName: { exact: 9, strong: 8, fuzzy: 5, disagree: -6, missing: 0 } },
  counts: {},
  termFrequency: { lastName: 0.8 },
  calibration: { x: [-10, 0, 5, 30], y: [0.01, 0.2, 0.96, 0.96] },
};
const c = (level: Comparison['level'], termShare?: number): Comparison => ({ field: 'lastName', level, crmValue: 'x', referenceValue: 'x', termShare });

describe('comparisonWeight', () => {
  it.each([
    ['a level without a term share keeps its trained weight', c('exact'), 9],
    ['a common surname weighs little', c('exact', 0.1), Math.log2(0.8 / 0.1)],
    ['a rare surname weighs much', c('exact', 1 / 2000), Math.log2(0.8 * 2000)],
    ['a value nearly everyone holds never counts against', c('exact', 1), 0],
    ['a unique value is capped', c('exact', 1e-9), 12],
    ['other levels ignore term shares', c('fuzzy', 0.1), 5],
  ])('%s', (_title, comparison, expected) => {
    expect(comparisonWeight(model, comparison)).toBeCloseTo(expected, 6);
  });

  it('ignores term shares when the model has no term-frequency rate for the field', () => {
    expect(comparisonWeight({ ...model, termFrequency: undefined }, c('exact', 0.1))).toBe(9);
  });
});

describe('calibrate', () => {
  it.each([
    [-50, 0.01],
    [-5, 0.01 + 0.5 * 0.19],
    [5, 0.96],
    // Flat across the top block: its lower end is not pulled towards the block before it.
    [17, 0.96],
    [100, 0.96],
  ])('maps log2 odds %p to %p', (raw, expected) => {
    expect(calibrate(model, raw)).toBeCloseTo(expected, 6);
  });

  it('falls back to the logistic of the log odds without a calibration map', () => {
    expect(calibrate({ ...model, calibration: { x: [], y: [] } }, 0)).toBe(0.5);
  });
});
