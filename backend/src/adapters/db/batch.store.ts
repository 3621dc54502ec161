/**
 * Batches and their items, scoped by tenant. Every state change is conditional ("... where state = from"), so of
 * two workers or two admins only one moves a batch; items are claimed in chunks by one conditional update that
 * stamps a claim token, so no two workers hold one record, and a claim whose worker died lapses after a lease.
 */
import crypto from 'node:crypto';
import { batchEstimateSchema, batchSelectionSchema, matchResultSchema, type BatchEstimate, type BatchSelection, type BatchState, type BatchType, type Crm, type MatchResult, type RecordKind } from '@accord/shared';
import { sql, type ExpressionBuilder } from 'kysely';
import { z } from 'zod';
import { creditPolicySchema, type CreditPolicy } from '../../domain/credits/credit-policy';
import { fieldMappingSchema, type CrmObject, type FieldMapping } from '../../domain/enrichment/mapping';
import type { Database } from './database';
import type { BatchesTable, BatchItemsTable, Schema } from './schema';
import { batchItemStates } from './migrations/0008-batches';

export interface StoredBatch {
  id: string;
  tenantId: string;
  crm: Crm;
  object: CrmObject;
  kind: RecordKind;
  type: BatchType;
  state: BatchState;
  selection: BatchSelection;
  idempotencyKey: string;
  createdBy: string;
  approvedBy: string | null;
  mapping: FieldMapping[];
  policy: CreditPolicy;
  canarySize: number;
  /** Items with seq below this may run (the canary); null for all. */
  runLimit: number | null;
  recordsPerMinute: number | null;
  estimate: BatchEstimate | null;
  maxCredits: number | null;
  reservedCredits: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export type BatchItemState = BatchItemsTable['state'];

export interface BatchItem {
  seq: number;
  crmRecordId: string;
  state: BatchItemState;
  changed: boolean;
  match: MatchResult | null;
  plannedCost: number;
  enrichmentId: string | null;
  error: string | null;
  attempts: number;
  /** The claim token while claimed. */
  claimedBy: string | null;
}

export interface ItemCounts {
  total: number;
  pending: number;
  claimed: number;
  done: number;
  changed: number;
  skipped: number;
  failed: number;
  review: number;
}

export type NewBatch = Omit<StoredBatch, 'id' | 'tenantId' | 'state' | 'approvedBy' | 'runLimit' | 'estimate' | 'reservedCredits' | 'error' | 'createdAt' | 'updatedAt'>;

export interface BatchStore {
  /** Creates the batch for a new idempotency key, or returns the one that already has it. */
  create(tenantId: string, input: NewBatch & { now: Date }): Promise<{ created: boolean; batch: StoredBatch }>;
  get(tenantId: string, batchId: string): Promise<StoredBatch | undefined>;
  /** Newest first. */
  list(tenantId: string, options: { limit: number }): Promise<StoredBatch[]>;
  /** Every batch in `state`, across tenants (workers resume running batches at start). */
  listInState(state: BatchState): Promise<{ tenantId: string; batchId: string }[]>;
  /** Moves the batch only if it is still in `from`, setting `set` with it. True when this caller made the move. */
  move(
    tenantId: string,
    batchId: string,
    input: { from: BatchState; to: BatchState; now: Date; set?: Partial<Pick<StoredBatch, 'approvedBy' | 'runLimit' | 'estimate' | 'reservedCredits' | 'error'>> },
  ): Promise<boolean>;
  /** Appends records (once each, in order); returns how many were new. */
  addItems(tenantId: string, batchId: string, recordIds: readonly string[], now: Date): Promise<number>;
  /** Items from `afterSeq` on, in order, at most `limit`. */
  items(tenantId: string, batchId: string, options: { afterSeq?: number; limit: number; state?: BatchItemState }): Promise<BatchItem[]>;
  setPlan(tenantId: string, batchId: string, seq: number, input: { match: MatchResult | null; plannedCost: number; now: Date }): Promise<void>;
  counts(tenantId: string, batchId: string): Promise<ItemCounts>;
  /** Items of every tenant's batches in `state` (e.g. running), by item state: the progress gauge. */
  itemTotalsInState(state: BatchState): Promise<Record<BatchItemState, number>>;
  /**
   * Claims up to `size` runnable items (pending, or claimed by a worker whose lease lapsed), lowest seq first,
   * below `seqBelow` when set. Two callers never receive the same item while its claim is live.
   */
  claimItems(tenantId: string, batchId: string, input: { size: number; nowMs: number; leaseMs: number; seqBelow: number | null }): Promise<BatchItem[]>;
  /** Settles a claimed item; false when the claim was lost (lapsed and taken over). */
  settleItem(
    tenantId: string,
    batchId: string,
    input: { seq: number; claimedBy: string; state: Exclude<BatchItemState, 'claimed'>; changed?: boolean; enrichmentId?: string | null; error?: string | null; now: Date },
  ): Promise<boolean>;
  /** Keeps the claims of `claimedBy` alive. */
  renewClaim(tenantId: string, batchId: string, input: { claimedBy: string; nowMs: number }): Promise<void>;
  /** Trickle pacing shared by every worker: takes the next chunk slot if it is due, or says how long to wait. */
  takeChunkSlot(tenantId: string, batchId: string, input: { nowMs: number; nextAtMs: number }): Promise<{ ok: true } | { ok: false; waitMs: number }>;
}

const selectionJson = z.string().transform((s) => batchSelectionSchema.parse(JSON.parse(s)));

function toBatch(r: BatchesTable): StoredBatch {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    crm: r.crm,
    object: r.object as CrmObject,
    kind: r.kind,
    type: r.type,
    state: r.state,
    selection: selectionJson.parse(r.selection_json),
    idempotencyKey: r.idempotency_key,
    createdBy: r.created_by,
    approvedBy: r.approved_by,
    mapping: z.array(fieldMappingSchema).parse(JSON.parse(r.mapping_json)),
    policy: creditPolicySchema.parse(JSON.parse(r.policy_json)),
    canarySize: r.canary_size,
    runLimit: r.run_limit,
    recordsPerMinute: r.records_per_minute,
    estimate: r.estimate_json ? batchEstimateSchema.parse(JSON.parse(r.estimate_json)) : null,
    maxCredits: r.max_credits,
    reservedCredits: r.reserved_credits,
    error: r.error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toItem(r: BatchItemsTable): BatchItem {
  return {
    seq: r.seq,
    crmRecordId: r.crm_record_id,
    state: r.state,
    changed: r.changed === 1,
    match: r.match_json ? matchResultSchema.parse(JSON.parse(r.match_json)) : null,
    plannedCost: r.planned_cost,
    enrichmentId: r.enrichment_id,
    error: r.error,
    attempts: r.attempts,
    claimedBy: r.claimed_by,
  };
}

export function createBatchStore(database: Database): BatchStore {
  const { db } = database;
  const batchRow = (tenantId: string, batchId: string) =>
    db.selectFrom('batches').selectAll().where('tenant_id', '=', tenantId).where('id', '=', batchId).executeTakeFirst();

  return {
    async create(tenantId, input) {
      const at = input.now.toISOString();
      const row: BatchesTable = {
        id: crypto.randomUUID(),
        tenant_id: tenantId,
        crm: input.crm,
        object: input.object,
        kind: input.kind,
        type: input.type,
        state: 'draft',
        selection_json: JSON.stringify(input.selection),
        idempotency_key: input.idempotencyKey,
        created_by: input.createdBy,
        approved_by: null,
        mapping_json: JSON.stringify(input.mapping),
        policy_json: JSON.stringify(input.policy),
        canary_size: input.canarySize,
        run_limit: null,
        records_per_minute: input.recordsPerMinute,
        next_chunk_at_ms: 0,
        estimate_json: null,
        max_credits: input.maxCredits,
        reserved_credits: 0,
        error: null,
        created_at: at,
        updated_at: at,
      };
      const existing = await db.selectFrom('batches').selectAll().where('tenant_id', '=', tenantId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
      if (existing) return { created: false, batch: toBatch(existing) };
      try {
        await db.insertInto('batches').values(row).execute();
        return { created: true, batch: toBatch(row) };
      } catch (error) {
        const raced = await db.selectFrom('batches').selectAll().where('tenant_id', '=', tenantId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
        if (raced) return { created: false, batch: toBatch(raced) };
        throw error;
      }
    },

    async get(tenantId, batchId) {
      const row = await batchRow(tenantId, batchId);
      return row ? toBatch(row) : undefined;
    },

    async list(tenantId, { limit }) {
      const rows = await db.selectFrom('batches').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toBatch);
    },

    async listInState(state) {
      const rows = await db.selectFrom('batches').select(['tenant_id', 'id']).where('state', '=', state).orderBy('created_at').execute();
      return rows.map((r) => ({ tenantId: r.tenant_id, batchId: r.id }));
    },

    async move(tenantId, batchId, { from, to, now, set = {} }) {
      const result = await db
        .updateTable('batches')
        .set({
          state: to,
          updated_at: now.toISOString(),
          ...(set.approvedBy !== undefined ? { approved_by: set.approvedBy } : {}),
          ...(set.runLimit !== undefined ? { run_limit: set.runLimit } : {}),
          ...(set.estimate !== undefined ? { estimate_json: set.estimate === null ? null : JSON.stringify(set.estimate) } : {}),
          ...(set.reservedCredits !== undefined ? { reserved_credits: set.reservedCredits } : {}),
          ...(set.error !== undefined ? { error: set.error } : {}),
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', batchId)
        .where('state', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async addItems(tenantId, batchId, recordIds, now) {
      const last = await db.selectFrom('batch_items').select(sql<number | null>`max(seq)`.as('n')).where('batch_id', '=', batchId).executeTakeFirstOrThrow();
      let seq = last.n === null ? 0 : Number(last.n) + 1;
      let added = 0;
      const unique = [...new Set(recordIds)];
      for (let i = 0; i < unique.length; i += 500) {
        const slice = unique.slice(i, i + 500);
        const present = new Set(
          (await db.selectFrom('batch_items').select('crm_record_id').where('batch_id', '=', batchId).where('crm_record_id', 'in', slice).execute()).map((r) => r.crm_record_id),
        );
        const fresh = slice.filter((id) => !present.has(id));
        if (fresh.length === 0) continue;
        const rows = fresh.map((id) => ({
          batch_id: batchId, seq: seq++, tenant_id: tenantId, crm_record_id: id, state: 'pending' as const, changed: 0, match_json: null, planned_cost: 0,
          enrichment_id: null, error: null, attempts: 0, claimed_by: null, claimed_at_ms: null, updated_at: now.toISOString(),
        }));
        const result = await db.insertInto('batch_items').values(rows).onConflict((oc) => oc.columns(['batch_id', 'crm_record_id']).doNothing()).executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    },

    async items(tenantId, batchId, { afterSeq, limit, state }) {
      let q = db.selectFrom('batch_items').selectAll().where('tenant_id', '=', tenantId).where('batch_id', '=', batchId);
      if (afterSeq !== undefined) q = q.where('seq', '>', afterSeq);
      if (state !== undefined) q = q.where('state', '=', state);
      return (await q.orderBy('seq').limit(limit).execute()).map(toItem);
    },

    async setPlan(tenantId, batchId, seq, { match, plannedCost, now }) {
      await db
        .updateTable('batch_items')
        .set({ match_json: match ? JSON.stringify(match) : null, planned_cost: plannedCost, updated_at: now.toISOString() })
        .where('tenant_id', '=', tenantId)
        .where('batch_id', '=', batchId)
        .where('seq', '=', seq)
        .execute();
    },

    async counts(tenantId, batchId) {
      const rows = await db
        .selectFrom('batch_items')
        .select(['state', 'changed', sql<number>`count(*)`.as('n')])
        .where('tenant_id', '=', tenantId)
        .where('batch_id', '=', batchId)
        .groupBy(['state', 'changed'])
        .execute();
      const out: ItemCounts = { total: 0, pending: 0, claimed: 0, done: 0, changed: 0, skipped: 0, failed: 0, review: 0 };
      for (const r of rows) {
        const n = Number(r.n);
        out.total += n;
        out[r.state] += n;
        if (r.state === 'done' && r.changed === 1) out.changed += n;
      }
      return out;
    },

    async itemTotalsInState(state) {
      const rows = await db
        .selectFrom('batch_items')
        .innerJoin('batches', 'batches.id', 'batch_items.batch_id')
        .select(['batch_items.state as state', sql<number>`count(*)`.as('n')])
        .where('batches.state', '=', state)
        .groupBy('batch_items.state')
        .execute();
      const out = Object.fromEntries(batchItemStates.map((s) => [s, 0])) as Record<BatchItemState, number>;
      for (const r of rows) out[r.state] = Number(r.n);
      return out;
    },

    async claimItems(tenantId, batchId, { size, nowMs, leaseMs, seqBelow }) {
      const token = crypto.randomUUID();
      const runnable = (eb: ExpressionBuilder<Schema, 'batch_items'>) =>
        eb.or([eb('state', '=', 'pending'), eb.and([eb('state', '=', 'claimed'), eb('claimed_at_ms', '<', nowMs - leaseMs)])]);
      let candidates = db.selectFrom('batch_items').select('seq').where('batch_id', '=', batchId).where(runnable);
      if (seqBelow !== null) candidates = candidates.where('seq', '<', seqBelow);
      candidates = candidates.orderBy('seq').limit(size);
      // PostgreSQL: skip rows another worker is claiming right now instead of queueing behind it. SQLite has one writer.
      if (database.dialect === 'postgres') candidates = candidates.forUpdate().skipLocked();
      // A CTE runs once: as a plain subquery PostgreSQL may rescan it per row, and SKIP LOCKED then yields more rows.
      const rows = await db
        .with('picked', () => candidates)
        .updateTable('batch_items')
        .set((eb) => ({ state: 'claimed', claimed_by: token, claimed_at_ms: nowMs, attempts: eb('attempts', '+', 1) }))
        .where('tenant_id', '=', tenantId)
        .where('batch_id', '=', batchId)
        .where('seq', 'in', (eb) => eb.selectFrom('picked').select('picked.seq'))
        .where(runnable)
        .returningAll()
        .execute();
      return rows.map(toItem).sort((a, b) => a.seq - b.seq);
    },

    async settleItem(tenantId, batchId, input) {
      const result = await db
        .updateTable('batch_items')
        .set({
          state: input.state,
          claimed_by: null,
          claimed_at_ms: null,
          updated_at: input.now.toISOString(),
          ...(input.changed !== undefined ? { changed: input.changed ? 1 : 0 } : {}),
          ...(input.enrichmentId !== undefined ? { enrichment_id: input.enrichmentId } : {}),
          ...(input.error !== undefined ? { error: input.error } : {}),
        })
        .where('tenant_id', '=', tenantId)
        .where('batch_id', '=', batchId)
        .where('seq', '=', input.seq)
        .where('state', '=', 'claimed')
        .where('claimed_by', '=', input.claimedBy)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async renewClaim(tenantId, batchId, { claimedBy, nowMs }) {
      await db
        .updateTable('batch_items')
        .set({ claimed_at_ms: nowMs })
        .where('tenant_id', '=', tenantId)
        .where('batch_id', '=', batchId)
        .where('state', '=', 'claimed')
        .where('claimed_by', '=', claimedBy)
        .execute();
    },

    async takeChunkSlot(tenantId, batchId, { nowMs, nextAtMs }) {
      const result = await db
        .updateTable('batches')
        .set({ next_chunk_at_ms: nextAtMs })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', batchId)
        .where('next_chunk_at_ms', '<=', nowMs)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return { ok: true };
      const row = await db.selectFrom('batches').select('next_chunk_at_ms').where('tenant_id', '=', tenantId).where('id', '=', batchId).executeTakeFirst();
      return { ok: false, waitMs: row ? Math.max(1, Number(row.next_chunk_at_ms) - nowMs) : 0 };
    },
  };
}
