import { fitIsotonic } from './isotonic';

describe('fitIsotonic', () => {
  it('pools adjacent violators into one non-decreasing map', () => {
    const map = fitIsotonic([
      { raw: 0.1, correct: false },
      { raw: 0.2, correct: true },
      { raw: 0.3, correct: false },
      { raw: 0.9, correct: true },
    ]);
    expect(map.x).toEqual([0.1, 0.2, 0.3, 0.9]);
    expect(map.y).toEqual([0.5 / 2, 1.5 / 3, 1.5 / 3, 1.5 / 2]);
    for (let i = 1; i < map.y.length; i++) expect(map.y[i]!).toBeGreaterThanOrEqual(map.y[i - 1]!);
  });

  it('never maps to exactly 0 or 1', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ raw: i / 1000, correct: i >= 500 }));
    const map = fitIsotonic(points);
    expect(Math.min(...map.y)).toBeGreaterThan(0);
    expect(Math.max(...map.y)).toBeLessThan(1);
    expect(map.y[map.y.length - 1]).toBeCloseTo(500.5 / 501, 6);
  });

  it('merges blocks smaller than minBlock', () => {
    const points = Array.from({ length: 10 }, (_, i) => ({ raw: i, correct: true }));
    expect(fitIsotonic(points, { minBlock: 5 }).x.length).toBeLessThanOrEqual(2);
  });
});
