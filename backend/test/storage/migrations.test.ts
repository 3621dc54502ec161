import { sql } from 'kysely';
import { migrateToLatest, isMigrated } from '../../src/adapters/db/migrate';
import { migrations } from '../../src/adapters/db/migrations';
import { dialects, openTestDatabase } from '../helpers/test-databases';

describe.each(dialects)('migrations [%s]', (dialect) => {
  it('run from empty to latest, then are a no-op', async () => {
    const database = await openTestDatabase(dialect, { migrate: false });
    try {
      expect(await isMigrated(database)).toBe(false);
      const first = await migrateToLatest(database);
      expect(first.applied).toEqual(migrations.map((m) => m.name));
      expect(await isMigrated(database)).toBe(true);
      const second = await migrateToLatest(database);
      expect(second.applied).toEqual([]);
      const tables = await database.db.introspection.getTables();
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['tenants', 'credentials']));
    } finally {
      await database.destroy();
    }
  });

  it('enforce the CHECK constraints on enumerations', async () => {
    const database = await openTestDatabase(dialect);
    try {
      const insert = sql`insert into tenants (id, crm, external_id, name, status, settings_json, created_at, updated_at)
        values ('t1', 'pipedrive', '1', 'x', 'active', '{}', 'now', 'now')`;
      // better-sqlite3 errors come from another realm, so match the message rather than the class.
      await expect(insert.execute(database.db)).rejects.toMatchObject({ message: expect.stringMatching(/check constraint/i) });
    } finally {
      await database.destroy();
    }
  });
});
