import { overridesFromDecisions, type MatchDecision } from './decisions';

const at = (minute: number) => `2026-11-27T10:${String(minute).padStart(2, '0')}:00.000Z`;
const d = (kind: MatchDecision['kind'], referenceId: string | null, minute: number): MatchDecision => ({ kind, referenceId, decidedBy: 'u1', decidedAt: at(minute) });

describe('overridesFromDecisions', () => {
  it.each([
    ['nothing said', [], {}],
    ['a confirmation', [d('confirmed', 'c1', 1)], { chosen: { referenceId: 'c1', decision: 'confirmed' } }],
    ['a rejection', [d('rejected', 'c1', 1)], { rejected: ['c1'] }],
    ['a pick after a rejection of another', [d('rejected', 'c1', 1), d('picked', 'c2', 2)], { chosen: { referenceId: 'c2', decision: 'picked' }, rejected: ['c1'] }],
    ['a rejection of the confirmed one', [d('confirmed', 'c1', 1), d('rejected', 'c1', 2)], { rejected: ['c1'] }],
    ['a confirmation after a rejection of the same', [d('rejected', 'c1', 1), d('confirmed', 'c1', 2)], { chosen: { referenceId: 'c1', decision: 'confirmed' } }],
    ['none of these', [d('confirmed', 'c1', 1), d('none', null, 2)], { noneOfThese: true }],
    ['a pick after none of these', [d('none', null, 1), d('picked', 'c3', 2)], { chosen: { referenceId: 'c3', decision: 'picked' } }],
    ['decisions out of order', [d('picked', 'c3', 2), d('none', null, 1)], { chosen: { referenceId: 'c3', decision: 'picked' } }],
  ])('%s', (_title, decisions, expected) => {
    expect(overridesFromDecisions(decisions)).toEqual(expected);
  });
});
