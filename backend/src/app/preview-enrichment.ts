/** What "Enrich this record" would do: every planned change with its reason, the cost, the balance, and what blocks it. */
import type { EnrichmentPreview, MatchResult } from '@accord/shared';
import type { CreditStore } from '../adapters/db/credit.store';
import { startOfDay, startOfMonth } from '../domain/credits/periods';
import type { Tenant } from '../domain/tenants/tenant';
import { crmObjectFor, enrichableReason, planFor, type EnrichmentDeps } from './enrichment-context';

export async function previewEnrichment(
  deps: EnrichmentDeps & { credits: CreditStore },
  input: { tenant: Tenant; match: MatchResult; userId: string; now: Date; salesforcePersonObject?: 'Contact' | 'Lead' },
): Promise<EnrichmentPreview> {
  const { tenant, match, now } = input;
  const account = await deps.credits.account(tenant.id);
  const base = { recordId: match.recordId, referenceId: match.candidate?.referenceId ?? null, band: match.band, balance: account.available };
  if (!match.candidate) return { ...base, changes: [], cost: 0, blockedBy: 'NO_MATCH' };
  const { changes, cost } = await planFor(deps, { tenant, match, object: crmObjectFor(tenant, match.kind, input.salesforcePersonObject), now });
  const blockedBy = enrichableReason(match) ?? (await creditBlock(deps.credits, { tenant, cost, userId: input.userId, now, available: account.available }));
  const nothing = changes.every((c) => c.action === 'skip');
  return { ...base, changes, cost, blockedBy: blockedBy ?? (nothing ? 'NOTHING_TO_CHANGE' : null) };
}

async function creditBlock(
  credits: CreditStore,
  input: { tenant: Tenant; cost: number; userId: string; now: Date; available: number },
): Promise<'INSUFFICIENT_CREDITS' | 'CAP_EXCEEDED' | null> {
  if (input.cost === 0) return null;
  if (input.cost > input.available) return 'INSUFFICIENT_CREDITS';
  const policy = input.tenant.settings.credits;
  if (policy.monthlyCap !== null && (await credits.spentSince(input.tenant.id, { since: startOfMonth(input.now) })) + input.cost > policy.monthlyCap) return 'CAP_EXCEEDED';
  if (
    policy.perUserDailyCap !== null &&
    (await credits.spentSince(input.tenant.id, { since: startOfDay(input.now), userId: input.userId })) + input.cost > policy.perUserDailyCap
  ) {
    return 'CAP_EXCEEDED';
  }
  return null;
}
