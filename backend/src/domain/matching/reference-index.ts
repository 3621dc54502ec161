/**
 * The in-memory reference index the matcher queries: per kind, packed features, display labels and a block index.
 * Built in one streaming pass (companies and people in any order); a million companies and two million people fit
 * in well under 2 GB because each record is a few short strings and its blocking keys are 8 bytes each.
 */
import type { ReferenceCompany, ReferencePerson } from '@accord/shared';
import { BlockIndex, BlockIndexBuilder } from './block-index';
import { companyTermFields, personTermFields, TermFrequencies, type TermShares } from './term-frequencies';
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

const NO_COMPANY = 0xffffffff;

interface KindStore {
  ids: string[];
  labels: string[];
  packed: string[];
}

export interface ReferenceIndexStats {
  companies: number;
  people: number;
  blockingPairs: number;
}

/** Unpacked candidates kept for reuse: popular candidates recur across queries. Cleared wholesale when full. */
const UNPACKED_CACHE_SIZE = 50_000;

export class ReferenceIndex {
  private readonly unpackedCompanies = new Map<number, CompanyFeatures>();
  private readonly unpackedPeople = new Map<number, PersonFeatures>();

  constructor(
    private readonly companies: KindStore & { blocks: BlockIndex },
    private readonly people: KindStore & { blocks: BlockIndex; companyOf: Uint32Array },
    /** How common each reference value is, per kind, for term-frequency weights. */
    readonly terms: { company: TermShares; person: TermShares } = {
      company: new TermFrequencies(companyTermFields),
      person: new TermFrequencies(personTermFields),
    },
  ) {}

  get stats(): ReferenceIndexStats {
    return {
      companies: this.companies.ids.length,
      people: this.people.ids.length,
      blockingPairs: this.companies.blocks.pairs + this.people.blocks.pairs,
    };
  }

  companyCount(): number {
    return this.companies.ids.length;
  }

  personCount(): number {
    return this.people.ids.length;
  }

  companyCandidates(key: string, maxBlock: number): Uint32Array {
    return this.companies.blocks.lookup(key, maxBlock);
  }

  personCandidates(key: string, maxBlock: number): Uint32Array {
    return this.people.blocks.lookup(key, maxBlock);
  }

  /** A reference company; its features are shared and must not be changed by the caller. */
  company(record: number): { id: string; label: string; features: Readonly<CompanyFeatures> } {
    let features = this.unpackedCompanies.get(record);
    if (!features) {
      features = unpackCompany(this.companies.packed[record]!);
      if (this.unpackedCompanies.size >= UNPACKED_CACHE_SIZE) this.unpackedCompanies.clear();
      this.unpackedCompanies.set(record, features);
    }
    return { id: this.companies.ids[record]!, label: this.companies.labels[record]!, features };
  }

  /** A reference person with the employer's domain and name filled in from their company record (shared; do not change). */
  person(record: number): { id: string; label: string; features: Readonly<PersonFeatures> } {
    let features = this.unpackedPeople.get(record);
    if (!features) {
      features = unpackPerson(this.people.packed[record]!);
      const companyRecord = this.people.companyOf[record]!;
      if (companyRecord !== NO_COMPANY) {
        const company = companyDomainAndName(this.companies.packed[companyRecord]!);
        features.companyDomain = company.domain ?? features.companyDomain;
        features.companyName = company.name ?? features.companyName;
      }
      if (this.unpackedPeople.size >= UNPACKED_CACHE_SIZE) this.unpackedPeople.clear();
      this.unpackedPeople.set(record, features);
    }
    return { id: this.people.ids[record]!, label: this.people.labels[record]!, features };
  }

  has(kind: 'company' | 'person', id: string): boolean {
    return (kind === 'company' ? this.findCompany(id) : this.findPerson(id)) !== undefined;
  }

  findCompany(id: string): number | undefined {
    return findById(this.companies, this.companies.blocks, id);
  }

  findPerson(id: string): number | undefined {
    return findById(this.people, this.people.blocks, id);
  }
}

function findById(store: KindStore, blocks: BlockIndex, id: string): number | undefined {
  for (const r of blocks.lookup(`id:${id}`, 64)) if (store.ids[r] === id) return r;
  return undefined;
}

export class ReferenceIndexBuilder {
  private readonly companies: KindStore = { ids: [], labels: [], packed: [] };
  private readonly people: KindStore = { ids: [], labels: [], packed: [] };
  private readonly companyTerms = new TermFrequencies(companyTermFields);
  private readonly personTerms = new TermFrequencies(personTermFields);
  private readonly companyBlocks = new BlockIndexBuilder();
  private readonly personBlocks = new BlockIndexBuilder();
  /** Company id → record number, while building (so people can be tied to their company as they arrive). */
  private readonly companyNumbers = new Map<string, number>();
  /** Each person's company record number; NO_COMPANY when unknown. */
  private companyOf = new Uint32Array(1 << 16);
  /** People whose company had not arrived yet: resolved in build(). */
  private readonly pending: { person: number; companyId: string }[] = [];

  constructor(private readonly ctx: FeatureContext) {}

  add(record: ReferenceCompany | ReferencePerson): void {
    if (record.kind === 'company') this.addCompany(record);
    else this.addPerson(record);
  }

  private addCompany(record: ReferenceCompany): void {
    const n = this.companies.ids.length;
    const f = companyFeatures(record, this.ctx);
    this.companies.ids.push(record.id);
    this.companies.labels.push(record.name);
    this.companies.packed.push(packCompany(f));
    this.companyBlocks.add(`id:${record.id}`, n);
    for (const k of companyBlockingKeys(f)) this.companyBlocks.add(k.key, n);
    this.companyTerms.add('city', f.city);
    this.companyTerms.add('postcode', f.postcode);
    this.companyNumbers.set(record.id, n);
  }

  private addPerson(record: ReferencePerson): void {
    const n = this.people.ids.length;
    const companyNumber = record.companyId ? this.companyNumbers.get(record.companyId) : undefined;
    const companyDomain = companyNumber === undefined ? null : companyDomainAndName(this.companies.packed[companyNumber]!).domain;
    const f = personFeatures(record, this.ctx, companyDomain ? { domain: companyDomain, name: null } : undefined);
    this.personBlocks.add(`id:${record.id}`, n);
    for (const k of personBlockingKeys(f)) this.personBlocks.add(k.key, n);
    this.personTerms.add('firstName', f.first);
    this.personTerms.add('lastName', f.last);
    this.personTerms.add('city', f.city);
    this.personTerms.add('postcode', f.postcode);
    // The company's name is looked up at match time; only what blocking needs is kept here.
    f.companyName = null;
    this.people.ids.push(record.id);
    this.people.labels.push(personLabel(record));
    this.people.packed.push(packPerson(f));
    if (n === this.companyOf.length) {
      const grown = new Uint32Array(n * 2);
      grown.set(this.companyOf);
      this.companyOf = grown;
    }
    this.companyOf[n] = companyNumber ?? NO_COMPANY;
    if (companyNumber === undefined && record.companyId) this.pending.push({ person: n, companyId: record.companyId });
  }

  build(): ReferenceIndex {
    const companyOf = this.companyOf.slice(0, this.people.ids.length);
    for (const { person, companyId } of this.pending) {
      const r = this.companyNumbers.get(companyId);
      if (r !== undefined) companyOf[person] = r;
    }
    this.pending.length = 0;
    this.companyNumbers.clear();
    this.companyOf = new Uint32Array(0);
    const companies = { ...this.companies, blocks: this.companyBlocks.build() };
    return new ReferenceIndex(companies, { ...this.people, blocks: this.personBlocks.build(), companyOf }, {
      company: this.companyTerms,
      person: this.personTerms,
    });
  }
}

/** "First Last", or whichever of the two is present. */
function personLabel(record: ReferencePerson): string {
  const first = record.firstName;
  const last = record.lastName;
  return first ? (last ? `${first} ${last}` : first) : (last ?? '');
}
