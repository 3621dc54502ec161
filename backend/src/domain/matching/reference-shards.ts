/**
 * Building the reference index in shards, on several threads: consecutive runs of companies, then of people, are
 * indexed apart and joined in order. Joining gives an index that answers every lookup as the one-pass builder's does
 * for the same records when every company comes before the people (record numbers continue from shard to shard, and
 * the shards' sorted blocking pairs are merged).
 */
import type { ReferenceCompany, ReferencePerson } from '@accord/shared';
import { mergeSortedPairs } from './block-index';
import type { FeatureContext } from './features';
import { companyTermFields, personTermFields, type TermCounts } from './term-frequencies';
import { indexedCompany, indexedPerson, KindBuilder, NO_COMPANY, ReferenceIndex, Uint32List, type KindData, type ReferenceIndexData } from './reference-index';

export type PersonShard = KindData & { companyOf: Uint32Array };

export class CompanyShardBuilder {
  private readonly kind: KindBuilder;

  constructor(private readonly options: { ctx: FeatureContext; firstRecord: number }) {
    this.kind = new KindBuilder({ firstRecord: options.firstRecord, shared: true, termFields: companyTermFields });
  }

  add(record: ReferenceCompany): void {
    this.kind.add(indexedCompany(record, this.options.ctx));
  }

  build(): KindData {
    return this.kind.build();
  }
}

export class PersonShardBuilder {
  private readonly kind: KindBuilder;
  private readonly companyOf = new Uint32List();
  private readonly employers: ReferenceIndex;

  /** `companies` is the joined company data; a person's employer is the last company with their `companyId`. */
  constructor(private readonly options: { ctx: FeatureContext; firstRecord: number; companies: KindData }) {
    this.kind = new KindBuilder({ firstRecord: options.firstRecord, shared: true, termFields: personTermFields });
    this.employers = new ReferenceIndex({ companies: options.companies, people: emptyPeople() });
  }

  add(record: ReferencePerson): void {
    const employer = record.companyId ? this.employers.employerOf(record.companyId) : undefined;
    this.kind.add(indexedPerson(record, this.options.ctx, employer?.domain ?? null));
    this.companyOf.push(employer?.record ?? NO_COMPANY);
  }

  build(): PersonShard {
    return { ...this.kind.build(), companyOf: this.companyOf.toArray({ shared: true }) };
  }
}

/**
 * Consecutive shards of one kind joined into one: their strings are kept as parts (no copy), their sorted blocking
 * pairs merged.
 */
export function joinShards(shards: readonly KindData[], options: { shared: boolean }): KindData {
  return {
    ids: shards.flatMap((s) => s.ids),
    labels: shards.flatMap((s) => s.labels),
    packed: shards.flatMap((s) => s.packed),
    blocks: mergeSortedPairs(shards.map((s) => s.blocks), options),
    terms: addTermCounts(shards.map((s) => s.terms)),
  };
}

export function joinPersonShards(shards: readonly PersonShard[], options: { shared: boolean }): ReferenceIndexData['people'] {
  const joined = joinShards(shards, options);
  const n = shards.reduce((sum, s) => sum + s.companyOf.length, 0);
  const companyOf = options.shared ? new Uint32Array(new SharedArrayBuffer(n * 4)) : new Uint32Array(n);
  let at = 0;
  for (const s of shards) {
    companyOf.set(s.companyOf, at);
    at += s.companyOf.length;
  }
  return { ...joined, companyOf };
}

export function emptyPeople(): ReferenceIndexData['people'] {
  const none = [{ offsets: new Uint32Array(1), bytes: new Uint8Array(0) }];
  const noPairs = { hashes: new Uint32Array(0), records: new Uint32Array(0) };
  return { ids: none, labels: none, packed: none, blocks: noPairs, terms: {}, companyOf: new Uint32Array(0) };
}

/** The shards' counts added up, value by value. */
function addTermCounts(counts: readonly TermCounts[]): TermCounts {
  const sums = new Map<string, Map<string, number>>();
  for (const c of counts) {
    for (const [field, entries] of Object.entries(c)) {
      let fieldSums = sums.get(field);
      if (!fieldSums) sums.set(field, (fieldSums = new Map()));
      for (const [value, n] of entries) fieldSums.set(value, (fieldSums.get(value) ?? 0) + n);
    }
  }
  const out: TermCounts = {};
  for (const [field, fieldSums] of sums) out[field] = [...fieldSums];
  return out;
}
