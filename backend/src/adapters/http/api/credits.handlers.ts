/** The credits endpoint: balance, open reservations, this month's usage by user and by batch, alerts. */
import { getCreditBalance } from '../../../app/get-credit-balance';
import { monthKey, startOfMonth } from '../../../domain/credits/periods';
import type { ApiDeps } from './api-deps';
import type { RouteHandlers } from './mount-routes';

export function creditHandlers(deps: Pick<ApiDeps, 'credits'>): RouteHandlers {
  return {
    getCredits: async ({ tenant, now }) => {
      const since = startOfMonth(now);
      const [balance, byUser, byBatch, reservations] = await Promise.all([
        getCreditBalance(deps, { tenant, now }),
        deps.credits.usageByUser(tenant.id, since),
        deps.credits.usageByBatch(tenant.id, since),
        deps.credits.openReservations(tenant.id),
      ]);
      return {
        balance,
        usage: { month: monthKey(now), total: byUser.reduce((sum, u) => sum + u.credits, 0), byUser, byBatch },
        reservations,
        alerts: balance.alerts,
      };
    },
  };
}
