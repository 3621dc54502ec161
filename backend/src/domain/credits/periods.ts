/** Calendar periods in UTC for caps and alerts. */

/** "2026-11" */
export function monthKey(now: Date): string {
  return now.toISOString().slice(0, 7);
}

export function startOfMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export function startOfDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Thresholds (percent of cap) that spending crossed when it went from `before` to `after`. */
export function crossedThresholds(input: { before: number; after: number; cap: number; thresholds: readonly number[] }): number[] {
  const { before, after, cap, thresholds } = input;
  if (cap <= 0) return after > before ? [...thresholds] : [];
  return thresholds.filter((t) => before * 100 < t * cap && after * 100 >= t * cap);
}
