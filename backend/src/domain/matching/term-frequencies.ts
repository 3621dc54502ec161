/**
 * Term frequencies of reference values (Splink's "term frequency adjustment"): agreeing on a surname or postcode
 * that one reference record in ten thousand holds says far more than agreeing on one that one in ten holds. The
 * reference index counts the values of a few fields as it is built; the model turns an exact agreement's share into
 * its weight (see `comparisonWeight` in model.ts).
 */

/** Share of the reference records (of one kind, with the field present) that hold `value` in `field`. */
export interface TermShares {
  share(field: string, value: string): number | undefined;
}

/** Fields whose exact agreements are weighed by how common the value is. */
export const personTermFields = ['firstName', 'lastName', 'city', 'postcode'] as const;
export const companyTermFields = ['city', 'postcode'] as const;

export class TermFrequencies implements TermShares {
  /** Per field (in the constructor's order): value → records holding it, and records with the field present. */
  private readonly counters: Map<string, { n: number }>[];
  private readonly totals: number[];
  private readonly fieldIndex: Map<string, number>;

  constructor(private readonly fields: readonly string[]) {
    this.counters = fields.map(() => new Map());
    this.totals = fields.map(() => 0);
    this.fieldIndex = new Map(fields.map((f, i) => [f, i]));
  }

  /** Counts one record's value of `field`; absent values and unknown fields are ignored. */
  add(field: string, value: string | null): void {
    const i = this.fieldIndex.get(field);
    if (i !== undefined) this.addAt(i, value);
  }

  /** Counts one record's values of every field, in the constructor's order (what the index builder calls). */
  addRecord(values: readonly (string | null)[]): void {
    for (let i = 0; i < values.length; i++) this.addAt(i, values[i]!);
  }

  private addAt(i: number, value: string | null): void {
    if (!value) return;
    // A counter object per distinct value: one map lookup for a value seen before (most of them), not two.
    const counters = this.counters[i]!;
    const counter = counters.get(value);
    if (counter === undefined) counters.set(value, { n: 1 });
    else counter.n++;
    this.totals[i]!++;
  }

  /** Adds counts taken from another TermFrequencies (a shard's, or another thread's). */
  addCounts(counts: TermCounts): void {
    for (const [field, entries] of Object.entries(counts)) {
      const i = this.fieldIndex.get(field);
      if (i === undefined) continue;
      const counters = this.counters[i]!;
      let added = 0;
      for (const [value, n] of entries) {
        const counter = counters.get(value);
        if (counter === undefined) counters.set(value, { n });
        else counter.n += n;
        added += n;
      }
      this.totals[i]! += added;
    }
  }

  toCounts(): TermCounts {
    const out: TermCounts = {};
    this.fields.forEach((field, i) => (out[field] = Array.from(this.counters[i]!, ([value, counter]) => [value, counter.n])));
    return out;
  }

  share(field: string, value: string): number | undefined {
    const i = this.fieldIndex.get(field);
    const total = i === undefined ? 0 : this.totals[i]!;
    if (!total) return undefined;
    // A value no reference record holds (only possible for a caller's own value) counts as held once.
    return Math.max(1, this.counters[i!]!.get(value)?.n ?? 0) / total;
  }
}

/** No term frequencies: every exact agreement keeps its trained weight. */
export const noTermShares: TermShares = { share: () => undefined };

/** Counts per field as [value, count] pairs: what crosses between threads, and what the shards of a build add up. */
export type TermCounts = Record<string, [string, number][]>;
