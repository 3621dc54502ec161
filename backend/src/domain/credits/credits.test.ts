import type { FieldChange } from '@accord/shared';
import { crossedThresholds, monthKey, startOfDay, startOfMonth } from './periods';
import { priceEnrichment } from './pricing';
import { estimateCredits } from './estimate';

const change = (action: FieldChange['action']): FieldChange => ({ field: 'phone', current: null, proposed: '+61298765432', action, reason: action === 'skip' ? 'same_value' : 'crm_empty' });
const policy = { creditsPerRecord: 1, freeReenrichWindowDays: 30 };
const now = new Date('2026-11-27T12:00:00.000Z');

describe('priceEnrichment', () => {
  it.each([
    ['charges one record that writes something', [change('fill')], null, { cost: 1, reason: 'charged' }],
    ['charges nothing when every field is skipped', [change('skip'), change('skip')], null, { cost: 0, reason: 'nothing_to_write' }],
    ['charges nothing with no changes at all', [], null, { cost: 0, reason: 'nothing_to_write' }],
    ['is free within the re-enrichment window', [change('overwrite')], new Date('2026-11-10T00:00:00.000Z'), { cost: 0, reason: 'free_reenrichment' }],
    ['charges again after the window', [change('fill')], new Date('2026-10-01T00:00:00.000Z'), { cost: 1, reason: 'charged' }],
  ] as const)('%s', (_title, changes, lastChargedAt, expected) => {
    expect(priceEnrichment({ changes: [...changes], lastChargedAt, now, policy })).toEqual(expected);
  });

  it('uses the tenant\'s price per record', () => {
    expect(priceEnrichment({ changes: [change('fill')], lastChargedAt: null, now, policy: { creditsPerRecord: 3, freeReenrichWindowDays: 0 } }).cost).toBe(3);
  });
});

describe('periods', () => {
  it('names months and day starts in UTC', () => {
    expect(monthKey(now)).toBe('2026-11');
    expect(startOfMonth(now).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(startOfDay(now).toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });

  it.each([
    [0, 40, 100, []],
    [40, 50, 100, [50]],
    [49, 81, 100, [50, 80]],
    [79, 100, 100, [80, 100]],
    [100, 120, 100, []],
    [0, 7, 10, [50]],
    [7, 8, 10, [80]],
  ])('from %p to %p of cap %p crosses %p', (before, after, cap, expected) => {
    expect(crossedThresholds({ before, after, cap, thresholds: [50, 80, 100] })).toEqual(expected);
  });
});


describe('estimateCredits', () => {
  it('counts every record with a candidate at most, and review records at the confirm rate as expected', () => {
    const records = [
      { band: 'auto' as const, cost: 1 },
      { band: 'auto' as const, cost: 0 },
      { band: 'review' as const, cost: 1 },
      { band: 'review' as const, cost: 1 },
      { band: 'none' as const, cost: 1 },
    ];
    expect(estimateCredits({ records })).toEqual({ maxCredits: 3, expectedCredits: 2 });
    expect(estimateCredits({ records, reviewConfirmRate: 0 })).toEqual({ maxCredits: 3, expectedCredits: 1 });
    expect(estimateCredits({ records, reviewConfirmRate: 1 })).toEqual({ maxCredits: 3, expectedCredits: 3 });
    expect(estimateCredits({ records: [] })).toEqual({ maxCredits: 0, expectedCredits: 0 });
  });
});
