/**
 * "Enrich this record": plan, charge once, write only what changes (stamped with Accord's own fields), audit every
 * changed field. Idempotent by the key the card sends: a retry returns the first result, resumes a write that was
 * interrupted after the charge, and never charges twice. A write the CRM refuses for good is refunded.
 * The stamp is not audited field by field: its values are the audit rows' own reference id, confidence, batch and
 * time, and undo leaves it (it records that Accord enriched the record, which stays true).
 */
import { auditWritesOf } from './audit-writes-of';
import crypto from 'node:crypto';
import type { ErrorCode, MatchResult } from '@accord/shared';
import type { CreditStore } from '../adapters/db/credit.store';
import type { Enrichment, NewAuditWrite } from '../adapters/db/enrichment.store';
import { withAccordStamp } from '../domain/enrichment/accord-fields';
import { valuesToWrite } from '../domain/enrichment/plan-enrichment';
import type { Tenant } from '../domain/tenants/tenant';
import { AppError } from './app-error';
import { crmObjectFor, enrichableReason, planFor, type EnrichmentDeps } from './enrichment-context';

/** How long a write claim holds before another request may take it over (the writer presumably died). */
export const WRITE_LEASE_MS = 60_000;

export interface EnrichInput {
  tenant: Tenant;
  match: MatchResult;
  idempotencyKey: string;
  userId: string;
  /** Set for batch work: the charge comes from the batch's reservation. */
  batchId?: string;
  now: Date;
  salesforcePersonObject?: 'Contact' | 'Lead';
  /** The price the person agreed to: a first attempt that would now cost more is refused with CONFLICT. */
  maxCost?: number;
}

export async function enrichRecord(deps: EnrichmentDeps & { credits: CreditStore }, input: EnrichInput): Promise<Enrichment> {
  const { tenant, match, now } = input;
  const requestHash = hashRequest(match);
  const seen = await deps.enrichments.findByKey(tenant.id, input.idempotencyKey);
  // A concurrent request with the same key may create it first; createOrGet then hands back that one.
  let enrichment = seen ?? (await deps.enrichments.createOrGet(tenant.id, await newEnrichment(deps, input, requestHash))).enrichment;
  if (enrichment.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_CONFLICT');
  if (enrichment.state === 'failed') throw failureOf(enrichment);
  if (enrichment.state === 'written' || enrichment.state === 'undone') return enrichment;

  if (enrichment.state === 'pending') {
    if (enrichment.credits > 0 && enrichment.chargeKey) {
      const policy = tenant.settings.credits;
      const outcome = await deps.credits.debit(tenant.id, {
        amount: enrichment.credits,
        idempotencyKey: enrichment.chargeKey,
        now,
        userId: input.userId,
        recordRef: `${match.kind}:${match.recordId}`,
        ...(input.batchId ? { batchId: input.batchId } : { caps: { monthly: policy.monthlyCap, userDaily: policy.perUserDailyCap } }),
      });
      if (outcome.status === 'insufficient' || outcome.status === 'cap_exceeded') {
        const code: ErrorCode = outcome.status === 'insufficient' ? 'INSUFFICIENT_CREDITS' : 'CAP_EXCEEDED';
        await deps.enrichments.setState(tenant.id, enrichment.id, { state: 'failed', error: code, now });
        throw new AppError(code);
      }
    }
    // Concurrent requests with one key all reach here; the charge above was idempotent, and only one moves on.
    await deps.enrichments.transition(tenant.id, enrichment.id, { from: 'pending', to: 'charged', now });
  }

  // Exactly one request writes: it claims the enrichment (a claim older than WRITE_LEASE_MS is presumed dead).
  const claimed = await deps.enrichments.transition(tenant.id, enrichment.id, {
    from: 'charged',
    to: 'writing',
    now,
    staleBefore: new Date(now.getTime() - WRITE_LEASE_MS),
  });
  if (!claimed) {
    const current = await deps.enrichments.get(tenant.id, enrichment.id);
    if (current?.state === 'written' || current?.state === 'undone') return current;
    if (current?.state === 'failed') throw failureOf(current);
    throw new AppError('CONFLICT', 'This enrichment is being written by another request; retry shortly with the same key.');
  }

  // Accord's own fields go in the same request as the real changes, and never on their own (domain/enrichment/accord-fields.ts).
  const values = withAccordStamp(valuesToWrite(enrichment.changes), {
    crm: tenant.crm,
    referenceId: enrichment.referenceId,
    confidence: enrichment.confidence,
    now,
    batchId: input.batchId ?? null,
  });
  const ref = { kind: match.kind, recordId: match.recordId };
  if (Object.keys(values).length > 0) {
    const outcome = await deps.crm.write(ref, values);
    if (!outcome.ok) {
      if (outcome.retryable) {
        await deps.enrichments.transition(tenant.id, enrichment.id, { from: 'writing', to: 'charged', now });
        throw new AppError('CRM_UNAVAILABLE', 'The CRM did not accept the write yet; retry with the same key.');
      }
      if (enrichment.chargeKey) await deps.credits.refund(tenant.id, { debitKey: enrichment.chargeKey, now, note: `CRM refused: ${outcome.message}` });
      await deps.enrichments.setState(tenant.id, enrichment.id, { state: 'failed', error: 'CRM_UNAVAILABLE', now });
      throw new AppError('CRM_UNAVAILABLE', `The CRM refused the write: ${outcome.message}. Nothing was charged.`);
    }
  }
  const writes = auditWritesOf(enrichment, { crm: tenant.crm, actor: input.batchId ? 'batch' : 'user', actorId: input.userId, batchId: input.batchId ?? null, now });
  await deps.enrichments.recordWritten(tenant.id, enrichment.id, writes, now);
  return { ...enrichment, state: 'written', error: null };
}

async function newEnrichment(deps: EnrichmentDeps, input: EnrichInput, requestHash: string) {
  const { tenant, match, now } = input;
  const blocked = enrichableReason(match);
  if (blocked === 'NO_MATCH') throw new AppError('NOT_FOUND', 'This record has no match to enrich from.');
  if (blocked === 'MATCH_NEEDS_REVIEW') throw new AppError('MATCH_NEEDS_REVIEW');
  const { changes, cost } = await planFor(deps, { tenant, match, object: crmObjectFor(tenant, match.kind, input.salesforcePersonObject), now });
  if (input.maxCost !== undefined && cost > input.maxCost) {
    // The CRM changed since the preview and this now costs more than the person agreed to: ask again.
    throw new AppError('CONFLICT', `This enrichment now costs ${cost} credits, not ${input.maxCost}; review the preview again.`, { details: { cost } });
  }
  return {
    kind: match.kind,
    crmRecordId: match.recordId,
    idempotencyKey: input.idempotencyKey,
    requestHash,
    referenceId: match.candidate!.referenceId,
    confidence: match.confidence,
    credits: cost,
    chargeKey: cost > 0 ? `enrich:${input.batchId ? `${input.batchId}:` : ''}${input.idempotencyKey}` : null,
    userId: input.userId,
    batchId: input.batchId ?? null,
    changes,
    now,
  };
}

function hashRequest(match: MatchResult): string {
  return crypto.createHash('sha256').update(JSON.stringify([match.kind, match.recordId, match.candidate?.referenceId ?? null])).digest('hex');
}

function failureOf(enrichment: Enrichment): AppError {
  const code = (enrichment.error ?? 'INTERNAL') as ErrorCode;
  return new AppError(code);
}
