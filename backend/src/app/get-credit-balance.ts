/** The credit view a card shows: balance, reserved, available, this month's use against the cap, and alerts. */
import type { CreditBalance } from '@accord/shared';
import type { CreditStore } from '../adapters/db/credit.store';
import { monthKey, startOfMonth } from '../domain/credits/periods';
import type { Tenant } from '../domain/tenants/tenant';

export async function getCreditBalance(deps: { credits: CreditStore }, input: { tenant: Tenant; now: Date }): Promise<CreditBalance> {
  const { tenant, now } = input;
  const account = await deps.credits.account(tenant.id);
  const usedThisMonth = await deps.credits.spentSince(tenant.id, { since: startOfMonth(now) });
  const alerts = await deps.credits.alerts(tenant.id, monthKey(now));
  return {
    balance: account.balance,
    reserved: account.reserved,
    available: account.available,
    usedThisMonth: Math.max(0, usedThisMonth),
    monthlyCap: tenant.settings.credits.monthlyCap,
    alerts: alerts.map((a) => ({ kind: a.kind, threshold: a.threshold as 50 | 80 | 100, at: a.at })),
  };
}
