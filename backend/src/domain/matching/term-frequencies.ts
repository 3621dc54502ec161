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
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly totals = new Map<string, number>();

  constructor(fields: readonly string[]) {
    for (const f of fields) {
      this.counts.set(f, new Map());
      this.totals.set(f, 0);
    }
  }

  /** Counts one record's value of `field`; absent values and unknown fields are ignored. */
  add(field: string, value: string | null): void {
    const counts = this.counts.get(field);
    if (!counts || !value) return;
    counts.set(value, (counts.get(value) ?? 0) + 1);
    this.totals.set(field, this.totals.get(field)! + 1);
  }

  /** Adds counts taken from another TermFrequencies (a shard's, or another thread's). */
  addCounts(counts: TermCounts): void {
    for (const [field, entries] of Object.entries(counts)) {
      const fieldCounts = this.counts.get(field);
      if (!fieldCounts) continue;
      let added = 0;
      for (const [value, n] of entries) {
        fieldCounts.set(value, (fieldCounts.get(value) ?? 0) + n);
        added += n;
      }
      this.totals.set(field, this.totals.get(field)! + added);
    }
  }

  toCounts(): TermCounts {
    const out: TermCounts = {};
    for (const [field, fieldCounts] of this.counts) out[field] = [...fieldCounts];
    return out;
  }

  share(field: string, value: string): number | undefined {
    const total = this.totals.get(field);
    if (!total) return undefined;
    // A value no reference record holds (only possible for a caller's own value) counts as held once.
    return Math.max(1, this.counts.get(field)!.get(value) ?? 0) / total;
  }
}

/** No term frequencies: every exact agreement keeps its trained weight. */
export const noTermShares: TermShares = { share: () => undefined };

/** Counts per field as [value, count] pairs: what crosses between threads, and what the shards of a build add up. */
export type TermCounts = Record<string, [string, number][]>;
