/**
 * Many short strings as UTF-8 bytes in one buffer with an offsets array. A million reference records' ids, labels and
 * packed features take a fraction of what as many JS strings do (no per-string header, no pointer array), and the
 * two buffers can be SharedArrayBuffers that worker threads read without a copy.
 */

export interface PackedStrings {
  /** offsets[i]..offsets[i + 1] are the bytes of string i; offsets.length is the count + 1. */
  offsets: Uint32Array;
  bytes: Uint8Array;
}

const CHUNK_BYTES = 16 << 20;

export class PackedStringsBuilder {
  private readonly chunks: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(0);
  private used = 0;
  private total = 0;
  private offsets = new Uint32Array(1 << 16);
  private count = 0;

  get length(): number {
    return this.count;
  }

  append(s: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (this.used + s.length * 3 > this.chunk.length) {
      if (this.used > 0) this.chunks.push(this.chunk.subarray(0, this.used));
      this.chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, s.length * 3));
      this.used = 0;
    }
    const written = this.chunk.write(s, this.used, 'utf8');
    this.used += written;
    this.total += written;
    if (this.count + 1 === this.offsets.length) {
      const grown = new Uint32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.count++;
    this.offsets[this.count] = this.total;
  }

  build(options: { shared: boolean }): PackedStrings {
    if (this.used > 0) this.chunks.push(this.chunk.subarray(0, this.used));
    const bytes = options.shared ? new Uint8Array(new SharedArrayBuffer(this.total)) : new Uint8Array(this.total);
    let at = 0;
    for (const c of this.chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    const offsets = options.shared ? new Uint32Array(new SharedArrayBuffer((this.count + 1) * 4)) : new Uint32Array(this.count + 1);
    offsets.set(this.offsets.subarray(0, this.count + 1));
    this.chunks.length = 0;
    this.chunk = Buffer.allocUnsafe(0);
    this.offsets = new Uint32Array(1 << 16);
    return { offsets, bytes };
  }
}

/**
 * Reads strings out of consecutive PackedStrings parts (the shards of a parallel build are kept as they are rather
 * than copied into one buffer). One Buffer view per part is made once, not per read.
 */
export class PackedStringsReader {
  private readonly views: Utf8Slicing[];
  private readonly offsets: Uint32Array[];
  /** firsts[p] is the index of part p's first string; the last entry is the count. */
  private readonly firsts: number[];

  constructor(parts: readonly PackedStrings[]) {
    this.views = parts.map((p) => Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength) as Utf8Slicing);
    this.offsets = parts.map((p) => p.offsets);
    this.firsts = [0];
    for (const p of parts) this.firsts.push(this.firsts[this.firsts.length - 1]! + p.offsets.length - 1);
  }

  get length(): number {
    return this.firsts[this.firsts.length - 1]!;
  }

  at(i: number): string {
    let part = 0;
    while (i >= this.firsts[part + 1]!) part++;
    const local = i - this.firsts[part]!;
    const offsets = this.offsets[part]!;
    return this.views[part]!.utf8Slice(offsets[local]!, offsets[local + 1]!);
  }
}

/**
 * Buffer#utf8Slice is what Buffer#toString('utf8', start, end) calls after checking its arguments; called directly it
 * saves a third of the cost of reading a record's strings. Node has it on every Buffer, but its types do not say so.
 */
type Utf8Slicing = Buffer & { utf8Slice(start: number, end: number): string };
