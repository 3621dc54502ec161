import { createRandom, deriveSeed, hashUnit, mix32 } from './random';

const draw = (seed: number, count: number) => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.next());
};

describe('createRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
  });

  it('gives the same numbers on every platform (mulberry32 reference values)', () => {
    const random = createRandom(1);
    const values = [random.next(), random.next(), random.next()].map((x) => Math.round(x * 2 ** 32));
    expect(values).toEqual([2_693_262_067, 11_749_833, 2_265_367_787]);
  });

  it('gives different sequences for different seeds', () => {
    expect(draw(1, 10)).not.toEqual(draw(2, 10));
  });

  it('stays in [0, 1) with a mean near one half', () => {
    const values = draw(7, 100_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(0.5, 2);
  });

  it('draws integers over the whole inclusive range', () => {
    const random = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) seen.add(random.int(-2, 3));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  it('picks every item of a list and refuses an empty one', () => {
    const random = createRandom(4);
    const seen = new Set<string>();
    for (let i = 0; i < 1_000; i++) seen.add(random.pick(['a', 'b', 'c']));
    expect(seen).toEqual(new Set(['a', 'b', 'c']));
    expect(() => random.pick([])).toThrow('empty');
  });

  it('comes up with chance(p) about p of the time', () => {
    const random = createRandom(5);
    let hits = 0;
    for (let i = 0; i < 100_000; i++) if (random.chance(0.2)) hits++;
    expect(hits / 100_000).toBeCloseTo(0.2, 2);
  });

  it('shuffles into a permutation without touching the input', () => {
    const input = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = createRandom(6).shuffle(input);
    expect(input).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(shuffled).not.toEqual(input);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(input);
  });
});

describe('deriveSeed', () => {
  it('gives distinct seeds to distinct indexes of one stream', () => {
    const seeds = new Set<number>();
    for (let i = 0; i < 200_000; i++) seeds.add(deriveSeed(9, i));
    expect(seeds.size).toBe(200_000);
  });

  it('depends on the seed and on indexes above 2^32', () => {
    expect(deriveSeed(1, 5)).not.toBe(deriveSeed(2, 5));
    expect(deriveSeed(1, 5)).not.toBe(deriveSeed(1, 5 + 2 ** 32));
  });

  it('maps to uint32 and to [0, 1) for hashUnit', () => {
    for (let i = 0; i < 1_000; i++) {
      const seed = deriveSeed(-3, i);
      expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
      expect(hashUnit(-3, i)).toBe(seed / 2 ** 32);
    }
  });

  it('mix32 is a bijection on a sample (no collisions)', () => {
    const out = new Set<number>();
    for (let i = 0; i < 100_000; i++) out.add(mix32(i * 7919));
    expect(out.size).toBe(100_000);
  });
});
