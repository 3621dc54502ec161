/**
 * Rolling-window request limiter keyed by portal, like HubSpot's TEN_SECONDLY_ROLLING policy and the search
 * API's separate per-second limit (platform/hubspot.md §6). Refused requests do not use up the window.
 */
import type { RateLimitOptions } from './types';

export interface RateDecision {
  allowed: boolean;
  max: number;
  remaining: number;
  windowMs: number;
}

export class RollingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly clock: () => number,
  ) {}

  take(key: string): RateDecision {
    const now = this.clock();
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.options.windowMs);
    const allowed = recent.length < this.options.max;
    if (allowed) recent.push(now);
    this.hits.set(key, recent);
    return {
      allowed,
      max: this.options.max,
      remaining: Math.max(0, this.options.max - recent.length),
      windowMs: this.options.windowMs,
    };
  }
}
