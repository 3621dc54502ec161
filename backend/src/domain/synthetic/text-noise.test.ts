import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { createRandom } from './random';
import { formatPhoneLoosely, titleCase, withTypo } from './text-noise';

/** Damerau distance capped at 2: 0, 1 (one edit or transposition) or 2 (more). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((d[i - 1] as number[])[j]! + 1, row[j - 1]! + 1, (d[i - 1] as number[])[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, (d[i - 2] as number[])[j - 2]! + 1);
    }
  }
  return Math.min(2, (d[a.length] as number[])[b.length]!);
}

/** What a phone normaliser does: parse with the record's country, or as international when typed without "+". */
function reparse(text: string, country: CountryCode): string | undefined {
  const withoutExtension = text.replace(/\s*(?:ext\.?|extension|x|#)\s*\d{1,6}\s*$/i, '');
  const parsed = parsePhoneNumberFromString(withoutExtension, country);
  if (parsed?.isValid()) return parsed.number;
  return parsePhoneNumberFromString(`+${withoutExtension.replace(/\D/g, '')}`)?.number;
}

describe('withTypo', () => {
  it('makes exactly one edit and keeps the first letter', () => {
    const random = createRandom(1);
    for (const word of ['Harbour Plumbing', 'Melbourne', 'Katherine', 'Smith & Jones']) {
      for (let i = 0; i < 200; i++) {
        const typo = withTypo(random, word);
        expect(editDistance(word, typo)).toBeLessThanOrEqual(1);
        expect(typo.charAt(0)).toBe(word.charAt(0));
      }
    }
  });

  it('changes most words it touches and leaves short ones alone', () => {
    const random = createRandom(2);
    const changed = Array.from({ length: 500 }, () => withTypo(random, 'Parramatta')).filter((t) => t !== 'Parramatta');
    expect(changed.length).toBeGreaterThan(400);
    expect(withTypo(random, 'Bob')).toBe('Bob');
  });
});

describe('titleCase', () => {
  it('capitalises each word, including after apostrophes and hyphens', () => {
    expect(titleCase("HARBOUR PLUMBING o'brien smith-jones")).toBe("Harbour Plumbing O'Brien Smith-Jones");
  });
});

describe('formatPhoneLoosely', () => {
  it.each([
    ['+61298765432', 'AU'],
    ['+61412345678', 'AU'],
    ['+61889123456', 'AU'],
    ['+14155550134', 'US'],
    ['+442079460018', 'GB'],
    ['+441612345678', 'GB'],
    ['+447123456789', 'GB'],
    ['+6493456789', 'NZ'],
    ['+64211234567', 'NZ'],
  ] as const)('writes %s in formats that parse back to the same number', (e164, country) => {
    const random = createRandom(3);
    const formats = new Set<string>();
    for (let i = 0; i < 300; i++) formats.add(formatPhoneLoosely(random, e164));
    expect(formats.size).toBeGreaterThanOrEqual(7);
    for (const formatted of formats) expect([formatted, reparse(formatted, country)]).toEqual([formatted, e164]);
  });

  it('writes Australian numbers the way people type them', () => {
    const random = createRandom(4);
    const landline = new Set(Array.from({ length: 300 }, () => formatPhoneLoosely(random, '+61298765432')));
    const mobile = new Set(Array.from({ length: 300 }, () => formatPhoneLoosely(random, '+61412345678')));
    for (const f of ['(02) 9876 5432', '02 9876 5432', '0298765432', '+61 2 9876 5432', '+61298765432', '61 2 9876 5432']) expect(landline).toContain(f);
    for (const f of ['0412 345 678', '0412345678', '+61 412 345 678']) expect(mobile).toContain(f);
    expect([...mobile].filter((f) => f.startsWith('('))).toEqual([]);
  });

  it('keeps an extension in one of the usual spellings', () => {
    const random = createRandom(5);
    for (let i = 0; i < 100; i++) expect(formatPhoneLoosely(random, '+61298765432 ext 204')).toMatch(/\d(?: ext\.? | x ?| #| extension )204$/);
  });
});
