/**
 * Reads the CRMs' own quota headers, so the rate governor can slow down when other integrations use the quota.
 * HubSpot: X-HubSpot-RateLimit-Max / -Remaining / -Interval-Milliseconds (per 10 s rolling window per account).
 * Salesforce: Sforce-Limit-Info: api-usage=USED/LIMIT (rolling 24 h per org).
 */

export interface QuotaReading {
  limit: number;
  remaining: number;
  windowMs: number;
}

type Headers = Readonly<Record<string, string | string[] | undefined>>;

function header(headers: Headers, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === wanted) return Array.isArray(v) ? v[0] : v;
  }
  return undefined;
}

function nonNegativeInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,12}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

export function readHubspotQuota(headers: Headers): QuotaReading | undefined {
  const limit = nonNegativeInt(header(headers, 'x-hubspot-ratelimit-max'));
  const remaining = nonNegativeInt(header(headers, 'x-hubspot-ratelimit-remaining'));
  const windowMs = nonNegativeInt(header(headers, 'x-hubspot-ratelimit-interval-milliseconds'));
  if (limit === undefined || remaining === undefined || windowMs === undefined || limit === 0) return undefined;
  return { limit, remaining: Math.min(remaining, limit), windowMs };
}

const DAY_MS = 86_400_000;

export function readSalesforceQuota(headers: Headers): QuotaReading | undefined {
  const value = header(headers, 'sforce-limit-info');
  const m = value ? /api-usage=(\d{1,12})\/(\d{1,12})/.exec(value) : null;
  if (!m) return undefined;
  const used = Number(m[1]);
  const limit = Number(m[2]);
  if (limit === 0) return undefined;
  return { limit, remaining: Math.max(0, limit - used), windowMs: DAY_MS };
}
