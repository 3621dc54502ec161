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

/** Reads strings out of a PackedStrings (one Buffer view made once, not per read). */
export class PackedStringsReader {
  private readonly view: Buffer;

  constructor(private readonly data: PackedStrings) {
    this.view = Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength);
  }

  get length(): number {
    return this.data.offsets.length - 1;
  }

  at(i: number): string {
    return this.view.toString('utf8', this.data.offsets[i]!, this.data.offsets[i + 1]!);
  }
}

/** Joins packed string lists end to end, in order (the parts of a build done in shards). */
export function concatPackedStrings(parts: readonly PackedStrings[], options: { shared: boolean }): PackedStrings {
  const count = parts.reduce((n, p) => n + p.offsets.length - 1, 0);
  const size = parts.reduce((n, p) => n + p.bytes.length, 0);
  const bytes = options.shared ? new Uint8Array(new SharedArrayBuffer(size)) : new Uint8Array(size);
  const offsets = options.shared ? new Uint32Array(new SharedArrayBuffer((count + 1) * 4)) : new Uint32Array(count + 1);
  let at = 0;
  let index = 0;
  for (const p of parts) {
    bytes.set(p.bytes, at);
    const n = p.offsets.length - 1;
    for (let i = 1; i <= n; i++) offsets[index + i] = at + p.offsets[i]!;
    at += p.bytes.length;
    index += n;
  }
  return { offsets, bytes };
}
