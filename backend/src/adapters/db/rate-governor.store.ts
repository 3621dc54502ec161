/**
 * The rate governor's state in the database, so every backend process sharing a tenant shares one budget.
 * `acquire` decides and takes a request slot in one transaction; the tenant's state row is locked first
 * (a conditional UPDATE), so two processes never both take the last slot.
 */
import type { Crm } from '@accord/shared';
import { decideNextRequest, type RateBudgetDecision } from '../../domain/sync/rate-budget';
import type { Database } from './database';

export interface RateLimitSpec {
  limit: number;
  windowMs: number;
  sharePercent: number;
}

export interface RateGovernorStore {
  /**
   * Takes a slot now if the budget allows (waitMs 0), else says how long to wait. The time is read with `now` after
   * the tenant's row is locked, so a slot is stamped when it is really taken, not when the caller started waiting.
   */
  acquire(tenantId: string, crm: Crm, input: { spec: RateLimitSpec; now: () => number }): Promise<RateBudgetDecision>;
  /** Records what the CRM's headers said is left in its window. */
  observe(tenantId: string, crm: Crm, input: { remaining: number; nowMs: number }): Promise<void>;
}

export function createRateGovernorStore({ db }: Database): RateGovernorStore {
  async function ensureState(tenantId: string, crm: Crm) {
    await db
      .insertInto('crm_rate_state')
      .values({ tenant_id: tenantId, crm, observed_remaining: null, observed_at_ms: null })
      .onConflict((oc) => oc.columns(['tenant_id', 'crm']).doNothing())
      .execute();
  }

  return {
    async acquire(tenantId, crm, { spec, now }) {
      await ensureState(tenantId, crm);
      return db.transaction().execute(async (trx) => {
        // Lock this tenant's row for the rest of the transaction.
        await trx.updateTable('crm_rate_state').set((eb) => ({ observed_remaining: eb.ref('observed_remaining') })).where('tenant_id', '=', tenantId).where('crm', '=', crm).execute();
        const nowMs = now();
        const state = await trx.selectFrom('crm_rate_state').select(['observed_remaining', 'observed_at_ms']).where('tenant_id', '=', tenantId).where('crm', '=', crm).executeTakeFirstOrThrow();
        const since = nowMs - spec.windowMs;
        await trx.deleteFrom('crm_request_slots').where('tenant_id', '=', tenantId).where('crm', '=', crm).where('sent_at_ms', '<=', since).execute();
        const rows = await trx
          .selectFrom('crm_request_slots')
          .select('sent_at_ms')
          .where('tenant_id', '=', tenantId)
          .where('crm', '=', crm)
          .orderBy('sent_at_ms')
          .execute();
        const decision = decideNextRequest({
          ...spec,
          sentAt: rows.map((r) => Number(r.sent_at_ms)),
          ...(state.observed_remaining !== null && state.observed_at_ms !== null
            ? { observed: { remaining: state.observed_remaining, at: Number(state.observed_at_ms) } }
            : {}),
          now: nowMs,
        });
        if (decision.waitMs === 0) await trx.insertInto('crm_request_slots').values({ tenant_id: tenantId, crm, sent_at_ms: nowMs }).execute();
        return decision;
      });
    },
    async observe(tenantId, crm, { remaining, nowMs }) {
      await ensureState(tenantId, crm);
      await db
        .updateTable('crm_rate_state')
        .set({ observed_remaining: remaining, observed_at_ms: nowMs })
        .where('tenant_id', '=', tenantId)
        .where('crm', '=', crm)
        .where((eb) => eb.or([eb('observed_at_ms', 'is', null), eb('observed_at_ms', '<=', nowMs)]))
        .execute();
    },
  };
}
