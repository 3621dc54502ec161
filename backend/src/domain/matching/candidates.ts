/**
 * Candidate generation: the reference records that share blocking keys with a CRM record, ranked by how strongly
 * they share them, each with its field comparisons. Used by the matcher and by model training alike.
 */
import type { CrmRecord } from '@accord/shared';
import { companyBlockingKeys, personBlockingKeys, type BlockingKey } from './blocking';
import {
  compareCompaniesInto,
  comparePeopleInto,
  companyFields,
  comparisonsOf,
  ComparisonRow,
  personFields,
  type ComparedPair,
  type Comparison,
} from './compare/compare-fields';
import { companyFeatures, personFeatures, type CompanyFeatures, type FeatureContext, type PersonFeatures } from './features';
import type { ReferenceIndex } from './reference-index';

export interface CandidateOptions {
  /** Candidates compared in full per record, after ranking by shared blocking keys. */
  maxCandidates: number;
  /** Blocks larger than this are too common to say anything and are skipped. */
  maxBlock: number;
  /** The same for weak keys (single name tokens, phonetic codes). */
  maxWeakBlock: number;
}

/*
 * Five candidates, not eight: the true match is nearly always among the five best-ranked, and comparing three more per
 * record cost about a fifth of the matching time. Measured on `npm run eval:matching` (models recalibrated for five):
 * every auto-level figure within 0.002 of eight candidates' (FEBRL auto recall 0.970 → 0.968), Chicago review recall
 * 0.938 → 0.934, ECE equal or lower. Four and three were measured too: Chicago review recall 0.929 and 0.919.
 */
export const defaultCandidateOptions: CandidateOptions = { maxCandidates: 5, maxBlock: 500, maxWeakBlock: 100 };

export interface Candidate {
  record: number;
  id: string;
  label: string;
  comparisons: Comparison[];
}

/**
 * Sums key strengths per reference record with a dense scratch array (reset through the touched list), which is
 * several times faster than a Map on the hot path. Weak keys (strength < 3) give up earlier on large blocks.
 * Strengths are small integers: a byte per record holds their sums (a person's keys add up to 58 at most; a company
 * needs dozens of distinct name words to pass 255, where the sum saturates), a quarter of the cache footprint of a
 * Uint32Array over two million records.
 */
class Ranker {
  private strength = new Uint8Array(0);
  private touched = new Uint32Array(1024);

  rank(keys: BlockingKey[], index: ReferenceIndex, kind: 'company' | 'person', options: CandidateOptions): number[] {
    const size = kind === 'company' ? index.companyCount() : index.personCount();
    if (this.strength.length < size) this.strength = new Uint8Array(Math.max(size, this.strength.length * 2, 1024));
    const strength = this.strength;
    let touched = this.touched;
    let count = 0;
    for (const k of keys) {
      const maxBlock = k.strength >= 3 ? options.maxBlock : options.maxWeakBlock;
      const records = kind === 'company' ? index.companyCandidates(k.key, maxBlock) : index.personCandidates(k.key, maxBlock);
      if (count + records.length > touched.length) {
        const grown = new Uint32Array(Math.max(touched.length * 2, count + records.length));
        grown.set(touched.subarray(0, count));
        this.touched = touched = grown;
      }
      for (let i = 0; i < records.length; i++) {
        const r = records[i]!;
        const before = strength[r]!;
        if (before === 0) touched[count++] = r;
        const sum = before + k.strength;
        strength[r] = sum > 255 ? 255 : sum;
      }
    }
    const result = count <= options.maxCandidates ? Array.from(touched.subarray(0, count)) : topRecords(touched, count, strength, options.maxCandidates);
    for (let i = 0; i < count; i++) strength[touched[i]!] = 0;
    return result;
  }
}

/**
 * The `k` records with the highest strength (ties: lower record number first), best first: the first `k` of the
 * touched list sorted that way, found by insertion into a short sorted list instead of sorting the whole list.
 */
function topRecords(touched: Uint32Array, count: number, strength: Uint8Array, k: number): number[] {
  const best: number[] = [];
  for (let t = 0; t < count; t++) {
    const r = touched[t]!;
    if (best.length === k && !isRankedBefore(r, best[k - 1]!, strength)) continue;
    let i = best.length === k ? k - 1 : best.length;
    while (i > 0 && isRankedBefore(r, best[i - 1]!, strength)) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = r;
  }
  return best;
}

function isRankedBefore(a: number, b: number, strength: Uint8Array): boolean {
  return strength[a]! > strength[b]! || (strength[a] === strength[b] && a < b);
}

const rankers = new WeakMap<ReferenceIndex, Ranker>();

function rankerFor(index: ReferenceIndex): Ranker {
  let ranker = rankers.get(index);
  if (!ranker) {
    ranker = new Ranker();
    rankers.set(index, ranker);
  }
  return ranker;
}

/** A CRM record's features and the reference records to compare it with, best-ranked first. */
export type CandidateSearch =
  | { kind: 'company'; features: CompanyFeatures; records: readonly number[] }
  | { kind: 'person'; features: PersonFeatures; records: readonly number[] };

/** The reference records worth comparing with `record`; `include` adds records that must be compared whatever blocking says. */
export function searchCandidates(
  index: ReferenceIndex,
  request: { record: CrmRecord; ctx: FeatureContext; options: CandidateOptions; include?: readonly number[] },
): CandidateSearch {
  const { record, ctx, options } = request;
  const include = request.include ?? [];
  if (record.kind === 'company') {
    const features = companyFeatures(record, ctx);
    return { kind: 'company', features, records: unique(rankerFor(index).rank(companyBlockingKeys(features), index, 'company', options), include) };
  }
  const features = personFeatures(record, ctx);
  return { kind: 'person', features, records: unique(rankerFor(index).rank(personBlockingKeys(features), index, 'person', options), include) };
}

function unique(found: number[], include: readonly number[]): readonly number[] {
  if (include.length === 0) return found;
  return [...new Set([...found, ...include])];
}

/** Compares the searched record with reference record `record` into `row`; returns the reference features it read. */
export function compareCandidate(index: ReferenceIndex, search: CandidateSearch, record: number, row: ComparisonRow): ReferenceFeatures {
  if (search.kind === 'company') {
    const ref = index.companyFeatures(record);
    compareCompaniesInto(search.features, ref, index.terms.company, row);
    return ref;
  }
  const ref = index.personFeatures(record);
  comparePeopleInto(search.features, ref, index.terms.person, row);
  return ref;
}

export type ReferenceFeatures = CompanyFeatures | PersonFeatures;

/** The pair behind a compared candidate, for explaining it. */
export function comparedPair(search: CandidateSearch, compared: { ref: ReferenceFeatures; row: ComparisonRow }): ComparedPair {
  if (search.kind === 'company') return { kind: 'company', crm: search.features, ref: compared.ref as CompanyFeatures, row: compared.row };
  return { kind: 'person', crm: search.features, ref: compared.ref as PersonFeatures, row: compared.row };
}

/** Candidates for `record` with their comparisons as objects (for training); the matcher scores rows instead. */
export function findCandidates(
  index: ReferenceIndex,
  request: { record: CrmRecord; ctx: FeatureContext; options: CandidateOptions; include?: readonly number[] },
): Candidate[] {
  return candidatesOf(index, searchCandidates(index, request));
}

/** Compares `record` with the given reference records, bypassing blocking (for training on random pairs). */
export function compareWith(index: ReferenceIndex, request: { record: CrmRecord; ctx: FeatureContext; referenceRecords: readonly number[] }): Candidate[] {
  const { record, ctx, referenceRecords } = request;
  const search: CandidateSearch =
    record.kind === 'company'
      ? { kind: 'company', features: companyFeatures(record, ctx), records: referenceRecords }
      : { kind: 'person', features: personFeatures(record, ctx), records: referenceRecords };
  return candidatesOf(index, search);
}

function candidatesOf(index: ReferenceIndex, search: CandidateSearch): Candidate[] {
  const fields = search.kind === 'company' ? companyFields : personFields;
  return search.records.map((record) => {
    const row = new ComparisonRow(fields.length);
    const ref = compareCandidate(index, search, record, row);
    return { record, id: index.idOf(search.kind, record), label: index.labelOf(search.kind, record), comparisons: comparisonsOf(comparedPair(search, { ref, row })) };
  });
}
