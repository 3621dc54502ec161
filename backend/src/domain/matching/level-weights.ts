/**
 * A model's weights laid out for comparison rows: one flat table indexed by field position and level code, so
 * scoring a candidate is a dozen array reads instead of a dozen keyed lookups by field and level name. Gives exactly
 * the weights `comparisonWeight` gives (same table values, same term-frequency rule, same summing order).
 */
import type { MatchReason } from '@accord/shared';
import { crmValueOf, levelsByCode, referenceValueOf, type ComparedPair, type ComparisonRow } from './compare/compare-fields';
import { termFrequencyWeight, weightOf, type MatchingModel } from './model';

const LEVELS = levelsByCode.length;

export class LevelWeights {
  private readonly table: Float64Array;
  /** P(exact | match) of each term-frequency field; NaN for the others. */
  private readonly termM: Float64Array;

  constructor(
    model: MatchingModel,
    private readonly fields: readonly string[],
  ) {
    this.table = new Float64Array(fields.length * LEVELS);
    this.termM = new Float64Array(fields.length);
    fields.forEach((field, i) => {
      levelsByCode.forEach((level, code) => (this.table[i * LEVELS + code] = weightOf(model, field, level)));
      this.termM[i] = model.termFrequency?.[field] ?? Number.NaN;
    });
  }

  /** The weight field `i` of `row` adds. */
  weight(row: ComparisonRow, i: number): number {
    const level = row.levels[i]!;
    const share = row.termShares[i]!;
    const m = this.termM[i]!;
    if (level !== 0 || Number.isNaN(share) || Number.isNaN(m)) return this.table[i * LEVELS + level]!;
    return termFrequencyWeight(m, share);
  }

  /** Sum of the row's weights: the log2 likelihood ratio of "same entity". */
  score(row: ComparisonRow): number {
    let score = 0;
    for (let i = 0; i < this.fields.length; i++) score += this.weight(row, i);
    return score;
  }

  /** Every field of the row with its weight and the values compared, for showing why a candidate scored as it did. */
  reasons(pair: ComparedPair): MatchReason[] {
    const { row } = pair;
    const out: MatchReason[] = [];
    for (let i = 0; i < this.fields.length; i++) {
      out.push({
        field: this.fields[i]!,
        comparison: levelsByCode[row.levels[i]!]!,
        weight: Math.round(this.weight(row, i) * 100) / 100,
        crmValue: crmValueOf(pair, i),
        referenceValue: referenceValueOf(pair, i),
      });
    }
    return out;
  }
}
