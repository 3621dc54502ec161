import { companyFeatures, personFeatures } from '../features';
import { personTermFields, TermFrequencies } from '../term-frequencies';
import { compareCompanies, compareNames, comparePeople, comparePhones } from './compare-fields';
import { jaroWinkler } from './jaro-winkler';

const ctx = { defaultCountry: 'AU' };

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['abc', 'abc', 1],
    ['abc', 'xyz', 0],
    ['', '', 0],
    ['a', '', 0],
  ])('%p ~ %p ≈ %p', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it('is symmetric and bounded on long and unicode strings', () => {
    const long = 'x'.repeat(1000) + 'y';
    const other = 'x'.repeat(999) + 'zy';
    expect(jaroWinkler(long, other)).toBeCloseTo(jaroWinkler(other, long), 10);
    expect(jaroWinkler(long, other)).toBeLessThanOrEqual(1);
    expect(jaroWinkler('🚀a', '🚀b')).toBeGreaterThan(0);
  });
});

describe('compareNames', () => {
  it.each([
    ['smith jones plumbing', 'smith jones plumbing', 'exact'],
    ['jones smith plumbing', 'smith jones plumbing', 'strong'],
    ['smith jones plumbng', 'smith jones plumbing', 'strong'],
    ['harbour plumbing', 'harbour plumbing services', 'fuzzy'],
    ['acme', 'zenith logistics', 'disagree'],
    ['hughes l', 'hughes c', 'disagree'],
    ['chicago public schools mccutcheon main john t', 'chicago public schools stockton joseph', 'disagree'],
    [null, 'acme', 'missing'],
  ] as const)('%p vs %p → %p', (a, b, level) => {
    expect(compareNames(a, b)).toBe(level);
  });
});

describe('compareCompanies', () => {
  const reference = companyFeatures(
    {
      kind: 'company',
      id: 'c1',
      name: 'Harbour Plumbing Pty Ltd',
      domain: 'harbourplumbing.com.au',
      phone: '+61298765432',
      abn: '51824753556',
      street: '12 George Street',
      city: 'Sydney',
      state: 'NSW',
      postcode: '2000',
      country: 'AU',
    },
    ctx,
  );

  it('levels every field of a noisy copy', () => {
    const crm = companyFeatures(
      {
        kind: 'company',
        id: 'x',
        name: 'HARBOUR PLUMBING P/L',
        website: 'https://www.harbourplumbing.com.au/contact',
        phone: '(02) 9876 5432',
        street: '12 George St',
        city: 'sydney',
        state: 'New South Wales',
        postcode: '2001',
      },
      ctx,
    );
    const levels = Object.fromEntries(compareCompanies(crm, reference).map((c) => [c.field, c.level]));
    expect(levels).toEqual({
      name: 'exact',
      domain: 'exact',
      phone: 'exact',
      abn: 'missing',
      linkedin: 'missing',
      street: 'exact',
      city: 'exact',
      state: 'exact',
      postcode: 'fuzzy',
      country: 'missing',
    });
  });

  it('sees a look-alike in another city as disagreeing on everything but the name', () => {
    const lookAlike = companyFeatures(
      { kind: 'company', id: 'y', name: 'Harbour Plumbing Services', domain: 'harbourplumbingwa.com.au', phone: '(08) 9123 4567', city: 'Perth', state: 'WA', postcode: '6000' },
      ctx,
    );
    const levels = Object.fromEntries(compareCompanies(lookAlike, reference).map((c) => [c.field, c.level]));
    expect(levels).toMatchObject({ name: 'fuzzy', domain: 'disagree', phone: 'disagree', city: 'disagree', state: 'disagree', postcode: 'disagree' });
  });

  it('carries both values into the comparison for explanations', () => {
    const crm = companyFeatures({ kind: 'company', id: 'x', name: 'Harbour Plumbing', domain: 'other.com' }, ctx);
    const domain = compareCompanies(crm, reference).find((c) => c.field === 'domain');
    expect(domain).toEqual({ field: 'domain', level: 'disagree', crmValue: 'other.com', referenceValue: 'harbourplumbing.com.au' });
  });
});

describe('comparePeople', () => {
  const reference = personFeatures(
    { kind: 'person', id: 'p1', firstName: 'Robert', lastName: 'Van Der Berg', email: 'robert.vanderberg@acme.com.au', phone: '+61412345678', city: 'Sydney', postcode: '2000' },
    ctx,
    { domain: 'acme.com.au', name: 'acme' },
  );

  it.each([
    [{ firstName: 'Robert', lastName: 'Van Der Berg' }, 'exact', 'exact'],
    [{ firstName: 'Bob', lastName: 'Vanderberg' }, 'strong', 'strong'],
    [{ firstName: 'R.', lastName: 'Van der Bergh' }, 'fuzzy', 'strong'],
    [{ firstName: 'Roberta', lastName: 'Smith' }, 'fuzzy', 'disagree'],
    [{ lastName: 'Van Der Berg' }, 'missing', 'exact'],
  ])('names %p → first %p, last %p', (names, first, last) => {
    const crm = personFeatures({ kind: 'person', id: 'x', ...names }, ctx);
    const levels = Object.fromEntries(comparePeople(crm, reference).map((c) => [c.field, c.level]));
    expect(levels.firstName).toBe(first);
    expect(levels.lastName).toBe(last);
  });

  it('does not count a personal mailbox against a work one', () => {
    const crm = personFeatures({ kind: 'person', id: 'x', email: 'bobby.v@gmail.com' }, ctx);
    expect(comparePeople(crm, reference).find((c) => c.field === 'email')?.level).toBe('missing');
  });

  it('agrees on the employer through the company domain', () => {
    const crm = personFeatures({ kind: 'person', id: 'x', companyDomain: 'www.acme.com.au', companyName: 'ACME Pty Ltd' }, ctx);
    const levels = Object.fromEntries(comparePeople(crm, reference).map((c) => [c.field, c.level]));
    expect(levels.companyDomain).toBe('exact');
    expect(levels.companyName).toBe('exact');
  });
});

describe('swapped names', () => {
  it('recognises first and last name typed into each other\'s fields', () => {
    const reference = personFeatures({ kind: 'person', id: 'p', firstName: 'Wei', lastName: 'Zhang' }, ctx);
    const crm = personFeatures({ kind: 'person', id: 'x', firstName: 'Zhang', lastName: 'Wei' }, ctx);
    const levels = Object.fromEntries(comparePeople(crm, reference).map((c) => [c.field, c.level]));
    expect([levels.firstName, levels.lastName]).toEqual(['strong', 'strong']);
  });
});

describe('street comparison', () => {
  const street = (a: string, b: string) => {
    const f = (s: string) => companyFeatures({ kind: 'company', id: 'x', street: s }, ctx);
    return compareCompanies(f(a), f(b)).find((c) => c.field === 'street')?.level;
  };

  it.each([
    ['12 Smith Street', '12 Smith St', 'exact'],
    ['12 smith st, kinross', '12 smith st', 'strong'],
    ['Level 3, 12 George Street', '12 George St', 'strong'],
    ['4846 N Sheridan', '4420 N Beacon St', 'disagree'],
    ['12 Smith Street', '14 Smith Street', 'fuzzy'],
    ['7/45 Smith Road', '45 Smith Rd', 'strong'],
    ['12 Smith Street', '12 Smtih Street', 'strong'],
  ])('%p vs %p → %p', (a, b, level) => {
    expect(street(a, b)).toBe(level);
  });
});

describe('names typed with stray spaces, typos and swaps', () => {
  const levels = (crm: { firstName?: string; lastName?: string }, ref: { firstName?: string; lastName?: string }) => {
    const c = comparePeople(personFeatures({ kind: 'person', id: 'x', ...crm }, ctx), personFeatures({ kind: 'person', id: 'p', ...ref }, ctx));
    return [c.find((x) => x.field === 'firstName')?.level, c.find((x) => x.field === 'lastName')?.level];
  };

  it.each([
    [{ firstName: 'sachi n', lastName: 'ryan' }, { firstName: 'sachin', lastName: 'ryan' }, ['strong', 'exact']],
    [{ firstName: 'isabella', lastName: 'mon talvo' }, { firstName: 'isabella', lastName: 'montalvo' }, ['exact', 'strong']],
    [{ firstName: 'rybak', lastName: 'jassim' }, { firstName: 'jassim', lastName: 'rybak' }, ['strong', 'strong']],
    [{ firstName: 'rybak', lastName: 'jasim' }, { firstName: 'jassim', lastName: 'rybak' }, ['strong', 'strong']],
    [{ firstName: 'Roberta', lastName: 'Smith' }, { firstName: 'Robert', lastName: 'Smith' }, ['fuzzy', 'exact']],
    [{ firstName: 'lachln', lastName: 'smith' }, { firstName: 'lachlan', lastName: 'smith' }, ['strong', 'exact']],
    [{ firstName: 'ann', lastName: 'lee' }, { firstName: 'zoe', lastName: 'kim' }, ['disagree', 'disagree']],
    [{ firstName: '🚀', lastName: '' }, { firstName: 'ann', lastName: 'lee' }, ['missing', 'missing']],
    [{ firstName: 'x'.repeat(10_000), lastName: 'lee' }, { firstName: 'x'.repeat(300), lastName: 'lee' }, ['exact', 'exact']],
  ])('%p vs %p → %p', (crm, ref, expected) => {
    expect(levels(crm, ref)).toEqual(expected);
  });
});

describe('company names inside longer ones', () => {
  it.each([
    ['beethoven', 'chicago public schools beethoven ludwig v', 'fuzzy'],
    ['chicago public schools beethoven ludwig v', 'beethoven', 'fuzzy'],
    // Only short words in common: not enough.
    ['v j', 'v j day care center', 'disagree'],
    ['the kids', 'kids', 'fuzzy'],
    ['acme', 'zenith plumbing', 'disagree'],
  ])('%p vs %p → %p', (a, b, level) => {
    expect(compareNames(a, b)).toBe(level);
  });
});

describe('comparePhones', () => {
  it.each([
    ['+61298765432', '+61298765432', 'exact'],
    ['+61298765432', '+64298765432', 'strong'],
    ['98765432', '+61298765432', 'strong'],
    ['+17737295325', '7295325', 'strong'],
    ['7295325', '7295325', 'exact'],
    ['7295326', '+17737295325', 'disagree'],
    ['7295325', '97295325', 'disagree'],
    [null, '+61298765432', 'missing'],
    ['', '', 'missing'],
  ])('%p vs %p → %p', (a, b, level) => {
    expect(comparePhones(a, b)).toBe(level);
  });
});

describe('term shares on exact agreements', () => {
  const terms = new TermFrequencies(personTermFields);
  for (const last of ['smith', 'smith', 'smith', 'neumann']) terms.add('lastName', last);

  it('records the reference share of an agreed surname, and nothing for other levels or fields', () => {
    const ref = personFeatures({ kind: 'person', id: 'p', firstName: 'Ann', lastName: 'Smith', email: 'ann@acme.com' }, ctx);
    const same = comparePeople(personFeatures({ kind: 'person', id: 'x', firstName: 'Ann', lastName: 'Smith', email: 'ann@acme.com' }, ctx), ref, terms);
    expect(same.find((c) => c.field === 'lastName')?.termShare).toBe(0.75);
    expect(same.find((c) => c.field === 'firstName')?.termShare).toBeUndefined();
    expect(same.find((c) => c.field === 'email')?.termShare).toBeUndefined();
    const typo = comparePeople(personFeatures({ kind: 'person', id: 'x', lastName: 'Smiht' }, ctx), ref, terms);
    expect(typo.find((c) => c.field === 'lastName')?.termShare).toBeUndefined();
  });
});
