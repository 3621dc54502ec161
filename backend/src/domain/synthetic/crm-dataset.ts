/**
 * A labelled CRM data set, streamed: noisy copies of reference records (truth = the reference id) mixed with
 * records of companies and people that are not in the reference set (truth = null), half of them look-alikes of a
 * reference record and some of the companies its neighbours at the same address. Some CRM companies are filed under
 * another organisation's name (a parent body, a former name). Deterministic for a seed; the reference records come from `referenceSeed` (default `seed`).
 */
import type { CrmCompany, CrmPerson, ReferenceCompany } from '@accord/shared';
import { noisyCrmCompany, noisyCrmPerson } from './crm-noise';
import { createRandom, deriveSeed, type Random } from './random';
import {
  lookAlikeCompanyAt, lookAlikePersonAt, referenceCompanyAt, referencePersonWithCompanyAt,
} from './reference-generator';

export interface CrmDatasetOptions {
  /** Seed of the CRM sample and its noise. */
  seed: number;
  /** Seed of the reference set the CRM records are copies of; defaults to `seed`. */
  referenceSeed?: number;
  /** Size of the reference set: companies c-0 … c-(companies-1), people p-0 … p-(people-1). */
  companies: number;
  people: number;
  crmCompanies: number;
  crmPeople: number;
  /** Share of CRM records with no reference counterpart; default 0.15. */
  noMatchShare?: number;
  /** Share of the no-match records that look like a reference record (same distinctive name, elsewhere); default 0.5. */
  lookAlikeShare?: number;
  /**
   * Share of the other no-match records that are a neighbour of a reference company: another organisation at the
   * same street address (a shared building, a co-located site); default 0.3.
   */
  neighbourShare?: number;
  /** Noise level passed to the CRM copies; default 1. */
  noise?: number;
}

export interface LabelledCrmRecord {
  record: CrmCompany | CrmPerson;
  /** Id of the reference record this is a copy of, or null when there is none. */
  truth: string | null;
}

/** No-match records live at index ≥ reference size + this, so their ids and domains never meet the reference set's. */
export const NO_MATCH_INDEX_OFFSET = 10_000_000;

const SALT = { company: 0x63726d63, person: 0x63726d70, outsider: 0x6f757473, order: 0x6f726472 } as const;

export function* generateCrmDataset(options: CrmDatasetOptions): Generator<LabelledCrmRecord> {
  const { seed, companies, people, crmCompanies, crmPeople } = options;
  const referenceSeed = options.referenceSeed ?? seed;
  const noMatchShare = options.noMatchShare ?? 0.15;
  const lookAlikeShare = options.lookAlikeShare ?? 0.5;
  const neighbourShare = options.neighbourShare ?? 0.3;
  const noise = options.noise ?? 1;
  if (crmCompanies > 0 && companies < 1) throw new Error('CRM companies need at least one reference company');
  if (crmPeople > 0 && (people < 1 || companies < 1)) throw new Error('CRM people need reference people and companies');
  const outsiderSeed = deriveSeed(deriveSeed(referenceSeed, SALT.outsider), seed);
  const firstOutsiderCompany = companies + NO_MATCH_INDEX_OFFSET;
  const outsiderCompanies = { companies: Math.max(100, crmCompanies), firstCompanyIndex: firstOutsiderCompany };

  const companyOrder = permutation(companies, deriveSeed(seed, SALT.order));
  for (let n = 0; n < crmCompanies; n++) {
    const random = recordRandom(seed, SALT.company, n);
    const id = `crm-c-${n}`;
    // Another organisation, outside the reference set, whose name the record may be filed under.
    const otherOrganisation = referenceCompanyAt(outsiderSeed, firstOutsiderCompany + outsiderCompanies.companies + n).name;
    if (random.chance(noMatchShare)) {
      const index = firstOutsiderCompany + n;
      const source = random.int(0, companies - 1);
      let outsider: ReferenceCompany;
      if (random.chance(lookAlikeShare)) outsider = lookAlikeCompanyAt({ seed: outsiderSeed, index, source: { seed: referenceSeed, index: source } });
      else if (random.chance(neighbourShare)) outsider = neighbourOf(referenceCompanyAt(outsiderSeed, index), referenceCompanyAt(referenceSeed, source));
      else outsider = referenceCompanyAt(outsiderSeed, index);
      yield { record: noisyCrmCompany(random, outsider, { id, noise, otherOrganisation }), truth: null };
    } else {
      const ref = referenceCompanyAt(referenceSeed, companyOrder(n));
      yield { record: noisyCrmCompany(random, ref, { id, noise, otherOrganisation }), truth: ref.id };
    }
  }

  const personOrder = permutation(people, deriveSeed(seed, SALT.order + 1));
  const referencePeople = { companies };
  for (let n = 0; n < crmPeople; n++) {
    const random = recordRandom(seed, SALT.person, n);
    const id = `crm-p-${n}`;
    if (random.chance(noMatchShare)) {
      const index = people + NO_MATCH_INDEX_OFFSET + n;
      const outsider = random.chance(lookAlikeShare)
        ? lookAlikePersonAt({
          seed: outsiderSeed,
          index,
          source: { seed: referenceSeed, index: random.int(0, people - 1), options: referencePeople },
          options: outsiderCompanies,
        })
        : referencePersonWithCompanyAt(outsiderSeed, index, outsiderCompanies);
      yield { record: noisyCrmPerson(random, outsider.person, outsider.company, { id, noise }), truth: null };
    } else {
      const { person, company } = referencePersonWithCompanyAt(referenceSeed, personOrder(n), referencePeople);
      yield { record: noisyCrmPerson(random, person, company, { id, noise }), truth: person.id };
    }
  }
}

/** `company` moved in at `neighbour`'s address. */
function neighbourOf(company: ReferenceCompany, neighbour: ReferenceCompany): ReferenceCompany {
  const { street, city, state, postcode, country } = neighbour;
  return { ...company, street, city, state, postcode, country };
}

function recordRandom(seed: number, salt: number, n: number): Random {
  return createRandom(deriveSeed(deriveSeed(seed, salt), n));
}

/**
 * n ↦ (a·n + b) mod size with a coprime to size and near size/φ, so consecutive records land far apart and every
 * reference record is drawn once before any is drawn again.
 */
function permutation(size: number, seed: number): (n: number) => number {
  if (size <= 1) return () => 0;
  let multiplier = Math.max(1, Math.round(size * 0.6180339887));
  while (gcd(multiplier, size) !== 1) multiplier++;
  const offset = seed % size;
  if (size * size < Number.MAX_SAFE_INTEGER) return (n) => ((multiplier * (n % size)) % size + offset) % size;
  const [bigMultiplier, bigSize, bigOffset] = [BigInt(multiplier), BigInt(size), BigInt(offset)];
  return (n) => Number((bigMultiplier * BigInt(n % size) + bigOffset) % bigSize);
}

function gcd(a: number, b: number): number {
  let [x, y] = [a, b];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
