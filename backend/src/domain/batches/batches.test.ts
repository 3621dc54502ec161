import { batchStates, type FieldChange, type MatchResult } from '@accord/shared';
import { aggregateEstimate, SAMPLE_SIZE, type PlannedRecord } from './aggregate-estimate';
import { batchEvents, batchTransitions, isFinished, transition } from './batch-transitions';
import { remainingSeconds } from './batch-progress';
import { chunk, chunkSizeFor, nextChunkAt } from './chunk';

describe('batch transitions', () => {
  it.each([
    ['draft', 'estimate', 'estimating'],
    ['estimating', 'estimated', 'awaiting_approval'],
    ['awaiting_approval', 'approve', 'approved'],
    ['awaiting_approval', 'reject', 'rejected'],
    ['approved', 'start', 'running'],
    ['running', 'pause', 'paused'],
    ['paused', 'resume', 'running'],
    ['running', 'complete', 'completed'],
    ['running', 'complete_with_errors', 'completed_with_errors'],
    ['paused', 'cancel', 'cancelled'],
    ['completed', 'undo', 'undoing'],
    ['undoing', 'undone', 'undone'],
  ] as const)('moves %s on %s to %s', (from, event, to) => {
    expect(transition(from, event)).toEqual({ ok: true, state: to });
  });

  it.each([
    ['draft', 'approve'],
    ['awaiting_approval', 'start'],
    ['running', 'approve'],
    ['completed', 'resume'],
    ['rejected', 'approve'],
    ['cancelled', 'resume'],
    ['undone', 'undo'],
    ['estimating', 'approve'],
  ] as const)('refuses %s on %s with ILLEGAL_TRANSITION', (from, event) => {
    const result = transition(from, event);
    expect(result).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
  });

  it('names only known states and events, one target per (state, event)', () => {
    const keys = batchTransitions.map((t) => `${t.from}/${t.event}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of batchTransitions) {
      expect(batchStates).toContain(t.from);
      expect(batchStates).toContain(t.to);
      expect(batchEvents).toContain(t.event);
    }
  });

  it('lets no event leave a finished state except undo', () => {
    for (const state of batchStates.filter(isFinished)) {
      const leaving = batchTransitions.filter((t) => t.from === state).map((t) => t.event);
      expect(leaving.filter((e) => e !== 'undo')).toEqual([]);
    }
  });
});

describe('chunking', () => {
  it.each([
    [5, 2, [[0, 1], [2, 3], [4]]],
    [4, 4, [[0, 1, 2, 3]]],
    [0, 3, []],
  ])('splits %p records into chunks of %p', (n, size, expected) => {
    expect(chunk([...Array(n).keys()], size)).toEqual(expected);
  });

  it('refuses a chunk size below one', () => {
    expect(() => chunk([1], 0)).toThrow(/positive/);
  });

  it.each([
    [100, null, 100],
    [200, null, 200],
    [100, 30, 30],
    [100, 1_000, 100],
  ])('chunks of limit %p at %p records/minute hold %p records', (batchLimit, recordsPerMinute, expected) => {
    expect(chunkSizeFor({ batchLimit, recordsPerMinute })).toBe(expected);
  });

  it('paces trickle chunks by records per minute', () => {
    expect(nextChunkAt({ now: 1_000, records: 30, recordsPerMinute: 60 })).toBe(31_000);
    expect(nextChunkAt({ now: 1_000, records: 30, recordsPerMinute: null })).toBe(1_000);
  });
});

const fill = (field: string): FieldChange => ({ field, current: null, proposed: 'x', action: 'fill', reason: 'crm_empty' });
const skip = (field: string): FieldChange => ({ field, current: 'x', proposed: 'x', action: 'skip', reason: 'same_value' });
const candidate = { referenceId: 'ref-1', kind: 'company' as const, label: 'Ref', score: 30, probability: 0.99, reasons: [] };

function planned(recordId: string, band: MatchResult['band'], changes: FieldChange[], cost: number): PlannedRecord {
  return { recordId, match: { band, confidence: band === 'none' ? 0 : 0.9, candidate: band === 'none' ? null : candidate }, enrichable: band === 'auto', changes, cost };
}

const rate = { limit: 110, windowMs: 10_000, sharePercent: 50, batchLimit: 100 };
const caps = { perBatchCap: null, monthlyCap: null, spentThisMonth: 0 };

describe('aggregateEstimate', () => {
  const records = [
    planned('a', 'auto', [fill('industry'), fill('phone')], 1),
    planned('b', 'auto', [fill('industry'), skip('phone')], 1),
    planned('c', 'auto', [skip('industry')], 0),
    planned('d', 'review', [fill('industry')], 1),
    planned('e', 'none', [], 0),
  ];

  it('counts bands, changing records and how often each field changes', () => {
    const estimate = aggregateEstimate({ records, available: 10, caps, rate, recordsPerMinute: null });
    expect(estimate.byBand).toEqual({ auto: 3, review: 1, none: 1 });
    expect(estimate.recordsChanging).toBe(2);
    expect(estimate.fieldChanges).toEqual([{ field: 'industry', count: 2 }, { field: 'phone', count: 1 }]);
    expect(estimate).toMatchObject({ records: 5, maxCredits: 3, expectedCredits: 3, balance: 10, withinCaps: true });
  });

  it.each([
    ['the balance is short', { available: 2, caps }, false],
    ['the per-batch cap is lower', { available: 10, caps: { ...caps, perBatchCap: 2 } }, false],
    ['the month would go over its cap', { available: 10, caps: { ...caps, monthlyCap: 10, spentThisMonth: 8 } }, false],
    ['everything fits exactly (it does)', { available: 3, caps: { perBatchCap: 3, monthlyCap: 10, spentThisMonth: 7 } }, true],
  ])('withinCaps reflects whether %s', (_why, input, within) => {
    expect(aggregateEstimate({ records, ...input, rate, recordsPerMinute: null }).withinCaps).toBe(within);
  });

  it('puts changing records first in a sample of at most 50', () => {
    const many = [...Array(60).keys()].map((i) => planned(`r${i}`, i % 2 ? 'auto' : 'none', i % 2 ? [fill('industry')] : [], i % 2));
    const estimate = aggregateEstimate({ records: many, available: 100, caps, rate, recordsPerMinute: null });
    expect(estimate.sample).toHaveLength(SAMPLE_SIZE);
    expect(estimate.sample.slice(0, 30).every((s) => s.band === 'auto')).toBe(true);
    expect(estimate.sample[0]).toMatchObject({ recordId: 'r1', referenceId: 'ref-1', changes: [fill('industry')] });
  });

  it('expects the time the rate budget or the trickle cap allows, whichever is slower', () => {
    const many = [...Array(12_000).keys()].map((i) => planned(`r${i}`, 'auto', [fill('industry')], 1));
    // 120 reads + 120 writes at 55 requests per 10 s: ceil(240/55) - 1 = 4 windows.
    expect(aggregateEstimate({ records: many, available: 1e6, caps, rate, recordsPerMinute: null }).expectedSeconds).toBe(40);
    expect(aggregateEstimate({ records: many, available: 1e6, caps, rate, recordsPerMinute: 600 }).expectedSeconds).toBe(1_200);
  });
});

describe('remainingSeconds', () => {
  it('is zero when nothing is left and grows with what is left', () => {
    expect(remainingSeconds({ pending: 0, changeRate: 1, rate, recordsPerMinute: null })).toBe(0);
    expect(remainingSeconds({ pending: 120, changeRate: 1, rate, recordsPerMinute: 60 })).toBe(120);
    // 120 reads and 120 writes at 55 requests per 10 s: 4 more windows; with half the records changing, 3.
    expect(remainingSeconds({ pending: 12_000, changeRate: 1, rate, recordsPerMinute: null })).toBe(40);
    expect(remainingSeconds({ pending: 12_000, changeRate: 0.5, rate, recordsPerMinute: null })).toBe(30);
  });
});
