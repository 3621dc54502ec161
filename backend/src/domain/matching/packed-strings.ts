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

/**
 * Appends strings into 16 MB byte chunks; each full chunk becomes one part with its own offsets, so building never
 * copies the bytes (a parallel build's shards are parts too).
 */
export class PackedStringsBuilder {
  private readonly parts: PackedStrings[] = [];
  private bytes: Uint8Array = new Uint8Array(0);
  private view: Buffer = Buffer.alloc(0);
  private used = 0;
  private offsets = new Uint32Array(1 << 12);
  private count = 0;

  constructor(private readonly options: { shared: boolean }) {}

  append(s: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (this.used + s.length * 3 > this.bytes.length) {
      this.finishPart();
      const size = Math.max(CHUNK_BYTES, s.length * 3);
      this.bytes = this.options.shared ? new Uint8Array(new SharedArrayBuffer(size)) : new Uint8Array(size);
      this.view = Buffer.from(this.bytes.buffer, 0, size);
    }
    this.used += this.view.write(s, this.used, 'utf8');
    if (this.count + 1 === this.offsets.length) {
      const grown = new Uint32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.count++;
    this.offsets[this.count] = this.used;
  }

  build(): PackedStrings[] {
    this.finishPart();
    return this.parts.length > 0 ? this.parts : [{ offsets: new Uint32Array(1), bytes: new Uint8Array(0) }];
  }

  private finishPart(): void {
    if (this.count === 0) return;
    const n = this.count + 1;
    const offsets = this.options.shared ? new Uint32Array(new SharedArrayBuffer(n * 4)) : new Uint32Array(n);
    offsets.set(this.offsets.subarray(0, n));
    // The unused tail of the chunk is less than three times the string that did not fit.
    this.parts.push({ offsets, bytes: this.bytes.subarray(0, this.used) });
    this.used = 0;
    this.count = 0;
    this.bytes = new Uint8Array(0);
  }
}

/**
 * Reads strings out of consecutive PackedStrings parts (chunks, and the shards of a parallel build, are kept as they
 * are rather than copied into one buffer). One Buffer view per part is made once, not per read.
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
    // The last part whose first string is at or before i.
    let part = 0;
    let hi = this.firsts.length - 2;
    while (part < hi) {
      const mid = (part + hi + 1) >>> 1;
      if (this.firsts[mid]! <= i) part = mid;
      else hi = mid - 1;
    }
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
