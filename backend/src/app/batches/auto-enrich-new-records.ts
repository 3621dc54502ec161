/**
 * Automatic enrichment of the records a scheduled pull brought in: a batch of those never enriched, estimated like
 * any other, approved without a person only within the tenant's auto-enrich rules (records per day, credits per
 * month; off by default), and otherwise left awaiting an admin's approval.
 */
import crypto from 'node:crypto';
import { kindOfObject, type Batch, type CreateBatchRequest } from '@accord/shared';
import { decideAutoApproval, type AutoApproval } from '../../domain/batches/auto-approval';
import type { CrmObject } from '../../domain/enrichment/mapping';
import { startOfDay, startOfMonth } from '../../domain/credits/periods';
import type { Tenant } from '../../domain/tenants/tenant';
import { approveBatch } from './approve-batch';
import type { BatchDeps } from './batch-context';
import { createBatch } from './create-batch';
import { estimateBatch } from './estimate-batch';
import { startBatch } from './start-batch';

/** Who creates and approves automatic batches, in the audit trail and the ledger. */
export const AUTO_ENRICH_ACTOR = 'accord-auto';
const MAX_RECORDS = 10_000;

export async function autoEnrichNewRecords(
  deps: BatchDeps,
  input: { tenant: Tenant; object: CrmObject; recordIds: readonly string[]; now: Date; rate: { limit: number; windowMs: number } },
): Promise<{ batch: Batch | null; decision: AutoApproval }> {
  const { tenant, now } = input;
  const policy = tenant.settings.autoEnrich;
  if (policy.recordsPerDay === 0) return { batch: null, decision: { approve: false, reason: 'off' } };
  const fresh: string[] = [];
  for (const id of new Set(input.recordIds)) {
    const enriched = await deps.enrichments.listForRecord(tenant.id, kindOfObject[input.object], id);
    if (!enriched.some((e) => e.state === 'written' || e.state === 'undone')) fresh.push(id);
  }
  if (fresh.length === 0) return { batch: null, decision: { approve: false, reason: 'nothing_to_do' } };
  const recordIds = fresh.slice(0, MAX_RECORDS);
  const key = crypto.createHash('sha256').update(JSON.stringify([input.object, recordIds])).digest('hex').slice(0, 40);
  return submitAutomaticBatch(deps, {
    tenant,
    createdBy: AUTO_ENRICH_ACTOR,
    request: { object: input.object, type: 'enrich', selection: { by: 'ids', recordIds }, canarySize: 0, recordsPerMinute: null, maxCredits: null, idempotencyKey: `auto:${key}` },
    now,
    rate: input.rate,
  });
}

/**
 * Creates and estimates a batch no person asked for (new records of a pull, an agent's run), then approves and
 * starts it only within the tenant's automatic-approval allowance; otherwise it waits for an admin. A retried
 * request (same key) finds the batch it created and does nothing more.
 */
export async function submitAutomaticBatch(
  deps: BatchDeps,
  input: { tenant: Tenant; createdBy: string; request: CreateBatchRequest; now: Date; rate: { limit: number; windowMs: number } },
): Promise<{ batch: Batch | null; decision: AutoApproval }> {
  const { tenant, now } = input;
  const system = { tenant, isAdmin: true, now };
  const draft = await createBatch(deps, { ...system, userId: input.createdBy, request: input.request });
  if (draft.state !== 'draft') return { batch: draft, decision: { approve: false, reason: 'nothing_to_do' } };
  const estimated = await estimateBatch(deps, { tenant, batchId: draft.id, now, rate: input.rate });

  const earlier = (await deps.batches.list(tenant.id, { limit: 1_000 })).filter((b) => b.approvedBy === AUTO_ENRICH_ACTOR);
  const recordsToday = earlier.filter((b) => b.createdAt >= startOfDay(now).toISOString()).reduce((n, b) => n + (b.estimate?.records ?? 0), 0);
  const creditsThisMonth = earlier.filter((b) => b.createdAt >= startOfMonth(now).toISOString()).reduce((n, b) => n + b.reservedCredits, 0);
  const decision = decideAutoApproval({
    policy: tenant.settings.autoEnrich,
    records: estimated.estimate!.records,
    maxCredits: estimated.estimate!.maxCredits,
    withinCaps: estimated.estimate!.withinCaps,
    recordsToday,
    creditsThisMonth,
  });
  if (!decision.approve) return { batch: estimated, decision };
  await approveBatch(deps, { ...system, batchId: draft.id, userId: AUTO_ENRICH_ACTOR });
  return { batch: await startBatch(deps, { ...system, batchId: draft.id, mode: estimated.canarySize > 0 ? 'canary' : 'run' }), decision };
}

/**
 * What a finished scheduled pull hands on: its auto-band records, to automatic enrichment when the tenant has it
 * on (nothing is created when it is off). Errors are the caller's to log; the pull itself has already succeeded.
 */
export async function autoEnrichAfterSync(
  wiring: { depsFor(tenant: Tenant): Promise<BatchDeps>; rateFor(tenant: Tenant): { limit: number; windowMs: number } },
  input: { tenant: Tenant; object: CrmObject; autoBandIds: readonly string[]; now: Date },
): Promise<{ batch: Batch | null; decision: AutoApproval } | null> {
  const { tenant } = input;
  if (input.autoBandIds.length === 0 || tenant.settings.autoEnrich.recordsPerDay === 0) return null;
  return autoEnrichNewRecords(await wiring.depsFor(tenant), { tenant, object: input.object, recordIds: input.autoBandIds, now: input.now, rate: wiring.rateFor(tenant) });
}
