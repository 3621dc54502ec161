/** What every batch use case shares: its ports, loading a batch, moving it by the transition table, and its public shape. */
import type { Batch, MatchResult, ReferencePerson, ReferenceRecord } from '@accord/shared';
import type { BatchStore, StoredBatch } from '../../adapters/db/batch.store';
import type { CreditStore } from '../../adapters/db/credit.store';
import type { EnrichmentStore } from '../../adapters/db/enrichment.store';
import { transition, type BatchEvent } from '../../domain/batches/batch-transitions';
import type { CrmObject } from '../../domain/enrichment/mapping';
import type { Tenant } from '../../domain/tenants/tenant';
import { AppError } from '../app-error';
import type { CrmBatchPort, CrmBatchRecord } from './crm-batch-port';

export interface BatchDeps {
  batches: BatchStore;
  credits: CreditStore;
  enrichments: EnrichmentStore;
  crm: CrmBatchPort;
  matcher: BatchMatcher;
  referenceRecord: (kind: MatchResult['kind'], referenceId: string) => Promise<ReferenceRecord | undefined>;
  /** The reference people of a reference company, at most `limit` ("create people" batches). */
  referencePeople: (referenceCompanyId: string, limit: number) => Promise<ReferencePerson[]>;
  /** Queues the batch's run (workers pick it up); absent when the caller runs the batch itself. */
  scheduleRun?: (input: { tenantId: string; batchId: string }) => Promise<void>;
}

/** Matches CRM records of a batch (using people's earlier decisions) and stores the results, so cards show them. */
export interface BatchMatcher {
  /** The CRM fields matching reads, besides the mapped ones. */
  fieldsFor(object: CrmObject): readonly string[];
  /** One result per record, in order. */
  match(input: { tenant: Tenant; object: CrmObject; records: readonly CrmBatchRecord[]; now: Date }): Promise<MatchResult[]>;
}

export async function loadBatch(deps: Pick<BatchDeps, 'batches'>, tenant: Tenant, batchId: string): Promise<StoredBatch> {
  const batch = await deps.batches.get(tenant.id, batchId);
  if (!batch) throw new AppError('NOT_FOUND', 'No such batch.');
  return batch;
}

/**
 * Moves the batch by `event` from the state it was read in. Refused by the table: ILLEGAL_TRANSITION. Lost to a
 * concurrent move: CONFLICT (the caller reads the batch again).
 */
export async function moveBatch(
  deps: Pick<BatchDeps, 'batches'>,
  batch: StoredBatch,
  event: BatchEvent,
  input: { now: Date; set?: Parameters<BatchStore['move']>[2]['set'] },
): Promise<StoredBatch> {
  const next = transition(batch.state, event);
  if (!next.ok) throw new AppError('ILLEGAL_TRANSITION', next.message, { details: { state: batch.state, event } });
  const moved = await deps.batches.move(batch.tenantId, batch.id, { from: batch.state, to: next.state, now: input.now, set: input.set });
  if (!moved) throw new AppError('CONFLICT', 'The batch changed meanwhile; read it again.');
  return { ...batch, ...input.set, state: next.state, updatedAt: input.now.toISOString() };
}

export function requireAdmin(isAdmin: boolean): void {
  if (!isAdmin) throw new AppError('FORBIDDEN', 'Only an admin of this account may do that to a batch.');
}

/** The shared Batch shape: the stored batch with exact counts from its items and the ledger. */
export async function batchView(deps: Pick<BatchDeps, 'batches' | 'credits'>, batch: StoredBatch): Promise<Batch> {
  const counts = await deps.batches.counts(batch.tenantId, batch.id);
  const creditsSpent = await deps.credits.spentSince(batch.tenantId, { since: new Date(0), batchId: batch.id });
  return {
    id: batch.id,
    crm: batch.crm,
    kind: batch.kind,
    type: batch.type,
    state: batch.state,
    createdBy: batch.createdBy,
    approvedBy: batch.approvedBy,
    canarySize: batch.canarySize,
    estimate: batch.estimate,
    counts: { total: counts.total, done: counts.done, changed: counts.changed, skipped: counts.skipped, failed: counts.failed, review: counts.review, creditsSpent },
    etaSeconds: null,
    error: batch.error,
    createdAt: batch.createdAt,
    updatedAt: batch.updatedAt,
  };
}

/** The enrichment and ledger idempotency keys of one record of one batch: a record is charged at most once per batch. */
export function recordKeys(batchId: string, crmRecordId: string): { enrichmentKey: string; chargeKey: string } {
  return { enrichmentKey: `batch:${batchId}:${crmRecordId}`, chargeKey: `batch-charge:${batchId}:${crmRecordId}` };
}

/**
 * The keys of one person a "create people" batch creates: created and charged at most once per batch and
 * reference person. The enrichment key's prefix marks a record Accord created (such a write has no undo).
 */
export function createKeys(batchId: string, referencePersonId: string): { enrichmentKey: string; chargeKey: string } {
  return { enrichmentKey: `${CREATED_PREFIX}${batchId}:${referencePersonId}`, chargeKey: `batch-create-charge:${batchId}:${referencePersonId}` };
}

const CREATED_PREFIX = 'batch-create:';

export function isCreatedByAccord(enrichment: { idempotencyKey: string }): boolean {
  return enrichment.idempotencyKey.startsWith(CREATED_PREFIX);
}
