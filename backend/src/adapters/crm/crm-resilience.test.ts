import { decideRetry } from './decide-retry';
import { readHubspotQuota, readSalesforceQuota } from './rate-limit-headers';

describe('decideRetry', () => {
  const hs = (status: number, extra: { code?: string; retryAfterMs?: number } = {}) => ({ provider: 'hubspot' as const, status, ...extra });
  const sf = (status: number, extra: { code?: string; retryAfterMs?: number } = {}) => ({ provider: 'salesforce' as const, status, ...extra });

  it.each([
    ['HubSpot 10-second window', hs(429, { code: 'TEN_SECONDLY_ROLLING' }), 1, { retry: true, waitMs: 10_000 }],
    ['a 429 that says how long', hs(429, { code: 'TEN_SECONDLY_ROLLING', retryAfterMs: 1_500 }), 1, { retry: true, waitMs: 1_500 }],
    ['HubSpot daily limit', hs(429, { code: 'DAILY' }), 1, { retry: false, waitMs: 0 }],
    ['Salesforce org allocation spent', sf(403, { code: 'REQUEST_LIMIT_EXCEEDED' }), 1, { retry: false, waitMs: 0 }],
    ['a 503, first time', hs(503), 1, { retry: true, waitMs: 188 }],
    ['a 503, fourth time', sf(503), 4, { retry: true, waitMs: 1_500 }],
    ['a reset connection', sf(0, { code: 'ECONNRESET' }), 2, { retry: true, waitMs: 375 }],
    ['a bad certificate', sf(0, { code: 'CERT_HAS_EXPIRED' }), 1, { retry: false, waitMs: 0 }],
    ['a 400', hs(400, { code: 'VALIDATION_ERROR' }), 1, { retry: false, waitMs: 0 }],
    ['a 404', sf(404), 1, { retry: false, waitMs: 0 }],
    ['a 500 after the last attempt', hs(500), 6, { retry: false, waitMs: 0 }],
  ])('%s', (_title, error, attempt, expected) => {
    expect(decideRetry(error, attempt, { random: 0.5 })).toMatchObject(expected);
  });

  it('spreads backoff with jitter between half and all of the exponential delay, capped', () => {
    const policy = { maxAttempts: 20, baseDelayMs: 100, maxDelayMs: 5_000 };
    expect(decideRetry(hs(502), 3, { policy, random: 0 }).waitMs).toBe(200);
    expect(decideRetry(hs(502), 3, { policy, random: 0.999 }).waitMs).toBe(400);
    const capped = decideRetry(hs(502), 15, { policy, random: 0.999 }).waitMs;
    expect(capped).toBeLessThanOrEqual(5_000);
    expect(capped).toBeGreaterThan(4_990);
  });

  it('always gives a reason', () => {
    expect(decideRetry(hs(429, { code: 'TEN_SECONDLY_ROLLING' }), 1).reason).toMatch(/rate limited/);
  });
});

describe('quota headers', () => {
  it('reads HubSpot headers in any case', () => {
    expect(readHubspotQuota({ 'X-HubSpot-RateLimit-Max': '110', 'x-hubspot-ratelimit-remaining': '37', 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000' })).toEqual({
      limit: 110,
      remaining: 37,
      windowMs: 10_000,
    });
  });

  it.each([[{}], [{ 'x-hubspot-ratelimit-max': 'abc', 'x-hubspot-ratelimit-remaining': '1', 'x-hubspot-ratelimit-interval-milliseconds': '10000' }], [{ 'x-hubspot-ratelimit-max': '0', 'x-hubspot-ratelimit-remaining': '0', 'x-hubspot-ratelimit-interval-milliseconds': '10000' }]])(
    'ignores missing or malformed HubSpot headers %p',
    (headers) => {
      expect(readHubspotQuota(headers)).toBeUndefined();
    },
  );

  it('reads Sforce-Limit-Info, with or without bursts', () => {
    expect(readSalesforceQuota({ 'sforce-limit-info': 'api-usage=10018/100000' })).toEqual({ limit: 100_000, remaining: 89_982, windowMs: 86_400_000 });
    expect(readSalesforceQuota({ 'Sforce-Limit-Info': ['api-usage=15000/15000; api-bursts=1/750'] })).toEqual({ limit: 15_000, remaining: 0, windowMs: 86_400_000 });
    expect(readSalesforceQuota({ 'sforce-limit-info': 'garbage' })).toBeUndefined();
  });
});
