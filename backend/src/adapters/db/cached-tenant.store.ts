/**
 * A TenantStore that remembers lookups for a few seconds: every API request looks its tenant up, and tenants change
 * rarely. Changes made through this store are seen at once in this process; other processes see them within `ttlMs`.
 */
import type { Crm } from '@accord/shared';
import type { Tenant } from '../../domain/tenants/tenant';
import type { TenantStore } from './tenant.store';

export const TENANT_CACHE_TTL_MS = 5_000;

export function withTenantCache(store: TenantStore, options: { ttlMs?: number; nowMs?: () => number } = {}): TenantStore {
  const ttlMs = options.ttlMs ?? TENANT_CACHE_TTL_MS;
  const nowMs = options.nowMs ?? Date.now;
  const entries = new Map<string, { tenant: Tenant | undefined; at: number }>();
  const cached = async (key: string, load: () => Promise<Tenant | undefined>) => {
    const hit = entries.get(key);
    if (hit && nowMs() - hit.at < ttlMs) return hit.tenant;
    const tenant = await load();
    if (entries.size > 10_000) entries.clear();
    entries.set(key, { tenant, at: nowMs() });
    return tenant;
  };
  const forget = () => entries.clear();
  return {
    install: async (input) => {
      forget();
      return store.install(input);
    },
    findById: (tenantId) => cached(`id:${tenantId}`, () => store.findById(tenantId)),
    findByExternalId: (crm: Crm, externalId) => cached(`ext:${crm}:${externalId}`, () => store.findByExternalId(crm, externalId)),
    updateSettings: async (tenantId, patch, now) => {
      forget();
      return store.updateSettings(tenantId, patch, now);
    },
    markUninstalled: async (tenantId, now) => {
      forget();
      return store.markUninstalled(tenantId, now);
    },
    list: () => store.list(),
  };
}
