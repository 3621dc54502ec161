/**
 * One chunk of a running batch, claimed by this worker: one read of the chunk's records, each record planned and
 * charged exactly once from the batch's reservation (ledger key per batch and record), one write of every record
 * that changes (only the changed fields, with Accord's own stamp fields), the audit trail before and after, and a refund for any record the CRM
 * refuses for good. Review-band records are skipped and left listed for review.
 *
 * Exactly once across crashes and workers: a record's enrichment row moves pending → charged → writing → written
 * by conditional updates, so only the worker that moved it to writing may write it. A write interrupted by a crash
 * is found on the next attempt by reading the record back: values that already hold what was planned are not sent
 * again, only recorded.
 */
import { auditWritesOf } from '../audit-writes-of';
import crypto from 'node:crypto';
import type { FieldChange, FieldValue, MatchResult } from '@accord/shared';
import type { BatchItem, StoredBatch } from '../../adapters/db/batch.store';
import type { Enrichment, NewAuditWrite } from '../../adapters/db/enrichment.store';
import { withAccordStamp } from '../../domain/enrichment/accord-fields';
import type { Tenant } from '../../domain/tenants/tenant';
import { recordKeys, type BatchDeps } from './batch-context';
import type { CrmBatchRecord } from './crm-batch-port';
import { fieldsRead, planBatchRecord } from './plan-batch-record';

/** After this many claims of one record (crashes, CRM outages), the record fails and its charge is refunded. */
export const MAX_ATTEMPTS = 5;

export interface ChunkOutcome {
  /** The CRM could not be reached for the chunk's read; its records went back to pending. */
  crmUnavailable: boolean;
}

interface Staged {
  item: BatchItem;
  enrichment: Enrichment;
  match: MatchResult;
  record: CrmBatchRecord;
  /** Planned changes the CRM does not hold yet. */
  pending: FieldChange[];
}

export async function processChunk(
  deps: BatchDeps,
  input: { tenant: Tenant; batch: StoredBatch; items: readonly BatchItem[]; now: () => Date; leaseMs: number },
): Promise<ChunkOutcome> {
  const { tenant, batch, items } = input;
  // Keeps this worker's claims (and the enrichments it is writing) alive while the chunk waits on the CRM or the
  // rate budget, so no other worker takes them over from a live worker.
  const staged: Staged[] = [];
  return withClaimHeartbeat(deps, input, (nowDate) => {
    for (const s of staged) void deps.enrichments.transition(tenant.id, s.enrichment.id, { from: 'writing', to: 'writing', now: nowDate }).catch(() => undefined);
  }, () => runChunk(deps, input, staged));
}

/** Runs `work` while renewing the chunk's claim (and whatever `beat` renews) every third of the lease. */
export async function withClaimHeartbeat<T>(
  deps: Pick<BatchDeps, 'batches'>,
  input: { tenant: Tenant; batch: StoredBatch; items: readonly BatchItem[]; now: () => Date; leaseMs: number },
  beat: (now: Date) => void,
  work: () => Promise<T>,
): Promise<T> {
  const { tenant, batch, items } = input;
  const heartbeat = setInterval(() => {
    const nowDate = input.now();
    void deps.batches.renewClaim(tenant.id, batch.id, { claimedBy: items[0]!.claimedBy!, nowMs: nowDate.getTime() }).catch(() => undefined);
    beat(nowDate);
  }, Math.max(50, Math.floor(input.leaseMs / 3)));
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
  }
}

async function runChunk(
  deps: BatchDeps,
  input: { tenant: Tenant; batch: StoredBatch; items: readonly BatchItem[]; now: () => Date; leaseMs: number },
  staged: Staged[],
): Promise<ChunkOutcome> {
  const { tenant, batch, items } = input;
  const settle = settlerFor(deps, input);

  const read = await deps.crm.read(batch.object, items.map((i) => i.crmRecordId), fieldsRead(deps, batch));
  if (!read.ok) {
    for (const item of items) {
      if (item.attempts >= MAX_ATTEMPTS) await failItem(deps, { tenant, batch, item, error: `CRM_UNAVAILABLE: ${read.message}`, now: input.now(), settle });
      else await settle(item, 'pending', { error: `CRM_UNAVAILABLE: ${read.message}` });
    }
    return { crmUnavailable: true };
  }
  const records = new Map(read.records.map((r) => [r.id, r]));

  for (const item of items) {
    const record = records.get(item.crmRecordId);
    if (!record) {
      await settle(item, 'failed', { error: 'NOT_FOUND: the CRM record does not exist' });
      continue;
    }
    const ready = await prepare(deps, { tenant, batch, item, record, now: input.now(), leaseMs: input.leaseMs, settle });
    if (ready) staged.push(ready);
  }
  // Interrupted writes that landed before a crash: nothing left to send, only to record.
  const toSend = staged.filter((s) => s.pending.length > 0);
  for (const s of staged.filter((s) => s.pending.length === 0)) await recordWritten(deps, { tenant, batch, staged: s, now: input.now(), settle });
  if (toSend.length === 0) return { crmUnavailable: false };

  const now = input.now();
  const updates = toSend.map((s) => {
    const values: Record<string, FieldValue> = Object.fromEntries(s.pending.map((c) => [c.field, c.proposed]));
    // Accord's own fields ride along with the real changes (domain/enrichment/accord-fields.ts).
    return { id: s.record.id, values: withAccordStamp(values, { crm: tenant.crm, referenceId: s.enrichment.referenceId, confidence: s.enrichment.confidence, batchId: batch.id, now }) };
  });
  const results = await deps.crm.write(batch.object, updates);
  for (const [i, s] of toSend.entries()) {
    const result = results[i] ?? { ok: false as const, retryable: true, message: 'the CRM returned no result for the record' };
    if (result.ok) {
      await recordWritten(deps, { tenant, batch, staged: s, now: input.now(), settle });
    } else if (result.retryable && s.item.attempts < MAX_ATTEMPTS) {
      await deps.enrichments.transition(tenant.id, s.enrichment.id, { from: 'writing', to: 'charged', now: input.now() });
      await settle(s.item, 'pending', { enrichmentId: s.enrichment.id, error: `CRM_UNAVAILABLE: ${result.message}` });
    } else {
      await failItem(deps, { tenant, batch, item: s.item, enrichment: s.enrichment, error: `CRM_REFUSED: ${result.message}`, now: input.now(), settle });
    }
  }
  return { crmUnavailable: false };
}

/** Plans (once), charges (once) and claims the right to write one record; null when the record is settled already. */
async function prepare(
  deps: BatchDeps,
  input: { tenant: Tenant; batch: StoredBatch; item: BatchItem; record: CrmBatchRecord; now: Date; leaseMs: number; settle: Settle },
): Promise<Staged | null> {
  const { tenant, batch, item, record, now, settle } = input;
  const { enrichmentKey, chargeKey } = recordKeys(batch.id, item.crmRecordId);
  let enrichment = await deps.enrichments.findByKey(tenant.id, enrichmentKey);
  const match = item.match;
  if (!enrichment) {
    const plan = await planBatchRecord(deps, { tenant, batch, match, record, now });
    if (plan.status === 'skip') {
      await settle(item, plan.reason === 'MATCH_NEEDS_REVIEW' ? 'review' : 'skipped', { error: plan.reason });
      return null;
    }
    if (plan.changes.every((c) => c.action === 'skip')) {
      await settle(item, 'done', { changed: false });
      return null;
    }
    enrichment = (
      await deps.enrichments.createOrGet(tenant.id, {
        kind: batch.kind,
        crmRecordId: item.crmRecordId,
        idempotencyKey: enrichmentKey,
        requestHash: crypto.createHash('sha256').update(enrichmentKey).digest('hex'),
        referenceId: plan.referenceId,
        confidence: match!.confidence,
        credits: plan.cost,
        chargeKey: plan.cost > 0 ? chargeKey : null,
        userId: batch.approvedBy,
        batchId: batch.id,
        changes: plan.changes,
        now,
      })
    ).enrichment;
  }
  if (enrichment.state === 'written' || enrichment.state === 'undone') {
    await settle(item, 'done', { changed: true, enrichmentId: enrichment.id });
    return null;
  }
  if (enrichment.state === 'failed') {
    await settle(item, 'failed', { enrichmentId: enrichment.id, error: enrichment.error });
    return null;
  }
  if (enrichment.state === 'pending') {
    if (enrichment.credits > 0 && enrichment.chargeKey) {
      const outcome = await deps.credits.debit(tenant.id, {
        amount: enrichment.credits,
        idempotencyKey: enrichment.chargeKey,
        now,
        userId: batch.approvedBy ?? undefined,
        batchId: batch.id,
        recordRef: `${batch.kind}:${item.crmRecordId}`,
      });
      if (outcome.status === 'insufficient' || outcome.status === 'cap_exceeded') {
        const current = await deps.batches.get(tenant.id, batch.id);
        // Cancelled meanwhile (its reservation released): the record simply was not reached.
        if (current?.state !== 'running') {
          await settle(item, 'pending', { enrichmentId: enrichment.id });
          return null;
        }
        const code = outcome.status === 'insufficient' ? 'INSUFFICIENT_CREDITS' : 'CAP_EXCEEDED';
        await deps.enrichments.setState(tenant.id, enrichment.id, { state: 'failed', error: code, now });
        await settle(item, 'failed', { enrichmentId: enrichment.id, error: `${code}: the batch's reservation does not cover this record` });
        return null;
      }
    }
    await deps.enrichments.transition(tenant.id, enrichment.id, { from: 'pending', to: 'charged', now });
  }
  const claimed = await deps.enrichments.transition(tenant.id, enrichment.id, { from: 'charged', to: 'writing', now, staleBefore: new Date(now.getTime() - input.leaseMs) });
  if (!claimed) {
    // Another worker is writing it under a live claim: leave the record to it.
    await settle(item, 'pending', { enrichmentId: enrichment.id });
    return null;
  }
  const pending = enrichment.changes.filter((c) => c.action !== 'skip' && !sameStored(record.values[c.field] ?? null, c.proposed));
  return { item, enrichment, match: match!, record, pending };
}

type Settle = ReturnType<typeof settlerFor>;

/** Settles items of this worker's chunk (only while it still holds their claim), stamped with the time now. */
export function settlerFor(deps: Pick<BatchDeps, 'batches'>, input: { tenant: Tenant; batch: StoredBatch; now: () => Date }) {
  return (item: BatchItem, state: 'pending' | 'done' | 'skipped' | 'failed' | 'review', extra: { changed?: boolean; enrichmentId?: string | null; error?: string | null } = {}) =>
    deps.batches.settleItem(input.tenant.id, input.batch.id, { seq: item.seq, claimedBy: item.claimedBy!, state, now: input.now(), ...extra });
}

async function recordWritten(deps: BatchDeps, input: { tenant: Tenant; batch: StoredBatch; staged: Staged; now: Date; settle: Settle }): Promise<void> {
  const { tenant, batch, staged, now } = input;
  const { enrichment } = staged;
  // Recorded already by a worker that took over this record (this one stalled past its lease): nothing to add.
  const current = await deps.enrichments.get(tenant.id, enrichment.id);
  if (current?.state === 'written' || current?.state === 'undone') {
    await input.settle(staged.item, 'done', { changed: true, enrichmentId: enrichment.id, error: null });
    return;
  }
  const writes = auditWritesOf(enrichment, { crm: tenant.crm, actor: 'batch', actorId: batch.approvedBy, batchId: batch.id, now });
  await deps.enrichments.recordWritten(tenant.id, enrichment.id, writes, now);
  await input.settle(staged.item, 'done', { changed: true, enrichmentId: enrichment.id, error: null });
}

async function failItem(
  deps: BatchDeps,
  input: { tenant: Tenant; batch: StoredBatch; item: BatchItem; enrichment?: Enrichment; error: string; now: Date; settle: Settle },
): Promise<void> {
  const { tenant, now } = input;
  // A record charged on an earlier attempt has its enrichment already; give its charge back.
  const enrichment = input.enrichment ?? (await deps.enrichments.findByKey(tenant.id, recordKeys(input.batch.id, input.item.crmRecordId).enrichmentKey));
  if (enrichment && enrichment.state !== 'written' && enrichment.state !== 'undone') {
    if (enrichment.chargeKey) await deps.credits.refund(tenant.id, { debitKey: enrichment.chargeKey, now, note: input.error.slice(0, 500) });
    await deps.enrichments.setState(tenant.id, enrichment.id, { state: 'failed', error: 'CRM_UNAVAILABLE', now });
  }
  await input.settle(input.item, 'failed', { enrichmentId: enrichment?.id ?? null, error: input.error.slice(0, 2_000) });
}

/** CRMs hand values back as strings; compare what is stored, not its type. */
function sameStored(a: FieldValue, b: FieldValue): boolean {
  const empty = (v: FieldValue) => v === null || String(v).trim() === '';
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  return String(a).trim() === String(b).trim();
}
