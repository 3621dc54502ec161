/**
 * What the HTTP API keeps: request signatures seen recently (replay protection across processes), the CRM values a
 * record page was last matched and previewed from (so a card loads without a CRM round trip), and OAuth install states.
 */
import type { Kysely } from 'kysely';
import type { AccordMigration } from './migration';
import { sqlIn } from './sql-helpers';

export const api: AccordMigration = {
  name: '0007-api',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('seen_signatures')
      .addColumn('signature_hash', 'text', (c) => c.primaryKey())
      .addColumn('seen_at_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('seen_signatures_seen_at_idx').on('seen_signatures').column('seen_at_ms').execute();
    await db.schema
      .createTable('crm_snapshots')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('object', 'text', (c) => c.notNull())
      .addColumn('crm_record_id', 'text', (c) => c.notNull())
      .addColumn('values_json', 'text', (c) => c.notNull())
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('crm_snapshots_pkey', ['tenant_id', 'object', 'crm_record_id'])
      .execute();
    await db.schema
      .createTable('oauth_states')
      .addColumn('state', 'text', (c) => c.primaryKey())
      .addColumn('crm', 'text', (c) => c.notNull().check(sqlIn('crm', ['hubspot', 'salesforce'])))
      .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
      .execute();
  },
};
