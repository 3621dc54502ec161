import type { FieldValue, ReferenceCompany } from '@accord/shared';
import { convertValue, isSameValue } from './convert-value';
import { defaultMappingFor, type FieldMapping } from './mapping';
import { planEnrichment, valuesToWrite } from './plan-enrichment';

const ctx = { defaultCountry: 'AU' };
const reference: ReferenceCompany = {
  kind: 'company',
  id: 'c1',
  name: 'Harbour Plumbing Pty Ltd',
  domain: 'harbourplumbing.com.au',
  phone: '+61298765432',
  industry: 'Construction',
  employeeCount: 35,
  city: 'Sydney',
  description: 'Plumbers.',
};

const m = (target: string, source: FieldMapping['source'], type: FieldMapping['type'], policy: FieldMapping['policy'] = 'fill-empty', extra: Partial<FieldMapping> = {}): FieldMapping => ({
  target,
  source,
  type,
  policy,
  ...extra,
});

type Row = [string, FieldMapping, FieldValue | undefined, FieldValue | undefined, { action: string; reason: string; proposed?: FieldValue }];

describe('planEnrichment, field by field', () => {
  const rows: Row[] = [
    ['fills an empty field', m('phone', 'phone', 'phone'), null, undefined, { action: 'fill', reason: 'crm_empty', proposed: '+61 2 9876 5432' }],
    ['fills a field holding only spaces', m('city', 'city', 'text'), '   ', undefined, { action: 'fill', reason: 'crm_empty', proposed: 'Sydney' }],
    ['skips a phone equal after normalisation', m('phone', 'phone', 'phone', 'overwrite'), '(02) 9876 5432', undefined, { action: 'skip', reason: 'same_value' }],
    ['skips text equal but for case and spaces', m('city', 'city', 'text', 'overwrite'), '  SYDNEY ', undefined, { action: 'skip', reason: 'same_value' }],
    ['skips a number equal but for formatting', m('numberofemployees', 'employeeCount', 'number', 'overwrite'), '35', undefined, { action: 'skip', reason: 'same_value' }],
    ['skips a website equal but for scheme and www', m('website', 'domain', 'url', 'overwrite'), 'http://www.harbourplumbing.com.au/', undefined, { action: 'skip', reason: 'same_value' }],
    ['keeps a value under fill-empty', m('city', 'city', 'text'), 'Parramatta', undefined, { action: 'skip', reason: 'policy_fill_empty' }],
    ['overwrites under overwrite', m('city', 'city', 'text', 'overwrite'), 'Parramatta', undefined, { action: 'overwrite', reason: 'policy_overwrite', proposed: 'Sydney' }],
    ['never writes a never field, even an empty one', m('city', 'city', 'text', 'never'), null, undefined, { action: 'skip', reason: 'policy_never' }],
    ['does not overwrite what a person changed after our write', m('city', 'city', 'text', 'overwrite'), 'Newcastle', 'Parramatta', { action: 'skip', reason: 'edited_by_person' }],
    ['does not refill what a person cleared after our write', m('city', 'city', 'text'), null, 'Parramatta', { action: 'skip', reason: 'edited_by_person' }],
    ['overwrites our own unchanged earlier value under overwrite', m('city', 'city', 'text', 'overwrite'), 'Parramatta', 'Parramatta', { action: 'overwrite', reason: 'policy_overwrite' }],
    ['has nothing to propose when the reference lacks the field', m('zip', 'postcode', 'text'), null, undefined, { action: 'skip', reason: 'no_reference_value' }],
    ['maps an enumeration value', m('industry', 'industry', 'enumeration', 'fill-empty', { valueMap: { Construction: 'CONSTRUCTION' } }), null, undefined, { action: 'fill', reason: 'crm_empty', proposed: 'CONSTRUCTION' }],
    ['skips an enumeration value with no mapping', m('industry', 'industry', 'enumeration', 'fill-empty', { valueMap: { Retail: 'RETAIL' } }), null, undefined, { action: 'skip', reason: 'invalid_value' }],
    ['writes a number as a number', m('numberofemployees', 'employeeCount', 'number'), undefined, undefined, { action: 'fill', reason: 'crm_empty', proposed: 35 }],
    ['writes a domain as a website URL', m('website', 'domain', 'url'), null, undefined, { action: 'fill', reason: 'crm_empty', proposed: 'https://harbourplumbing.com.au' }],
  ];

  it.each(rows)('%s', (_title, mapping, current, lastWritten, expected) => {
    const [change] = planEnrichment({
      current: { [mapping.target]: current },
      reference,
      mapping: [mapping],
      lastWritten: lastWritten === undefined ? {} : { [mapping.target]: lastWritten },
      ctx,
    });
    expect(change).toMatchObject({ field: mapping.target, action: expected.action, reason: expected.reason });
    if (expected.proposed !== undefined) expect(change!.proposed).toEqual(expected.proposed);
  });
});

describe('planEnrichment, whole records', () => {
  it('plans every mapped HubSpot company property and sends only real changes', () => {
    const mapping = defaultMappingFor('hubspot', 'companies')!.fields;
    const changes = planEnrichment({
      current: { domain: 'harbourplumbing.com.au', phone: '02 9876 5432', city: 'Sydney', industry: null },
      reference,
      mapping,
      lastWritten: {},
      ctx,
    });
    expect(changes.map((c) => c.field)).toEqual(mapping.map((f) => f.target));
    expect(valuesToWrite(changes)).toEqual({
      website: 'https://harbourplumbing.com.au',
      industry: 'CONSTRUCTION',
      numberofemployees: 35,
      description: 'Plumbers.',
    });
  });

  it('plans nothing to write for a record that already says it all', () => {
    const changes = planEnrichment({
      current: { phone: '+61 2 9876 5432', city: 'sydney' },
      reference,
      mapping: [m('phone', 'phone', 'phone'), m('city', 'city', 'text')],
      lastWritten: {},
      ctx,
    });
    expect(valuesToWrite(changes)).toEqual({});
  });

  it('plans a property mapped twice only once', () => {
    const changes = planEnrichment({ current: {}, reference, mapping: [m('city', 'city', 'text'), m('city', 'name', 'text')], lastWritten: {}, ctx });
    expect(changes).toHaveLength(1);
  });
});

describe('value conversion', () => {
  it.each([
    ['text', 'x', '  a   b ', 'a b'],
    ['number', 'x', '1,200', 1200],
    ['email', 'x', ' Jane@Acme.COM ', 'jane@acme.com'],
    ['domain', 'x', 'https://www.acme.com/about', 'acme.com'],
  ] as const)('%s converts %p', (type, _n, raw, expected) => {
    expect(convertValue({ type }, raw, ctx)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['number', 'twelve'],
    ['phone', '12'],
    ['email', 'not-an-email'],
    ['domain', 'localhost'],
    ['url', 'not a url'],
  ] as const)('%s refuses %p', (type, raw) => {
    expect(convertValue({ type }, raw, ctx)).toEqual({ ok: false });
  });

  it('tells different URLs on one domain apart', () => {
    expect(isSameValue('url', 'https://acme.com/about', 'https://acme.com', ctx)).toBe(false);
    expect(isSameValue('url', 'https://www.acme.com/', 'http://acme.com', ctx)).toBe(true);
  });
});
