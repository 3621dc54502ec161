/**
 * Candidate generation: the reference records that share blocking keys with a CRM record, ranked by how strongly
 * they share them, each with its field comparisons. Used by the matcher and by model training alike.
 */
import type { CrmRecord } from '@accord/shared';
import { companyBlockingKeys, personBlockingKeys, type BlockingKey } from './blocking';
import { compareCompanies, comparePeople, type Comparison } from './compare/compare-fields';
import { companyFeatures, personFeatures, type FeatureContext } from './features';
import type { ReferenceIndex } from './reference-index';

export interface CandidateOptions {
  /** Candidates compared in full per record, after ranking by shared blocking keys. */
  maxCandidates: number;
  /** Blocks larger than this are too common to say anything and are skipped. */
  maxBlock: number;
  /** The same for weak keys (single name tokens, phonetic codes). */
  maxWeakBlock: number;
}

export const defaultCandidateOptions: CandidateOptions = { maxCandidates: 8, maxBlock: 500, maxWeakBlock: 100 };

export interface Candidate {
  record: number;
  id: string;
  label: string;
  comparisons: Comparison[];
}

/**
 * Sums key strengths per reference record with a dense scratch array (reset through the touched list), which is
 * several times faster than a Map on the hot path. Weak keys (strength < 3) give up earlier on large blocks.
 */
class Ranker {
  private strength = new Float64Array(0);
  private touched: number[] = [];

  rank(keys: BlockingKey[], lookup: (key: string, maxBlock: number) => Uint32Array, options: CandidateOptions, size: number): number[] {
    if (this.strength.length < size) this.strength = new Float64Array(Math.max(size, this.strength.length * 2, 1024));
    const strength = this.strength;
    const touched = this.touched;
    touched.length = 0;
    for (const k of keys) {
      const records = lookup(k.key, k.strength >= 3 ? options.maxBlock : options.maxWeakBlock);
      for (let i = 0; i < records.length; i++) {
        const r = records[i]!;
        if (strength[r] === 0) touched.push(r);
        strength[r] = strength[r]! + k.strength;
      }
    }
    const result = touched.length <= options.maxCandidates ? touched.slice() : topRecords(touched, strength, options.maxCandidates);
    for (const r of touched) strength[r] = 0;
    return result;
  }
}

/**
 * The `k` records with the highest strength (ties: lower record number first), best first: the first `k` of the
 * touched list sorted that way, found by insertion into a short sorted list instead of sorting the whole list.
 */
function topRecords(touched: readonly number[], strength: Float64Array, k: number): number[] {
  const best: number[] = [];
  const before = (a: number, b: number) => strength[a]! > strength[b]! || (strength[a] === strength[b] && a < b);
  for (const r of touched) {
    if (best.length === k && !before(r, best[k - 1]!)) continue;
    let i = best.length === k ? k - 1 : best.length;
    while (i > 0 && before(r, best[i - 1]!)) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = r;
  }
  return best;
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

/** Candidates for `record`; `include` adds reference records that must be compared whatever blocking says. */
export function findCandidates(
  index: ReferenceIndex,
  request: { record: CrmRecord; ctx: FeatureContext; options: CandidateOptions; include?: readonly number[] },
): Candidate[] {
  const { record, ctx, options } = request;
  const include = request.include ?? [];
  if (record.kind === 'company') {
    const f = companyFeatures(record, ctx);
    const found = rankerFor(index).rank(companyBlockingKeys(f), (k, max) => index.companyCandidates(k, max), options, index.companyCount());
    return unique(found, include).map((r) => {
      const ref = index.company(r);
      return { record: r, id: ref.id, label: ref.label, comparisons: compareCompanies(f, ref.features, index.terms.company) };
    });
  }
  const f = personFeatures(record, ctx);
  const found = rankerFor(index).rank(personBlockingKeys(f), (k, max) => index.personCandidates(k, max), options, index.personCount());
  return unique(found, include).map((r) => {
    const ref = index.person(r);
    return { record: r, id: ref.id, label: ref.label, comparisons: comparePeople(f, ref.features, index.terms.person) };
  });
}

function unique(found: number[], include: readonly number[]): number[] {
  if (include.length === 0) return found;
  return [...new Set([...found, ...include])];
}

/** Compares `record` with the given reference records, bypassing blocking (for training on random pairs). */
export function compareWith(index: ReferenceIndex, request: { record: CrmRecord; ctx: FeatureContext; referenceRecords: readonly number[] }): Candidate[] {
  const { record, ctx, referenceRecords } = request;
  if (record.kind === 'company') {
    const f = companyFeatures(record, ctx);
    return referenceRecords.map((r) => {
      const ref = index.company(r);
      return { record: r, id: ref.id, label: ref.label, comparisons: compareCompanies(f, ref.features, index.terms.company) };
    });
  }
  const f = personFeatures(record, ctx);
  return referenceRecords.map((r) => {
    const ref = index.person(r);
    return { record: r, id: ref.id, label: ref.label, comparisons: comparePeople(f, ref.features, index.terms.person) };
  });
}
