/**
 * Rate limiting of our own API per tenant (a token bucket in this process): one busy account cannot starve the
 * others. Over the limit: 429 RATE_LIMITED with Retry-After. HubSpot allows 20 concurrent hubspot.fetch calls per
 * account, so the default leaves ample room for real card traffic.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../../app/app-error';

export interface TenantRateLimit {
  perSecond: number;
  burst: number;
}

export const DEFAULT_TENANT_RATE_LIMIT: TenantRateLimit = { perSecond: 100, burst: 300 };

export function limitPerTenant(limit: TenantRateLimit, nowMs: () => number = Date.now): RequestHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (req, res, next) => {
    const tenantId = req.auth?.tenant.id;
    if (!tenantId) return next();
    const now = nowMs();
    const bucket = buckets.get(tenantId) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
    bucket.at = now;
    buckets.set(tenantId, bucket);
    if (bucket.tokens < 1) {
      res.setHeader('Retry-After', String(Math.ceil((1 - bucket.tokens) / limit.perSecond)));
      return next(new AppError('RATE_LIMITED'));
    }
    bucket.tokens -= 1;
    next();
  };
}
