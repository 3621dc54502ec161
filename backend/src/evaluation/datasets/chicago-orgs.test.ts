import { buildChicagoOrgsDataset } from './chicago-orgs';

const csv = [
  '"True Id","Id","Source","Site name","Address","Zip","Phone","Program Name","Agency","Website","Email Address"',
  '707,434,"CPS"," Abraham Lincoln Center Donoghue","707 E. 37th St. ",,7295325,"Community Partnerships",,,',
  '707,833,"CPS"," Abraham Lincoln Centre - Donoghue","707 E 37th St ",,,"Head Start",,,',
  '27,1958,"DFSS","Chicago Commons\nAssociation St Catherine\'s","27 Washington Oak Park IL 60302",,3865286,,"Chicago Commons\nAssociation","www.chicagocommons.org",',
  '27,2300,"chapin","CHICAGO COMMONS ST CATHERINE","27 WASHINGTON",60302,7.73E+016,,,"Yes","10/01/15"',
  '707,120,"NAEYC","Donoghue","707 East 37th Street",60653,2851234,,,"No",',
  '99,5,"CPS","Lonely Site","99 W Nowhere",60601,5551234,"Child Care",,,',
].join('\n');

describe('buildChicagoOrgsDataset', () => {
  const dataset = buildChicagoOrgsDataset(csv);

  it('takes the lowest Id of each entity as the reference and the rest as CRM records', () => {
    expect(dataset.reference.map((company) => company.id)).toEqual(['chi-1958', 'chi-120', 'chi-5']);
    expect(dataset.crm.map((company) => company.id)).toEqual(['chi-434', 'chi-833', 'chi-2300']);
  });

  it('links each CRM record to the reference record of its entity', () => {
    expect([...dataset.truth]).toEqual([
      ['chi-434', 'chi-120'],
      ['chi-833', 'chi-120'],
      ['chi-2300', 'chi-1958'],
    ]);
  });

  it('keeps single-record entities in the reference as distractors, with no truth pointing at them', () => {
    expect(dataset.reference.some((company) => company.id === 'chi-5')).toBe(true);
    expect([...dataset.truth.values()]).not.toContain('chi-5');
  });

  it('maps a reference record with the raw website as domain, in Chicago, IL, US', () => {
    expect(dataset.reference[0]).toEqual({
      kind: 'company',
      id: 'chi-1958',
      name: "Chicago Commons\nAssociation St Catherine's",
      domain: 'www.chicagocommons.org',
      phone: '3865286',
      street: '27 Washington Oak Park IL 60302',
      city: 'Chicago',
      state: 'IL',
      postcode: null,
      country: 'US',
    });
  });

  it('maps a CRM record with trimmed name and address and the website as website', () => {
    expect(dataset.crm[0]).toEqual({
      kind: 'company',
      id: 'chi-434',
      name: 'Abraham Lincoln Center Donoghue',
      website: null,
      phone: '7295325',
      street: '707 E. 37th St.',
      city: 'Chicago',
      state: 'IL',
      postcode: null,
      country: 'US',
    });
  });

  it('drops "Yes"/"No" websites and spreadsheet-damaged phone numbers', () => {
    expect(dataset.crm[2]).toMatchObject({ website: null, phone: null, postcode: '60302' });
    expect(dataset.reference[1]).toMatchObject({ domain: null });
  });

  it('puts Program Name, Agency and Email Address in no field', () => {
    const values = [...dataset.reference, ...dataset.crm].flatMap((company) => Object.values(company));
    expect(values).not.toContain('Community Partnerships');
    expect(values).not.toContain('Chicago Commons\nAssociation');
    expect(values).not.toContain('10/01/15');
  });

  it.each([
    { title: 'a missing column', text: '"True Id","Id","Site name"\n1,1,a', message: /lacks the columns/ },
    { title: 'a non-numeric Id', text: csv.replace('707,434,', '707,abc,'), message: /non-integer Id "abc"/ },
    { title: 'a repeated Id', text: csv.replace('707,833,', '707,434,'), message: /repeats the Id 434/ },
  ])('rejects $title', ({ text, message }) => {
    expect(() => buildChicagoOrgsDataset(text)).toThrow(message);
  });
});
