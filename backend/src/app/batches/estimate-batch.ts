/**
 * Estimates a batch: resolves its selection into items, reads and matches the records a chunk at a time, plans
 * each one and prices it (an enrichment batch its changes; a "create people" batch the people it would create). Reads only: nothing is written to the CRM and no credit is spent. The batch then waits
 * for an admin's approval. Run again from awaiting_approval to refresh the estimate.
 */
import type { Batch, BatchEstimate, MatchResult } from '@accord/shared';
import type { BatchItem, StoredBatch } from '../../adapters/db/batch.store';
import { aggregateCreateEstimate, aggregateEstimate, type EstimateInput, type PlannedCompany, type PlannedRecord } from '../../domain/batches/aggregate-estimate';
import { startOfMonth } from '../../domain/credits/periods';
import type { Tenant } from '../../domain/tenants/tenant';
import { AppError } from '../app-error';
import { batchView, loadBatch, moveBatch, type BatchDeps } from './batch-context';
import type { CrmBatchRecord } from './crm-batch-port';
import { fieldsRead, planBatchRecord } from './plan-batch-record';
import { companyFieldsRead, planCreatePeople } from './plan-create-people';

export async function estimateBatch(deps: BatchDeps, input: { tenant: Tenant; batchId: string; now: Date; rate: { limit: number; windowMs: number } }): Promise<Batch> {
  const { tenant, now } = input;
  let batch = await moveBatch(deps, await loadBatch(deps, tenant, input.batchId), 'estimate', { now });
  try {
    await deps.batches.addItems(tenant.id, batch.id, await selectedIds(deps, tenant, batch), now);
    const planner = batch.type === 'create_people' ? createPeopleEstimator(deps, tenant, batch, now) : enrichEstimator(deps, tenant, batch, now);
    const fields = batch.type === 'create_people' ? companyFieldsRead(deps, batch) : fieldsRead(deps, batch);
    for (let afterSeq = -1; ; ) {
      const items = await deps.batches.items(tenant.id, batch.id, { afterSeq, limit: deps.crm.batchLimit });
      if (items.length === 0) break;
      afterSeq = items[items.length - 1]!.seq;
      const read = await deps.crm.read(batch.object, items.map((i) => i.crmRecordId), fields);
      if (!read.ok) throw new AppError('CRM_UNAVAILABLE', `The CRM did not answer the estimate's reads: ${read.message}`);
      const matches = await deps.matcher.match({ tenant, object: batch.object, records: read.records, now });
      const byId = new Map(read.records.map((r, i) => [r.id, { record: r, match: matches[i]! }]));
      await planner.add(items.map((item) => ({ item, found: byId.get(item.crmRecordId) })));
    }
    const account = await deps.credits.account(tenant.id);
    const spentThisMonth = await deps.credits.spentSince(tenant.id, { since: startOfMonth(now) });
    const estimate = planner.finish({
      available: account.available,
      caps: { perBatchCap: minOf(batch.policy.perBatchCap, batch.maxCredits), monthlyCap: batch.policy.monthlyCap, spentThisMonth },
      rate: { ...input.rate, sharePercent: tenant.settings.rateLimitSharePercent, batchLimit: deps.crm.batchLimit },
      recordsPerMinute: batch.recordsPerMinute,
    });
    batch = await moveBatch(deps, batch, 'estimated', { now, set: { estimate, error: null } });
    return batchView(deps, batch);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.batches.move(tenant.id, batch.id, { from: 'estimating', to: 'draft', now, set: { error: message.slice(0, 2_000) } });
    throw error;
  }
}

/** One chunk's items with what the CRM returned for them (absent: the record does not exist). */
type ChunkRows = { item: BatchItem; found: { record: CrmBatchRecord; match: MatchResult } | undefined }[];

interface Estimator {
  add(rows: ChunkRows): Promise<void>;
  finish(input: Omit<EstimateInput, 'records'>): BatchEstimate;
}

/** Enrichment batches: each record planned and priced as the run would. */
function enrichEstimator(deps: BatchDeps, tenant: Tenant, batch: StoredBatch, now: Date): Estimator {
  const planned: PlannedRecord[] = [];
  return {
    async add(rows) {
      for (const { item, found } of rows) {
        const match = found?.match ?? null;
        const plan = found ? await planBatchRecord(deps, { tenant, batch, match, record: found.record, now }) : null;
        const cost = plan?.status === 'planned' ? plan.cost : 0;
        await deps.batches.setPlan(tenant.id, batch.id, item.seq, { match, plannedCost: cost, now });
        planned.push({ recordId: item.crmRecordId, match: match ?? noMatch, enrichable: plan?.status === 'planned', changes: plan?.status === 'planned' ? plan.changes : [], cost });
      }
    },
    finish: (input) => aggregateEstimate({ ...input, records: planned }),
  };
}

/** "Create people" batches: each company's people to create, checked against the CRM's people now. */
function createPeopleEstimator(deps: BatchDeps, tenant: Tenant, batch: StoredBatch, now: Date): Estimator {
  const companies: PlannedCompany[] = [];
  return {
    async add(rows) {
      const present = rows.filter((r) => r.found !== undefined);
      const planned = await planCreatePeople(deps, { tenant, batch, companies: present.map((r) => r.found!) });
      if (!planned.ok) throw new AppError('CRM_UNAVAILABLE', `The CRM did not answer the estimate's people search: ${planned.message}`);
      const plans = new Map(present.map((r, i) => [r.item.seq, planned.plans[i]!]));
      for (const { item, found } of rows) {
        const plan = plans.get(item.seq);
        const people = plan?.status === 'planned' ? plan.create : [];
        const cost = people.reduce((n, p) => n + p.cost, 0);
        await deps.batches.setPlan(tenant.id, batch.id, item.seq, { match: found?.match ?? null, plannedCost: cost, now });
        companies.push({ recordId: item.crmRecordId, match: found?.match ?? noMatch, people, alreadyInCrm: plan?.status === 'planned' ? plan.alreadyInCrm : 0 });
      }
    },
    finish: (input) => aggregateCreateEstimate({ ...input, companies }),
  };
}

const noMatch: PlannedRecord['match'] = { band: 'none', confidence: 0, candidate: null };

async function selectedIds(deps: BatchDeps, tenant: Tenant, batch: StoredBatch): Promise<string[]> {
  const { selection } = batch;
  if (selection.by === 'ids') return selection.recordIds;
  const ids: string[] = [];
  if (selection.by === 'segment') {
    for await (const page of deps.crm.segmentIds(batch.object, selection.segmentId)) ids.push(...page);
    return [...new Set(ids)];
  }
  for await (const page of deps.crm.listIds(batch.object, { since: selection.by === 'modified_since' ? selection.since : null })) {
    for (const id of page) {
      if (selection.by === 'never_enriched' && (await hasBeenEnriched(deps, tenant, batch, id))) continue;
      ids.push(id);
    }
  }
  return ids;
}

async function hasBeenEnriched(deps: BatchDeps, tenant: Tenant, batch: StoredBatch, crmRecordId: string): Promise<boolean> {
  const done = await deps.enrichments.listForRecord(tenant.id, batch.kind, crmRecordId);
  return done.some((e) => e.state === 'written' || e.state === 'undone');
}

function minOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

