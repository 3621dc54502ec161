/**
 * Remembers HubSpot's answer to "is this user a Super Admin?" per portal and user, so a card's requests do not each
 * ask HubSpot: an answer for five minutes, a failed lookup (no settings.users.read scope, an unknown user, HubSpot
 * down) as "not an admin" for one. A failure never makes anyone an admin.
 */
import type { Tenant } from '../../../domain/tenants/tenant';

export const ADMIN_ANSWER_TTL_MS = 300_000;
export const ADMIN_FAILURE_TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

export function cachedHubspotAdmin(
  lookup: (tenant: Tenant, userId: string) => Promise<boolean>,
  options: { nowMs?: () => number; onError?: (error: unknown) => void } = {},
): (tenant: Tenant, userId: string) => Promise<boolean> {
  const nowMs = options.nowMs ?? Date.now;
  const cache = new Map<string, { isAdmin: boolean; untilMs: number }>();
  return async (tenant, userId) => {
    const key = `${tenant.id}:${userId}`;
    const hit = cache.get(key);
    if (hit && hit.untilMs > nowMs()) return hit.isAdmin;
    let entry: { isAdmin: boolean; untilMs: number };
    try {
      entry = { isAdmin: await lookup(tenant, userId), untilMs: nowMs() + ADMIN_ANSWER_TTL_MS };
    } catch (error) {
      options.onError?.(error);
      entry = { isAdmin: false, untilMs: nowMs() + ADMIN_FAILURE_TTL_MS };
    }
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, entry);
    return entry.isAdmin;
  };
}
