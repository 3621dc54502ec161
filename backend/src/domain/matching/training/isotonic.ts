/**
 * Isotonic regression by pool-adjacent-violators: the non-decreasing map from raw scores to observed accuracy.
 * Each pooled block becomes one point (mean raw score, smoothed accuracy), so the map never claims certainty.
 */

export interface CalibrationMap {
  x: number[];
  y: number[];
}

export function fitIsotonic(points: readonly { raw: number; correct: boolean }[], options: { minBlock?: number } = {}): CalibrationMap {
  const minBlock = options.minBlock ?? 1;
  const sorted = [...points].sort((a, b) => a.raw - b.raw);
  const blocks: { sumX: number; hits: number; n: number }[] = [];
  for (const p of sorted) {
    blocks.push({ sumX: p.raw, hits: p.correct ? 1 : 0, n: 1 });
    // Merge while the last block's accuracy is below the previous one's, or the previous block is too small.
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.hits / prev.n < last.hits / last.n && prev.n >= minBlock) break;
      prev.sumX += last.sumX;
      prev.hits += last.hits;
      prev.n += last.n;
      blocks.pop();
    }
  }
  return {
    x: blocks.map((b) => b.sumX / b.n),
    // Laplace-style smoothing: a block of 2,000 right answers maps to 0.99975, not 1.
    y: blocks.map((b) => (b.hits + 0.5) / (b.n + 1)),
  };
}
