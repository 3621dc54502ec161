/**
 * A batch's estimate from its records' planned changes: what an admin reads before approving. Pure: the caller
 * plans each record (reads and matches only, nothing spent) and supplies the balance, caps and rate budget.
 */
import type { BatchEstimate, FieldChange, MatchResult } from '@accord/shared';
import { estimateCredits } from '../credits/estimate';
import { budgetOf, floorSeconds } from '../sync/rate-budget';

export const SAMPLE_SIZE = 50;

export interface PlannedRecord {
  recordId: string;
  match: Pick<MatchResult, 'band' | 'confidence' | 'candidate'>;
  /** Whether the batch would write this record (auto band, or a person confirmed the match). */
  enrichable: boolean;
  changes: readonly FieldChange[];
  cost: number;
}

export interface EstimateInput {
  records: readonly PlannedRecord[];
  /** Credits available now (balance less other batches' reservations). */
  available: number;
  caps: { perBatchCap: number | null; monthlyCap: number | null; spentThisMonth: number };
  rate: { limit: number; windowMs: number; sharePercent: number; batchLimit: number };
  recordsPerMinute: number | null;
}

export function aggregateEstimate(input: EstimateInput): BatchEstimate {
  const byBand = { auto: 0, review: 0, none: 0 };
  const fieldCounts = new Map<string, number>();
  let recordsChanging = 0;
  for (const r of input.records) {
    byBand[r.match.band] += 1;
    if (!r.enrichable) continue;
    const writes = r.changes.filter((c) => c.action !== 'skip');
    if (writes.length === 0) continue;
    recordsChanging += 1;
    for (const c of writes) fieldCounts.set(c.field, (fieldCounts.get(c.field) ?? 0) + 1);
  }
  const { maxCredits, expectedCredits } = estimateCredits({
    records: input.records.map((r) => ({ band: r.enrichable ? 'auto' : r.match.band, cost: r.cost })),
  });
  const { caps } = input;
  const withinCaps =
    maxCredits <= input.available &&
    (caps.perBatchCap === null || maxCredits <= caps.perBatchCap) &&
    (caps.monthlyCap === null || caps.spentThisMonth + maxCredits <= caps.monthlyCap);
  return {
    records: input.records.length,
    byBand,
    recordsChanging,
    fieldChanges: [...fieldCounts].map(([field, count]) => ({ field, count })).sort((a, b) => b.count - a.count || a.field.localeCompare(b.field)),
    maxCredits,
    expectedCredits,
    balance: input.available,
    withinCaps,
    expectedSeconds: expectedSeconds({ records: input.records.length, recordsChanging, rate: input.rate, recordsPerMinute: input.recordsPerMinute }),
    sample: sampleOf(input.records),
  };
}

/** One selected company of a "create people" batch: its match and the people the run would create for it. */
export interface PlannedCompany {
  recordId: string;
  match: PlannedRecord['match'];
  people: { changes: readonly FieldChange[]; cost: number }[];
  alreadyInCrm: number;
}

/**
 * A "create people" estimate: records and bands count the selected companies; the changing fields, credits and
 * sample count the people to create (each new person sets its fields once, and that is what workflows see).
 */
export function aggregateCreateEstimate(input: Omit<EstimateInput, 'records'> & { companies: readonly PlannedCompany[] }): BatchEstimate {
  const people = input.companies.flatMap((c) => c.people.map((p): PlannedRecord => ({ recordId: c.recordId, match: c.match, enrichable: true, changes: p.changes, cost: p.cost })));
  const byPerson = aggregateEstimate({ ...input, records: people });
  const byBand = { auto: 0, review: 0, none: 0 };
  for (const c of input.companies) byBand[c.match.band] += 1;
  const companies = input.companies.length;
  return {
    ...byPerson,
    records: companies,
    byBand,
    recordsChanging: input.companies.filter((c) => c.people.length > 0).length,
    // Per chunk of companies: a read and a search for their people; then the creates.
    expectedSeconds: Math.max(
      expectedSeconds({ records: 2 * companies, recordsChanging: people.length, rate: input.rate, recordsPerMinute: null }),
      expectedSeconds({ records: companies, recordsChanging: 0, rate: input.rate, recordsPerMinute: input.recordsPerMinute }),
    ),
    people: { toCreate: people.length, alreadyInCrm: input.companies.reduce((n, c) => n + c.alreadyInCrm, 0) },
  };
}

/**
 * The least time the run can take: one read per chunk and one write per chunk of changing records, within
 * Accord's share of the CRM's limit; in trickle mode no faster than the records-per-minute cap.
 */
export function expectedSeconds(input: { records: number; recordsChanging: number; rate: EstimateInput['rate']; recordsPerMinute: number | null }): number {
  const { rate } = input;
  const requests = Math.ceil(input.records / rate.batchLimit) + Math.ceil(input.recordsChanging / rate.batchLimit);
  const byBudget = floorSeconds(requests, budgetOf(rate.limit, rate.sharePercent), rate.windowMs);
  const byTrickle = input.recordsPerMinute === null ? 0 : (input.records / input.recordsPerMinute) * 60;
  return Math.max(byBudget, byTrickle);
}

/** Records that would change first (they are what an admin checks), then the rest, at most SAMPLE_SIZE. */
function sampleOf(records: readonly PlannedRecord[]): BatchEstimate['sample'] {
  const changing = (r: PlannedRecord) => r.enrichable && r.changes.some((c) => c.action !== 'skip');
  const ordered = [...records.filter(changing), ...records.filter((r) => !changing(r))].slice(0, SAMPLE_SIZE);
  return ordered.map((r) => ({
    recordId: r.recordId,
    referenceId: r.match.candidate?.referenceId ?? null,
    band: r.match.band,
    confidence: r.match.confidence,
    reasons: r.match.candidate?.reasons ?? [],
    changes: [...r.changes],
  }));
}
