/**
 * The CRM values a record was last read with, per tenant and object: the record page shows its match and preview
 * from these without a CRM round trip. Enriching always reads the CRM afresh.
 */
import type { FieldValue } from '@accord/shared';
import type { Database } from './database';

export interface CrmSnapshot {
  values: Record<string, FieldValue>;
  fetchedAt: string;
}

export interface CrmSnapshotStore {
  save(tenantId: string, input: { object: string; crmRecordId: string; values: Record<string, FieldValue>; now: Date }): Promise<void>;
  /** Saves many records of one object in one statement per 500 (a scheduled pull's page). */
  saveMany(tenantId: string, input: { object: string; records: readonly { crmRecordId: string; values: Record<string, FieldValue> }[]; now: Date }): Promise<void>;
  get(tenantId: string, object: string, crmRecordId: string): Promise<CrmSnapshot | undefined>;
}

/** Rows per insert: 5 parameters each keeps a statement far below SQLite's 32,766. */
const SAVE_CHUNK = 500;

export function createCrmSnapshotStore({ db }: Database): CrmSnapshotStore {
  return {
    async saveMany(tenantId, { object, records, now }) {
      for (let i = 0; i < records.length; i += SAVE_CHUNK) {
        const rows = records.slice(i, i + SAVE_CHUNK).map((r) => ({ tenant_id: tenantId, object, crm_record_id: r.crmRecordId, values_json: JSON.stringify(r.values), fetched_at: now.toISOString() }));
        await db
          .insertInto('crm_snapshots')
          .values(rows)
          .onConflict((oc) => oc.columns(['tenant_id', 'object', 'crm_record_id']).doUpdateSet((eb) => ({ values_json: eb.ref('excluded.values_json'), fetched_at: eb.ref('excluded.fetched_at') })))
          .execute();
      }
    },
    async save(tenantId, { object, crmRecordId, values, now }) {
      const row = { tenant_id: tenantId, object, crm_record_id: crmRecordId, values_json: JSON.stringify(values), fetched_at: now.toISOString() };
      await db
        .insertInto('crm_snapshots')
        .values(row)
        .onConflict((oc) => oc.columns(['tenant_id', 'object', 'crm_record_id']).doUpdateSet({ values_json: row.values_json, fetched_at: row.fetched_at }))
        .execute();
    },
    async get(tenantId, object, crmRecordId) {
      const row = await db
        .selectFrom('crm_snapshots')
        .select(['values_json', 'fetched_at'])
        .where('tenant_id', '=', tenantId)
        .where('object', '=', object)
        .where('crm_record_id', '=', crmRecordId)
        .executeTakeFirst();
      return row ? { values: JSON.parse(row.values_json) as Record<string, FieldValue>, fetchedAt: row.fetched_at } : undefined;
    },
  };
}
