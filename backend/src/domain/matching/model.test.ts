import type { Comparison } from './compare/compare-fields';
import { calibrate, candidateLogOdds, candidateProbabilities, comparisonWeight, type MatchingModel } from './model';

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

describe('candidateLogOdds', () => {
  it('is the pair log odds when there is no other candidate', () => {
    // odds = 2^L / (1 + 0): only "none of them" competes.
    expect(candidateLogOdds([3])[0]).toBeCloseTo(3, 9);
  });

  it('keeps the lead of a strong candidate over a strong runner-up instead of tying them at certainty', () => {
    const [top, runnerUp] = candidateLogOdds([39, 17]);
    expect(top).toBeCloseTo(22, 3);
    expect(runnerUp).toBeCloseTo(-22, 3);
  });

  it('gives two equal strong candidates even odds each at most', () => {
    const [a, b] = candidateLogOdds([30, 30]);
    expect(a).toBeCloseTo(0, 6);
    expect(b).toBe(a);
  });

  it('stays finite for scores far beyond the range of 2^x', () => {
    const odds = candidateLogOdds([2000, 1990, -3000]);
    expect(odds.every(Number.isFinite)).toBe(true);
    expect(odds[0]).toBeCloseTo(10, 6);
  });

  it('equals the definition, summed afresh for each candidate, to the last bit', () => {
    // odds_i = L_i − top_i − log2(2^−top_i + Σ_{j≠i} 2^(L_j − top_i)), top_i = max(0, max_{j≠i} L_j)
    const byDefinition = (ls: number[]) =>
      ls.map((own, i) => {
        const top = Math.max(0, ...ls.filter((_, j) => j !== i));
        let sum = 2 ** -top;
        ls.forEach((l, j) => j !== i && (sum += 2 ** (l - top)));
        return own - top - Math.log2(sum);
      });
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const cases: number[][] = [[], [5], [-4], [30, 30], [30, 30, 12], [-2, -2, -9], [0, 0]];
    for (let c = 0; c < 500; c++) cases.push(Array.from({ length: 1 + Math.floor(random() * 9) }, () => Math.round((random() * 120 - 60) * 4) / 4));
    for (const ls of cases) expect(candidateLogOdds(ls)).toEqual(byDefinition(ls));
  });
});

describe('candidateProbabilities', () => {
  const logistic = { ...model, matchRate: 0.5, calibration: { x: [], y: [] } };

  it('calibrates each candidate against its runners-up', () => {
    // Prior odds 0.5 / 1 record = 2^-1, so scores 3 and 1 are pair log odds 2 and 0.
    const [top, runnerUp] = candidateProbabilities(logistic, [3, 1], 1);
    expect(top).toBeCloseTo(4 / 6, 9);
    expect(runnerUp).toBeCloseTo(1 / 6, 9);
  });

  it('never lets the probabilities of one record sum past 1', () => {
    const generous = { ...model, calibration: { x: [-100, 100], y: [0.9, 0.9] } };
    const probabilities = candidateProbabilities(generous, [5, 5, 5], 10);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});
