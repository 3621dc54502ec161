/**
 * Runs a tenant's calls to one CRM client through the rate governor, handing the governor the CRM's quota reading
 * after each call so it gives way when other integrations use more than their part of the limit. With several calls
 * in flight, a reading may not yet count the others, so near an exhausted window a few calls can still meet a 429
 * (which the governor then waits out).
 */
import type { Crm } from '@accord/shared';
import type { RateLimitSpec } from '../db/rate-governor.store';
import type { CrmClient } from './crm-client';
import type { RateGovernor } from './rate-governor';

export type Governed = <T>(call: () => Promise<T>) => Promise<T>;

export function governedCalls(deps: { client: CrmClient; governor: RateGovernor; tenantId: string; spec: RateLimitSpec }): Governed {
  const key = { tenantId: deps.tenantId, crm: deps.client.provider as Crm };
  return (call) =>
    deps.governor.run(key, deps.spec, async () => {
      const value = await call();
      const quota = deps.client.quota();
      return quota ? { value, quota } : { value };
    });
}
