import fc from 'fast-check';
import { PackedStringsBuilder, PackedStringsReader, type PackedStrings } from './packed-strings';

function pack(strings: readonly string[], shared: boolean): PackedStrings[] {
  const builder = new PackedStringsBuilder({ shared });
  for (const s of strings) builder.append(s);
  return builder.build();
}

describe('packed strings', () => {
  it('reads back every string, whatever its characters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 200 }), fc.boolean(), (strings, shared) => {
        const reader = new PackedStringsReader(pack(strings, shared));
        expect(reader.length).toBe(strings.length);
        expect(Array.from({ length: reader.length }, (_, i) => reader.at(i))).toEqual(strings);
      }),
    );
  });

  it('numbers the strings of consecutive parts on from one part to the next', () => {
    const reader = new PackedStringsReader([...pack(['a', 'bé'], true), ...pack([], true), ...pack(['', 'c🙂', 'd'], true)]);
    expect(reader.length).toBe(5);
    expect([0, 1, 2, 3, 4].map((i) => reader.at(i))).toEqual(['a', 'bé', '', 'c🙂', 'd']);
  });

  it('holds strings longer than its chunk size, and finds strings across many chunks', () => {
    const long = 'x'.repeat(20 << 20);
    const parts = pack(['a', long, 'b', long, 'c'], false);
    expect(parts.length).toBeGreaterThan(2);
    const reader = new PackedStringsReader(parts);
    expect(reader.length).toBe(5);
    expect([0, 2, 4].map((i) => reader.at(i))).toEqual(['a', 'b', 'c']);
    expect(reader.at(3)).toHaveLength(long.length);
  });

  it('builds over SharedArrayBuffers when asked', () => {
    const [packed] = pack(['a'], true);
    expect(packed!.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(packed!.offsets.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
