import { crmCompanySchema, crmPersonSchema, type CrmCompany, type CrmPerson } from '@accord/shared';
import { nicknameGroups } from '../matching/normalise/nicknames';
import { noisyCrmCompany, noisyCrmPerson } from './crm-noise';
import { createRandom } from './random';
import { referenceCompanyAt, referencePersonWithCompanyAt } from './reference-generator';
import { freeMailDomains } from './vocabulary';

const SEED = 404;
const SAMPLE = 4_000;
const range = (count: number) => Array.from({ length: count }, (_, i) => i);
const share = <T>(items: readonly T[], predicate: (item: T) => boolean) => items.filter(predicate).length / items.length;

function companies(noise: number): { ref: ReturnType<typeof referenceCompanyAt>; crm: CrmCompany }[] {
  const random = createRandom(noise * 1_000 + 1);
  return range(SAMPLE).map((i) => {
    const ref = referenceCompanyAt(SEED, i);
    return { ref, crm: noisyCrmCompany(random, ref, { id: `crm-c-${i}`, noise }) };
  });
}

function people(noise: number): { ref: ReturnType<typeof referencePersonWithCompanyAt>; crm: CrmPerson }[] {
  const random = createRandom(noise * 1_000 + 2);
  return range(SAMPLE).map((i) => {
    const ref = referencePersonWithCompanyAt(SEED, i, { companies: 2_000 });
    return { ref, crm: noisyCrmPerson(random, ref.person, ref.company, { id: `crm-p-${i}`, noise }) };
  });
}

const typical = { companies: companies(1), people: people(1) };

describe('noisyCrmCompany', () => {
  it('copies the reference record faithfully at noise 0', () => {
    for (const { ref, crm } of companies(0).slice(0, 500)) {
      expect(crm).toEqual({
        kind: 'company', id: crm.id, name: ref.name, domain: ref.domain, phone: ref.phone, street: ref.street, city: ref.city,
        state: ref.state, postcode: ref.postcode, country: ref.country, abn: ref.abn, industry: ref.industry,
        employeeCount: ref.employeeCount, linkedinUrl: ref.linkedinUrl, description: ref.description,
      });
    }
  });

  it('produces records that pass the CRM company schema at every noise level', () => {
    for (const noise of [0.5, 1, 2]) {
      for (const { crm } of companies(noise)) expect(crmCompanySchema.safeParse(crm).error).toBeUndefined();
    }
  });

  it('always keeps a name', () => {
    for (const { crm } of companies(3)) expect(crm.name?.trim()).toBeTruthy();
  });

  it('files a few companies under another organisation: as its parent body or instead of its own name', () => {
    const other = 'Harbourside Community Services Ltd';
    const random = createRandom(7);
    const rows = range(SAMPLE).map((i) => noisyCrmCompany(random, referenceCompanyAt(SEED, i), { otherOrganisation: other }).name ?? '');
    const asParent = share(rows, (name) => name.startsWith('Harbourside Community Services') && name !== other);
    const instead = share(rows, (name) => name === other);
    expect(asParent).toBeGreaterThan(0.01);
    expect(instead).toBeGreaterThan(0.01);
    expect(asParent + instead).toBeLessThan(0.12);
    expect(share(typical.companies, (r) => r.crm.name!.startsWith('Harbourside'))).toBe(0);
  });

  it('gives some companies another line of the organisation: the same number but its last digits, or another number', () => {
    const digits = (phone: string | null | undefined) => (phone ?? '').replace(/\D/g, '');
    const rows = typical.companies.filter((r) => r.crm.phone && r.ref.phone);
    const otherLine = share(rows, (r) => digits(r.crm.phone).slice(-8, -2) === digits(r.ref.phone).slice(-8, -2) && digits(r.crm.phone).slice(-2) !== digits(r.ref.phone).slice(-2));
    const otherNumber = share(rows, (r) => digits(r.crm.phone).slice(-7, -2) !== digits(r.ref.phone).slice(-7, -2) && !/ext|x|#/.test(r.crm.phone!));
    expect(otherLine).toBeGreaterThan(0.02);
    expect(otherNumber).toBeGreaterThan(0.01);
    expect(otherLine + otherNumber).toBeLessThan(0.2);
  });

  it('uses the given id', () => {
    expect(typical.companies.map((c) => c.crm.id).slice(0, 3)).toEqual(['crm-c-0', 'crm-c-1', 'crm-c-2']);
  });

  it('changes names in CRM ways: suffixes, "and", abbreviations, case', () => {
    const rows = typical.companies;
    expect(share(rows, (r) => r.crm.name !== r.ref.name)).toBeGreaterThan(0.3);
    expect(share(rows, (r) => r.crm.name !== r.ref.name)).toBeLessThan(0.9);
    expect(share(rows, (r) => / (P\/L|Pty\. Ltd\.|PTY LTD)$/.test(r.crm.name ?? ''))).toBeGreaterThan(0.02);
    expect(rows.some((r) => r.ref.name.includes(' & ') && (r.crm.name ?? '').includes(' and '))).toBe(true);
    expect(rows.some((r) => / (Svcs|Intl|Tech|Mfg|Hldgs|Assoc|Eng|Mgmt|Aust|Bros)\.? ?/.test(r.crm.name ?? ''))).toBe(true);
    expect(share(rows, (r) => r.crm.name === r.crm.name?.toUpperCase())).toBeGreaterThan(0.03);
  });

  it('holds websites with www, a scheme or a path for a good share of companies', () => {
    const rows = typical.companies;
    const withWebsite = share(rows, (r) => /^(https?:\/\/|www\.)/i.test(r.crm.website ?? ''));
    expect(withWebsite).toBeGreaterThan(0.25);
    expect(withWebsite).toBeLessThan(0.7);
    expect(share(rows, (r) => !!r.crm.domain)).toBeGreaterThan(0.3);
    expect(share(rows, (r) => !r.crm.domain && !r.crm.website)).toBeGreaterThan(0.03);
  });

  it('formats phones loosely and leaves some fields empty', () => {
    const rows = typical.companies;
    expect(share(rows, (r) => !!r.crm.phone && !/^\+\d+$/.test(r.crm.phone))).toBeGreaterThan(0.4);
    expect(share(rows, (r) => !r.crm.phone)).toBeGreaterThan(0.1);
    expect(share(rows, (r) => !r.crm.phone)).toBeLessThan(0.35);
    expect(share(rows, (r) => !r.crm.postcode)).toBeGreaterThan(0.15);
    expect(share(rows, (r) => !r.crm.abn)).toBeGreaterThan(0.5);
    expect(rows.some((r) => r.crm.phone === null || r.crm.phone === '')).toBe(true);
  });

  it('writes state names and abbreviated street types', () => {
    const rows = typical.companies.filter((r) => r.ref.country === 'AU');
    expect(share(rows, (r) => r.crm.state === 'New South Wales' || r.crm.state === 'Victoria' || r.crm.state === 'Queensland')).toBeGreaterThan(0.05);
    expect(share(rows, (r) => / (St|Rd|Ave|Dr|Pde|Cres)\.?$/.test(r.crm.street ?? ''))).toBeGreaterThan(0.1);
  });
});

describe('noisyCrmPerson', () => {
  it('copies the reference person faithfully at noise 0, with the company name and domain', () => {
    for (const { ref, crm } of people(0).slice(0, 500)) {
      const { person, company } = ref;
      expect(crm).toEqual({
        kind: 'person', id: crm.id, firstName: person.firstName, lastName: person.lastName, email: person.email,
        phone: person.phone, jobTitle: person.jobTitle, companyName: company.name, companyDomain: company.domain,
        linkedinUrl: person.linkedinUrl, street: person.street, city: person.city, state: person.state,
        postcode: person.postcode, country: person.country,
      });
    }
  });

  it('produces records that pass the CRM person schema at every noise level', () => {
    for (const noise of [0.5, 1, 2]) {
      for (const { crm } of people(noise)) expect(crmPersonSchema.safeParse(crm).error).toBeUndefined();
    }
  });

  it('never leaves a person without a name', () => {
    for (const { crm } of people(3)) expect(crm.firstName || crm.lastName).toBeTruthy();
  });

  it('uses personal free-mail addresses for some people and drops some emails', () => {
    const rows = typical.people;
    const freeMail = share(rows, (r) => freeMailDomains.includes((r.crm.email ?? '').split('@')[1] ?? ''));
    expect(freeMail).toBeGreaterThan(0.05);
    expect(freeMail).toBeLessThan(0.25);
    expect(share(rows, (r) => !r.crm.email)).toBeGreaterThan(0.05);
    expect(rows.some((r) => !!r.crm.email && r.crm.email !== r.crm.email.toLowerCase())).toBe(true);
  });

  it('writes nicknames for some first names', () => {
    const groupOf = new Map(nicknameGroups.flatMap((g) => g.map((n) => [n, g] as const)));
    const nicknamed = typical.people.filter(({ ref, crm }) => {
      const original = ref.person.firstName?.toLowerCase() ?? '';
      const written = crm.firstName?.toLowerCase() ?? '';
      return written !== original && !!groupOf.get(original)?.includes(written);
    });
    expect(nicknamed.length / typical.people.length).toBeGreaterThan(0.03);
  });

  it('adds the company name and domain for many people and abbreviates some job titles', () => {
    const rows = typical.people;
    expect(share(rows, (r) => !!r.crm.companyName)).toBeGreaterThan(0.6);
    expect(share(rows, (r) => !!r.crm.companyDomain)).toBeGreaterThan(0.25);
    expect(rows.some((r) => /\b(CEO|CFO|MD|GM|BDM|HR|Mgr|Sr)\b/.test(r.crm.jobTitle ?? ''))).toBe(true);
    expect(share(rows, (r) => !r.crm.jobTitle)).toBeGreaterThan(0.15);
  });

  it('swaps first and last name occasionally', () => {
    const swapped = typical.people.filter(({ ref, crm }) => crm.firstName === ref.person.lastName && crm.lastName === ref.person.firstName);
    expect(swapped.length).toBeGreaterThan(10);
  });
});
