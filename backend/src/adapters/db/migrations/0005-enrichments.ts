/** Enrichments (one per idempotency key, with their state) and the audit trail of every field Accord wrote. */
import type { Kysely } from 'kysely';
import type { AccordMigration } from './migration';
import { sqlIn } from './sql-helpers';

export const enrichmentStates = ['pending', 'charged', 'writing', 'written', 'failed', 'undone'] as const;

export const enrichments: AccordMigration = {
  name: '0005-enrichments',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('enrichments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['company', 'person'])))
      .addColumn('crm_record_id', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', enrichmentStates)))
      .addColumn('reference_id', 'text', (c) => c.notNull())
      .addColumn('confidence', 'real', (c) => c.notNull())
      .addColumn('credits', 'integer', (c) => c.notNull())
      .addColumn('charge_key', 'text')
      .addColumn('user_id', 'text')
      .addColumn('batch_id', 'text')
      .addColumn('changes_json', 'text', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('enrichments_idempotency_key', ['tenant_id', 'idempotency_key'])
      .execute();
    await db.schema.createIndex('enrichments_record_idx').on('enrichments').columns(['tenant_id', 'kind', 'crm_record_id']).execute();

    await db.schema
      .createTable('audit_writes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('crm', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('crm_record_id', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('before_json', 'text', (c) => c.notNull())
      .addColumn('after_json', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull().check(sqlIn('actor', ['user', 'batch', 'undo'])))
      .addColumn('actor_id', 'text')
      .addColumn('batch_id', 'text')
      .addColumn('enrichment_id', 'text', (c) => c.notNull())
      .addColumn('reference_id', 'text')
      .addColumn('confidence', 'real')
      .addColumn('credits_charged', 'integer', (c) => c.notNull())
      .addColumn('written_at', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_writes_record_idx').on('audit_writes').columns(['tenant_id', 'kind', 'crm_record_id']).execute();
    await db.schema.createIndex('audit_writes_enrichment_idx').on('audit_writes').columns(['tenant_id', 'enrichment_id']).execute();
  },
};
