import { budgetOf, decideNextRequest, floorSeconds } from './rate-budget';

const hubspot = { limit: 110, windowMs: 10_000 };
const now = 1_000_000;
const times = (n: number, start: number, step = 10) => Array.from({ length: n }, (_, i) => start + i * step);

describe('rate budget', () => {
  it('gives Accord its share of the limit', () => {
    expect(budgetOf(110, 50)).toBe(55);
    expect(budgetOf(110, 100)).toBe(110);
    expect(budgetOf(110, 1)).toBe(1);
    expect(budgetOf(15_000, 10)).toBe(1_500);
  });

  it('sends at once while within the share', () => {
    expect(decideNextRequest({ ...hubspot, sharePercent: 50, sentAt: times(54, now - 5_000), now })).toEqual({ waitMs: 0, allowance: 1, reason: 'within_share' });
  });

  it('waits for the oldest request to leave the window once the share is spent', () => {
    const sentAt = times(55, now - 9_000);
    expect(decideNextRequest({ ...hubspot, sharePercent: 50, sentAt, now })).toEqual({ waitMs: 1_000, allowance: 0, reason: 'share_spent' });
  });

  it('forgets requests older than the window', () => {
    expect(decideNextRequest({ ...hubspot, sharePercent: 50, sentAt: times(55, now - 20_000), now }).allowance).toBe(55);
  });

  it('gives way when other integrations use more than their part', () => {
    // The CRM says 20 are left; we sent nothing yet; others used 90 of their 55. Keep their 0 due, use the 20.
    const relaxed = decideNextRequest({ ...hubspot, sharePercent: 50, sentAt: [], observed: { remaining: 20, at: now - 100 }, now });
    expect(relaxed).toEqual({ waitMs: 0, allowance: 20, reason: 'others_busy' });
    // Others used only 30 so far (80 left): 25 more are theirs, so we may use 55.
    const normal = decideNextRequest({ ...hubspot, sharePercent: 50, sentAt: [], observed: { remaining: 80, at: now - 100 }, now });
    expect(normal).toEqual({ waitMs: 0, allowance: 55, reason: 'within_share' });
    // Nothing left at all: wait.
    const spent = decideNextRequest({ ...hubspot, sharePercent: 50, sentAt: [], observed: { remaining: 0, at: now - 100 }, now });
    expect(spent.waitMs).toBeGreaterThan(0);
    expect(spent.reason).toBe('others_busy');
  });

  it('ignores a stale reading from the CRM', () => {
    const decision = decideNextRequest({ ...hubspot, sharePercent: 50, sentAt: [], observed: { remaining: 0, at: now - 60_000 }, now });
    expect(decision).toEqual({ waitMs: 0, allowance: 55, reason: 'within_share' });
  });

  it('computes the least time a batch can take at the budget', () => {
    expect(floorSeconds(55, 55, 10_000)).toBe(0);
    expect(floorSeconds(56, 55, 10_000)).toBe(10);
    expect(floorSeconds(200, 55, 10_000)).toBe(30);
  });
});
