/** The shape of one versioned migration. Names sort in the order they run. */
import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

export interface AccordMigration {
  name: string;
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}
