import { companyBlockingKeys, personBlockingKeys, streetKey } from './blocking';
import { companyFeatures, personFeatures } from './features';

const ctx = { defaultCountry: 'AU' };

describe('streetKey', () => {
  it.each([
    ['12 george st', '12|george'],
    ['lvl 3 12 george st', '12|george'],
    ['7 45 smith rd', '45|smith'],
    ['2718 w 59th st', '2718|59th'],
    ['16 newman morrisf cct brookfield', '16|newman'],
    ['george st', null],
    ['12 st', null],
    ['', null],
    [null, null],
  ])('%p → %p', (street, expected) => {
    expect(streetKey(street)).toBe(expected);
  });
});

describe('blocking keys', () => {
  it('files swapped first and last names under the same name key', () => {
    const key = (firstName: string, lastName: string) =>
      personBlockingKeys(personFeatures({ kind: 'person', id: 'x', firstName, lastName }, ctx)).find((k) => k.key.startsWith('nf:'))?.key;
    expect(key('Jassim', 'Rybak')).toBe(key('Rybak', 'Jassim'));
  });

  it('files a person under given name + suburb, suburb + house number and street address', () => {
    const f = personFeatures({ kind: 'person', id: 'x', firstName: 'Luke', lastName: 'Grubb', street: '10 Berne Crescent', city: 'Dapto', postcode: '2530' }, ctx);
    const keys = personBlockingKeys(f).map((k) => k.key);
    expect(keys).toEqual(expect.arrayContaining(['fc:luke|dapto', 'cn:dapto|10', 'sa:10|berne']));
  });

  it('files a company under its street address, and nothing address-based without a number', () => {
    const keys = (street: string) => companyBlockingKeys(companyFeatures({ kind: 'company', id: 'c', name: 'Beethoven', street }, ctx)).map((k) => k.key);
    expect(keys('25 W. 47th St.')).toContain('sa:25|47th');
    expect(keys('W. 47th St.').some((k) => k.startsWith('sa:'))).toBe(false);
  });
});
