/** How far each tenant's incremental pull has read each CRM object (domain/sync/change-cursor.ts). */
import type { Kysely } from 'kysely';
import type { AccordMigration } from './migration';

export const syncCursors: AccordMigration = {
  name: '0009-sync-cursors',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('crm_sync_cursors')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('object', 'text', (c) => c.notNull())
      .addColumn('cursor_json', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('crm_sync_cursors_pkey', ['tenant_id', 'object'])
      .execute();
  },
};
