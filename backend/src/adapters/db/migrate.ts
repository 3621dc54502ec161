/** Runs the versioned migrations to the latest, on whichever dialect the database is. */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database';
import { migrations } from './migrations';

class InCodeProvider implements MigrationProvider {
  constructor(private readonly database: Database) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const dialect = this.database.dialect;
    return Object.fromEntries(
      migrations.map((m) => [m.name, { up: (db: Kysely<unknown>) => m.up(db, dialect) }] as const),
    );
  }
}

export interface MigrationReport {
  applied: string[];
  latest: string;
}

export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  const migrator = new Migrator({ db: database.db, provider: new InCodeProvider(database) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    latest: migrations[migrations.length - 1]!.name,
  };
}

/** True when every known migration has run (used by /readyz). */
export async function isMigrated(database: Database): Promise<boolean> {
  const migrator = new Migrator({ db: database.db, provider: new InCodeProvider(database) });
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
