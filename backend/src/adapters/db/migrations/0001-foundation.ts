/** Tenants and their encrypted credentials. */
import type { Kysely } from 'kysely';
import type { AccordMigration } from './migration';
import { sqlIn } from './sql-helpers';

export const foundation: AccordMigration = {
  name: '0001-foundation',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tenants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('crm', 'text', (c) => c.notNull().check(sqlIn('crm', ['hubspot', 'salesforce'])))
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['active', 'uninstalled'])))
      .addColumn('settings_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('tenants_crm_external_id_key', ['crm', 'external_id'])
      .execute();

    await db.schema
      .createTable('credentials')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['oauth', 'api_key'])))
      .addColumn('secret_sealed', 'text')
      .addColumn('lookup_hash', 'text', (c) => c.unique())
      .addColumn('expires_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('credentials_pkey', ['tenant_id', 'kind'])
      .execute();
  },
};
