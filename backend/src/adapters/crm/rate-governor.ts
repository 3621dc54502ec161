/**
 * Runs CRM calls for a tenant within its share of the CRM's rate limit, across processes (state in the database),
 * and retries the failures decideRetry says to retry, in this one place. Calls report the CRM's quota headers so the
 * governor slows down when other integrations use the quota.
 */
import type { Crm } from '@accord/shared';
import type { RateGovernorStore, RateLimitSpec } from '../db/rate-governor.store';
import { CrmError } from './crm-error';
import { decideRetry, defaultRetryPolicy, type RetryPolicy } from './decide-retry';
import type { QuotaReading } from './rate-limit-headers';

export interface GovernedResult<T> {
  value: T;
  /** What the CRM's headers said is left, when the response carried them. */
  quota?: QuotaReading;
}

export interface RateGovernor {
  run<T>(key: { tenantId: string; crm: Crm }, spec: RateLimitSpec, call: () => Promise<GovernedResult<T>>): Promise<T>;
}

export interface RateGovernorDeps {
  store: RateGovernorStore;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  retryPolicy?: RetryPolicy;
  random?: () => number;
  /** Told about every wait and retry, for metrics and logs. */
  onEvent?: (event: { type: 'throttled' | 'retry'; tenantId: string; crm: Crm; waitMs: number; reason: string }) => void;
}

/** Longest single sleep; the budget is asked again afterwards, since other processes may have moved it. */
const MAX_SLEEP_MS = 1_000;

export function createRateGovernor(deps: RateGovernorDeps): RateGovernor {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const policy = deps.retryPolicy ?? defaultRetryPolicy;
  const random = deps.random ?? Math.random;

  async function slot(tenantId: string, crm: Crm, spec: RateLimitSpec): Promise<void> {
    for (;;) {
      const decision = await deps.store.acquire(tenantId, crm, { spec, now });
      if (decision.waitMs === 0) return;
      deps.onEvent?.({ type: 'throttled', tenantId, crm, waitMs: decision.waitMs, reason: decision.reason });
      await sleep(Math.min(decision.waitMs, MAX_SLEEP_MS));
    }
  }

  return {
    async run(key, spec, call) {
      for (let attempt = 1; ; attempt++) {
        await slot(key.tenantId, key.crm, spec);
        try {
          const result = await call();
          if (result.quota) await deps.store.observe(key.tenantId, key.crm, { remaining: result.quota.remaining, nowMs: now() });
          return result.value;
        } catch (error) {
          if (!(error instanceof CrmError)) throw error;
          if (error.status === 429) await deps.store.observe(key.tenantId, key.crm, { remaining: 0, nowMs: now() });
          const decision = decideRetry(error, attempt, { policy, random: random() });
          if (!decision.retry) throw error;
          deps.onEvent?.({ type: 'retry', tenantId: key.tenantId, crm: key.crm, waitMs: decision.waitMs, reason: decision.reason });
          await sleep(decision.waitMs);
        }
      }
    },
  };
}
