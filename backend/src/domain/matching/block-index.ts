/**
 * A compact inverted index from blocking keys to record numbers: each (key, record) pair is 8 bytes
 * (a 32-bit FNV-1a hash of the key and the record number), radix-sorted by hash, looked up through a directory of
 * the top hash bits and a short binary search. Hash collisions only add candidates, which full scoring then rejects.
 * The arrays can live in SharedArrayBuffers, so worker threads query one index without copying it.
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
    return BlockIndex.fromPairs(this.sortedPairs(options));
  }
}

/** Directory buckets: the top DIRECTORY_BITS of a hash say where its run of pairs can start and end. */
const DIRECTORY_BITS = 20;
const DIRECTORY_SHIFT = 32 - DIRECTORY_BITS;

export class BlockIndex {
  private constructor(
    private readonly hashes: Uint32Array,
    private readonly records: Uint32Array,
    /** directory[b] is the first pair whose hash has top bits >= b; directory[2^bits] = pairs. */
    private readonly directory: Uint32Array,
  ) {}

  /** Wraps sorted pairs (from `sortedPairs` or `mergeSortedPairs`); the directory is rebuilt, not shared. */
  static fromPairs(pairs: BlockPairs): BlockIndex {
    const { hashes, records } = pairs;
    const directory = new Uint32Array((1 << DIRECTORY_BITS) + 1);
    let i = 0;
    for (let b = 0; b < 1 << DIRECTORY_BITS; b++) {
      while (i < hashes.length && hashes[i]! >>> DIRECTORY_SHIFT < b) i++;
      directory[b] = i;
    }
    directory[1 << DIRECTORY_BITS] = hashes.length;
    return new BlockIndex(hashes, records, directory);
  }

  get pairs(): number {
    return this.hashes.length;
  }

  get data(): BlockPairs {
    return { hashes: this.hashes, records: this.records };
  }

  /** Record numbers filed under `key`, or an empty array when the block is larger than `maxBlock`. */
  lookup(key: string, maxBlock: number): Uint32Array {
    const h = hashKey(key);
    const hashes = this.hashes;
    const bucket = h >>> DIRECTORY_SHIFT;
    let lo = this.directory[bucket]!;
    let hi = this.directory[bucket + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hashes[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    const start = lo;
    let end = start;
    const limit = Math.min(hashes.length, start + maxBlock + 1);
    while (end < limit && hashes[end] === h) end++;
    if (end - start > maxBlock) return EMPTY;
    return this.records.subarray(start, end);
  }
}

const EMPTY = new Uint32Array(0);

/**
 * Merges runs of sorted pairs into one sorted run; on equal hashes the earlier run comes first, so merging the
 * sorted pairs of consecutive shards gives exactly what sorting all their pairs together would.
 */
export function mergeSortedPairs(runs: readonly BlockPairs[], options: { shared: boolean }): BlockPairs {
  const n = runs.reduce((sum, r) => sum + r.hashes.length, 0);
  const hashes = allocate(n, options.shared);
  const records = allocate(n, options.shared);
  const next = runs.map(() => 0);
  for (let out = 0; out < n; out++) {
    let best = -1;
    let bestHash = 0;
    for (let r = 0; r < runs.length; r++) {
      const i = next[r]!;
      const run = runs[r]!;
      if (i < run.hashes.length && (best < 0 || run.hashes[i]! < bestHash)) {
        best = r;
        bestHash = run.hashes[i]!;
      }
    }
    const i = next[best]!++;
    hashes[out] = bestHash;
    records[out] = runs[best]!.records[i]!;
  }
  return { hashes, records };
}

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
