import { decideAutoApproval, autoEnrichPolicySchema } from './auto-approval';

const base = { records: 10, maxCredits: 10, withinCaps: true, recordsToday: 0, creditsThisMonth: 0 };

describe('decideAutoApproval', () => {
  it('is off by default', () => {
    expect(decideAutoApproval({ ...base, policy: autoEnrichPolicySchema.parse({}) })).toEqual({ approve: false, reason: 'off' });
  });

  it.each([
    ['within both limits', { recordsPerDay: 20, monthlyCredits: 100 }, {}, { approve: true }],
    ['exactly at the daily limit', { recordsPerDay: 20, monthlyCredits: null }, { recordsToday: 10 }, { approve: true }],
    ['over the daily limit', { recordsPerDay: 20, monthlyCredits: null }, { recordsToday: 11 }, { approve: false, reason: 'daily_records' }],
    ['over the monthly credits', { recordsPerDay: 100, monthlyCredits: 15 }, { creditsThisMonth: 6 }, { approve: false, reason: 'monthly_credits' }],
    ['outside the tenant\'s caps', { recordsPerDay: 100, monthlyCredits: null }, { withinCaps: false }, { approve: false, reason: 'caps' }],
    ['with nothing to enrich', { recordsPerDay: 100, monthlyCredits: null }, { records: 0 }, { approve: false, reason: 'nothing_to_do' }],
  ])('approves %s only when it should', (_why, policy, extra, expected) => {
    expect(decideAutoApproval({ ...base, ...extra, policy })).toEqual(expected);
  });
});
