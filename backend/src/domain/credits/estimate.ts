/**
 * A batch's credit estimate before anything is spent: the most it could cost (every record with a candidate,
 * including those a person might confirm from review) and what it is expected to cost (auto-applied records, plus
 * review records at the rate people confirm them).
 */
import type { MatchBand } from '@accord/shared';

/** Share of review-band matches people confirm, when the tenant has no history yet. */
export const DEFAULT_REVIEW_CONFIRM_RATE = 0.5;

export function estimateCredits(input: {
  records: readonly { band: MatchBand; cost: number }[];
  reviewConfirmRate?: number;
}): { maxCredits: number; expectedCredits: number } {
  const rate = Math.min(1, Math.max(0, input.reviewConfirmRate ?? DEFAULT_REVIEW_CONFIRM_RATE));
  let max = 0;
  let auto = 0;
  let review = 0;
  for (const r of input.records) {
    if (r.band === 'none') continue;
    max += r.cost;
    if (r.band === 'auto') auto += r.cost;
    else review += r.cost;
  }
  return { maxCredits: max, expectedCredits: auto + Math.round(review * rate) };
}
