/** The incremental-pull cursor per tenant and CRM object: read at the start of a pull, replaced at its end. */
import { syncCursorSchema, type SyncCursor } from '../../domain/sync/change-cursor';
import type { CrmObject } from '../../domain/enrichment/mapping';
import type { Database } from './database';

export interface SyncCursorStore {
  get(tenantId: string, object: CrmObject): Promise<SyncCursor | undefined>;
  save(tenantId: string, object: CrmObject, cursor: SyncCursor, now: Date): Promise<void>;
}

export function createSyncCursorStore({ db }: Database): SyncCursorStore {
  return {
    async get(tenantId, object) {
      const row = await db.selectFrom('crm_sync_cursors').select('cursor_json').where('tenant_id', '=', tenantId).where('object', '=', object).executeTakeFirst();
      return row ? syncCursorSchema.parse(JSON.parse(row.cursor_json)) : undefined;
    },
    async save(tenantId, object, cursor, now) {
      const values = { cursor_json: JSON.stringify(syncCursorSchema.parse(cursor)), updated_at: now.toISOString() };
      await db
        .insertInto('crm_sync_cursors')
        .values({ tenant_id: tenantId, object, ...values })
        .onConflict((oc) => oc.columns(['tenant_id', 'object']).doUpdateSet(values))
        .execute();
    },
  };
}
