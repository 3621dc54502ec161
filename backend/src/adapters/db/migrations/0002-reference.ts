/** The vendor's reference database: companies and people, stored whole as JSON beside the columns we look up by. */
import type { Kysely } from 'kysely';
import type { AccordMigration } from './migration';

export const reference: AccordMigration = {
  name: '0002-reference',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('reference_companies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('record_json', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('reference_people')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text')
      .addColumn('record_json', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reference_people_company_id_idx').on('reference_people').column('company_id').execute();
  },
};
