import { crmRecordSchema, type CrmCompany } from '@accord/shared';
import { generateCrmDataset, NO_MATCH_INDEX_OFFSET, type CrmDatasetOptions } from './crm-dataset';
import { referenceCompanyAt, referencePersonAt } from './reference-generator';
import { genericWords, legalSuffixes, referenceLegalSuffixes } from './vocabulary';

const OPTIONS: CrmDatasetOptions = { seed: 31, referenceSeed: 17, companies: 3_000, people: 6_000, crmCompanies: 1_500, crmPeople: 1_500 };
const collect = (options: CrmDatasetOptions) => [...generateCrmDataset(options)];
const dataset = collect(OPTIONS);

const SUFFIXES = [...new Set([...legalSuffixes, ...Object.values(referenceLegalSuffixes).flat()])].sort((a, b) => b.length - a.length);

function distinctiveWords(name: string): string {
  let s = name;
  for (const suffix of SUFFIXES) if (s.endsWith(` ${suffix}`)) s = s.slice(0, -suffix.length - 1);
  let words = s.split(' ');
  while (words.length > 1 && genericWords.includes(words[words.length - 1] as string)) words = words.slice(0, -1);
  return words.join(' ');
}

function bareDomain(record: CrmCompany): string | undefined {
  const raw = record.domain ?? record.website;
  return raw?.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/[/?].*$/, '');
}

describe('generateCrmDataset', () => {
  it('yields the requested companies then people with CRM ids', () => {
    const companies = dataset.filter((d) => d.record.kind === 'company');
    const people = dataset.filter((d) => d.record.kind === 'person');
    expect([companies.length, people.length]).toEqual([1_500, 1_500]);
    expect(dataset.map((d) => d.record.id).slice(0, 2)).toEqual(['crm-c-0', 'crm-c-1']);
    expect(people.map((d) => d.record.id).slice(0, 2)).toEqual(['crm-p-0', 'crm-p-1']);
    expect(new Set(dataset.map((d) => d.record.id)).size).toBe(3_000);
  });

  it('is deterministic for a seed and changes with it', () => {
    expect(collect(OPTIONS)).toEqual(dataset);
    const other = collect({ ...OPTIONS, seed: 32 });
    expect(other.map((d) => d.truth)).not.toEqual(dataset.map((d) => d.truth));
  });

  it('passes the CRM record schema for every record', () => {
    for (const { record } of dataset) expect(crmRecordSchema.safeParse(record).error).toBeUndefined();
  });

  it('points every truth at an existing reference record of the same kind, each drawn once', () => {
    const truths = dataset.filter((d) => d.truth !== null);
    for (const { record, truth } of truths) {
      const [prefix, index] = (truth as string).split('-');
      expect(prefix).toBe(record.kind === 'company' ? 'c' : 'p');
      expect(Number(index)).toBeLessThan(record.kind === 'company' ? OPTIONS.companies : OPTIONS.people);
    }
    expect(new Set(truths.map((d) => d.truth)).size).toBe(truths.length);
  });

  it('copies the reference record the truth names (checked without noise)', () => {
    for (const { record, truth } of collect({ ...OPTIONS, noise: 0, crmCompanies: 300, crmPeople: 300 })) {
      if (truth === null) continue;
      const index = Number(truth.split('-')[1]);
      const ref = record.kind === 'company' ? referenceCompanyAt(17, index) : referencePersonAt(17, index, { companies: OPTIONS.companies });
      if (record.kind === 'company' && ref.kind === 'company') expect([record.name, record.domain]).toEqual([ref.name, ref.domain]);
      if (record.kind === 'person' && ref.kind === 'person') expect([record.lastName, record.email]).toEqual([ref.lastName, ref.email]);
    }
  });

  it('has about 15% records without a match, and none of their companies share a reference domain', () => {
    const noMatch = dataset.filter((d) => d.truth === null);
    expect(noMatch.length / dataset.length).toBeGreaterThan(0.12);
    expect(noMatch.length / dataset.length).toBeLessThan(0.18);
    const referenceDomains = new Set(Array.from({ length: OPTIONS.companies }, (_, i) => referenceCompanyAt(17, i).domain));
    const clashes = noMatch.map((d) => d.record).filter((r): r is CrmCompany => r.kind === 'company').filter((r) => referenceDomains.has(bareDomain(r)));
    expect(clashes).toEqual([]);
  });

  it('makes about half the unmatched companies look-alikes of a reference company in another city', () => {
    const clean = collect({ ...OPTIONS, noise: 0, crmPeople: 0, crmCompanies: 3_000 });
    const referenceByWords = new Map<string, string[]>();
    for (let i = 0; i < OPTIONS.companies; i++) {
      const c = referenceCompanyAt(17, i);
      const key = distinctiveWords(c.name);
      referenceByWords.set(key, [...(referenceByWords.get(key) ?? []), c.city as string]);
    }
    const unmatched = clean.filter((d) => d.truth === null).map((d) => d.record as CrmCompany);
    const lookAlikes = unmatched.filter((r) => referenceByWords.has(distinctiveWords(r.name as string)));
    expect(lookAlikes.length / unmatched.length).toBeGreaterThan(0.35);
    expect(lookAlikes.length / unmatched.length).toBeLessThan(0.7);
    const sameCity = lookAlikes.filter((r) => referenceByWords.get(distinctiveWords(r.name as string))?.includes(r.city as string));
    expect(sameCity.length / lookAlikes.length).toBeLessThan(0.1);
  });

  it("puts some unmatched companies at a reference company's street address, under their own name", () => {
    const clean = collect({ ...OPTIONS, noise: 0, crmPeople: 0, crmCompanies: 3_000 });
    const referenceByStreet = new Map<string, string>();
    for (let i = 0; i < OPTIONS.companies; i++) {
      const c = referenceCompanyAt(17, i);
      referenceByStreet.set(`${c.street}|${c.city}`, c.name);
    }
    const unmatched = clean.filter((d) => d.truth === null).map((d) => d.record as CrmCompany);
    const neighbours = unmatched.filter((r) => referenceByStreet.has(`${r.street}|${r.city}`));
    expect(neighbours.length / unmatched.length).toBeGreaterThan(0.08);
    expect(neighbours.length / unmatched.length).toBeLessThan(0.25);
    for (const r of neighbours) expect(r.name).not.toBe(referenceByStreet.get(`${r.street}|${r.city}`));
    const none = collect({ ...OPTIONS, noise: 0, crmPeople: 0, crmCompanies: 1_000, neighbourShare: 0 });
    expect(none.filter((d) => d.truth === null && referenceByStreet.has(`${(d.record as CrmCompany).street}|${(d.record as CrmCompany).city}`))).toEqual([]);
  });

  it('respects noMatchShare and lookAlikeShare', () => {
    const allMatched = collect({ ...OPTIONS, noMatchShare: 0, crmCompanies: 500, crmPeople: 500 });
    expect(allMatched.every((d) => d.truth !== null)).toBe(true);
    const noneMatched = collect({ ...OPTIONS, noMatchShare: 1, lookAlikeShare: 0, crmCompanies: 200, crmPeople: 200 });
    expect(noneMatched.every((d) => d.truth === null)).toBe(true);
  });

  it('keeps unmatched people at companies outside the reference index range', () => {
    const unmatched = collect({ ...OPTIONS, noMatchShare: 1, noise: 0, crmCompanies: 0, crmPeople: 300 });
    const referenceDomains = new Set(Array.from({ length: OPTIONS.companies }, (_, i) => referenceCompanyAt(17, i).domain));
    for (const { record } of unmatched) {
      if (record.kind !== 'person' || !record.companyDomain) continue;
      expect(referenceDomains.has(record.companyDomain)).toBe(false);
    }
    expect(NO_MATCH_INDEX_OFFSET).toBeGreaterThan(OPTIONS.companies);
  });

  it('refuses CRM records without a reference set to copy', () => {
    expect(() => collect({ ...OPTIONS, companies: 0 })).toThrow('reference company');
  });
});
