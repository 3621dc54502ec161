import { isValidAbn, normaliseAbn } from './abn';
import { normaliseCity, normalisePostcode, normaliseState, normaliseStreet, streetNumber } from './address';
import { normaliseCompanyName } from './company-name';
import { isFreeMailDomain, normaliseDomain } from './domain';
import { normaliseEmail } from './email';
import { normaliseLinkedinUrl } from './linkedin';
import { canonicalGivenName, normalisePersonName } from './person-name';
import { normalisePhone, phoneForMatching, toCountryCode } from './phone';
import { soundex } from './soundex';
import { digitsOnly, foldText } from './text';

const huge = 'A'.repeat(10_000);
const emoji = '🚀🔥💼';

describe('foldText', () => {
  it.each([
    ['Café  Déjà-Vu!', 'cafe deja vu'],
    ['  ', ''],
    ['', ''],
    [emoji, ''],
    [`Acme ${emoji} Pty`, 'acme pty'],
    ['ÅNGSTRÖM', 'angstrom'],
    ['smith jones', 'smith jones'],
    ['Smith Jones', 'smith jones'],
    ['Level 3, 12 George Street', 'level 3 12 george street'],
    [' Pty.  Ltd. ', 'pty ltd'],
    ['a  b', 'a b'],
    ['trailing ', 'trailing'],
    ['O\'Neil\tX_Y', 'o neil x y'],
  ])('%p → %p', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('agrees with the regular-expression folding on ASCII and non-ASCII inputs alike', () => {
    const slow = (s: string) => {
      let t = s.toLowerCase();
      // eslint-disable-next-line no-control-regex
      if (/[^\x00-\x7f]/.test(t)) t = t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      return t.replace(/[^a-z0-9]+/g, ' ').trim();
    };
    const alphabet = ['a', 'Z', '7', ' ', ' ', '.', '-', "'", '\t', 'é', 'İ', 'ß', '\u00a0'];
    let seed = 1;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % alphabet.length;
    for (let n = 0; n < 5_000; n++) {
      let input = '';
      for (let i = n % 9; i > 0; i--) input += alphabet[next()];
      expect(foldText(input)).toBe(slow(input));
    }
  });

  it('bounds the work on a 10,000-character input', () => {
    expect(foldText(huge).length).toBe(300);
    expect(digitsOnly('1'.repeat(10_000)).length).toBe(300);
  });
});

describe('normaliseDomain', () => {
  it.each([
    ['acme.com.au', 'acme.com.au'],
    ['https://www.Acme.com.au/about?x=1#top', 'acme.com.au'],
    ['http://shop.acme.com.au', 'acme.com.au'],
    ['WWW.ACME.CO.UK/', 'acme.co.uk'],
    ['info@acme.com', 'acme.com'],
    ['acme.com:8080/path', 'acme.com'],
    ['acme.com.', 'acme.com'],
    ['http://192.168.0.1/', null],
    ['localhost', null],
    ['not a domain', null],
    ['http://', null],
    ['https://www.', null],
    ['.com', null],
    ['', null],
    [emoji, null],
    [huge, null],
    [null, null],
  ])('%p → %p', (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected);
  });

  it('knows free-mail providers', () => {
    expect(isFreeMailDomain('gmail.com')).toBe(true);
    expect(isFreeMailDomain('bigpond.com')).toBe(true);
    expect(isFreeMailDomain('acme.com.au')).toBe(false);
  });
});

describe('normaliseEmail', () => {
  it.each([
    ['Jane.Doe@Acme.com.au', { address: 'jane.doe@acme.com.au', local: 'jane.doe', domain: 'acme.com.au', isFreeMail: false }],
    ['jane.doe+crm@mail.acme.com', { address: 'jane.doe@mail.acme.com', local: 'jane.doe', domain: 'acme.com', isFreeMail: false }],
    ['J.A.N.E+x@gmail.com', { address: 'jane@gmail.com', local: 'jane', domain: 'gmail.com', isFreeMail: true }],
    ['mailto:bob@bigpond.com', { address: 'bob@bigpond.com', local: 'bob', domain: 'bigpond.com', isFreeMail: true }],
  ])('%p', (input, expected) => {
    expect(normaliseEmail(input)).toEqual(expected);
  });

  it.each([['no-at-sign'], ['two@@acme.com'], ['a@b@c.com'], ['@acme.com'], ['jane@'], ['jane@localhost'], ['.jane@acme.com'], ['ja..ne@acme.com'], ['jane doe@acme.com'], [`${emoji}@acme.com`], [`${huge}@acme.com`], [''], [null]])(
    'rejects %p',
    (input) => {
      expect(normaliseEmail(input)).toBeNull();
    },
  );
});

describe('normalisePhone', () => {
  it.each([
    ['(02) 9876 5432', 'AU', '+61298765432'],
    ['02 9876 5432', 'AU', '+61298765432'],
    ['+61 2 9876 5432', 'AU', '+61298765432'],
    ['61 2 9876 5432', 'AU', '+61298765432'],
    ['0061 2 9876 5432', 'US', '+61298765432'],
    ['0412 345 678', 'AU', '+61412345678'],
    ['+61298765432', null, '+61298765432'],
    ['(012) 345-6789', 'US', null],
    ['(312) 745-0199', 'US', '+13127450199'],
    ['312.745.0199 ext. 12', 'US', '+13127450199'],
    ['+44 20 7946 0958', 'AU', '+442079460958'],
    ['12', 'AU', null],
    ['call me', 'AU', null],
    ['', 'AU', null],
    [emoji, 'AU', null],
    [huge, 'AU', null],
  ])('%p in %p → %p', (input, country, expected) => {
    expect(normalisePhone(input, country)).toBe(expected);
  });

  it('maps country names and codes', () => {
    expect(toCountryCode('Australia')).toBe('AU');
    expect(toCountryCode('uk')).toBe('GB');
    expect(toCountryCode('Narnia')).toBeUndefined();
  });
});

describe('ABN', () => {
  it.each([
    ['51 824 753 556', '51824753556'],
    ['ABN 51824753556', '51824753556'],
    ['53 004 085 616', '53004085616'],
  ])('accepts %p', (input, expected) => {
    expect(normaliseAbn(input)).toBe(expected);
  });

  it.each([['51 824 753 557'], ['5182475355'], ['518247535560'], ['00000000000'], ['abcdefghijk'], [''], [emoji], [huge], [null]])('rejects %p', (input) => {
    expect(normaliseAbn(input)).toBeNull();
  });

  it('validates the checksum directly', () => {
    expect(isValidAbn('51824753556')).toBe(true);
    expect(isValidAbn('51824753565')).toBe(false);
  });
});

describe('normaliseCompanyName', () => {
  it.each([
    ['Smith & Jones Plumbing Pty. Ltd.', 'smith jones plumbing'],
    ['SMITH AND JONES PLUMBING P/L', 'smith jones plumbing'],
    ['The Smith and Jones Plumbing Proprietary Limited', 'smith jones plumbing'],
    ['Acme Intl Svcs Inc.', 'acme international services'],
    ['Acme International Services, Inc', 'acme international services'],
    ['Brown Bros Mfg Co', 'brown brothers manufacturing'],
    ['Acme Technology LLC', 'acme technologies'],
    ['Ltd', 'ltd'],
    ['Pty Ltd', 'pty'],
    ['Café Crème Pty Ltd', 'cafe creme'],
  ])('%p → %p', (input, full) => {
    expect(normaliseCompanyName(input)?.full).toBe(full);
  });

  it.each([[''], ['   '], ['&&&'], [emoji], [null]])('has nothing to say about %p', (input) => {
    expect(normaliseCompanyName(input)).toBeNull();
  });

  it('handles a 10,000-character name quickly and boundedly', () => {
    const result = normaliseCompanyName(huge);
    expect(result?.full.length).toBeLessThanOrEqual(300);
  });

  it('drops and/the/of from tokens', () => {
    expect(normaliseCompanyName('The Bank of Smith and Sons')?.tokens).toEqual(['bank', 'smith', 'sons']);
  });
});

describe('person names', () => {
  it.each([
    ["Dr. Mary-Jane O'Neil", 'mary jane o neil'],
    ['  ROBERT  ', 'robert'],
    ['José', 'jose'],
    [emoji, ''],
    ['', ''],
  ])('%p → %p', (input, expected) => {
    expect(normalisePersonName(input)).toBe(expected);
  });

  it.each([
    ['bob', 'robert'],
    ['bobby', 'robert'],
    ['robert', 'robert'],
    ['liz', 'elizabeth'],
    ['bill smith', 'william'],
    ['zebedee', 'zebedee'],
  ])('canonical given name of %p is %p', (input, expected) => {
    expect(canonicalGivenName(input)).toBe(expected);
  });
});

describe('LinkedIn URLs', () => {
  it.each([
    ['https://www.linkedin.com/company/acme-pty-ltd/', 'company/acme-pty-ltd'],
    ['linkedin.com/company/Acme-Pty-Ltd?trk=x', 'company/acme-pty-ltd'],
    ['http://au.linkedin.com/in/jane-doe-123', 'in/jane-doe-123'],
    ['https://www.linkedin.com/pub/jane-doe', 'in/jane-doe'],
    ['https://www.linkedin.com/in/j%C3%B6rg', 'in/jörg'],
    ['https://www.linkedin.com/in/%E0%A4%A', 'in/%e0%a4%a'],
    ['https://twitter.com/acme', null],
    ['https://www.linkedin.com/feed/', null],
    ['', null],
    [huge, null],
  ])('%p → %p', (input, expected) => {
    expect(normaliseLinkedinUrl(input)).toBe(expected);
  });
});

describe('addresses', () => {
  it.each([
    ['New South Wales', 'nsw'],
    ['NSW', 'nsw'],
    ['nsw', 'nsw'],
    ['Victoria', 'vic'],
    ['Illinois', 'il'],
    ['', null],
  ])('state %p → %p', (input, expected) => {
    expect(normaliseState(input)).toBe(expected);
  });

  it.each([
    ['Level 3, 12 George Street', 'lvl 3 12 george st'],
    ['12 George St.', '12 george st'],
    ['7/45 Smith Road', '7 45 smith rd'],
    ['', null],
  ])('street %p → %p', (input, expected) => {
    expect(normaliseStreet(input)).toBe(expected);
  });

  it('finds the house number', () => {
    expect(streetNumber('12a george st')).toBe('12');
    expect(streetNumber('george st')).toBeNull();
  });

  it('normalises postcodes and cities', () => {
    expect(normalisePostcode(' 2000 ')).toBe('2000');
    expect(normalisePostcode('60601-1234')).toBe('60601');
    expect(normalisePostcode('SW1A 1AA')).toBe('sw1a1aa');
    expect(normaliseCity('ST. KILDA')).toBe('st kilda');
    expect(normaliseCity(emoji)).toBeNull();
  });
});

describe('soundex', () => {
  it.each([
    ['robert', 'r163'],
    ['rupert', 'r163'],
    ['ashcraft', 'a261'],
    ['tymczak', 't522'],
    ['pfister', 'p236'],
    ['o neil', 'o540'],
    ['ah', 'a000'],
    ['', ''],
  ])('%p → %p', (input, expected) => {
    expect(soundex(input)).toBe(expected);
  });
});

describe('phone fast path', () => {
  const { parsePhoneNumberFromString } = jest.requireActual('libphonenumber-js/min') as typeof import('libphonenumber-js/min');
  const formats = (area: string, a: string, b: string) => [
    `(0${area}) ${a} ${b}`,
    `0${area} ${a} ${b}`,
    `0${area}${a}${b}`,
    `+61 ${area} ${a} ${b}`,
    `+61 (0)${area} ${a} ${b}`,
    `61 ${area} ${a} ${b}`,
    `0${area}-${a}-${b}`,
  ];

  it('agrees with libphonenumber on every valid Australian number it handles', () => {
    let compared = 0;
    for (let i = 0; i < 300; i++) {
      const area = ['2', '3', '7', '8', '4'][i % 5]!;
      const a = String(1000 + ((i * 7919) % 9000)).padStart(4, '0');
      const b = String((i * 104729) % 10000).padStart(4, '0');
      for (const text of formats(area, a, b)) {
        const ours = normalisePhone(text, 'AU');
        const theirs = parsePhoneNumberFromString(text.replace('(0)', ''), 'AU');
        if (theirs?.isValid()) {
          expect(ours).toBe(theirs.number);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('calls a national number invalid only where libphonenumber does too', () => {
    // What normalisePhone did before its fast paths: "00" read as "+", libphonenumber, then the retry as an international number.
    const slowPath = (input: string): string | null => {
      const text = input.startsWith('00') ? `+${input.slice(2)}` : input;
      const parsed = parsePhoneNumberFromString(text, 'AU');
      if (parsed?.isValid()) return parsed.number;
      const digits = text.replace(/\D/g, '');
      const retry = digits.length >= 10 ? parsePhoneNumberFromString(`+${digits}`) : undefined;
      return retry?.isValid() && retry.country === 'AU' ? retry.number : null;
    };
    let seed = 7;
    const digit = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String(seed % 10);
    };
    let nulls = 0;
    for (let i = 0; i < 4000; i++) {
      const length = 5 + (i % 9);
      let digits = i % 2 === 0 ? '0' : '';
      while (digits.length < length) digits += digit();
      const text = i % 3 === 0 ? `${digits.slice(0, 4)} ${digits.slice(4)}` : digits;
      // (Where libphonenumber says invalid, the older fast path may still accept a number of the right shape.)
      if (normalisePhone(text, 'AU') !== null) continue;
      expect([text, slowPath(text)]).toEqual([text, null]);
      nulls++;
    }
    expect(nulls).toBeGreaterThan(2000);
  });

  it('agrees with libphonenumber on US numbers', () => {
    for (const text of ['(312) 745-0199', '312-745-0199', '1 312 745 0199', '+1 312 745 0199', '3127450199']) {
      expect(normalisePhone(text, 'US')).toBe(parsePhoneNumberFromString(text, 'US')?.number);
    }
  });
});

describe('prototype keys are plain words', () => {
  it.each([['Constructor Pty Ltd', 'constructor'], ['toString Holdings', 'tostring holdings']])('company %p → %p', (input, full) => {
    expect(normaliseCompanyName(input)?.full).toBe(full);
  });

  it('treats a street or state called "constructor" as a word', () => {
    expect(normaliseStreet('1 Constructor Street')).toBe('1 constructor st');
    expect(normaliseState('constructor')).toBe('constructor');
  });
});

describe('phoneForMatching', () => {
  it.each([
    ['(02) 9876 5432', 'AU', '+61298765432'],
    ['729-5325', 'US', '7295325'],
    ['7295325', 'US', '7295325'],
    ['9876 5432', 'AU', '98765432'],
    ['729-5325 ext 12', 'US', '7295325'],
    // Too short, too long, letters, repeated digits, spreadsheet damage, emoji, huge input.
    ['12345', 'US', null],
    ['123456789012345678', 'US', null],
    ['call 729 5325', 'US', null],
    ['0000000', 'US', null],
    ['7.73E+016', 'US', null],
    ['📞7295325', 'US', null],
    ['7'.repeat(10_000), 'US', null],
    ['', 'AU', null],
  ])('%p in %p → %p', (input, country, expected) => {
    expect(phoneForMatching(input, country)).toBe(expected);
  });
});
