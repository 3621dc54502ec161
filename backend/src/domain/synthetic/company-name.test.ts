import { brandWord, companyNameParts, lookAlikeSourceIndex } from './company-name';

describe('brandWord', () => {
  it('never gives two indexes the same brand', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(brandWord(i));
    const level = 70 ** 3 * 6;
    for (let i = level - 20_000; i < level + 20_000; i++) seen.add(brandWord(i));
    for (let i = 10_000_000; i < 10_020_000; i++) seen.add(brandWord(i));
    expect(seen.size).toBe(100_000 + 40_000 + 20_000);
  });

  it('reads as a capitalised pronounceable word', () => {
    for (const i of [0, 1, 999, 123_456, 5_000_000, 12_345_678, 9_000_000_000]) expect(brandWord(i)).toMatch(/^[A-Z][a-z]{5,}$/);
  });
});

describe('lookAlikeSourceIndex', () => {
  it('marks about 5% of companies, each borrowing from the one before, never from another look-alike', () => {
    let count = 0;
    const wrong: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const source = lookAlikeSourceIndex(11, i);
      if (source === null) continue;
      count++;
      if (source !== i - 1 || lookAlikeSourceIndex(11, source) !== null) wrong.push(i);
    }
    expect(wrong).toEqual([]);
    expect(count / 100_000).toBeGreaterThan(0.045);
    expect(count / 100_000).toBeLessThan(0.055);
  });

  it('gives a look-alike the core words and sector of its source but another generic word', () => {
    let checked = 0;
    for (let i = 1; checked < 200; i++) {
      const source = lookAlikeSourceIndex(5, i);
      if (source === null) continue;
      checked++;
      const own = companyNameParts(5, i);
      const theirs = companyNameParts(5, source);
      expect(own.isLookAlike).toBe(true);
      expect(own.core).toBe(theirs.core);
      expect(own.sector).toBe(theirs.sector);
      expect(own.generic).not.toBe(theirs.generic);
    }
  });
});
