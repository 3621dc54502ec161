/**
 * Scores a matcher's predictions against a linkage data set's truth: precision, recall, F1 and false-match rate at the
 * auto-apply and review thresholds, Expected Calibration Error of the confidence, and a plain-text report table.
 */

export type Band = 'auto' | 'review' | 'none';

/** One matcher answer per CRM record. `candidateId` is the best candidate even when it was not matched. */
export interface Prediction {
  id: string;
  matchId: string | null;
  candidateId?: string | null;
  confidence: number;
  band: Band;
}

export interface ThresholdMetrics {
  threshold: number;
  /** Records with a candidate at confidence >= threshold. */
  predicted: number;
  /** Of those, the ones whose candidate is the true match. */
  correct: number;
  /** null when nothing was predicted. */
  precision: number | null;
  /** null when no record has a true match. */
  recall: number | null;
  /** null when precision or recall is. */
  f1: number | null;
  /** Records with no true match that got a candidate at confidence >= threshold. */
  falseMatches: number;
  /** null when every record has a true match. */
  falseMatchRate: number | null;
}

export interface ReliabilityBin {
  range: { lower: number; upper: number };
  count: number;
  meanConfidence: number | null;
  accuracy: number | null;
}

export interface MatchingMetrics {
  records: number;
  withTruth: number;
  withoutTruth: number;
  auto: ThresholdMetrics;
  review: ThresholdMetrics;
  /** Over every prediction with a candidate; null when there is none. */
  ece: number | null;
  reliability: ReliabilityBin[];
}

export const CALIBRATION_BINS = 10;

interface Outcome {
  truth: string | null;
  candidate: string | null;
  confidence: number;
}

/**
 * The records are the keys of `truth`; a record without a prediction counts as having no candidate. A prediction
 * for an id that `truth` does not know, a repeated prediction or a confidence outside [0, 1] is a caller error.
 */
export function evaluateMatching(options: {
  predictions: readonly Prediction[];
  truth: ReadonlyMap<string, string | null>;
  thresholds: { auto: number; review: number };
}): MatchingMetrics {
  const { predictions, truth, thresholds } = options;
  const predictionOf = new Map<string, Prediction>();
  for (const prediction of predictions) {
    if (!truth.has(prediction.id)) throw new Error(`prediction for unknown record ${prediction.id}`);
    if (predictionOf.has(prediction.id)) throw new Error(`more than one prediction for record ${prediction.id}`);
    if (!(prediction.confidence >= 0 && prediction.confidence <= 1)) {
      throw new RangeError(`confidence ${prediction.confidence} of record ${prediction.id} is outside [0, 1]`);
    }
    predictionOf.set(prediction.id, prediction);
  }

  const outcomes: Outcome[] = [...truth].map(([id, trueId]) => {
    const prediction = predictionOf.get(id);
    return {
      truth: trueId,
      candidate: prediction ? (prediction.candidateId ?? prediction.matchId) : null,
      confidence: prediction?.confidence ?? 0,
    };
  });
  const withTruth = outcomes.filter((outcome) => outcome.truth !== null).length;
  const reliability = reliabilityOf(outcomes.filter((outcome) => outcome.candidate !== null));
  const scored = reliability.reduce((sum, bin) => sum + bin.count, 0);

  return {
    records: outcomes.length,
    withTruth,
    withoutTruth: outcomes.length - withTruth,
    auto: metricsAt({ outcomes, threshold: thresholds.auto, withTruth }),
    review: metricsAt({ outcomes, threshold: thresholds.review, withTruth }),
    ece: scored === 0 ? null : reliability.reduce((sum, bin) => sum + calibrationGap(bin) * (bin.count / scored), 0),
    reliability,
  };
}

function metricsAt(options: { outcomes: readonly Outcome[]; threshold: number; withTruth: number }): ThresholdMetrics {
  const { outcomes, threshold, withTruth } = options;
  const proposed = outcomes.filter((outcome) => outcome.candidate !== null && outcome.confidence >= threshold);
  const correct = proposed.filter((outcome) => outcome.candidate === outcome.truth).length;
  const falseMatches = proposed.filter((outcome) => outcome.truth === null).length;
  const withoutTruth = outcomes.length - withTruth;
  const precision = ratio(correct, proposed.length);
  const recall = ratio(correct, withTruth);
  return {
    threshold,
    predicted: proposed.length,
    correct,
    precision,
    recall,
    f1: f1Of(precision, recall),
    falseMatches,
    falseMatchRate: ratio(falseMatches, withoutTruth),
  };
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function f1Of(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return null;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Equal-width bins over [0, 1]; the last bin also holds confidence 1. */
function reliabilityOf(outcomes: readonly Outcome[]): ReliabilityBin[] {
  const sums = Array.from({ length: CALIBRATION_BINS }, () => ({ count: 0, confidence: 0, correct: 0 }));
  for (const outcome of outcomes) {
    const sum = sums[Math.min(Math.floor(outcome.confidence * CALIBRATION_BINS), CALIBRATION_BINS - 1)];
    if (!sum) continue;
    sum.count += 1;
    sum.confidence += outcome.confidence;
    if (outcome.candidate === outcome.truth) sum.correct += 1;
  }
  return sums.map((sum, index) => ({
    range: { lower: index / CALIBRATION_BINS, upper: (index + 1) / CALIBRATION_BINS },
    count: sum.count,
    meanConfidence: ratio(sum.confidence, sum.count),
    accuracy: ratio(sum.correct, sum.count),
  }));
}

function calibrationGap(bin: ReliabilityBin): number {
  return bin.meanConfidence === null || bin.accuracy === null ? 0 : Math.abs(bin.meanConfidence - bin.accuracy);
}

export interface MetricsTableRow {
  dataset: string;
  metrics: MatchingMetrics;
  recordsPerSecond: number;
}

const TABLE_COLUMNS = [
  { title: 'dataset', align: 'left' },
  { title: 'level', align: 'left' },
  { title: 'threshold', align: 'right' },
  { title: 'records', align: 'right' },
  { title: 'predicted', align: 'right' },
  { title: 'correct', align: 'right' },
  { title: 'precision', align: 'right' },
  { title: 'recall', align: 'right' },
  { title: 'f1', align: 'right' },
  { title: 'false-match rate', align: 'right' },
  { title: 'ece', align: 'right' },
  { title: 'records/s', align: 'right' },
] as const;

/** Two lines per data set (auto, then review), columns padded to line up in a terminal; "n/a" where undefined. */
export function formatMetricsTable(rows: readonly MetricsTableRow[]): string {
  const cells = rows.flatMap(({ dataset, metrics, recordsPerSecond }) =>
    (['auto', 'review'] as const).map((level) => {
      const at = metrics[level];
      return [
        dataset,
        level,
        at.threshold.toFixed(2),
        String(metrics.records),
        String(at.predicted),
        String(at.correct),
        formatRatio(at.precision),
        formatRatio(at.recall),
        formatRatio(at.f1),
        `${formatRatio(at.falseMatchRate)} (${at.falseMatches}/${metrics.withoutTruth})`,
        formatRatio(metrics.ece),
        recordsPerSecond >= 100 ? recordsPerSecond.toFixed(0) : recordsPerSecond.toFixed(1),
      ];
    }),
  );
  const header = TABLE_COLUMNS.map((column) => column.title);
  const widths = header.map((title, index) => Math.max(title.length, ...cells.map((line) => line[index]?.length ?? 0)));
  const render = (line: readonly string[]): string =>
    line
      .map((cell, index) => {
        const width = widths[index] ?? cell.length;
        return TABLE_COLUMNS[index]?.align === 'left' ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...cells.map(render)].join('\n');
}

function formatRatio(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}
