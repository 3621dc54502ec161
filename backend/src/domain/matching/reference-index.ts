/**
 * The in-memory reference index the matcher queries: per kind, packed features, display labels and a block index.
 * Built in one streaming pass (companies and people in any order); a million companies and two million people fit
 * in well under 2 GB because each record is a few short strings and its blocking keys are 8 bytes each.
 */
import type { ReferenceCompany, ReferencePerson } from '@accord/shared';
import { BlockIndex, BlockIndexBuilder } from './block-index';
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

export class ReferenceIndex {
  constructor(
    private readonly companies: KindStore & { blocks: BlockIndex },
    private readonly people: KindStore & { blocks: BlockIndex; companyOf: Uint32Array },
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

  company(record: number): { id: string; label: string; features: CompanyFeatures } {
    return { id: this.companies.ids[record]!, label: this.companies.labels[record]!, features: unpackCompany(this.companies.packed[record]!) };
  }

  /** A reference person with the employer's domain and name filled in from their company record. */
  person(record: number): { id: string; label: string; features: PersonFeatures } {
    const features = unpackPerson(this.people.packed[record]!);
    const companyRecord = this.people.companyOf[record]!;
    if (companyRecord !== NO_COMPANY) {
      const company = companyDomainAndName(this.companies.packed[companyRecord]!);
      features.companyDomain = company.domain ?? features.companyDomain;
      features.companyName = company.name ?? features.companyName;
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
  private readonly personCompanyIds: (string | null)[] = [];
  private readonly companyBlocks = new BlockIndexBuilder();
  private readonly personBlocks = new BlockIndexBuilder();
  private readonly companyDomains = new Map<string, string>();

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
    if (f.domain) this.companyDomains.set(record.id, f.domain);
  }

  private addPerson(record: ReferencePerson): void {
    const n = this.people.ids.length;
    const companyDomain = record.companyId ? this.companyDomains.get(record.companyId) : undefined;
    const f = personFeatures(record, this.ctx, companyDomain ? { domain: companyDomain, name: null } : undefined);
    this.personBlocks.add(`id:${record.id}`, n);
    for (const k of personBlockingKeys(f)) this.personBlocks.add(k.key, n);
    // The company's name is looked up at match time; only what blocking needs is kept here.
    f.companyName = null;
    this.people.ids.push(record.id);
    this.people.labels.push(personLabel(record));
    this.people.packed.push(packPerson(f));
    this.personCompanyIds.push(record.companyId ?? null);
  }

  build(): ReferenceIndex {
    const companyBlocks = this.companyBlocks.build();
    const companies = { ...this.companies, blocks: companyBlocks };
    const companyOf = new Uint32Array(this.people.ids.length).fill(NO_COMPANY);
    for (let i = 0; i < this.personCompanyIds.length; i++) {
      const id = this.personCompanyIds[i];
      if (!id) continue;
      const r = findById(companies, companyBlocks, id);
      if (r !== undefined) companyOf[i] = r;
    }
    this.personCompanyIds.length = 0;
    this.companyDomains.clear();
    return new ReferenceIndex(companies, { ...this.people, blocks: this.personBlocks.build(), companyOf });
  }
}

/** "First Last", or whichever of the two is present. */
function personLabel(record: ReferencePerson): string {
  const first = record.firstName;
  const last = record.lastName;
  return first ? (last ? `${first} ${last}` : first) : (last ?? '');
}
