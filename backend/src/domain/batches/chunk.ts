/** Splitting a batch's records into CRM-sized chunks, and pacing them in trickle mode. */

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`chunk size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Records per chunk: the CRM's batch limit, and in trickle mode no more than a minute's allowance. */
export function chunkSizeFor(input: { batchLimit: number; recordsPerMinute: number | null }): number {
  if (input.recordsPerMinute === null) return input.batchLimit;
  return Math.max(1, Math.min(input.batchLimit, input.recordsPerMinute));
}

/** In trickle mode, the earliest time the chunk after one of `records` may start (ms); now when unpaced. */
export function nextChunkAt(input: { now: number; records: number; recordsPerMinute: number | null }): number {
  if (input.recordsPerMinute === null) return input.now;
  return input.now + Math.ceil((input.records * 60_000) / input.recordsPerMinute);
}
