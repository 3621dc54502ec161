/**
 * Matches one CRM record of a tenant: applies what people decided about it before, uses the tenant's thresholds
 * and default country, and stores the result so the record card can show it at once next time.
 */
import type { CrmRecord, MatchResult } from '@accord/shared';
import type { MatchStore } from '../adapters/db/match.store';
import { overridesFromDecisions } from '../domain/matching/decisions';
import type { Matcher } from '../domain/matching/matcher';
import type { Tenant } from '../domain/tenants/tenant';

export async function matchRecord(deps: { matcher: Matcher; matches: MatchStore }, input: { tenant: Tenant; record: CrmRecord; now: Date }): Promise<MatchResult> {
  const { tenant, record, now } = input;
  const decisions = await deps.matches.listDecisions({ tenantId: tenant.id, kind: record.kind, crmRecordId: record.id });
  const result = deps.matcher.match({
    record,
    ctx: { defaultCountry: tenant.settings.defaultCountry },
    thresholds: { auto: tenant.settings.autoApplyThreshold, review: tenant.settings.reviewThreshold },
    now,
    overrides: overridesFromDecisions(decisions),
  });
  await deps.matches.saveResult(tenant.id, result);
  return result;
}
