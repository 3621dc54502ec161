/**
 * The reference database (the vendor's companies and people; shared by every tenant). Writes are batched upserts;
 * reads stream in id order by keyset pages so a million records never sit in memory at once.
 */
import {
  referenceCompanySchema,
  referencePersonSchema,
  type ReferenceCompany,
  type ReferencePerson,
  type ReferenceRecord,
} from '@accord/shared';
import type { Database } from './database';

export interface ReferenceCounts {
  companies: number;
  people: number;
}

export interface ReferenceStore {
  /** Inserts or replaces the records in one transaction. */
  upsertMany(records: readonly ReferenceRecord[], now: Date): Promise<void>;
  getCompany(id: string): Promise<ReferenceCompany | undefined>;
  getPerson(id: string): Promise<ReferencePerson | undefined>;
  /** The people of a reference company, in id order, at most `limit`. */
  peopleOfCompany(companyId: string, limit: number): Promise<ReferencePerson[]>;
  counts(): Promise<ReferenceCounts>;
  /** Every record, companies first, in pages of `pageSize`. */
  streamAll(pageSize?: number): AsyncGenerator<ReferenceRecord>;
}

/** SQLite allows 32,766 bound parameters; 4 per row keeps a 1,000-row statement far below it. */
const INSERT_CHUNK = 1_000;

export function createReferenceStore({ db }: Database): ReferenceStore {
  return {
    async upsertMany(records, now) {
      const at = now.toISOString();
      const companies = records.filter((r): r is ReferenceCompany => r.kind === 'company');
      const people = records.filter((r): r is ReferencePerson => r.kind === 'person');
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < companies.length; i += INSERT_CHUNK) {
          const rows = companies.slice(i, i + INSERT_CHUNK).map((c) => ({ id: c.id, name: c.name, record_json: JSON.stringify(c), updated_at: at }));
          await trx
            .insertInto('reference_companies')
            .values(rows)
            .onConflict((oc) =>
              oc.column('id').doUpdateSet((eb) => ({
                name: eb.ref('excluded.name'),
                record_json: eb.ref('excluded.record_json'),
                updated_at: eb.ref('excluded.updated_at'),
              })),
            )
            .execute();
        }
        for (let i = 0; i < people.length; i += INSERT_CHUNK) {
          const rows = people
            .slice(i, i + INSERT_CHUNK)
            .map((p) => ({ id: p.id, company_id: p.companyId ?? null, record_json: JSON.stringify(p), updated_at: at }));
          await trx
            .insertInto('reference_people')
            .values(rows)
            .onConflict((oc) =>
              oc.column('id').doUpdateSet((eb) => ({
                company_id: eb.ref('excluded.company_id'),
                record_json: eb.ref('excluded.record_json'),
                updated_at: eb.ref('excluded.updated_at'),
              })),
            )
            .execute();
        }
      });
    },
    async getCompany(id) {
      const row = await db.selectFrom('reference_companies').select('record_json').where('id', '=', id).executeTakeFirst();
      return row ? referenceCompanySchema.parse(JSON.parse(row.record_json)) : undefined;
    },
    async getPerson(id) {
      const row = await db.selectFrom('reference_people').select('record_json').where('id', '=', id).executeTakeFirst();
      return row ? referencePersonSchema.parse(JSON.parse(row.record_json)) : undefined;
    },
    async peopleOfCompany(companyId, limit) {
      const rows = await db.selectFrom('reference_people').select('record_json').where('company_id', '=', companyId).orderBy('id').limit(limit).execute();
      return rows.map((r) => referencePersonSchema.parse(JSON.parse(r.record_json)));
    },
    async counts() {
      const c = await db.selectFrom('reference_companies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const p = await db.selectFrom('reference_people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { companies: Number(c.n), people: Number(p.n) };
    },
    async *streamAll(pageSize = 5_000) {
      for (const table of ['reference_companies', 'reference_people'] as const) {
        let after = '';
        for (;;) {
          const rows = await db
            .selectFrom(table)
            .select(['id', 'record_json'])
            .where('id', '>', after)
            .orderBy('id')
            .limit(pageSize)
            .execute();
          for (const row of rows) yield JSON.parse(row.record_json) as ReferenceRecord;
          if (rows.length < pageSize) break;
          after = rows[rows.length - 1]!.id;
        }
      }
    },
  };
}
