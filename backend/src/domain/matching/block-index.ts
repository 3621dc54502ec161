/**
 * A compact inverted index from blocking keys to record numbers: each (key, record) pair is 8 bytes
 * (a 32-bit FNV-1a hash of the key and the record number), radix-sorted by hash, looked up by binary search.
 * Hash collisions only add candidates, which full scoring then rejects.
 */

export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class BlockIndexBuilder {
  private hashes = new Uint32Array(1 << 16);
  private records = new Uint32Array(1 << 16);
  private size = 0;

  add(key: string, record: number): void {
    if (this.size === this.hashes.length) this.grow();
    this.hashes[this.size] = hashKey(key);
    this.records[this.size] = record;
    this.size++;
  }

  get pairs(): number {
    return this.size;
  }

  build(): BlockIndex {
    const n = this.size;
    // Pass one reads the (over-allocated) build buffers; they are dropped before pass two to keep the peak low.
    const low = radixPass(this.hashes.subarray(0, n), this.records.subarray(0, n), 0);
    this.hashes = new Uint32Array(0);
    this.records = new Uint32Array(0);
    this.size = 0;
    const sorted = radixPass(low.hashes, low.records, 16);
    return new BlockIndex(sorted.hashes, sorted.records);
  }

  private grow(): void {
    const cap = this.hashes.length * 2;
    const h = new Uint32Array(cap);
    h.set(this.hashes);
    const r = new Uint32Array(cap);
    r.set(this.records);
    this.hashes = h;
    this.records = r;
  }
}

export class BlockIndex {
  constructor(
    private readonly hashes: Uint32Array,
    private readonly records: Uint32Array,
  ) {}

  get pairs(): number {
    return this.hashes.length;
  }

  /** Record numbers filed under `key`, or an empty array when the block is larger than `maxBlock`. */
  lookup(key: string, maxBlock: number): Uint32Array {
    const h = hashKey(key);
    const start = this.lowerBound(h);
    let end = start;
    const limit = Math.min(this.hashes.length, start + maxBlock + 1);
    while (end < limit && this.hashes[end] === h) end++;
    if (end - start > maxBlock) return EMPTY;
    return this.records.subarray(start, end);
  }

  private lowerBound(h: number): number {
    let lo = 0;
    let hi = this.hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.hashes[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const EMPTY = new Uint32Array(0);

/**
 * One stable counting-sort pass of an LSD radix sort on 16 bits of the hash (shift 0, then 16), carrying the record
 * numbers along, into fresh exact-size arrays.
 */
function radixPass(srcH: Uint32Array, srcR: Uint32Array, shift: 0 | 16): { hashes: Uint32Array; records: Uint32Array } {
  const n = srcH.length;
  const counts = new Uint32Array(65_536);
  const dstH = new Uint32Array(n);
  const dstR = new Uint32Array(n);
  for (let i = 0; i < n; i++) counts[(srcH[i]! >>> shift) & 0xffff]!++;
  let sum = 0;
  for (let b = 0; b < 65_536; b++) {
    const c = counts[b]!;
    counts[b] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const hv = srcH[i]!;
    const pos = counts[(hv >>> shift) & 0xffff]!++;
    dstH[pos] = hv;
    dstR[pos] = srcR[i]!;
  }
  return { hashes: dstH, records: dstR };
}
