import { noTermShares, TermFrequencies } from './term-frequencies';

describe('TermFrequencies', () => {
  const terms = new TermFrequencies(['lastName', 'postcode']);
  for (const value of ['smith', 'smith', 'lee', '', null]) terms.add('lastName', value);
  terms.add('postcode', '2000');
  terms.add('city', 'sydney');

  it.each([
    ['lastName', 'smith', 2 / 3],
    ['lastName', 'lee', 1 / 3],
    // Never seen: counted as held once, so the share is never 0.
    ['lastName', 'zzz', 1 / 3],
    ['postcode', '2000', 1],
    // A field that is not counted, or has no values.
    ['city', 'sydney', undefined],
    ['firstName', 'ann', undefined],
  ])('share of %p %p is %p', (field, value, expected) => {
    expect(terms.share(field, value)).toBe(expected);
  });

  it('ignores empty values and handles very long and unicode ones', () => {
    const t = new TermFrequencies(['lastName']);
    t.add('lastName', 'x'.repeat(10_000));
    t.add('lastName', '🚀');
    expect(t.share('lastName', '🚀')).toBe(0.5);
    expect(noTermShares.share('lastName', 'smith')).toBeUndefined();
  });
});
