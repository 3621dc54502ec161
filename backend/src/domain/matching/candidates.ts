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
}

export const defaultCandidateOptions: CandidateOptions = { maxCandidates: 12, maxBlock: 500 };

export interface Candidate {
  record: number;
  id: string;
  label: string;
  comparisons: Comparison[];
}

function rank(keys: BlockingKey[], lookup: (key: string) => Uint32Array, max: number): number[] {
  const strength = new Map<number, number>();
  for (const k of keys) {
    const records = lookup(k.key);
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      strength.set(r, (strength.get(r) ?? 0) + k.strength);
    }
  }
  if (strength.size <= max) return [...strength.keys()];
  return [...strength.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, max)
    .map(([r]) => r);
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
    const found = rank(companyBlockingKeys(f), (k) => index.companyCandidates(k, options.maxBlock), options.maxCandidates);
    return unique(found, include).map((r) => {
      const ref = index.company(r);
      return { record: r, id: ref.id, label: ref.label, comparisons: compareCompanies(f, ref.features) };
    });
  }
  const f = personFeatures(record, ctx);
  const found = rank(personBlockingKeys(f), (k) => index.personCandidates(k, options.maxBlock), options.maxCandidates);
  return unique(found, include).map((r) => {
    const ref = index.person(r);
    return { record: r, id: ref.id, label: ref.label, comparisons: comparePeople(f, ref.features) };
  });
}

function unique(found: number[], include: readonly number[]): number[] {
  if (include.length === 0) return found;
  return [...new Set([...found, ...include])];
}
