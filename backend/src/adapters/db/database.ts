/** Opens the database: SQLite (better-sqlite3) by default, PostgreSQL when the URL says postgres://. */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<Schema>;
  dialect: DialectName;
  /** Where the data lives, without credentials: safe to print. */
  description: string;
  ping(): Promise<void>;
  destroy(): Promise<void>;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** pg returns 64-bit ints as strings; our counters fit in a double, so read them as numbers. */
const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as unknown as pg.CustomTypesConfig;

export function openDatabase(url: string, options: { poolSize?: number } = {}): Database {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options.poolSize ?? 10);
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  throw new Error('unsupported database URL: expected sqlite:<file> or postgres://...');
}

function openSqlite(file: string): Database {
  const inMemory = file === ':memory:';
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const native = new SQLite(inMemory ? ':memory:' : file);
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = NORMAL');
  native.pragma('foreign_keys = ON');
  native.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(native) }) });
  return {
    db,
    dialect: 'sqlite',
    description: inMemory ? 'SQLite (in memory)' : `SQLite ${path.resolve(file)}`,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    destroy: () => db.destroy(),
  };
}

/**
 * Kysely's SQLite driver prepares every query afresh; preparing costs about as much as running a small query. This
 * keeps prepared statements by SQL text (bounded), and hands out a fresh one while a cached one is still iterating.
 */
export const STATEMENT_CACHE_SIZE = 500;

function withStatementCache(native: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = native.prepare.bind(native);
  const cached = (source: string): SQLite.Statement => {
    const hit = cache.get(source);
    if (hit && !hit.busy) return hit;
    if (hit) return prepare(source);
    const statement = prepare(source);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(source, statement);
    return statement;
  };
  // Statements of a changed schema: SQLite re-prepares them itself on the next step.
  return { prepare: cached as SqliteDatabase['prepare'], close: () => void native.close() };
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const parsed = new URL(url);
  return {
    db,
    dialect: 'postgres',
    description: `PostgreSQL ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    destroy: () => db.destroy(),
  };
}
