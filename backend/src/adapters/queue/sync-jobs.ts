/**
 * Scheduled pulls as jobs: every interval, one sync job per active tenant and CRM object (a singleton key keeps at
 * most one waiting per tenant and object, so a slow CRM never piles them up); a job pulls and matches the changes.
 */
import { crmObjectsOf } from '@accord/shared';
import type { TenantStore } from '../db/tenant.store';
import { syncTenantObject, type SyncResult } from '../../app/sync-tenant-object';
import type { CrmObject } from '../../domain/enrichment/mapping';
import type { Tenant } from '../../domain/tenants/tenant';
import type { JobQueue } from './job-queue';

export const CRM_SYNC_JOB = 'crm-sync';

/** The objects pulled per CRM: data, not branches. */
export const SYNCED_OBJECTS: Readonly<Record<Tenant['crm'], readonly CrmObject[]>> = crmObjectsOf;

export async function startSyncWorker(
  queue: JobQueue,
  options: {
    tenants: Pick<TenantStore, 'findById'>;
    depsFor: (tenant: Tenant) => Promise<Parameters<typeof syncTenantObject>[0]>;
    /** Told after each pull (e.g. to start automatic enrichment of the new records); the job waits for it. */
    onSynced?: (input: { tenant: Tenant; tenantId: string; object: CrmObject; result: SyncResult }) => void | Promise<void>;
  },
): Promise<void> {
  await queue.work(CRM_SYNC_JOB, async (payload) => {
    const tenant = await options.tenants.findById(String(payload.tenantId));
    if (!tenant || tenant.status !== 'active') return;
    const object = String(payload.object) as CrmObject;
    const result = await syncTenantObject(await options.depsFor(tenant), { tenant, object, now: new Date() });
    await options.onSynced?.({ tenant, tenantId: tenant.id, object, result });
  });
}

/** Queues a sync of every active tenant's objects now and every `intervalMs`; returns a function that stops it. */
export function scheduleSyncs(queue: JobQueue, options: { tenants: Pick<TenantStore, 'list'>; intervalMs: number; onError?: (error: unknown) => void }): () => void {
  const tick = async () => {
    for (const tenant of await options.tenants.list()) {
      if (tenant.status !== 'active') continue;
      for (const object of SYNCED_OBJECTS[tenant.crm]) {
        await queue.enqueue(CRM_SYNC_JOB, { tenantId: tenant.id, object }, { singletonKey: `${tenant.id}:${object}` });
      }
    }
  };
  const run = () => void tick().catch((error: unknown) => options.onError?.(error));
  run();
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
