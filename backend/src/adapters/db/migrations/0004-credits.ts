/**
 * Credits: one account row per tenant (balance and reserved, kept by conditional updates so they never go below
 * zero) and the append-only ledger it is derived from, keyed by idempotency key; plus spending alerts.
 */
import type { Kysely } from 'kysely';
import type { AccordMigration } from './migration';
import { sqlAtLeast, sqlIn } from './sql-helpers';

export const ledgerEntryKinds = ['grant', 'debit', 'refund', 'expiry', 'reservation', 'release'] as const;

export const credits: AccordMigration = {
  name: '0004-credits',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('credit_accounts')
      .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
      .addColumn('balance', 'integer', (c) => c.notNull().defaultTo(0).check(sqlAtLeast('balance', 0)))
      .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0).check(sqlAtLeast('reserved', 0)))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('credit_ledger')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ledgerEntryKinds)))
      .addColumn('amount', 'integer', (c) => c.notNull().check(sqlAtLeast('amount', 0)))
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('batch_id', 'text')
      .addColumn('user_id', 'text')
      .addColumn('record_ref', 'text')
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('credit_ledger_idempotency_key', ['tenant_id', 'idempotency_key'])
      .execute();
    await db.schema.createIndex('credit_ledger_tenant_time_idx').on('credit_ledger').columns(['tenant_id', 'created_at']).execute();
    await db.schema.createIndex('credit_ledger_batch_idx').on('credit_ledger').columns(['tenant_id', 'batch_id']).execute();

    await db.schema
      .createTable('credit_alerts')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['monthly_cap', 'balance'])))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('threshold', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('credit_alerts_pkey', ['tenant_id', 'kind', 'period', 'threshold'])
      .execute();
  },
};
