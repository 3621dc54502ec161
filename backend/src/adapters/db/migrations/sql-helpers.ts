/** Small SQL pieces that read the same on SQLite and PostgreSQL, for migrations. */
import { sql, type RawBuilder } from 'kysely';

/** A CHECK expression: column value is one of a fixed list. */
export function sqlIn(column: string, values: readonly string[]): RawBuilder<unknown> {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/** A CHECK expression: column >= value. */
export function sqlAtLeast(column: string, value: number): RawBuilder<unknown> {
  return sql`${sql.ref(column)} >= ${sql.lit(value)}`;
}
