/**
 * A compact inverted index from blocking keys to record numbers: each (key, record) pair is 8 bytes
 * (a 32-bit FNV-1a hash of the key and the record number), radix-sorted by hash, looked up through a directory of
 * the top hash bits and a short binary search. Hash collisions only add candidates, which full scoring then rejects.
 * An index is one or more sorted runs of consecutive record ranges (one per shard of a parallel build), searched one
 * after the other: joining shards then needs no merge, which would hold every pair twice at the build's peak.
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
    return BlockIndex.fromRuns([this.sortedPairs(options)]);
  }
}

/**
 * Directory buckets: the top bits of a hash say where its block of pairs can start and end. About 16 pairs a
 * bucket, at most 2^20 buckets (4 MB a run): the binary search after it stays within a few cache lines.
 */
const MAX_DIRECTORY_BITS = 20;

function directoryBits(pairs: number): number {
  return Math.min(MAX_DIRECTORY_BITS, Math.max(1, Math.ceil(Math.log2(Math.max(1, pairs / 16)))));
}

/** One sorted run with its directory: directory[b] is the first pair whose hash has top bits >= b; directory[2^bits] = pairs. */
interface Run {
  hashes: Uint32Array;
  records: Uint32Array;
  directory: Uint32Array;
  /** 32 minus the directory's bits: hash >>> shift is a hash's bucket. */
  shift: number;
}

export class BlockIndex {
  /** Where a lookup over several runs gathers their records (valid until the next lookup). */
  private scratch = new Uint32Array(1024);

  private constructor(private readonly runs: readonly Run[]) {}

  /**
   * Wraps sorted runs (from `sortedPairs`), in record order: every record of a run comes before those of the next.
   * Directories are rebuilt per thread, not shared.
   */
  static fromRuns(runs: readonly BlockPairs[]): BlockIndex {
    return new BlockIndex(
      runs.map((r) => {
        const bits = directoryBits(r.hashes.length);
        return { hashes: r.hashes, records: r.records, directory: directoryOf(r.hashes, bits), shift: 32 - bits };
      }),
    );
  }

  get pairs(): number {
    let n = 0;
    for (const r of this.runs) n += r.hashes.length;
    return n;
  }

  get data(): BlockPairs[] {
    return this.runs.map((r) => ({ hashes: r.hashes, records: r.records }));
  }

  /**
   * Record numbers filed under `key` in ascending record order, or an empty array when the block is larger than
   * `maxBlock`. With several runs the answer may be a view of a scratch buffer: read it before the next lookup.
   */
  lookup(key: string, maxBlock: number): Uint32Array {
    const h = hashKey(key);
    const runs = this.runs;
    if (runs.length === 1) {
      const run = runs[0]!;
      const start = firstAtOrAbove(run, h);
      const end = endOfBlock(run, { start, hash: h, limit: maxBlock + 1 });
      return end - start > maxBlock ? EMPTY : run.records.subarray(start, end);
    }
    let total = 0;
    let only: Uint32Array = EMPTY;
    let parts = 0;
    for (const run of runs) {
      const start = firstAtOrAbove(run, h);
      const end = endOfBlock(run, { start, hash: h, limit: maxBlock + 1 - total });
      if (end === start) continue;
      total += end - start;
      if (total > maxBlock) return EMPTY;
      if (parts++ === 0) only = run.records.subarray(start, end);
      else {
        if (parts === 2) this.gather(only, 0);
        this.gather(run.records.subarray(start, end), total - (end - start));
      }
    }
    return parts <= 1 ? only : this.scratch.subarray(0, total);
  }

  private gather(records: Uint32Array, at: number): void {
    if (at + records.length > this.scratch.length) {
      const grown = new Uint32Array(Math.max(this.scratch.length * 2, at + records.length));
      grown.set(this.scratch.subarray(0, at));
      this.scratch = grown;
    }
    this.scratch.set(records, at);
  }
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

/** The first pair of `run` whose hash is >= h. */
function firstAtOrAbove(run: Run, h: number): number {
  const hashes = run.hashes;
  const bucket = h >>> run.shift;
  let lo = run.directory[bucket]!;
  let hi = run.directory[bucket + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hashes[mid]! < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The end of the block of `hash` starting at `start`, reading no further than `limit` pairs. */
function endOfBlock(run: Run, at: { start: number; hash: number; limit: number }): number {
  const hashes = run.hashes;
  const limit = Math.min(hashes.length, at.start + Math.max(0, at.limit));
  let end = at.start;
  while (end < limit && hashes[end] === at.hash) end++;
  return end;
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
