import { buildFebrl4Dataset, originalIdOf } from './febrl4';

const HEADER =
  'rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id';

const referenceCsv = [
  HEADER,
  'rec-1070-org, michaela, neumann, 8, stanley street, miami, winston hills, 4223, nsw, 19151111, 5304218',
  'rec-4405-org, charles, green, 38, salkauskas crescent, , dapto, 4566, , , 4365168',
  'rec-7-org, ann, lee, , , , perth, 6000, wa, 19800101, 1234567',
].join('\r\n');

const crmCsv = [
  HEADER,
  'rec-1070-dup-0, , neumann, , stanley street, miamj, winston hills, 4223, nsw, 19151111, 5304218',
  'rec-4405-dup-3, charles, green, 38, salkauskas crescent, , dapto, 4566, nws, , 4365168',
  'rec-9999-dup-0, ghost, person, 1, nowhere road, , nowhere, 9999, vic, , 7654321',
  '',
].join('\n');

describe('buildFebrl4Dataset', () => {
  const dataset = buildFebrl4Dataset({ referenceCsv, crmCsv });

  it('reads 4a as reference people and 4b as CRM people', () => {
    expect(dataset.name).toBe('febrl4');
    expect(dataset.reference.map((person) => person.id)).toEqual(['rec-1070-org', 'rec-4405-org', 'rec-7-org']);
    expect(dataset.crm.map((person) => person.id)).toEqual(['rec-1070-dup-0', 'rec-4405-dup-3', 'rec-9999-dup-0']);
  });

  it('maps names, street, suburb, postcode and state, in AU, with missing fields as null', () => {
    expect(dataset.reference[0]).toEqual({
      kind: 'person',
      id: 'rec-1070-org',
      firstName: 'michaela',
      lastName: 'neumann',
      street: '8 stanley street, miami',
      city: 'winston hills',
      state: 'nsw',
      postcode: '4223',
      country: 'AU',
    });
    expect(dataset.crm[0]).toMatchObject({ firstName: null, lastName: 'neumann', street: 'stanley street, miamj' });
    expect(dataset.crm[1]).toMatchObject({ state: 'nws' });
  });

  it.each([
    { index: 0, street: '8 stanley street, miami' },
    { index: 1, street: '38 salkauskas crescent' },
    { index: 2, street: null },
  ])('builds the street of reference record $index as $street', ({ index, street }) => {
    expect(dataset.reference[index]?.street).toBe(street);
  });

  it('links rec-N-dup-K to rec-N-org, and to nothing when the original is absent', () => {
    expect([...dataset.truth]).toEqual([
      ['rec-1070-dup-0', 'rec-1070-org'],
      ['rec-4405-dup-3', 'rec-4405-org'],
      ['rec-9999-dup-0', null],
    ]);
  });

  it('leaves out date of birth and social security id by default', () => {
    for (const person of [...dataset.reference, ...dataset.crm]) {
      expect(person).not.toHaveProperty('dateOfBirth');
      expect(person).not.toHaveProperty('socialSecurityId');
    }
  });

  it('adds date of birth and social security id when asked', () => {
    const withIds = buildFebrl4Dataset({ referenceCsv, crmCsv, withDobAndSsn: true });
    expect(withIds.name).toBe('febrl4+dob+ssn');
    expect(withIds.reference[0]).toMatchObject({ dateOfBirth: '19151111', socialSecurityId: '5304218' });
    expect(withIds.reference[1]).toMatchObject({ dateOfBirth: null, socialSecurityId: '4365168' });
  });

  it('rejects a file without the FEBRL columns', () => {
    const partial = 'rec_id, given_name\nrec-1-org, a';
    expect(() => buildFebrl4Dataset({ referenceCsv: partial, crmCsv })).toThrow(/lacks the columns/);
  });

  it('rejects a repeated record id', () => {
    const row = 'rec-1-org, a, b, 1, c, , d, 2000, nsw, , 1';
    const repeated = [HEADER, row, row].join('\n');
    expect(() => buildFebrl4Dataset({ referenceCsv: repeated, crmCsv })).toThrow(/repeats the id rec-1-org/);
  });
});

describe('originalIdOf', () => {
  it.each([
    { id: 'rec-12-dup-0', expected: 'rec-12-org' },
    { id: 'rec-12-dup-4', expected: 'rec-12-org' },
    { id: 'rec-12-org', expected: null },
    { id: 'something-else', expected: null },
  ])('reads $id as $expected', ({ id, expected }) => {
    expect(originalIdOf(id)).toBe(expected);
  });
});
