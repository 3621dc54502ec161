/**
 * Seeded pseudo-random numbers for synthetic data: mulberry32 (32-bit state, integer-only arithmetic, so the same
 * seed gives the same sequence on every platform) and a murmur3-style mixer to derive one seed per record index.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, maxInclusive]. */
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** A shuffled copy; the input is left as it was. */
  shuffle<T>(items: readonly T[]): T[];
}

const TWO_POW_32 = 4_294_967_296;
// Module-level aliases: every global lookup goes through the sandbox inside jest's vm context and costs ~20x more.
const { floor, imul, trunc } = Math;

class Mulberry32 implements Random {
  private state: number;

  constructor(seed: number) {
    this.state = foldToUint32(seed);
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  }

  int(min: number, maxInclusive: number): number {
    return min + floor(this.next() * (maxInclusive - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Cannot pick from an empty list');
    return items[floor(this.next() * items.length)] as T;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = floor(this.next() * (i + 1));
      const held = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = held;
    }
    return copy;
  }
}

export function createRandom(seed: number): Random {
  return new Mulberry32(seed);
}

/** murmur3's 32-bit finaliser: a bijection on uint32 with good avalanche. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A seed for record `index` of the stream `seed`. For a fixed seed, distinct indexes below 2^32 always give
 * distinct seeds (each step is a bijection), so records never share a sequence by accident.
 */
export function deriveSeed(seed: number, index: number): number {
  const low = index >>> 0;
  const high = floor(index / TWO_POW_32) >>> 0;
  let h = mix32(foldToUint32(seed) ^ 0x9e3779b9);
  h = mix32(h ^ low);
  return high === 0 ? h : mix32(h ^ mix32(high + 0x7f4a7c15));
}

/** A uniform number in [0, 1) from (seed, index) without building a generator. */
export function hashUnit(seed: number, index: number): number {
  return deriveSeed(seed, index) / TWO_POW_32;
}

/** Any finite number to a uint32; seeds above 2^32 keep their high bits. */
function foldToUint32(value: number): number {
  const n = trunc(value);
  const high = floor(n / TWO_POW_32);
  return high === 0 ? n >>> 0 : (n ^ mix32(high >>> 0)) >>> 0;
}
