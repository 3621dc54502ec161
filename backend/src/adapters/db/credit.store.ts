/**
 * The credits ledger. Every movement is an append-only ledger row keyed by a per-tenant idempotency key; the
 * account row (balance, reserved) is derived from those rows and changed in the same transaction by conditional
 * updates ("... where balance - reserved >= n"), so no interleaving of requests, on SQLite or PostgreSQL, can take
 * it below zero or charge one key twice. Caps are checked after the account row is locked by that update.
 */
import crypto from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { monthKey, startOfDay, startOfMonth, crossedThresholds } from '../../domain/credits/periods';
import { ALERT_THRESHOLDS } from '../../domain/credits/credit-policy';
import type { Database } from './database';
import type { CreditLedgerTable, Schema } from './schema';

export type LedgerEntry = Pick<CreditLedgerTable, 'id' | 'kind' | 'amount' | 'idempotency_key' | 'batch_id' | 'user_id' | 'record_ref' | 'created_at'>;

export type DebitOutcome =
  | { status: 'charged'; entry: LedgerEntry }
  | { status: 'already_charged'; entry: LedgerEntry }
  | { status: 'insufficient'; available: number }
  | { status: 'cap_exceeded'; cap: 'monthly' | 'user_daily' | 'batch_reservation'; limit: number };

export type ReserveOutcome =
  | { status: 'reserved'; entry: LedgerEntry }
  | { status: 'already_reserved'; entry: LedgerEntry }
  | { status: 'insufficient'; available: number }
  | { status: 'cap_exceeded'; cap: 'batch'; limit: number };

export interface AccountState {
  balance: number;
  reserved: number;
  available: number;
}

export interface CreditStore {
  /** Adds credits (monthly allowance, add-on pack). Idempotent by key. */
  grant(tenantId: string, input: { amount: number; idempotencyKey: string; note?: string; now: Date }): Promise<LedgerEntry>;
  /**
   * Charges `amount` once per idempotency key. With a batchId the charge is taken from that batch's reservation;
   * otherwise from available credits, within the monthly cap and the user's daily cap.
   */
  debit(
    tenantId: string,
    input: {
      amount: number;
      idempotencyKey: string;
      now: Date;
      userId?: string;
      batchId?: string;
      recordRef?: string;
      caps?: { monthly?: number | null; userDaily?: number | null };
    },
  ): Promise<DebitOutcome>;
  /** Gives back what the debit with `debitKey` charged, at most once. */
  refund(tenantId: string, input: { debitKey: string; now: Date; note?: string }): Promise<{ status: 'refunded' | 'already_refunded'; entry: LedgerEntry } | { status: 'not_found' }>;
  /** Holds credits for an approved batch. Idempotent per batch. */
  reserve(tenantId: string, input: { batchId: string; amount: number; now: Date; cap?: number | null }): Promise<ReserveOutcome>;
  /** Releases what is left of a batch's reservation (batch finished, cancelled or rejected). */
  release(tenantId: string, input: { batchId: string; now: Date }): Promise<{ released: number }>;
  /** Expires up to `amount` unused credits (an allowance at period end). Idempotent by key. */
  expire(tenantId: string, input: { amount: number; idempotencyKey: string; now: Date }): Promise<{ expired: number }>;
  account(tenantId: string): Promise<AccountState>;
  /** The balance recomputed from the ledger rows alone (for checks and reports). */
  derivedFromLedger(tenantId: string): Promise<AccountState>;
  /** Batches still holding part of their reservation, with what is left. */
  openReservations(tenantId: string): Promise<{ batchId: string; credits: number }[]>;
  /** Remaining reservation of one batch. */
  batchReservation(tenantId: string, batchId: string): Promise<number>;
  spentSince(tenantId: string, input: { since: Date; userId?: string; batchId?: string }): Promise<number>;
  usageByUser(tenantId: string, since: Date): Promise<{ userId: string | null; credits: number }[]>;
  usageByBatch(tenantId: string, since: Date): Promise<{ batchId: string | null; credits: number }[]>;
  findEntry(tenantId: string, idempotencyKey: string): Promise<LedgerEntry | undefined>;
  alerts(tenantId: string, period: string): Promise<{ kind: 'monthly_cap' | 'balance'; threshold: number; at: string }[]>;
}

type Trx = Transaction<Schema>;

/** Thrown inside a transaction to roll it back with an outcome. */
class Abort<T> {
  constructor(readonly outcome: T) {}
}

export function createCreditStore(database: Database): CreditStore {
  const { db } = database;

  async function ensureAccount(trx: Trx | typeof db, tenantId: string, now: Date) {
    await trx
      .insertInto('credit_accounts')
      .values({ tenant_id: tenantId, balance: 0, reserved: 0, updated_at: now.toISOString() })
      .onConflict((oc) => oc.column('tenant_id').doNothing())
      .execute();
  }

  async function entryByKey(trx: Trx | typeof db, tenantId: string, key: string): Promise<LedgerEntry | undefined> {
    return trx
      .selectFrom('credit_ledger')
      .select(['id', 'kind', 'amount', 'idempotency_key', 'batch_id', 'user_id', 'record_ref', 'created_at'])
      .where('tenant_id', '=', tenantId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  }

  async function append(trx: Trx, tenantId: string, row: Omit<CreditLedgerTable, 'id' | 'tenant_id'>): Promise<LedgerEntry> {
    const entry = { id: crypto.randomUUID(), tenant_id: tenantId, ...row };
    await trx.insertInto('credit_ledger').values(entry).execute();
    return {
      id: entry.id,
      kind: row.kind,
      amount: row.amount,
      idempotency_key: row.idempotency_key,
      batch_id: row.batch_id,
      user_id: row.user_id,
      record_ref: row.record_ref,
      created_at: row.created_at,
    };
  }

  /** Runs `work` in a transaction; an Abort rolls back and returns its outcome; a lost idempotency race re-reads. */
  async function once<T>(work: (trx: Trx) => Promise<T>, onDuplicate: () => Promise<T>): Promise<T> {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (error instanceof Abort) return error.outcome as T;
      if (isUniqueViolation(error)) return onDuplicate();
      throw error;
    }
  }

  async function sumDebitsMinusRefunds(trx: Trx | typeof db, tenantId: string, filter: { since: Date; userId?: string; batchId?: string }): Promise<number> {
    let q = trx
      .selectFrom('credit_ledger')
      .select(sql<number>`coalesce(sum(case when kind = 'debit' then amount when kind = 'refund' then -amount else 0 end), 0)`.as('n'))
      .where('tenant_id', '=', tenantId)
      .where('created_at', '>=', filter.since.toISOString());
    if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
    if (filter.batchId !== undefined) q = q.where('batch_id', '=', filter.batchId);
    const row = await q.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function reservationLeft(trx: Trx | typeof db, tenantId: string, batchId: string): Promise<number> {
    const row = await trx
      .selectFrom('credit_ledger')
      .select(
        sql<number>`coalesce(sum(case when kind = 'reservation' then amount else -amount end), 0)`.as('n'),
      )
      .where('tenant_id', '=', tenantId)
      .where('batch_id', '=', batchId)
      .where('kind', 'in', ['reservation', 'release', 'debit'])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function recordAlerts(trx: Trx, tenantId: string, input: { before: number; after: number; cap: number; now: Date }) {
    for (const threshold of crossedThresholds({ ...input, thresholds: ALERT_THRESHOLDS })) {
      await trx
        .insertInto('credit_alerts')
        .values({ tenant_id: tenantId, kind: 'monthly_cap', period: monthKey(input.now), threshold, created_at: input.now.toISOString() })
        .onConflict((oc) => oc.columns(['tenant_id', 'kind', 'period', 'threshold']).doNothing())
        .execute();
    }
  }

  /** Debits minus refunds since `since`, grouped by user or batch, nulls last. */
  async function netSpendBy(column: 'user_id' | 'batch_id', tenantId: string, since: Date): Promise<{ key: string | null; credits: number }[]> {
    const rows = await db
      .selectFrom('credit_ledger')
      .select([sql<string | null>`${sql.ref(column)}`.as('key'), sql<number>`sum(case when kind = 'debit' then amount else -amount end)`.as('credits')])
      .where('tenant_id', '=', tenantId)
      .where('kind', 'in', ['debit', 'refund'])
      .where('created_at', '>=', since.toISOString())
      .groupBy(column)
      .execute();
    return rows.map((r) => ({ key: r.key, credits: Number(r.credits) })).sort((a, b) => byNullableKey(a.key, b.key));
  }

  const store: CreditStore = {
    async grant(tenantId, { amount, idempotencyKey, note, now }) {
      assertCredits(amount);
      await ensureAccount(db, tenantId, now);
      const existing = await entryByKey(db, tenantId, idempotencyKey);
      if (existing) return existing;
      return once(
        async (trx) => {
          const entry = await append(trx, tenantId, {
            kind: 'grant', amount, idempotency_key: idempotencyKey, batch_id: null, user_id: null, record_ref: null, note: note ?? null, created_at: now.toISOString(),
          });
          await trx.updateTable('credit_accounts').set((eb) => ({ balance: eb('balance', '+', amount), updated_at: now.toISOString() })).where('tenant_id', '=', tenantId).execute();
          return entry;
        },
        async () => (await entryByKey(db, tenantId, idempotencyKey))!,
      );
    },

    async debit(tenantId, input) {
      const { amount, idempotencyKey, now } = input;
      assertCredits(amount);
      await ensureAccount(db, tenantId, now);
      const existing = await entryByKey(db, tenantId, idempotencyKey);
      if (existing) return { status: 'already_charged', entry: existing };
      const alreadyCharged = async (): Promise<DebitOutcome> => ({ status: 'already_charged', entry: (await entryByKey(db, tenantId, idempotencyKey))! });
      return once<DebitOutcome>(async (trx) => {
        const fromReservation = input.batchId !== undefined;
        // The conditional update both checks and takes the credits, and locks the account row until commit.
        const updated = await trx
          .updateTable('credit_accounts')
          .set((eb) => ({
            balance: eb('balance', '-', amount),
            reserved: fromReservation ? eb('reserved', '-', amount) : eb.ref('reserved'),
            updated_at: now.toISOString(),
          }))
          .where('tenant_id', '=', tenantId)
          .where((eb) => (fromReservation ? eb('reserved', '>=', amount).and('balance', '>=', amount) : eb(eb('balance', '-', eb.ref('reserved')), '>=', amount)))
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) {
          const account = await trx.selectFrom('credit_accounts').select(['balance', 'reserved']).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
          throw new Abort<DebitOutcome>({ status: 'insufficient', available: Math.max(0, account.balance - account.reserved) });
        }
        if (fromReservation) {
          const left = await reservationLeft(trx, tenantId, input.batchId!);
          if (left < amount) throw new Abort<DebitOutcome>({ status: 'cap_exceeded', cap: 'batch_reservation', limit: left });
        }
        const monthly = input.caps?.monthly ?? null;
        const spentThisMonth = await sumDebitsMinusRefunds(trx, tenantId, { since: startOfMonth(now) });
        if (monthly !== null && !fromReservation && spentThisMonth + amount > monthly) {
          throw new Abort<DebitOutcome>({ status: 'cap_exceeded', cap: 'monthly', limit: monthly });
        }
        const userDaily = input.caps?.userDaily ?? null;
        if (userDaily !== null && input.userId !== undefined) {
          const spentToday = await sumDebitsMinusRefunds(trx, tenantId, { since: startOfDay(now), userId: input.userId });
          if (spentToday + amount > userDaily) throw new Abort<DebitOutcome>({ status: 'cap_exceeded', cap: 'user_daily', limit: userDaily });
        }
        const entry = await append(trx, tenantId, {
          kind: 'debit',
          amount,
          idempotency_key: idempotencyKey,
          batch_id: input.batchId ?? null,
          user_id: input.userId ?? null,
          record_ref: input.recordRef ?? null,
          note: null,
          created_at: now.toISOString(),
        });
        if (monthly !== null) await recordAlerts(trx, tenantId, { before: spentThisMonth, after: spentThisMonth + amount, cap: monthly, now });
        return { status: 'charged', entry };
      }, alreadyCharged);
    },

    async refund(tenantId, { debitKey, now, note }) {
      const debit = await entryByKey(db, tenantId, debitKey);
      if (!debit || debit.kind !== 'debit') return { status: 'not_found' };
      const key = `refund:${debitKey}`;
      const existing = await entryByKey(db, tenantId, key);
      if (existing) return { status: 'already_refunded', entry: existing };
      return once<{ status: 'refunded' | 'already_refunded'; entry: LedgerEntry }>(
        async (trx) => {
          const entry = await append(trx, tenantId, {
            kind: 'refund', amount: debit.amount, idempotency_key: key, batch_id: debit.batch_id, user_id: debit.user_id, record_ref: debit.record_ref, note: note ?? null, created_at: now.toISOString(),
          });
          await trx.updateTable('credit_accounts').set((eb) => ({ balance: eb('balance', '+', debit.amount), updated_at: now.toISOString() })).where('tenant_id', '=', tenantId).execute();
          return { status: 'refunded', entry };
        },
        async () => ({ status: 'already_refunded', entry: (await entryByKey(db, tenantId, key))! }),
      );
    },

    async reserve(tenantId, { batchId, amount, now, cap }) {
      assertCredits(amount);
      await ensureAccount(db, tenantId, now);
      const key = `reservation:${batchId}`;
      const existing = await entryByKey(db, tenantId, key);
      if (existing) return { status: 'already_reserved', entry: existing };
      if (cap !== undefined && cap !== null && amount > cap) return { status: 'cap_exceeded', cap: 'batch', limit: cap };
      return once<ReserveOutcome>(
        async (trx) => {
          const updated = await trx
            .updateTable('credit_accounts')
            .set((eb) => ({ reserved: eb('reserved', '+', amount), updated_at: now.toISOString() }))
            .where('tenant_id', '=', tenantId)
            .where((eb) => eb(eb('balance', '-', eb.ref('reserved')), '>=', amount))
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== 1) {
            const account = await trx.selectFrom('credit_accounts').select(['balance', 'reserved']).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
            throw new Abort<ReserveOutcome>({ status: 'insufficient', available: Math.max(0, account.balance - account.reserved) });
          }
          const entry = await append(trx, tenantId, {
            kind: 'reservation', amount, idempotency_key: key, batch_id: batchId, user_id: null, record_ref: null, note: null, created_at: now.toISOString(),
          });
          return { status: 'reserved', entry };
        },
        async () => ({ status: 'already_reserved', entry: (await entryByKey(db, tenantId, key))! }),
      );
    },

    async release(tenantId, { batchId, now }) {
      return once(
        async (trx) => {
          // Lock the account row first so the reservation cannot change under us.
          await trx.updateTable('credit_accounts').set({ updated_at: now.toISOString() }).where('tenant_id', '=', tenantId).execute();
          const left = await reservationLeft(trx, tenantId, batchId);
          if (left <= 0) return { released: 0 };
          await append(trx, tenantId, {
            kind: 'release', amount: left, idempotency_key: `release:${batchId}:${crypto.randomUUID()}`, batch_id: batchId, user_id: null, record_ref: null, note: null, created_at: now.toISOString(),
          });
          await trx.updateTable('credit_accounts').set((eb) => ({ reserved: eb('reserved', '-', left) })).where('tenant_id', '=', tenantId).execute();
          return { released: left };
        },
        async () => ({ released: 0 }),
      );
    },

    async expire(tenantId, { amount, idempotencyKey, now }) {
      assertCredits(amount);
      await ensureAccount(db, tenantId, now);
      if (await entryByKey(db, tenantId, idempotencyKey)) return { expired: 0 };
      return once(
        async (trx) => {
          await trx.updateTable('credit_accounts').set({ updated_at: now.toISOString() }).where('tenant_id', '=', tenantId).execute();
          const account = await trx.selectFrom('credit_accounts').select(['balance', 'reserved']).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
          const expired = Math.min(amount, Math.max(0, account.balance - account.reserved));
          await append(trx, tenantId, {
            kind: 'expiry', amount: expired, idempotency_key: idempotencyKey, batch_id: null, user_id: null, record_ref: null, note: null, created_at: now.toISOString(),
          });
          await trx.updateTable('credit_accounts').set((eb) => ({ balance: eb('balance', '-', expired) })).where('tenant_id', '=', tenantId).execute();
          return { expired };
        },
        async () => ({ expired: 0 }),
      );
    },

    async account(tenantId) {
      const row = await db.selectFrom('credit_accounts').select(['balance', 'reserved']).where('tenant_id', '=', tenantId).executeTakeFirst();
      const balance = row?.balance ?? 0;
      const reserved = row?.reserved ?? 0;
      return { balance, reserved, available: balance - reserved };
    },

    async derivedFromLedger(tenantId) {
      const row = await db
        .selectFrom('credit_ledger')
        .select([
          sql<number>`coalesce(sum(case when kind in ('grant', 'refund') then amount when kind in ('debit', 'expiry') then -amount else 0 end), 0)`.as('balance'),
          sql<number>`coalesce(sum(case when kind = 'reservation' then amount when kind = 'release' then -amount when kind = 'debit' and batch_id is not null then -amount else 0 end), 0)`.as('reserved'),
        ])
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow();
      const balance = Number(row.balance);
      const reserved = Number(row.reserved);
      return { balance, reserved, available: balance - reserved };
    },

    async openReservations(tenantId) {
      const rows = await db
        .selectFrom('credit_ledger')
        .select(['batch_id', sql<number>`coalesce(sum(case when kind = 'reservation' then amount else -amount end), 0)`.as('n')])
        .where('tenant_id', '=', tenantId)
        .where('batch_id', 'is not', null)
        .where('kind', 'in', ['reservation', 'release', 'debit'])
        .groupBy('batch_id')
        .execute();
      return rows.filter((r) => Number(r.n) > 0).map((r) => ({ batchId: r.batch_id as string, credits: Number(r.n) }));
    },
    batchReservation: (tenantId, batchId) => reservationLeft(db, tenantId, batchId),
    spentSince: (tenantId, filter) => sumDebitsMinusRefunds(db, tenantId, filter),

    async usageByUser(tenantId, since) {
      return (await netSpendBy('user_id', tenantId, since)).map((r) => ({ userId: r.key, credits: r.credits }));
    },

    async usageByBatch(tenantId, since) {
      return (await netSpendBy('batch_id', tenantId, since)).map((r) => ({ batchId: r.key, credits: r.credits }));
    },

    findEntry: (tenantId, key) => entryByKey(db, tenantId, key),

    async alerts(tenantId, period) {
      const rows = await db
        .selectFrom('credit_alerts')
        .select(['kind', 'threshold', 'created_at'])
        .where('tenant_id', '=', tenantId)
        .where('period', '=', period)
        .orderBy('threshold')
        .execute();
      return rows.map((r) => ({ kind: r.kind, threshold: r.threshold, at: r.created_at }));
    },
  };
  return store;
}

/** Ascending, nulls last: the databases disagree on where NULL sorts. */
function byNullableKey(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function assertCredits(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`credits must be a non-negative integer, got ${amount}`);
}

/** SQLite and PostgreSQL report a unique-key clash differently. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}
