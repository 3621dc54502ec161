/**
 * A compact inverted index from blocking keys to record numbers: each (key, record) pair is 8 bytes
 * (a 32-bit FNV-1a hash of the key and the record number), radix-sorted by hash, looked up through a directory of
 * the top hash bits and a short binary search. Hash collisions only add candidates, which full scoring then rejects.
 * The shards of a parallel build are sorted apart and merged. The arrays can live in SharedArrayBuffers, so worker
 * threads query one index without copying it.
 */

export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The sorted pairs of a block index, as plain typed arrays (what crosses between threads). */
export interface BlockPairs {
  hashes: Uint32Array;
  records: Uint32Array;
}

/** Pairs are collected in fixed-size chunks: no doubling copies, and no over-allocated buffer at the peak. */
const CHUNK = 1 << 20;

export class BlockIndexBuilder {
  private hashChunks: Uint32Array[] = [];
  private recordChunks: Uint32Array[] = [];
  private used = CHUNK;
  private size = 0;

  add(key: string, record: number): void {
    if (this.used === CHUNK) {
      this.hashChunks.push(new Uint32Array(CHUNK));
      this.recordChunks.push(new Uint32Array(CHUNK));
      this.used = 0;
    }
    this.hashChunks[this.hashChunks.length - 1]![this.used] = hashKey(key);
    this.recordChunks[this.recordChunks.length - 1]![this.used] = record;
    this.used++;
    this.size++;
  }

  get pairs(): number {
    return this.size;
  }

  /** The pairs sorted by hash, stably (records of one hash in the order they were added). */
  sortedPairs(options: { shared: boolean }): BlockPairs {
    const n = this.size;
    // Pass one reads the chunks, which are dropped before pass two to keep the peak low.
    const low = radixPass({ hashChunks: this.hashChunks, recordChunks: this.recordChunks, n, shift: 0, shared: false });
    this.hashChunks = [];
    this.recordChunks = [];
    this.used = CHUNK;
    this.size = 0;
    return radixPass({ hashChunks: [low.hashes], recordChunks: [low.records], n, shift: 16, shared: options.shared });
  }

  build(options: { shared: boolean } = { shared: false }): BlockIndex {
    return BlockIndex.of(this.sortedPairs(options));
  }
}

/**
 * Directory buckets: the top bits of a hash say where its block of pairs can start and end. About 16 pairs a
 * bucket, at most 2^20 buckets (4 MB): the binary search after it stays within a few cache lines.
 */
const MAX_DIRECTORY_BITS = 20;

function directoryBits(pairs: number): number {
  return Math.min(MAX_DIRECTORY_BITS, Math.max(1, Math.ceil(Math.log2(Math.max(1, pairs / 16)))));
}

export class BlockIndex {
  /** directory[b] is the first pair whose hash has top bits >= b; directory[2^bits] = pairs. Rebuilt per thread, not shared. */
  private readonly directory: Uint32Array;
  /** 32 minus the directory's bits: hash >>> shift is a hash's bucket. */
  private readonly shift: number;

  private constructor(private readonly sorted: BlockPairs) {
    const bits = directoryBits(sorted.hashes.length);
    this.directory = directoryOf(sorted.hashes, bits);
    this.shift = 32 - bits;
  }

  /** Wraps pairs sorted by `sortedPairs` or `mergeSortedPairs`. */
  static of(sorted: BlockPairs): BlockIndex {
    return new BlockIndex(sorted);
  }

  get pairs(): number {
    return this.sorted.hashes.length;
  }

  get data(): BlockPairs {
    return this.sorted;
  }

  /** Record numbers filed under `key` in ascending record order, or an empty array when the block is larger than `maxBlock`. */
  lookup(key: string, maxBlock: number): Uint32Array {
    const h = hashKey(key);
    const hashes = this.sorted.hashes;
    // The first pair whose hash is >= h, by binary search within h's directory bucket.
    const bucket = h >>> this.shift;
    let lo = this.directory[bucket]!;
    let hi = this.directory[bucket + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hashes[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    // The end of h's block, reading no further than one pair past the limit.
    const limit = Math.min(hashes.length, lo + maxBlock + 1);
    let end = lo;
    while (end < limit && hashes[end] === h) end++;
    return end - lo > maxBlock ? EMPTY : this.sorted.records.subarray(lo, end);
  }
}

/**
 * The sorted pairs of consecutive shards (every record of one before those of the next, as a parallel build numbers
 * them) merged into the pairs one builder given all their records would sort: by hash, and within a hash by record.
 * One sorted run is searched with half the cache misses of two; the copy is made after the shards' own sort, when
 * memory is below the build's peak.
 */
export function mergeSortedPairs(runs: readonly BlockPairs[], options: { shared: boolean }): BlockPairs {
  if (runs.length === 0) return { hashes: allocate(0, options.shared), records: allocate(0, options.shared) };
  // Folded two at a time: a parallel build has a shard per core, so there are only a few.
  let merged = runs[0]!;
  for (let r = 1; r < runs.length; r++) merged = mergeTwo(merged, runs[r]!, options);
  return merged;
}

/** Two sorted runs merged; on equal hashes `a`'s pairs first (its records come first). */
function mergeTwo(a: BlockPairs, b: BlockPairs, options: { shared: boolean }): BlockPairs {
  const ah = a.hashes;
  const ar = a.records;
  const bh = b.hashes;
  const br = b.records;
  const n = ah.length + bh.length;
  const hashes = allocate(n, options.shared);
  const records = allocate(n, options.shared);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < ah.length && j < bh.length) {
    if (ah[i]! <= bh[j]!) {
      hashes[k] = ah[i]!;
      records[k++] = ar[i++]!;
    } else {
      hashes[k] = bh[j]!;
      records[k++] = br[j++]!;
    }
  }
  hashes.set(ah.subarray(i), k);
  records.set(ar.subarray(i), k);
  k += ah.length - i;
  hashes.set(bh.subarray(j), k);
  records.set(br.subarray(j), k);
  return { hashes, records };
}

function directoryOf(hashes: Uint32Array, bits: number): Uint32Array {
  const shift = 32 - bits;
  const directory = new Uint32Array((1 << bits) + 1);
  let i = 0;
  for (let b = 0; b < 1 << bits; b++) {
    while (i < hashes.length && hashes[i]! >>> shift < b) i++;
    directory[b] = i;
  }
  directory[1 << bits] = hashes.length;
  return directory;
}

const EMPTY = new Uint32Array(0);

export function allocate(n: number, shared: boolean): Uint32Array {
  return shared ? new Uint32Array(new SharedArrayBuffer(n * 4)) : new Uint32Array(n);
}

/**
 * One stable counting-sort pass of an LSD radix sort on 16 bits of the hash (shift 0, then 16), carrying the record
 * numbers along, into fresh exact-size arrays. The source is a list of chunks holding `n` pairs in all.
 */
function radixPass(source: {
  hashChunks: readonly Uint32Array[];
  recordChunks: readonly Uint32Array[];
  n: number;
  shift: 0 | 16;
  shared: boolean;
}): BlockPairs {
  const { hashChunks, recordChunks, n, shift } = source;
  const counts = new Uint32Array(65_536);
  const dstH = allocate(n, source.shared);
  const dstR = allocate(n, source.shared);
  let left = n;
  for (const chunk of hashChunks) {
    const m = Math.min(chunk.length, left);
    for (let i = 0; i < m; i++) counts[(chunk[i]! >>> shift) & 0xffff]!++;
    left -= m;
  }
  let sum = 0;
  for (let b = 0; b < 65_536; b++) {
    const c = counts[b]!;
    counts[b] = sum;
    sum += c;
  }
  left = n;
  for (let c = 0; c < hashChunks.length; c++) {
    const srcH = hashChunks[c]!;
    const srcR = recordChunks[c]!;
    const m = Math.min(srcH.length, left);
    for (let i = 0; i < m; i++) {
      const hv = srcH[i]!;
      const pos = counts[(hv >>> shift) & 0xffff]!++;
      dstH[pos] = hv;
      dstR[pos] = srcR[i]!;
    }
    left -= m;
  }
  return { hashes: dstH, records: dstR };
}
