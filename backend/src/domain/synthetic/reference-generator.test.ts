import { referenceCompanySchema, referencePersonSchema, type ReferenceCompany } from '@accord/shared';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import {
  lookAlikeCompanyAt, lookAlikePersonAt, lookAlikeSourceIndex, referenceCompanyAt, referencePersonAt,
  referencePersonWithCompanyAt,
} from './reference-generator';
import { genericWords, referenceLegalSuffixes } from './vocabulary';

const SEED = 20_251_128;
const range = (count: number, from = 0) => Array.from({ length: count }, (_, i) => from + i);

function isValidAbn(abn: string): boolean {
  if (!/^\d{11}$/.test(abn)) return false;
  const weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
  const sum = [...abn].reduce((total, digit, i) => total + (Number(digit) - (i === 0 ? 1 : 0)) * (weights[i] as number), 0);
  return sum % 89 === 0;
}

const LEGAL_SUFFIXES = [...new Set(Object.values(referenceLegalSuffixes).flat())];

/** The name without its legal suffix and trailing generic words: what a look-alike shares. */
function distinctiveWords(name: string): string {
  let words = name.split(' ');
  for (const suffix of LEGAL_SUFFIXES) {
    const parts = suffix.split(' ');
    if (words.slice(-parts.length).join(' ') === suffix) words = words.slice(0, -parts.length);
  }
  while (words.length > 1 && genericWords.includes(words[words.length - 1] as string)) words = words.slice(0, -1);
  return words.join(' ');
}

describe('referenceCompanyAt', () => {
  it('regenerates the same company for the same seed and index', () => {
    for (const i of range(500)) expect(referenceCompanyAt(SEED, i)).toEqual(referenceCompanyAt(SEED, i));
  });

  it('gives other companies for another seed', () => {
    const same = range(500).filter((i) => referenceCompanyAt(SEED, i).name === referenceCompanyAt(SEED + 1, i).name);
    expect(same.length).toBeLessThan(10);
  });

  it('produces records that pass the reference company schema', () => {
    for (const i of range(3_000)) expect(referenceCompanySchema.safeParse(referenceCompanyAt(SEED, i)).error).toBeUndefined();
  });

  it('names companies by index and mostly ends names with a full legal suffix', () => {
    const companies = range(3_000).map((i) => referenceCompanyAt(SEED, i));
    expect(companies.map((c) => c.id)).toEqual(range(3_000).map((i) => `c-${i}`));
    const withSuffix = companies.filter((c) => LEGAL_SUFFIXES.some((s) => c.name.endsWith(` ${s}`)));
    expect(withSuffix.length / companies.length).toBeGreaterThan(0.85);
    expect(companies.some((c) => c.name.includes(' & '))).toBe(true);
    expect(companies.some((c) => c.name.startsWith('The ') && c.name.includes(' Group'))).toBe(true);
    expect(companies.some((c) => /^[A-Z]{2,3} /.test(c.name))).toBe(true);
    expect(companies.filter((c) => c.tradingNames?.length).length).toBeGreaterThan(150);
  });

  it('gives every Australian company an ABN that passes the checksum, and no one else an ABN', () => {
    const companies = range(5_000).map((i) => referenceCompanyAt(SEED, i));
    const australian = companies.filter((c) => c.country === 'AU');
    expect(australian.length / companies.length).toBeGreaterThan(0.8);
    expect(australian.filter((c) => !isValidAbn(c.abn ?? ''))).toEqual([]);
    expect(companies.filter((c) => c.country !== 'AU' && c.abn)).toEqual([]);
  });

  it('keeps domains unique for at least 99.9% of 100,000 companies', () => {
    const domains = new Set<string>();
    for (let i = 0; i < 100_000; i++) domains.add(referenceCompanyAt(SEED, i).domain as string);
    expect(domains.size / 100_000).toBeGreaterThanOrEqual(0.999);
  });

  it('gives valid E.164 phone numbers for the company country, with landline area codes of its state', () => {
    const areaOfState: Record<string, string> = { NSW: '2', ACT: '2', VIC: '3', TAS: '3', QLD: '7', WA: '8', SA: '8', NT: '8' };
    const invalid: string[] = [];
    for (const i of range(3_000)) {
      const c = referenceCompanyAt(SEED, i);
      const parsed = parsePhoneNumberFromString(c.phone as string);
      if (!/^\+\d{8,15}$/.test(c.phone as string) || !parsed?.isValid() || parsed.country !== c.country) invalid.push(`${c.phone} ${c.country}`);
      if (c.country === 'AU' && (c.phone as string).charAt(3) !== areaOfState[c.state as string]) invalid.push(`${c.phone} ${c.state}`);
    }
    expect(invalid).toEqual([]);
  });

  it('links to LinkedIn company pages and describes the company in one line', () => {
    for (const i of range(500)) {
      const c = referenceCompanyAt(SEED, i);
      expect(c.linkedinUrl).toMatch(/^https:\/\/www\.linkedin\.com\/company\/[a-z0-9-]+$/);
      expect(c.description).toMatch(/^[^\n]{20,200}\.$/);
    }
  });

  it('makes about 5% look-alikes: the distinctive words of the company before, another domain, city, phone and ABN', () => {
    const pairs: [ReferenceCompany, ReferenceCompany][] = [];
    for (let i = 0; i < 20_000; i++) {
      const source = lookAlikeSourceIndex(SEED, i);
      if (source !== null) pairs.push([referenceCompanyAt(SEED, source), referenceCompanyAt(SEED, i)]);
    }
    expect(pairs.length / 20_000).toBeGreaterThan(0.04);
    expect(pairs.length / 20_000).toBeLessThan(0.06);
    for (const [source, lookAlike] of pairs) {
      expect(distinctiveWords(lookAlike.name)).toBe(distinctiveWords(source.name));
      expect(lookAlike.industry).toBe(source.industry);
      expect(lookAlike.domain).not.toBe(source.domain);
      expect(lookAlike.city).not.toBe(source.city);
      expect(lookAlike.phone).not.toBe(source.phone);
      if (lookAlike.abn) expect(lookAlike.abn).not.toBe(source.abn);
    }
  });
});

describe('lookAlikeCompanyAt', () => {
  it('copies the distinctive words of a company from another seed into another city and domain', () => {
    for (const sourceIndex of range(300)) {
      const source = referenceCompanyAt(SEED, sourceIndex);
      const lookAlike = lookAlikeCompanyAt({ seed: 99, index: 10_000_000 + sourceIndex, source: { seed: SEED, index: sourceIndex } });
      expect(referenceCompanySchema.safeParse(lookAlike).success).toBe(true);
      expect(distinctiveWords(lookAlike.name)).toBe(distinctiveWords(source.name));
      expect(lookAlike.city).not.toBe(source.city);
      expect(lookAlike.domain).not.toBe(source.domain);
      expect(lookAlike.id).toBe(`c-${10_000_000 + sourceIndex}`);
    }
  });
});

describe('referencePersonAt', () => {
  const options = { companies: 5_000 };

  it('regenerates the same person for the same seed and index, and another for another seed', () => {
    for (const i of range(500)) expect(referencePersonAt(SEED, i, options)).toEqual(referencePersonAt(SEED, i, options));
    const same = range(500).filter((i) => referencePersonAt(SEED, i, options).email === referencePersonAt(SEED + 1, i, options).email);
    expect(same.length).toBeLessThan(10);
  });

  it('produces records that pass the reference person schema', () => {
    for (const i of range(3_000)) expect(referencePersonSchema.safeParse(referencePersonAt(SEED, i, options)).error).toBeUndefined();
  });

  it('equals the person returned with their company', () => {
    for (const i of range(500)) expect(referencePersonWithCompanyAt(SEED, i, options).person).toEqual(referencePersonAt(SEED, i, options));
  });

  it('spreads people over the given company range', () => {
    const shifted = { companies: 100, firstCompanyIndex: 7_000 };
    const companyIds = new Set(range(2_000).map((i) => referencePersonAt(SEED, i, shifted).companyId));
    expect(companyIds.size).toBeGreaterThan(95);
    for (const id of companyIds) expect(Number(id?.slice(2))).toBeGreaterThanOrEqual(7_000);
    for (const id of companyIds) expect(Number(id?.slice(2))).toBeLessThan(7_100);
  });

  it('gives work emails at the company domain, in one pattern per company', () => {
    const patternsByCompany = new Map<string, Set<string>>();
    for (const i of range(5_000)) {
      const { person, company } = referencePersonWithCompanyAt(SEED, i, { companies: 300 });
      if (!person.email) continue;
      const [local = '', domain] = person.email.split('@');
      expect(domain).toBe(company.domain);
      expect(local).toMatch(/^[a-z0-9.]+$/);
      const first = (person.firstName as string).toLowerCase().replace(/[^a-z]/g, '');
      const pattern = local.includes('.') ? 'first.last' : local === first ? 'first' : local.startsWith(first) ? 'firstl' : 'flast';
      patternsByCompany.set(company.id, (patternsByCompany.get(company.id) ?? new Set()).add(pattern));
    }
    const consistent = [...patternsByCompany.values()].filter((patterns) => patterns.size === 1).length;
    expect(consistent / patternsByCompany.size).toBeGreaterThan(0.9);
    expect(new Set([...patternsByCompany.values()].flatMap((p) => [...p])).size).toBe(4);
  });

  it('gives valid phone numbers: mobiles, direct lines and company lines with an extension', () => {
    const phones = range(3_000).map((i) => referencePersonAt(SEED, i, options).phone).filter((p): p is string => !!p);
    const invalid = phones.filter((p) => !parsePhoneNumberFromString(p.replace(/ ext \d+$/, ''))?.isValid());
    expect(invalid).toEqual([]);
    expect(phones.filter((p) => p.startsWith('+614')).length / phones.length).toBeGreaterThan(0.35);
    expect(phones.filter((p) => p.includes(' ext ')).length / phones.length).toBeGreaterThan(0.05);
  });

  it('places people in their company city or at a home address of their own', () => {
    let sameCity = 0;
    let home = 0;
    const postcodes = new Set<string>();
    for (const i of range(2_000)) {
      const { person, company } = referencePersonWithCompanyAt(SEED, i, options);
      if (person.city === company.city) sameCity++;
      else if (person.street && person.postcode && person.street !== company.street) {
        home++;
        postcodes.add(person.postcode);
      }
      expect(person.country).toBe(company.country);
    }
    expect(sameCity / 2_000).toBeGreaterThan(0.35);
    expect(home / 2_000).toBeGreaterThan(0.25);
    // Home postcodes are spread over the states' ranges, not a handful of city centres.
    expect(postcodes.size).toBeGreaterThan(300);
  });
});

describe('lookAlikePersonAt', () => {
  it('keeps the source name but works somewhere else', () => {
    for (const i of range(200)) {
      const source = referencePersonAt(SEED, i, { companies: 1_000 });
      const { person } = lookAlikePersonAt({
        seed: 3,
        index: 20_000_000 + i,
        source: { seed: SEED, index: i, options: { companies: 1_000 } },
        options: { companies: 1_000, firstCompanyIndex: 11_000_000 },
      });
      expect([person.firstName, person.lastName]).toEqual([source.firstName, source.lastName]);
      expect(person.companyId).not.toBe(source.companyId);
      if (person.email && source.email) expect(person.email.split('@')[1]).not.toBe(source.email.split('@')[1]);
    }
  });
});
