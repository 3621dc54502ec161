/**
 * Enrichments and the audit trail of every field written, scoped by tenant. An enrichment row is created once per
 * idempotency key and moves pending → charged → written (or failed), and written → undone.
 */
import crypto from 'node:crypto';
import { fieldChangeSchema, type Crm, type FieldChange, type FieldValue, type RecordKind } from '@accord/shared';
import { z } from 'zod';
import type { Database } from './database';
import type { AuditWritesTable, EnrichmentsTable } from './schema';

export interface Enrichment {
  id: string;
  kind: RecordKind;
  crmRecordId: string;
  idempotencyKey: string;
  requestHash: string;
  state: EnrichmentsTable['state'];
  referenceId: string;
  confidence: number;
  credits: number;
  chargeKey: string | null;
  userId: string | null;
  batchId: string | null;
  changes: FieldChange[];
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AuditWrite {
  id: string;
  crm: Crm;
  kind: RecordKind;
  crmRecordId: string;
  field: string;
  before: FieldValue;
  after: FieldValue;
  actor: AuditWritesTable['actor'];
  actorId: string | null;
  batchId: string | null;
  enrichmentId: string;
  referenceId: string | null;
  confidence: number | null;
  creditsCharged: number;
  writtenAt: string;
}

export type NewAuditWrite = Omit<AuditWrite, 'id'>;

export interface EnrichmentStore {
  /** Creates the enrichment for a new key, or returns the one that already has it. */
  createOrGet(
    tenantId: string,
    input: Omit<Enrichment, 'id' | 'state' | 'error' | 'createdAt' | 'updatedAt'> & { now: Date },
  ): Promise<{ created: boolean; enrichment: Enrichment }>;
  /**
   * Moves the enrichment from `from` to `to` only if it is still in `from` (or, with `staleBefore`, stuck in `to`
   * since before then, e.g. a write whose process died). True when this caller made the move.
   */
  transition(tenantId: string, id: string, input: { from: Enrichment['state']; to: Enrichment['state']; now: Date; staleBefore?: Date }): Promise<boolean>;
  setState(tenantId: string, id: string, input: { state: Enrichment['state']; now: Date; error?: string | null; credits?: number; chargeKey?: string | null }): Promise<void>;
  /** Records the writes and marks the enrichment written, in one transaction. */
  recordWritten(tenantId: string, id: string, writes: NewAuditWrite[], now: Date): Promise<void>;
  /** Records the undo writes and marks the enrichment undone, in one transaction. */
  recordUndone(tenantId: string, id: string, writes: NewAuditWrite[], now: Date): Promise<void>;
  get(tenantId: string, id: string): Promise<Enrichment | undefined>;
  findByKey(tenantId: string, idempotencyKey: string): Promise<Enrichment | undefined>;
  /** Which of `idempotencyKeys` belong to an enrichment that was written: one query per 500 keys. */
  writtenKeys(tenantId: string, idempotencyKeys: readonly string[]): Promise<Set<string>>;
  listForBatch(tenantId: string, batchId: string): Promise<Enrichment[]>;
  /** Newest first. */
  listForRecord(tenantId: string, kind: RecordKind, crmRecordId: string): Promise<Enrichment[]>;
  auditForEnrichment(tenantId: string, enrichmentId: string): Promise<AuditWrite[]>;
  auditForRecord(tenantId: string, kind: RecordKind, crmRecordId: string): Promise<AuditWrite[]>;
  /** The value Accord last wrote to each field of a record (undo writes included). */
  lastWritten(tenantId: string, kind: RecordKind, crmRecordId: string): Promise<Record<string, FieldValue>>;
  /** When the record was last enriched for a charge. */
  lastChargedAt(tenantId: string, kind: RecordKind, crmRecordId: string): Promise<Date | null>;
}

const changesSchema = z.array(fieldChangeSchema);

/** Keys per `IN (...)` list: well within SQLite's and PostgreSQL's limits on bound parameters. */
const KEYS_PER_QUERY = 500;

function toEnrichment(r: EnrichmentsTable): Enrichment {
  return {
    id: r.id,
    kind: r.kind,
    crmRecordId: r.crm_record_id,
    idempotencyKey: r.idempotency_key,
    requestHash: r.request_hash,
    state: r.state,
    referenceId: r.reference_id,
    confidence: r.confidence,
    credits: r.credits,
    chargeKey: r.charge_key,
    userId: r.user_id,
    batchId: r.batch_id,
    changes: changesSchema.parse(JSON.parse(r.changes_json)),
    error: r.error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toAudit(r: AuditWritesTable): AuditWrite {
  return {
    id: r.id,
    crm: r.crm,
    kind: r.kind,
    crmRecordId: r.crm_record_id,
    field: r.field,
    before: JSON.parse(r.before_json) as FieldValue,
    after: JSON.parse(r.after_json) as FieldValue,
    actor: r.actor,
    actorId: r.actor_id,
    batchId: r.batch_id,
    enrichmentId: r.enrichment_id,
    referenceId: r.reference_id,
    confidence: r.confidence,
    creditsCharged: r.credits_charged,
    writtenAt: r.written_at,
  };
}

export function createEnrichmentStore({ db }: Database): EnrichmentStore {
  const byKey = (tenantId: string, key: string) =>
    db.selectFrom('enrichments').selectAll().where('tenant_id', '=', tenantId).where('idempotency_key', '=', key).executeTakeFirst();

  async function insertAudit(trx: typeof db, tenantId: string, writes: NewAuditWrite[]) {
    let seq = 0;
    for (const w of writes) {
      await trx
        .insertInto('audit_writes')
        .values({
          id: crypto.randomUUID(),
          tenant_id: tenantId,
          crm: w.crm,
          kind: w.kind,
          crm_record_id: w.crmRecordId,
          field: w.field,
          before_json: JSON.stringify(w.before),
          after_json: JSON.stringify(w.after),
          actor: w.actor,
          actor_id: w.actorId,
          batch_id: w.batchId,
          enrichment_id: w.enrichmentId,
          reference_id: w.referenceId,
          confidence: w.confidence,
          credits_charged: w.creditsCharged,
          written_at: w.writtenAt,
          seq: seq++,
        })
        .execute();
    }
  }

  return {
    async createOrGet(tenantId, input) {
      const existing = await byKey(tenantId, input.idempotencyKey);
      if (existing) return { created: false, enrichment: toEnrichment(existing) };
      const at = input.now.toISOString();
      const row: EnrichmentsTable = {
        id: crypto.randomUUID(),
        tenant_id: tenantId,
        kind: input.kind,
        crm_record_id: input.crmRecordId,
        idempotency_key: input.idempotencyKey,
        request_hash: input.requestHash,
        state: 'pending',
        reference_id: input.referenceId,
        confidence: input.confidence,
        credits: input.credits,
        charge_key: input.chargeKey,
        user_id: input.userId,
        batch_id: input.batchId,
        changes_json: JSON.stringify(input.changes),
        error: null,
        created_at: at,
        updated_at: at,
      };
      try {
        await db.insertInto('enrichments').values(row).execute();
        return { created: true, enrichment: toEnrichment(row) };
      } catch (error) {
        const raced = await byKey(tenantId, input.idempotencyKey);
        if (raced) return { created: false, enrichment: toEnrichment(raced) };
        throw error;
      }
    },
    async transition(tenantId, id, { from, to, now, staleBefore }) {
      const result = await db
        .updateTable('enrichments')
        .set({ state: to, updated_at: now.toISOString() })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where((eb) =>
          staleBefore ? eb.or([eb('state', '=', from), eb.and([eb('state', '=', to), eb('updated_at', '<', staleBefore.toISOString())])]) : eb('state', '=', from),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async setState(tenantId, id, input) {
      await db
        .updateTable('enrichments')
        .set({
          state: input.state,
          updated_at: input.now.toISOString(),
          ...(input.error !== undefined ? { error: input.error } : {}),
          ...(input.credits !== undefined ? { credits: input.credits } : {}),
          ...(input.chargeKey !== undefined ? { charge_key: input.chargeKey } : {}),
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },
    async recordWritten(tenantId, id, writes, now) {
      await db.transaction().execute(async (trx) => {
        await insertAudit(trx, tenantId, writes);
        await trx.updateTable('enrichments').set({ state: 'written', error: null, updated_at: now.toISOString() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
      });
    },
    async recordUndone(tenantId, id, writes, now) {
      await db.transaction().execute(async (trx) => {
        await insertAudit(trx, tenantId, writes);
        await trx.updateTable('enrichments').set({ state: 'undone', updated_at: now.toISOString() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
      });
    },
    async get(tenantId, id) {
      const row = await db.selectFrom('enrichments').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
      return row ? toEnrichment(row) : undefined;
    },
    async findByKey(tenantId, key) {
      const row = await byKey(tenantId, key);
      return row ? toEnrichment(row) : undefined;
    },
    async writtenKeys(tenantId, keys) {
      const written = new Set<string>();
      const unique = [...new Set(keys)];
      for (let i = 0; i < unique.length; i += KEYS_PER_QUERY) {
        const rows = await db
          .selectFrom('enrichments')
          .select('idempotency_key')
          .where('tenant_id', '=', tenantId)
          .where('idempotency_key', 'in', unique.slice(i, i + KEYS_PER_QUERY))
          .where('state', '=', 'written')
          .execute();
        for (const row of rows) written.add(row.idempotency_key);
      }
      return written;
    },
    async listForBatch(tenantId, batchId) {
      const rows = await db.selectFrom('enrichments').selectAll().where('tenant_id', '=', tenantId).where('batch_id', '=', batchId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toEnrichment);
    },
    async listForRecord(tenantId, kind, crmRecordId) {
      const rows = await db
        .selectFrom('enrichments')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('kind', '=', kind)
        .where('crm_record_id', '=', crmRecordId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toEnrichment);
    },
    async auditForEnrichment(tenantId, enrichmentId) {
      const rows = await db.selectFrom('audit_writes').selectAll().where('tenant_id', '=', tenantId).where('enrichment_id', '=', enrichmentId).orderBy('written_at').orderBy('seq').execute();
      return rows.map(toAudit);
    },
    async auditForRecord(tenantId, kind, crmRecordId) {
      const rows = await db
        .selectFrom('audit_writes')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('kind', '=', kind)
        .where('crm_record_id', '=', crmRecordId)
        .orderBy('written_at')
        .orderBy('seq')
        .execute();
      return rows.map(toAudit);
    },
    async lastWritten(tenantId, kind, crmRecordId) {
      const out: Record<string, FieldValue> = {};
      for (const w of await this.auditForRecord(tenantId, kind, crmRecordId)) out[w.field] = w.after;
      return out;
    },
    async lastChargedAt(tenantId, kind, crmRecordId) {
      const row = await db
        .selectFrom('enrichments')
        .select('created_at')
        .where('tenant_id', '=', tenantId)
        .where('kind', '=', kind)
        .where('crm_record_id', '=', crmRecordId)
        .where('credits', '>', 0)
        .where('state', 'in', ['written', 'undone'])
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? new Date(row.created_at) : null;
    },
  };
}
