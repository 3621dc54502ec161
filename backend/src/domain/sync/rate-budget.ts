/**
 * How long to wait before the next CRM request so Accord stays within its share of the CRM's limit, which other
 * integrations use too. Pure: the caller supplies what it has sent recently and what the CRM last said is left.
 *
 * Our budget per window is floor(limit × share). When the CRM's own headers show less left than the others'
 * part of the quota (limit − our budget) plus what we still plan to use, someone else is busier than their part,
 * and we give way: we only use what is left beyond a reserve for them.
 */

export interface RateBudgetInput {
  /** The CRM's limit per window (HubSpot 110 per 10 s; Salesforce the org's daily allocation). */
  limit: number;
  windowMs: number;
  /** Share of the limit the admin gave Accord, 1..100 (percent). */
  sharePercent: number;
  /** Times (ms) of Accord's own requests that fell inside the current window, oldest first. */
  sentAt: readonly number[];
  /** The CRM's last reading of what is left in its window, and when it was taken. */
  observed?: { remaining: number; at: number };
  now: number;
}

export interface RateBudgetDecision {
  /** 0 to send now. */
  waitMs: number;
  /** Requests Accord may still send in this window. */
  allowance: number;
  reason: 'within_share' | 'share_spent' | 'others_busy';
}

export function budgetOf(limit: number, sharePercent: number): number {
  return Math.max(1, Math.floor((limit * Math.min(100, Math.max(1, sharePercent))) / 100));
}

export function decideNextRequest(input: RateBudgetInput): RateBudgetDecision {
  const budget = budgetOf(input.limit, input.sharePercent);
  const windowStart = input.now - input.windowMs;
  const recent = input.sentAt.filter((t) => t > windowStart);
  let allowance = budget - recent.length;
  let reason: RateBudgetDecision['reason'] = allowance > 0 ? 'within_share' : 'share_spent';

  // The CRM's reading is fresh only within the window it describes.
  if (input.observed && input.now - input.observed.at < input.windowMs) {
    const othersPart = input.limit - budget;
    // What the CRM has left, minus what the others may still legitimately use, is what we may use.
    const othersUsed = input.limit - input.observed.remaining - recent.filter((t) => t <= input.observed!.at).length;
    const othersStillDue = Math.max(0, othersPart - Math.max(0, othersUsed));
    const leftForUs = input.observed.remaining - othersStillDue - recent.filter((t) => t > input.observed!.at).length;
    if (leftForUs < allowance) {
      allowance = leftForUs;
      reason = 'others_busy';
    }
  }
  if (allowance > 0) return { waitMs: 0, allowance, reason };
  // Wait until our oldest request in the window leaves it (or a whole window when we have none to wait for).
  const oldest = recent[0];
  const waitMs = oldest === undefined ? input.windowMs : Math.max(1, oldest + input.windowMs - input.now);
  return { waitMs, allowance: 0, reason };
}

/** The least time N requests can take at a budget of `budget` per window: the benchmark's floor. */
export function floorSeconds(requests: number, budget: number, windowMs: number): number {
  if (requests <= budget) return 0;
  return ((Math.ceil(requests / budget) - 1) * windowMs) / 1000;
}
