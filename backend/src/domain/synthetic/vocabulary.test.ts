import { nicknameGroups } from '../matching/normalise/nicknames';
import {
  australianCities, australianStateNames, firstNames, foreignCities, nameAbbreviations, sectors, surnames,
} from './vocabulary';

describe('vocabulary', () => {
  it('has the canonical form of every nickname group among the first names', () => {
    const names = new Set(firstNames.map((n) => n.toLowerCase()));
    expect(nicknameGroups.map((g) => g[0]).filter((canonical) => !names.has(canonical as string))).toEqual([]);
  });

  it('has about 400 distinct surnames', () => {
    expect(new Set(surnames).size).toBe(surnames.length);
    expect(surnames.length).toBeGreaterThanOrEqual(380);
  });

  it.each([
    ['Sydney', 'NSW', '2000'], ['Parramatta', 'NSW', '2150'], ['Melbourne', 'VIC', '3000'], ['Geelong', 'VIC', '3220'],
    ['Brisbane', 'QLD', '4000'], ['Perth', 'WA', '6000'], ['Adelaide', 'SA', '5000'], ['Hobart', 'TAS', '7000'],
    ['Canberra', 'ACT', '2600'], ['Darwin', 'NT', '0800'],
  ])('places %s in %s %s', (city, state, postcode) => {
    expect(australianCities.find((c) => c.city === city)).toMatchObject({ state, postcode, country: 'AU' });
  });

  it('gives every Australian city a known state, a four-digit postcode in its state range and a distinct name', () => {
    const firstDigit: Record<string, string[]> = { NSW: ['2'], ACT: ['2'], VIC: ['3'], QLD: ['4'], SA: ['5'], WA: ['6'], TAS: ['7'], NT: ['0'] };
    expect(australianCities.length).toBeGreaterThanOrEqual(50);
    expect(new Set(australianCities.map((c) => c.city)).size).toBe(australianCities.length);
    for (const c of australianCities) {
      expect(Object.keys(australianStateNames)).toContain(c.state);
      expect(c.postcode).toMatch(/^\d{4}$/);
      expect(firstDigit[c.state]).toContain(c.postcode.charAt(0));
    }
  });

  it('has US, UK and NZ cities with their own dialling prefixes', () => {
    expect(foreignCities.US.every((c) => c.dialPrefix.startsWith('+1'))).toBe(true);
    expect(foreignCities.GB.every((c) => c.dialPrefix.startsWith('+44'))).toBe(true);
    expect(foreignCities.NZ.every((c) => c.dialPrefix.startsWith('+64'))).toBe(true);
  });

  it('uses every abbreviated word somewhere a company name can contain it', () => {
    const nameWords = new Set([...sectors.flatMap((s) => s.nouns), 'Services', 'Group', 'Holdings', 'Australia', 'International', 'Associates', 'Company', 'Brothers', 'Management']);
    const unused = nameAbbreviations.map(([full]) => full).filter((w) => !nameWords.has(w) && w !== 'Corporation');
    expect(unused).toEqual([]);
  });
});
