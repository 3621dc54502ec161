/**
 * The in-memory reference index the matcher queries: per kind, ids, display labels and packed features as UTF-8
 * bytes, and a block index. Built in one streaming pass (companies and people in any order), or in shards on worker
 * threads (reference-shards.ts). All of it is typed arrays, optionally over SharedArrayBuffers, so worker threads
 * can match against one copy: a million companies and two million people take well under 1 GB.
 */
import type { ReferenceCompany, ReferencePerson } from '@accord/shared';
import { BlockIndex, BlockIndexBuilder, type BlockPairs } from './block-index';
import { companyBlockingKeys, personBlockingKeys } from './blocking';
import {
  companyDomainAndName,
  companyFeatures,
  packCompany,
  packPerson,
  personFeatures,
  unpackCompany,
  unpackPerson,
  type CompanyFeatures,
  type FeatureContext,
  type PersonFeatures,
} from './features';
import { PackedStringsBuilder, PackedStringsReader, type PackedStrings } from './packed-strings';
import { companyTermFields, personTermFields, TermFrequencies, type TermCounts, type TermShares } from './term-frequencies';

export const NO_COMPANY = 0xffffffff;

/** One kind's records: what a ReferenceIndex is made of, and what crosses between threads. */
export interface KindData {
  /** Each a list of consecutive parts: one from the one-pass builder, one per shard from a parallel build. */
  ids: PackedStrings[];
  labels: PackedStrings[];
  packed: PackedStrings[];
  /** The blocking pairs, sorted. */
  blocks: BlockPairs;
  /** How common each reference value is, for term-frequency weights. */
  terms: TermCounts;
}

export interface ReferenceIndexData {
  companies: KindData;
  /** companyOf[person] is the person's company record number, NO_COMPANY when unknown. */
  people: KindData & { companyOf: Uint32Array };
}

export interface ReferenceIndexStats {
  companies: number;
  people: number;
  blockingPairs: number;
}

class KindReader {
  readonly ids: PackedStringsReader;
  readonly labels: PackedStringsReader;
  readonly packed: PackedStringsReader;
  readonly blocks: BlockIndex;

  constructor(data: KindData) {
    this.ids = new PackedStringsReader(data.ids);
    this.labels = new PackedStringsReader(data.labels);
    this.packed = new PackedStringsReader(data.packed);
    this.blocks = BlockIndex.of(data.blocks);
  }

  get count(): number {
    return this.ids.length;
  }

  /** The record with this id; with duplicate ids, the first (`last` false) or the last one added. */
  find(id: string, options: { last: boolean }): number | undefined {
    let found: number | undefined;
    for (const r of this.blocks.lookup(`id:${id}`, 64)) {
      if (this.ids.at(r) !== id) continue;
      found = r;
      if (!options.last) break;
    }
    return found;
  }
}

export class ReferenceIndex {
  private readonly companies: KindReader;
  private readonly people: KindReader;
  /** How common each reference value is, per kind, for term-frequency weights. */
  readonly terms: { company: TermShares; person: TermShares };

  constructor(readonly data: ReferenceIndexData) {
    this.companies = new KindReader(data.companies);
    this.people = new KindReader(data.people);
    this.terms = { company: termFrequencies(companyTermFields, data.companies.terms), person: termFrequencies(personTermFields, data.people.terms) };
  }

  get stats(): ReferenceIndexStats {
    return {
      companies: this.companies.count,
      people: this.people.count,
      blockingPairs: this.companies.blocks.pairs + this.people.blocks.pairs,
    };
  }

  companyCount(): number {
    return this.companies.count;
  }

  personCount(): number {
    return this.people.count;
  }

  companyCandidates(key: string, maxBlock: number): Uint32Array {
    return this.companies.blocks.lookup(key, maxBlock);
  }

  personCandidates(key: string, maxBlock: number): Uint32Array {
    return this.people.blocks.lookup(key, maxBlock);
  }

  /*
   * Reference features are unpacked afresh on every call. A cache of unpacked records was measured slower: hits are
   * rare among millions of records, and cached objects outlive the young generation, so the GC copies and marks them.
   */

  /** A reference company's features. */
  companyFeatures(record: number): CompanyFeatures {
    return unpackCompany(this.companies.packed.at(record));
  }

  /** A reference person's features, the employer's domain and name filled in from their company record. */
  personFeatures(record: number): PersonFeatures {
    const features = unpackPerson(this.people.packed.at(record));
    const companyRecord = this.data.people.companyOf[record]!;
    if (companyRecord !== NO_COMPANY) {
      const company = companyDomainAndName(this.companies.packed.at(companyRecord));
      features.companyDomain = company.domain ?? features.companyDomain;
      features.companyName = company.name ?? features.companyName;
    }
    return features;
  }

  /** A reference record's id. */
  idOf(kind: 'company' | 'person', record: number): string {
    return (kind === 'company' ? this.companies : this.people).ids.at(record);
  }

  /** A reference record's display label (a company's name, a person's full name). */
  labelOf(kind: 'company' | 'person', record: number): string {
    return (kind === 'company' ? this.companies : this.people).labels.at(record);
  }

  has(kind: 'company' | 'person', id: string): boolean {
    return (kind === 'company' ? this.findCompany(id) : this.findPerson(id)) !== undefined;
  }

  findCompany(id: string): number | undefined {
    return this.companies.find(id, { last: false });
  }

  findPerson(id: string): number | undefined {
    return this.people.find(id, { last: false });
  }

  /** The company a reference person's `companyId` names while building: the last one added with that id. */
  employerOf(companyId: string): { record: number; domain: string | null } | undefined {
    const record = this.companies.find(companyId, { last: true });
    return record === undefined ? undefined : { record, domain: companyDomainAndName(this.companies.packed.at(record)).domain };
  }
}

/** One kind's records as they are added, numbered from `firstRecord` (a shard starts where the one before it ended). */
export class KindBuilder {
  private readonly ids: PackedStringsBuilder;
  private readonly labels: PackedStringsBuilder;
  private readonly packed: PackedStringsBuilder;
  private readonly blocks = new BlockIndexBuilder();
  private readonly terms: TermFrequencies;
  private count = 0;

  constructor(private readonly options: { firstRecord: number; shared: boolean; termFields: readonly string[] }) {
    this.terms = new TermFrequencies(options.termFields);
    this.ids = new PackedStringsBuilder(options);
    this.labels = new PackedStringsBuilder(options);
    this.packed = new PackedStringsBuilder(options);
  }

  get next(): number {
    return this.options.firstRecord + this.count;
  }

  add(record: IndexedRecord): number {
    const n = this.next;
    this.terms.addRecord(record.termValues);
    this.blocks.add(`id:${record.id}`, n);
    for (const k of record.keys) this.blocks.add(k.key, n);
    this.ids.append(record.id);
    this.labels.append(record.label);
    this.packed.append(record.packed);
    this.count++;
    return n;
  }

  build(): KindData {
    return {
      ids: this.ids.build(),
      labels: this.labels.build(),
      packed: this.packed.build(),
      blocks: this.blocks.sortedPairs(this.options),
      terms: this.terms.toCounts(),
    };
  }
}

/** What the index keeps of a reference record: packed features, blocking keys and the values it counts. */
export interface IndexedRecord {
  id: string;
  label: string;
  packed: string;
  keys: readonly { key: string }[];
  /** The values the index counts, in the order of the kind's term fields (companyTermFields / personTermFields). */
  termValues: readonly (string | null)[];
}

/** Features, packed form and blocking keys of a reference company. */
export function indexedCompany(record: ReferenceCompany, ctx: FeatureContext): IndexedRecord {
  const f = companyFeatures(record, ctx);
  return {
    id: record.id,
    label: record.name,
    packed: packCompany(f),
    keys: companyBlockingKeys(f),
    termValues: [f.city, f.postcode], // companyTermFields
  };
}

/** The same for a reference person, given the domain of their company when it is known by now. */
export function indexedPerson(
  record: ReferencePerson,
  ctx: FeatureContext,
  companyDomain: string | null,
): IndexedRecord {
  const f = personFeatures(record, ctx, companyDomain ? { domain: companyDomain, name: null } : undefined);
  const keys = personBlockingKeys(f);
  // The company's name is looked up at match time; only what blocking needs is kept here.
  f.companyName = null;
  const termValues = [f.first, f.last, f.city, f.postcode]; // personTermFields
  return { id: record.id, label: personLabel(record), packed: packPerson(f), keys, termValues };
}

/** A growable Uint32Array. */
export class Uint32List {
  private items = new Uint32Array(1 << 16);
  private size = 0;

  push(value: number): void {
    if (this.size === this.items.length) {
      const grown = new Uint32Array(this.size * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.size++] = value;
  }

  set(i: number, value: number): void {
    this.items[i] = value;
  }

  toArray(options: { shared: boolean }): Uint32Array {
    const out = options.shared ? new Uint32Array(new SharedArrayBuffer(this.size * 4)) : new Uint32Array(this.size);
    out.set(this.items.subarray(0, this.size));
    this.items = new Uint32Array(0);
    this.size = 0;
    return out;
  }
}

export class ReferenceIndexBuilder {
  private readonly companies: KindBuilder;
  private readonly people: KindBuilder;
  /** Company id → record number and domain, while building (so people can be tied to their company as they arrive). */
  private readonly companyNumbers = new Map<string, { record: number; domain: string | null }>();
  private readonly companyOf = new Uint32List();
  /** People whose company had not arrived yet: resolved in build(). */
  private readonly pending: { person: number; companyId: string }[] = [];

  constructor(
    private readonly ctx: FeatureContext,
    /** Build over SharedArrayBuffers, to hand the index to worker threads. */
    private readonly options: { shared: boolean } = { shared: false },
  ) {
    this.companies = new KindBuilder({ firstRecord: 0, shared: options.shared, termFields: companyTermFields });
    this.people = new KindBuilder({ firstRecord: 0, shared: options.shared, termFields: personTermFields });
  }

  add(record: ReferenceCompany | ReferencePerson): void {
    if (record.kind === 'company') this.addCompany(record);
    else this.addPerson(record);
  }

  private addCompany(record: ReferenceCompany): void {
    const indexed = indexedCompany(record, this.ctx);
    const n = this.companies.add(indexed);
    this.companyNumbers.set(record.id, { record: n, domain: companyDomainAndName(indexed.packed).domain });
  }

  private addPerson(record: ReferencePerson): void {
    const company = record.companyId ? this.companyNumbers.get(record.companyId) : undefined;
    const n = this.people.add(indexedPerson(record, this.ctx, company?.domain ?? null));
    this.companyOf.push(company?.record ?? NO_COMPANY);
    if (company === undefined && record.companyId) this.pending.push({ person: n, companyId: record.companyId });
  }

  build(): ReferenceIndex {
    for (const { person, companyId } of this.pending) {
      const company = this.companyNumbers.get(companyId);
      if (company !== undefined) this.companyOf.set(person, company.record);
    }
    this.pending.length = 0;
    this.companyNumbers.clear();
    const companyOf = this.companyOf.toArray(this.options);
    return new ReferenceIndex({ companies: this.companies.build(), people: { ...this.people.build(), companyOf } });
  }
}

function termFrequencies(fields: readonly string[], counts: TermCounts): TermFrequencies {
  const terms = new TermFrequencies(fields);
  terms.addCounts(counts);
  return terms;
}

/** "First Last", or whichever of the two is present. */
function personLabel(record: ReferencePerson): string {
  const first = record.firstName;
  const last = record.lastName;
  return first ? (last ? `${first} ${last}` : first) : (last ?? '');
}
