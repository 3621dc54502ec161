/**
 * Should a failed CRM call be retried, and after how long? A pure function of the error and the attempt number,
 * kept apart from the loop that sleeps and retries. Per-provider facts are data (RETRY_RULES), not branches.
 *
 * HubSpot: 429 TEN_SECONDLY_ROLLING → wait out the 10 s window; 429 DAILY → stop (retrying burns nothing but time
 * until midnight); 5xx and network errors → exponential backoff with jitter.
 * Salesforce: REQUEST_LIMIT_EXCEEDED (the org's rolling 24 h allocation) → stop; 5xx/network → backoff; 401 is
 * handled by jsforce's refresh before it reaches here.
 */
import type { Crm } from '@accord/shared';
import type { CrmErrorDetails } from './crm-error';

export interface RetryDecision {
  retry: boolean;
  waitMs: number;
  reason: string;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 30_000 };

interface ProviderRetryRules {
  /** Rate-limit windows that pass soon: wait this long (or what the response said) and retry. */
  shortWindows: Readonly<Record<string, number>>;
  /** Codes that mean the quota is gone for hours: stop and report. */
  exhausted: readonly string[];
}

export const RETRY_RULES: Readonly<Record<Crm, ProviderRetryRules>> = {
  hubspot: { shortWindows: { TEN_SECONDLY_ROLLING: 10_000, SECONDLY: 1_000 }, exhausted: ['DAILY'] },
  salesforce: { shortWindows: {}, exhausted: ['REQUEST_LIMIT_EXCEEDED'] },
};

const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'ABORT_ERR']);

/** `attempt` is the number of the attempt that just failed (1 for the first). `random` in [0, 1) adds jitter. */
export function decideRetry(error: Pick<CrmErrorDetails, 'provider' | 'status' | 'code' | 'retryAfterMs'>, attempt: number, options: { policy?: RetryPolicy; random?: number } = {}): RetryDecision {
  const policy = options.policy ?? defaultRetryPolicy;
  const rules = RETRY_RULES[error.provider];
  if (attempt >= policy.maxAttempts) return { retry: false, waitMs: 0, reason: `gave up after ${attempt} attempts` };
  if (error.code && rules.exhausted.includes(error.code)) return { retry: false, waitMs: 0, reason: `quota exhausted (${error.code})` };

  const backoff = () => {
    const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    // Jitter (between half and all of the delay) keeps many workers from retrying in step.
    return Math.round(exp / 2 + (exp / 2) * (options.random ?? 0.5));
  };

  if (error.status === 429) {
    const window = error.code ? rules.shortWindows[error.code] : undefined;
    const wait = error.retryAfterMs ?? window ?? backoff();
    return { retry: true, waitMs: Math.min(policy.maxDelayMs, wait), reason: `rate limited${error.code ? ` (${error.code})` : ''}` };
  }
  if (error.status === 0) {
    if (error.code && !RETRYABLE_NETWORK.has(error.code)) return { retry: false, waitMs: 0, reason: `network error ${error.code}` };
    return { retry: true, waitMs: backoff(), reason: `network error${error.code ? ` ${error.code}` : ''}` };
  }
  if (error.status === 408 || error.status >= 500) {
    return { retry: true, waitMs: error.retryAfterMs ?? backoff(), reason: `server error ${error.status}` };
  }
  return { retry: false, waitMs: 0, reason: `client error ${error.status}${error.code ? ` (${error.code})` : ''}` };
}
