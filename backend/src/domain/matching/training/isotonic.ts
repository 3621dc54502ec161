/**
 * Isotonic regression by pool-adjacent-violators: the non-decreasing map from raw scores to observed accuracy.
 * Each pooled block becomes a flat step (its lowest and highest raw score, smoothed accuracy), so the map never
 * claims certainty.
 */

export interface CalibrationMap {
  x: number[];
  y: number[];
}

export function fitIsotonic(points: readonly { raw: number; correct: boolean }[], options: { minBlock?: number } = {}): CalibrationMap {
  const minBlock = options.minBlock ?? 1;
  const sorted = [...points].sort((a, b) => a.raw - b.raw);
  const blocks: { minX: number; maxX: number; hits: number; n: number }[] = [];
  for (const p of sorted) {
    blocks.push({ minX: p.raw, maxX: p.raw, hits: p.correct ? 1 : 0, n: 1 });
    // Merge while the last block's accuracy is below the previous one's, or the previous block is too small.
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.hits / prev.n < last.hits / last.n && prev.n >= minBlock) break;
      prev.maxX = last.maxX;
      prev.hits += last.hits;
      prev.n += last.n;
      blocks.pop();
    }
  }
  // Each block is a flat step over the scores it covers (both ends kept), so interpolation only happens between
  // blocks: a wide top block does not drag scores at its lower end down towards the block before it.
  const x: number[] = [];
  const y: number[] = [];
  for (const b of blocks) {
    // Laplace-style smoothing: a block of 2,000 right answers maps to 0.99975, not 1.
    const accuracy = (b.hits + 0.5) / (b.n + 1);
    x.push(b.minX);
    y.push(accuracy);
    if (b.maxX > b.minX) {
      x.push(b.maxX);
      y.push(accuracy);
    }
  }
  return { x, y };
}
