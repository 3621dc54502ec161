/** Batch agents: batches an admin scheduled, with when each runs next and what its last run created. */
import type { Kysely } from 'kysely';
import type { AccordMigration } from './migration';
import { sqlIn } from './sql-helpers';

export const batchAgents: AccordMigration = {
  name: '0010-batch-agents',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('batch_agents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('object', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull().check(sqlIn('type', ['enrich', 'create_people'])))
      .addColumn('selection_json', 'text', (c) => c.notNull())
      .addColumn('every_hours', 'integer', (c) => c.notNull())
      .addColumn('canary_size', 'integer', (c) => c.notNull())
      .addColumn('records_per_minute', 'integer')
      .addColumn('max_credits', 'integer')
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('next_run_at', 'text', (c) => c.notNull())
      .addColumn('last_run_at', 'text')
      .addColumn('last_batch_id', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('batch_agents_tenant_idx').on('batch_agents').columns(['tenant_id', 'created_at']).execute();
    await db.schema.createIndex('batch_agents_due_idx').on('batch_agents').columns(['enabled', 'next_run_at']).execute();
  },
};
