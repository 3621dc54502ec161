/** The rate governor's shared state: Accord's recent CRM requests and the CRM's last quota reading, per tenant and CRM. */
import type { Kysely } from 'kysely';
import type { AccordMigration } from './migration';

export const rateGovernor: AccordMigration = {
  name: '0006-rate-governor',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('crm_rate_state')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('crm', 'text', (c) => c.notNull())
      .addColumn('observed_remaining', 'integer')
      .addColumn('observed_at_ms', 'bigint')
      .addPrimaryKeyConstraint('crm_rate_state_pkey', ['tenant_id', 'crm'])
      .execute();
    await db.schema
      .createTable('crm_request_slots')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('crm', 'text', (c) => c.notNull())
      .addColumn('sent_at_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('crm_request_slots_idx').on('crm_request_slots').columns(['tenant_id', 'crm', 'sent_at_ms']).execute();
  },
};
