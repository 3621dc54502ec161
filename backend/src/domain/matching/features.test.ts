import { companyFeatures, packCompany, packPerson, personFeatures, siteName, unpackCompany, unpackPerson } from './features';

const ctx = { defaultCountry: 'AU' };

describe('matching features', () => {
  it('normalises a reference company and survives packing', () => {
    const f = companyFeatures(
      {
        kind: 'company',
        id: 'c1',
        name: 'Smith & Jones Pty Ltd',
        tradingNames: ['S&J Plumbing', 'Smith and Jones'],
        domain: 'https://www.smithjones.com.au',
        phone: '02 9876 5432',
        abn: '51 824 753 556',
        city: 'Sydney',
        state: 'New South Wales',
        postcode: '2000',
        country: 'Australia',
        linkedinUrl: 'https://www.linkedin.com/company/smith-jones/',
      },
      ctx,
    );
    expect(f).toEqual({
      names: ['smith jones', 's j plumbing'],
      domain: 'smithjones.com.au',
      phone: '+61298765432',
      abn: '51824753556',
      linkedin: 'company/smith-jones',
      street: null,
      city: 'sydney',
      state: 'nsw',
      postcode: '2000',
      country: 'au',
    });
    expect(unpackCompany(packCompany(f))).toEqual(f);
  });

  it('takes a CRM company\'s domain from its website, and phones in the record\'s own country', () => {
    const f = companyFeatures({ kind: 'company', id: 'x', name: 'Acme', website: 'http://shop.acme.co.nz/about', phone: '09 379 0000', country: 'NZ' }, ctx);
    expect(f.domain).toBe('acme.co.nz');
    expect(f.phone).toBe('+6493790000');
  });

  it('finds a person\'s employer from the CRM company domain, else a work email, never a free-mail one', () => {
    expect(personFeatures({ kind: 'person', id: 'a', email: 'jo@gmail.com', companyDomain: 'acme.com' }, ctx).companyDomain).toBe('acme.com');
    expect(personFeatures({ kind: 'person', id: 'b', email: 'jo@acme.com.au' }, ctx).companyDomain).toBe('acme.com.au');
    expect(personFeatures({ kind: 'person', id: 'c', email: 'jo@gmail.com' }, ctx).companyDomain).toBeNull();
    expect(personFeatures({ kind: 'person', id: 'd', companyDomain: 'gmail.com' }, ctx).companyDomain).toBeNull();
  });

  it('packs and unpacks a person without loss', () => {
    const f = personFeatures(
      { kind: 'person', id: 'p', firstName: 'Bob', lastName: "O'Brien", email: 'bob.obrien@acme.com', phone: '+61412345678', city: 'Perth', postcode: '6000' },
      ctx,
    );
    expect(f.firstCanonical).toBe('robert');
    expect(unpackPerson(packPerson(f))).toEqual(f);
  });

  it.each([
    ['Chicago Public Schools - Beethoven', 'Beethoven'],
    ['Henry Booth House: Hyde Park Center', 'Hyde Park Center'],
    ['Acme - NSW', null],
    ['Smith-Jones Plumbing', null],
    ['Acme -', null],
    ['', null],
    ['🏢 - 🏢🏢', null],
    [`${'x'.repeat(10_000)} - Beethoven`, null],
  ])('reads the site of %p as %p', (name, site) => {
    expect(siteName(name)).toBe(site);
  });

  it('files a "Parent - Site" company under its site name too', () => {
    const f = companyFeatures({ kind: 'company', id: 'c', name: 'Chicago Public Schools - Beethoven Elementary' }, ctx);
    expect(f.names).toEqual(['chicago public schools beethoven elementary', 'beethoven elementary']);
  });
});
