/**
 * Two-way sync, the pull half: pulls a tenant's records of one CRM object changed since the stored cursor, stores
 * their values (the record page's fields) and matches each one, so the record cards show them at once without a
 * CRM call. Run on a schedule per tenant and
 * object (adapters/queue/sync-jobs.ts); an interrupted pull starts again from the old cursor.
 */
import type { CrmClient } from '../adapters/crm/crm-client';
import type { CrmSnapshotStore } from '../adapters/db/crm-snapshot.store';
import type { SyncCursorStore } from '../adapters/db/sync-cursor.store';
import type { CrmObject } from '../domain/enrichment/mapping';
import type { Tenant } from '../domain/tenants/tenant';
import type { BatchMatcher } from './batches/batch-context';
import { pageFieldsOf } from './load-crm-record';
import { pullChanges } from './pull-changes';

export interface SyncResult {
  pulled: number;
  byBand: { auto: number; review: number; none: number };
  /** Records matched in the auto band: candidates for automatic enrichment (batches/auto-enrich-new-records.ts). */
  autoBandIds: string[];
}

export async function syncTenantObject(
  deps: { listChangedSince: CrmClient['listChangedSince']; cursors: SyncCursorStore; matcher: BatchMatcher; snapshots: Pick<CrmSnapshotStore, 'saveMany'> },
  input: { tenant: Tenant; object: CrmObject; now: Date; full?: boolean },
): Promise<SyncResult> {
  const { tenant, object, now } = input;
  const byBand = { auto: 0, review: 0, none: 0 };
  const autoBandIds: string[] = [];
  const pull = await pullChanges(
    { listChangedSince: deps.listChangedSince, cursors: deps.cursors },
    {
      tenantId: tenant.id,
      object,
      // What the record page shows, so a pulled record's page needs no CRM call.
      fields: pageFieldsOf(tenant, object),
      ...(input.full ? { full: true } : {}),
      now,
      onRecords: async (records) => {
        const values = records.map((r) => ({ id: r.id, values: r.values }));
        await deps.snapshots.saveMany(tenant.id, { object, records: records.map((r) => ({ crmRecordId: r.id, values: r.values })), now });
        for (const result of await deps.matcher.match({ tenant, object, records: values, now })) {
          byBand[result.band] += 1;
          if (result.band === 'auto') autoBandIds.push(result.recordId);
        }
      },
    },
  );
  return { pulled: pull.delivered, byBand, autoBandIds };
}
