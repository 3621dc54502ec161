import fc from 'fast-check';
import { BlockIndex, BlockIndexBuilder, hashKey, mergeSortedPairs } from './block-index';

describe('block index', () => {
  it('finds every record filed under a key, and only those (barring hash collisions)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd:x.com', 'n:acme'), fc.nat(1000)), { maxLength: 300 }), (pairs) => {
        const builder = new BlockIndexBuilder();
        for (const [key, record] of pairs) builder.add(key, record);
        const index = builder.build();
        for (const key of ['a', 'b', 'c', 'd:x.com', 'n:acme', 'missing']) {
          const expected = pairs.filter(([k]) => k === key).map(([, r]) => r).sort((x, y) => x - y);
          const found = [...index.lookup(key, 10_000)].sort((x, y) => x - y);
          expect(found).toEqual(expected);
        }
      }),
    );
  });

  it('skips blocks larger than the limit', () => {
    const builder = new BlockIndexBuilder();
    for (let i = 0; i < 50; i++) builder.add('common', i);
    builder.add('rare', 7);
    const index = builder.build();
    expect(index.lookup('common', 49)).toHaveLength(0);
    expect(index.lookup('common', 50)).toHaveLength(50);
    expect([...index.lookup('rare', 49)]).toEqual([7]);
  });

  it('grows past its initial capacity', () => {
    const builder = new BlockIndexBuilder();
    for (let i = 0; i < 200_000; i++) builder.add(`k${i % 1000}`, i);
    const index = builder.build();
    expect(index.pairs).toBe(200_000);
    expect(index.lookup('k999', 1000)).toHaveLength(200);
  });

  it('hashes with FNV-1a', () => {
    expect(hashKey('')).toBe(0x811c9dc5);
    expect(hashKey('a')).toBe(0xe40c292c);
  });

  it('merges the sorted pairs of consecutive shards into exactly the pairs one builder of all their records sorts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.nat(50)), { maxLength: 60 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 80 }),
        (shards, maxBlock) => {
          const whole = new BlockIndexBuilder();
          const runs = shards.map((pairs, shard) => {
            const part = new BlockIndexBuilder();
            // Each shard numbers its records after the shard before it, as a parallel build does.
            for (const [key, record] of [...pairs].sort((x, y) => x[1] - y[1])) {
              part.add(key, shard * 100 + record);
              whole.add(key, shard * 100 + record);
            }
            return part.sortedPairs({ shared: false });
          });
          const merged = mergeSortedPairs(runs, { shared: false });
          const one = whole.sortedPairs({ shared: false });
          expect(Array.from(merged.hashes)).toEqual(Array.from(one.hashes));
          expect(Array.from(merged.records)).toEqual(Array.from(one.records));
          const index = BlockIndex.of(merged);
          for (const key of ['a', 'b', 'c', 'd', 'e', 'f']) {
            const expected = shards.flatMap((pairs, shard) => pairs.filter(([k]) => k === key).map(([, r]) => shard * 100 + r)).sort((x, y) => x - y);
            expect([key, Array.from(index.lookup(key, maxBlock))]).toEqual([key, expected.length > maxBlock ? [] : expected]);
          }
        },
      ),
    );
  });
});
