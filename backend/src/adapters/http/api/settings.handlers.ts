/**
 * Admin settings: thresholds, the rate-limit share, credit caps, per-field overwrite policies, the admin list and
 * the automatic-enrichment allowance.
 * Field policies are kept as a tenant mapping per CRM object (the default mapping with the changed policies).
 */
import { crmObjectsOf, kindOfObject, type CrmObjectName, type Settings, type SettingsUpdate } from '@accord/shared';
import { AppError } from '../../../app/app-error';
import { mappingFor } from '../../../app/enrichment-context';
import type { MappingSet } from '../../../domain/enrichment/mapping';
import type { Tenant, TenantSettings } from '../../../domain/tenants/tenant';
import type { CredentialStore } from '../../db/credential.store';
import type { ApiDeps } from './api-deps';
import type { RouteHandlers } from './mount-routes';

export function settingsOf(tenant: Tenant): Settings {
  const s = tenant.settings;
  return {
    autoApplyThreshold: s.autoApplyThreshold,
    reviewThreshold: s.reviewThreshold,
    rateLimitSharePercent: s.rateLimitSharePercent,
    defaultCountry: s.defaultCountry,
    credits: { monthlyCap: s.credits.monthlyCap, perUserDailyCap: s.credits.perUserDailyCap, perBatchCap: s.credits.perBatchCap },
    fieldPolicies: crmObjectsOf[tenant.crm].flatMap((object) =>
      mappingFor(tenant, object).map((m) => ({ object, field: m.target, label: m.label ?? m.target, policy: m.policy })),
    ),
    admins: s.admins,
    autoEnrich: { recordsPerDay: s.autoEnrich.recordsPerDay, monthlyCredits: s.autoEnrich.monthlyCredits },
  };
}

/** The settings patch an update makes, or a VALIDATION_FAILED naming what is wrong. Pure. */
export function settingsPatch(tenant: Tenant, update: SettingsUpdate): Partial<TenantSettings> {
  const s = tenant.settings;
  const auto = update.autoApplyThreshold ?? s.autoApplyThreshold;
  const review = update.reviewThreshold ?? s.reviewThreshold;
  if (review >= auto) {
    throw new AppError('VALIDATION_FAILED', 'The review threshold must be below the auto-apply threshold.', { details: [{ path: 'body.reviewThreshold', message: `must be below ${auto}` }] });
  }
  const patch: Partial<TenantSettings> = {};
  if (update.autoApplyThreshold !== undefined) patch.autoApplyThreshold = update.autoApplyThreshold;
  if (update.reviewThreshold !== undefined) patch.reviewThreshold = update.reviewThreshold;
  if (update.rateLimitSharePercent !== undefined) patch.rateLimitSharePercent = update.rateLimitSharePercent;
  if (update.defaultCountry !== undefined) patch.defaultCountry = update.defaultCountry;
  if (update.admins !== undefined) patch.admins = [...new Set(update.admins)];
  if (update.credits) patch.credits = { ...s.credits, ...update.credits };
  if (update.autoEnrich) patch.autoEnrich = { ...s.autoEnrich, ...update.autoEnrich };
  if (update.fieldPolicies) patch.mappings = mappingsWithPolicies(tenant, update.fieldPolicies);
  return patch;
}

function mappingsWithPolicies(tenant: Tenant, policies: NonNullable<SettingsUpdate['fieldPolicies']>): MappingSet[] {
  const sets = new Map<CrmObjectName, MappingSet>();
  for (const set of tenant.settings.mappings) if (set.crm === tenant.crm) sets.set(set.object, set);
  policies.forEach((p, i) => {
    if (!crmObjectsOf[tenant.crm].includes(p.object)) {
      throw new AppError('VALIDATION_FAILED', `${p.object} is not an object of this CRM.`, { details: [{ path: `body.fieldPolicies.${i}.object`, message: 'not an object of this CRM' }] });
    }
    const fields = sets.get(p.object)?.fields ?? mappingFor(tenant, p.object);
    if (!fields.some((m) => m.target === p.field)) {
      throw new AppError('VALIDATION_FAILED', `Accord does not write ${p.field} on ${p.object}.`, { details: [{ path: `body.fieldPolicies.${i}.field`, message: 'not a mapped field' }] });
    }
    sets.set(p.object, { crm: tenant.crm, object: p.object, kind: kindOfObject[p.object], fields: fields.map((m) => (m.target === p.field ? { ...m, policy: p.policy } : m)) });
  });
  return [...sets.values()];
}

export function settingsHandlers(deps: Pick<ApiDeps, 'tenants' | 'connections'> & { credentials: CredentialStore }): RouteHandlers {
  return {
    // Uninstall: the tenant is marked uninstalled (every request from it is refused), its tokens and API key are
    // forgotten, and its connection is dropped. Nothing in the CRM is touched; matches and the ledger are kept.
    disconnect: async ({ tenant, now }) => {
      await deps.tenants.markUninstalled(tenant.id, now);
      await deps.credentials.removeAll(tenant.id);
      deps.connections.forget(tenant.id);
      return { disconnected: true, at: now.toISOString() };
    },
    getSettings: async ({ tenant }) => settingsOf(tenant),
    updateSettings: async ({ tenant, body, now }) => {
      const updated = await deps.tenants.updateSettings(tenant.id, settingsPatch(tenant, body), now);
      if (!updated) throw new AppError('NOT_FOUND', 'The account is gone.');
      return settingsOf(updated);
    },
  };
}
