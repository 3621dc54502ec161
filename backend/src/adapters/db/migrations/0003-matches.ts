/** Per-tenant match results (so cards show them instantly) and the decisions people made about them. */
import type { Kysely } from 'kysely';
import type { AccordMigration } from './migration';
import { sqlIn } from './sql-helpers';

export const matches: AccordMigration = {
  name: '0003-matches',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('match_results')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['company', 'person'])))
      .addColumn('crm_record_id', 'text', (c) => c.notNull())
      .addColumn('reference_id', 'text')
      .addColumn('band', 'text', (c) => c.notNull().check(sqlIn('band', ['auto', 'review', 'none'])))
      .addColumn('confidence', 'real', (c) => c.notNull())
      .addColumn('result_json', 'text', (c) => c.notNull())
      .addColumn('matched_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('match_results_pkey', ['tenant_id', 'kind', 'crm_record_id'])
      .execute();
    await db.schema.createIndex('match_results_band_idx').on('match_results').columns(['tenant_id', 'band']).execute();

    await db.schema
      .createTable('match_decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['company', 'person'])))
      .addColumn('crm_record_id', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull().check(sqlIn('decision', ['confirmed', 'picked', 'rejected', 'none'])))
      .addColumn('reference_id', 'text')
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('match_decisions_record_idx')
      .on('match_decisions')
      .columns(['tenant_id', 'kind', 'crm_record_id'])
      .execute();
  },
};
