/**
 * One chunk of a running "create people" batch: read the chunk's companies, plan their people against the CRM's
 * people right now (planCreatePeople), charge each person once (ledger key per batch and reference person), create
 * them in calls of the CRM's batch size, each at its company and stamped with Accord's fields, and record every
 * creation in the audit trail. Nothing is updated or deleted.
 *
 * Exactly once across crashes, retries and workers: a person is charged by an idempotent key before the create,
 * and the plan of every attempt finds the people an earlier attempt created (by the stamp: this batch's id and the
 * reference person's id) and records them instead of creating them again. A person the CRM refuses for good is
 * refunded; a company whose creates failed for a reason that may pass goes back to pending, charges kept.
 */
import crypto from 'node:crypto';
import type { FieldValue } from '@accord/shared';
import type { BatchItem, StoredBatch } from '../../adapters/db/batch.store';
import { chunk } from '../../domain/batches/chunk';
import { MAX_PEOPLE_PER_COMPANY } from '../../domain/batches/create-people';
import { withAccordStamp } from '../../domain/enrichment/accord-fields';
import type { Tenant } from '../../domain/tenants/tenant';
import { auditWritesOf } from '../audit-writes-of';
import { createKeys, type BatchDeps } from './batch-context';
import type { CrmCreateResult } from './crm-batch-port';
import { MAX_ATTEMPTS, settlerFor, withClaimHeartbeat, type ChunkOutcome } from './process-chunk';
import { companyFieldsRead, peopleTargetOfBatch, planCreatePeople, type CompanyPlan, type PersonToCreate } from './plan-create-people';

type Input = { tenant: Tenant; batch: StoredBatch; items: readonly BatchItem[]; now: () => Date; leaseMs: number };

/** One person of the chunk on its way to the CRM. */
interface Pending {
  item: BatchItem;
  toCreate: PersonToCreate;
  confidence: number;
}

export async function processCreateChunk(deps: BatchDeps, input: Input): Promise<ChunkOutcome> {
  return withClaimHeartbeat(deps, input, () => undefined, () => runCreateChunk(deps, input));
}

async function runCreateChunk(deps: BatchDeps, input: Input): Promise<ChunkOutcome> {
  const { tenant, batch, items } = input;
  const settle = settlerFor(deps, input);
  const read = await deps.crm.read(batch.object, items.map((i) => i.crmRecordId), companyFieldsRead(deps, batch));
  const records = read.ok ? new Map(read.records.map((r) => [r.id, r])) : new Map();
  const present = items.filter((i) => records.has(i.crmRecordId));
  const planned = read.ok ? await planCreatePeople(deps, { tenant, batch, companies: present.map((item) => ({ record: records.get(item.crmRecordId)!, match: item.match })) }) : read;
  if (!planned.ok) {
    for (const item of items) {
      const error = `CRM_UNAVAILABLE: ${planned.message}`;
      if (item.attempts < MAX_ATTEMPTS) {
        await settle(item, 'pending', { error });
        continue;
      }
      await refundUncreated(deps, input, item);
      await settle(item, 'failed', { error });
    }
    return { crmUnavailable: true };
  }
  const plans = new Map(present.map((item, i) => [item.seq, planned.plans[i]!]));

  const pending: Pending[] = [];
  const outcome = new Map<number, { created: number; retry: string[]; refused: string[] }>();
  for (const item of items) {
    const plan: CompanyPlan | undefined = plans.get(item.seq);
    if (!plan) {
      await settle(item, 'failed', { error: 'NOT_FOUND: the CRM record does not exist' });
      continue;
    }
    if (plan.status === 'skip') {
      await settle(item, plan.reason === 'MATCH_NEEDS_REVIEW' ? 'review' : 'skipped', { error: plan.reason });
      continue;
    }
    const result = { created: 0, retry: [] as string[], refused: [] as string[] };
    outcome.set(item.seq, result);
    for (const r of plan.recovered) {
      // Created by an attempt that stopped before recording it: record it now (its charge was taken then).
      await recordCreated(deps, input, { item, toCreate: r, confidence: plan.confidence }, r.crmRecordId);
      result.created += 1;
    }
    for (const toCreate of plan.create) {
      const charged = await charge(deps, input, toCreate);
      if (charged) pending.push({ item, toCreate, confidence: plan.confidence });
      else result.refused.push(`${toCreate.person.id}: INSUFFICIENT_CREDITS or CAP_EXCEEDED`);
    }
  }

  const target = peopleTargetOfBatch(batch);
  for (const slice of chunk(pending, deps.crm.batchLimit)) {
    const now = input.now();
    const results: CrmCreateResult[] = await deps.crm.create(
      target.object,
      slice.map((p) => {
        const values: Record<string, FieldValue> = Object.fromEntries(p.toCreate.changes.map((c) => [c.field, c.proposed]));
        return {
          values: withAccordStamp(values, { crm: tenant.crm, referenceId: p.toCreate.person.id, confidence: p.confidence, batchId: batch.id, now }),
          companyRecordId: p.item.crmRecordId,
        };
      }),
    );
    for (const [i, p] of slice.entries()) {
      const result = outcome.get(p.item.seq)!;
      const r = results[i] ?? { ok: false as const, retryable: true, message: 'the CRM returned no result for the person' };
      if (r.ok) {
        await recordCreated(deps, input, p, r.id);
        result.created += 1;
      } else if (r.retryable && p.item.attempts < MAX_ATTEMPTS) {
        result.retry.push(`${p.toCreate.person.id}: ${r.message}`);
      } else {
        await deps.credits.refund(tenant.id, { debitKey: createKeys(batch.id, p.toCreate.person.id).chargeKey, now: input.now(), note: r.message.slice(0, 500) });
        result.refused.push(`${p.toCreate.person.id}: CRM_REFUSED ${r.message}`);
      }
    }
  }

  for (const item of items) {
    const result = outcome.get(item.seq);
    if (!result) continue;
    // A later attempt finds what this one created (the stamp), charges nothing twice and creates the rest.
    if (result.retry.length > 0) await settle(item, 'pending', { error: `CRM_UNAVAILABLE: ${result.retry.join('; ')}`.slice(0, 2_000) });
    else if (result.refused.length > 0) await settle(item, 'failed', { changed: result.created > 0, error: result.refused.join('; ').slice(0, 2_000) });
    else await settle(item, 'done', { changed: result.created > 0, error: null });
  }
  return { crmUnavailable: allWaitingOnCrm(outcome) };
}

/** Whether every company of the chunk is waiting on the CRM (the worker then pauses before the next chunk). */
function allWaitingOnCrm(outcome: Map<number, { created: number; retry: string[] }>): boolean {
  const all = [...outcome.values()];
  return all.length > 0 && all.every((r) => r.retry.length > 0 && r.created === 0);
}

/**
 * A company that fails for good after earlier attempts were charged: every charge of its people that has no
 * recorded creation goes back (a refund of a person never charged is a no-op).
 */
async function refundUncreated(deps: BatchDeps, input: Input, item: BatchItem): Promise<void> {
  const referenceCompanyId = item.match?.candidate?.referenceId;
  if (!referenceCompanyId) return;
  for (const person of await deps.referencePeople(referenceCompanyId, MAX_PEOPLE_PER_COMPANY * 2)) {
    const keys = createKeys(input.batch.id, person.id);
    if (await deps.enrichments.findByKey(input.tenant.id, keys.enrichmentKey)) continue;
    await deps.credits.refund(input.tenant.id, { debitKey: keys.chargeKey, now: input.now(), note: 'the company failed for good' });
  }
}

/** Takes the person's price from the batch's reservation, once per batch and person; false when it is not covered. */
async function charge(deps: BatchDeps, input: Input, toCreate: PersonToCreate): Promise<boolean> {
  const { tenant, batch } = input;
  if (toCreate.cost === 0) return true;
  const debit = await deps.credits.debit(tenant.id, {
    amount: toCreate.cost,
    idempotencyKey: createKeys(batch.id, toCreate.person.id).chargeKey,
    now: input.now(),
    userId: batch.approvedBy ?? undefined,
    batchId: batch.id,
    recordRef: `person:${toCreate.person.id}`,
  });
  return debit.status !== 'insufficient' && debit.status !== 'cap_exceeded';
}

/** The audit trail of one created person: an enrichment of the new record, every field written from empty. */
async function recordCreated(deps: BatchDeps, input: Input, p: Pending, crmRecordId: string): Promise<void> {
  const { tenant, batch } = input;
  const now = input.now();
  const { enrichmentKey, chargeKey } = createKeys(batch.id, p.toCreate.person.id);
  const { created, enrichment } = await deps.enrichments.createOrGet(tenant.id, {
    kind: 'person',
    crmRecordId,
    idempotencyKey: enrichmentKey,
    requestHash: crypto.createHash('sha256').update(enrichmentKey).digest('hex'),
    referenceId: p.toCreate.person.id,
    confidence: p.confidence,
    credits: p.toCreate.cost,
    chargeKey: p.toCreate.cost > 0 ? chargeKey : null,
    userId: batch.approvedBy,
    batchId: batch.id,
    changes: p.toCreate.changes,
    now,
  });
  if (!created && enrichment.state === 'written') return;
  await deps.enrichments.recordWritten(tenant.id, enrichment.id, auditWritesOf(enrichment, { crm: tenant.crm, actor: 'batch', actorId: batch.approvedBy, batchId: batch.id, now }), now);
}
