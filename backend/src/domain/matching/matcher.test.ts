import type { ReferenceRecord } from '@accord/shared';
import { loadMatchingModels } from '../../adapters/reference/matching-models';
import { createMatcher, defaultThresholds } from './matcher';
import { ReferenceIndexBuilder } from './reference-index';

const ctx = { defaultCountry: 'AU' };
const now = new Date('2026-11-27T00:00:00.000Z');

const reference: ReferenceRecord[] = [
  {
    kind: 'company',
    id: 'c-harbour-syd',
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
  {
    kind: 'company',
    id: 'c-harbour-per',
    name: 'Harbour Plumbing Services Pty Ltd',
    domain: 'harbourplumbingwa.com.au',
    phone: '+61891234567',
    street: '3 Hay Street',
    city: 'Perth',
    state: 'WA',
    postcode: '6000',
    country: 'AU',
  },
  { kind: 'company', id: 'c-twin-a', name: 'Twin Peaks Consulting Pty Ltd', city: 'Brisbane', state: 'QLD', postcode: '4000', country: 'AU' },
  { kind: 'company', id: 'c-twin-b', name: 'Twin Peaks Consulting Pty Ltd', city: 'Brisbane', state: 'QLD', postcode: '4000', country: 'AU' },
  {
    kind: 'person',
    id: 'p-robert',
    companyId: 'c-harbour-syd',
    firstName: 'Robert',
    lastName: 'Nguyen',
    email: 'robert.nguyen@harbourplumbing.com.au',
    phone: '+61412345678',
    city: 'Sydney',
    country: 'AU',
  },
];

function matcher() {
  const builder = new ReferenceIndexBuilder(ctx);
  for (const r of reference) builder.add(r);
  return createMatcher({ index: builder.build(), models: loadMatchingModels() });
}

describe('matcher', () => {
  const m = matcher();

  it('auto-applies a noisy copy that agrees on domain, phone and address, and explains why', () => {
    const result = m.match({
      record: { kind: 'company', id: 'crm-1', name: 'HARBOUR PLUMBING P/L', website: 'https://www.harbourplumbing.com.au/', phone: '(02) 9876 5432', city: 'Sydney' },
      ctx,
      thresholds: defaultThresholds,
      now,
    });
    expect(result.band).toBe('auto');
    expect(result.candidate?.referenceId).toBe('c-harbour-syd');
    expect(result.confidence).toBeGreaterThanOrEqual(0.95);
    const reasons = Object.fromEntries(result.candidate!.reasons.map((r) => [r.field, r]));
    expect(reasons.domain).toMatchObject({ comparison: 'exact', crmValue: 'harbourplumbing.com.au' });
    expect(reasons.domain!.weight).toBeGreaterThan(0);
    expect(reasons.abn).toMatchObject({ comparison: 'missing', weight: 0 });
    expect(result.modelVersion).toMatch(/^company-/);
  });

  it('does not auto-apply a look-alike in another city', () => {
    const result = m.match({
      record: { kind: 'company', id: 'crm-2', name: 'Harbour Plumbing', city: 'Melbourne', state: 'VIC', domain: 'harbourplumbingvic.com.au' },
      ctx,
      thresholds: defaultThresholds,
      now,
    });
    expect(result.band).not.toBe('auto');
  });

  it('drops the confidence when two candidates are equally good', () => {
    const result = m.match({
      record: { kind: 'company', id: 'crm-3', name: 'Twin Peaks Consulting', city: 'Brisbane', state: 'QLD', postcode: '4000' },
      ctx,
      thresholds: defaultThresholds,
      now,
    });
    expect(result.confidence).toBeLessThanOrEqual(0.5);
    const ids = [result.candidate?.referenceId, ...result.runnersUp.map((r) => r.referenceId)];
    expect(ids).toEqual(expect.arrayContaining(['c-twin-a', 'c-twin-b']));
  });

  it('matches a person by work email and uses the employer from the company record', () => {
    const result = m.match({
      record: { kind: 'person', id: 'crm-p', firstName: 'Bob', lastName: 'Nguyen', email: 'Robert.Nguyen@harbourplumbing.com.au' },
      ctx,
      thresholds: defaultThresholds,
      now,
    });
    expect(result.band).toBe('auto');
    expect(result.candidate?.referenceId).toBe('p-robert');
    expect(result.candidate?.label).toBe('Robert Nguyen');
  });

  it('answers none with no candidates for a record nothing resembles', () => {
    const result = m.match({ record: { kind: 'company', id: 'crm-x', name: 'Zyxwv Quantum Bakery' }, ctx, thresholds: defaultThresholds, now });
    expect(result).toMatchObject({ band: 'none', candidate: null, confidence: 0, runnersUp: [], decidedBy: 'model' });
  });

  describe('remembered decisions override the model', () => {
    const record = { kind: 'company' as const, id: 'crm-3', name: 'Twin Peaks Consulting', city: 'Brisbane' };

    it('a confirmed match is certain', () => {
      const result = m.match({ record, ctx, thresholds: defaultThresholds, now, overrides: { chosen: { referenceId: 'c-twin-b', decision: 'confirmed' } } });
      expect(result).toMatchObject({ band: 'auto', confidence: 1, decidedBy: 'confirmed', candidate: { referenceId: 'c-twin-b' } });
    });

    it('a picked candidate is used even when blocking would not find it', () => {
      const result = m.match({ record, ctx, thresholds: defaultThresholds, now, overrides: { chosen: { referenceId: 'c-harbour-per', decision: 'picked' } } });
      expect(result).toMatchObject({ decidedBy: 'picked', candidate: { referenceId: 'c-harbour-per' } });
    });

    it('a rejected candidate is never proposed again', () => {
      const result = m.match({ record, ctx, thresholds: defaultThresholds, now, overrides: { rejected: ['c-twin-a'] } });
      const ids = [result.candidate?.referenceId, ...result.runnersUp.map((r) => r.referenceId)];
      expect(ids).not.toContain('c-twin-a');
      expect(result.decidedBy).toBe('rejected');
    });

    it('"none of these" leaves the record unmatched', () => {
      const result = m.match({ record, ctx, thresholds: defaultThresholds, now, overrides: { noneOfThese: true } });
      expect(result).toMatchObject({ band: 'none', candidate: null, confidence: 0, decidedBy: 'rejected' });
    });
  });

  it('respects a stricter per-tenant auto threshold', () => {
    const record = { kind: 'company' as const, id: 'crm-1', name: 'Harbour Plumbing', website: 'harbourplumbing.com.au', city: 'Sydney' };
    const loose = m.match({ record, ctx, thresholds: { auto: 0.5, review: 0.2 }, now });
    const strict = m.match({ record, ctx, thresholds: { auto: 1, review: 0.2 }, now });
    expect(loose.band).toBe('auto');
    expect(strict.band).toBe('review');
    expect(strict.confidence).toBe(loose.confidence);
  });
});
