import { evaluateMatching, formatMetricsTable, type Prediction } from './metrics';

const thresholds = { auto: 0.8, review: 0.5 };

function predict(id: string, candidate: string | null, confidence: number): Prediction {
  const band = confidence >= 0.8 ? 'auto' : confidence >= 0.5 ? 'review' : 'none';
  return { id, matchId: candidate, confidence, band };
}

function truthOf(entries: Record<string, string | null>): Map<string, string | null> {
  return new Map(Object.entries(entries));
}

type Truth = Record<string, string | null>;
type ExpectedAt = Record<
  'predicted' | 'correct' | 'precision' | 'recall' | 'f1' | 'falseMatches' | 'falseMatchRate',
  number | null
>;

describe('evaluateMatching at the two thresholds', () => {
  it.each<{ title: string; truth: Truth; predictions: Prediction[]; auto: ExpectedAt; review: ExpectedAt }>([
    {
      title: 'scores every answer right as perfect',
      truth: { a: 'r1', b: 'r2', c: 'r3' },
      predictions: [predict('a', 'r1', 0.9), predict('b', 'r2', 0.9), predict('c', 'r3', 0.9)],
      auto: { predicted: 3, correct: 3, precision: 1, recall: 1, f1: 1, falseMatches: 0, falseMatchRate: null },
      review: { predicted: 3, correct: 3, precision: 1, recall: 1, f1: 1, falseMatches: 0, falseMatchRate: null },
    },
    {
      title: 'scores every answer wrong as zero',
      truth: { a: 'r1', b: 'r2', c: 'r3' },
      predictions: [predict('a', 'r7', 0.9), predict('b', 'r8', 0.9), predict('c', 'r9', 0.9)],
      auto: { predicted: 3, correct: 0, precision: 0, recall: 0, f1: 0, falseMatches: 0, falseMatchRate: null },
      review: { predicted: 3, correct: 0, precision: 0, recall: 0, f1: 0, falseMatches: 0, falseMatchRate: null },
    },
    {
      title: 'counts candidates on records with no truth as false matches',
      truth: { a: 'r1', b: 'r2', c: 'r3', d: null, e: null },
      predictions: [
        predict('a', 'r1', 0.95),
        predict('b', 'r9', 0.7),
        { id: 'c', matchId: null, candidateId: 'r3', confidence: 0.4, band: 'none' },
        predict('d', 'r5', 0.85),
        { id: 'e', matchId: null, candidateId: null, confidence: 0.1, band: 'none' },
      ],
      auto: { predicted: 2, correct: 1, precision: 0.5, recall: 1 / 3, f1: 0.4, falseMatches: 1, falseMatchRate: 0.5 },
      review: { predicted: 3, correct: 1, precision: 1 / 3, recall: 1 / 3, f1: 1 / 3, falseMatches: 1, falseMatchRate: 0.5 },
    },
    {
      title: 'leaves recall undefined when no record has a true match',
      truth: { x: null, y: null },
      predictions: [predict('x', 'r1', 0.9), predict('y', null, 0.2)],
      auto: { predicted: 1, correct: 0, precision: 0, recall: null, f1: null, falseMatches: 1, falseMatchRate: 0.5 },
      review: { predicted: 1, correct: 0, precision: 0, recall: null, f1: null, falseMatches: 1, falseMatchRate: 0.5 },
    },
    {
      title: 'leaves precision undefined when nothing is predicted, and counts missing predictions as misses',
      truth: { a: 'r1', d: null },
      predictions: [],
      auto: { predicted: 0, correct: 0, precision: null, recall: 0, f1: null, falseMatches: 0, falseMatchRate: 0 },
      review: { predicted: 0, correct: 0, precision: null, recall: 0, f1: null, falseMatches: 0, falseMatchRate: 0 },
    },
    {
      title: 'includes a confidence exactly at the threshold and excludes one just below',
      truth: { a: 'r1', b: 'r2' },
      predictions: [predict('a', 'r1', 0.8), predict('b', 'r2', 0.7999)],
      auto: { predicted: 1, correct: 1, precision: 1, recall: 0.5, f1: 2 / 3, falseMatches: 0, falseMatchRate: null },
      review: { predicted: 2, correct: 2, precision: 1, recall: 1, f1: 1, falseMatches: 0, falseMatchRate: null },
    },
    {
      title: 'prefers candidateId over matchId',
      truth: { a: 'r1', b: 'r2' },
      predictions: [
        { id: 'a', matchId: null, candidateId: 'r1', confidence: 0.6, band: 'review' },
        { id: 'b', matchId: 'r2', candidateId: 'r3', confidence: 0.9, band: 'auto' },
      ],
      auto: { predicted: 1, correct: 0, precision: 0, recall: 0, f1: 0, falseMatches: 0, falseMatchRate: null },
      review: { predicted: 2, correct: 1, precision: 0.5, recall: 0.5, f1: 0.5, falseMatches: 0, falseMatchRate: null },
    },
  ])('$title', ({ truth, predictions, auto, review }) => {
    const metrics = evaluateMatching({ predictions, truth: truthOf(truth), thresholds });
    expect(metrics.auto).toEqual(approximately({ threshold: 0.8, ...auto }));
    expect(metrics.review).toEqual(approximately({ threshold: 0.5, ...review }));
  });

  it('counts the records with and without a true match', () => {
    const metrics = evaluateMatching({ predictions: [], truth: truthOf({ a: 'r1', b: 'r2', c: null }), thresholds });
    expect(metrics).toMatchObject({ records: 3, withTruth: 2, withoutTruth: 1 });
  });
});

/** Numbers compared to 10 decimals, so 1 / 3 and 0.4 read as computed by hand. */
function approximately(expected: Record<string, number | null>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(expected).map(([key, value]) => [key, value === null ? null : expect.closeTo(value, 10)]),
  );
}

describe('evaluateMatching calibration', () => {
  it.each<{ title: string; truth: Truth; predictions: Prediction[]; ece: number | null }>([
    {
      // Bins 9: |0.95 - 1| = 0.05 (n 1); 8: |0.835 - 0.5| = 0.335 (n 2); 3: |0.35 - 0| = 0.35 (n 1).
      // ECE = (0.05 + 2 * 0.335 + 0.35) / 4 = 0.2675; the record with no candidate is left out.
      title: 'weighs each bin gap by its share of the predictions',
      truth: { a: 'r1', b: 'r2', c: 'r3', d: 'r4', e: 'r5' },
      predictions: [
        predict('a', 'r1', 0.95),
        predict('b', 'rx', 0.85),
        predict('c', 'r3', 0.82),
        predict('d', 'rx', 0.35),
        predict('e', null, 0.5),
      ],
      ece: 0.2675,
    },
    {
      // Bins 9: 0.05, 8: 0.85 (wrong, no truth), 7: 0.7 (wrong), 4: |0.4 - 1| = 0.6 (right, candidateId only).
      title: 'scores a candidate for a record with no truth as wrong',
      truth: { a: 'r1', b: 'r2', c: 'r3', d: null },
      predictions: [
        predict('a', 'r1', 0.95),
        predict('b', 'r9', 0.7),
        { id: 'c', matchId: null, candidateId: 'r3', confidence: 0.4, band: 'none' },
        predict('d', 'r5', 0.85),
      ],
      ece: 0.55,
    },
    {
      title: 'is 1 - confidence when all are right',
      truth: { a: 'r1', b: 'r2' },
      predictions: [predict('a', 'r1', 0.9), predict('b', 'r2', 0.9)],
      ece: 0.1,
    },
    {
      title: 'is the confidence when all are wrong',
      truth: { a: 'r1', b: 'r2' },
      predictions: [predict('a', 'rx', 0.9), predict('b', 'ry', 0.9)],
      ece: 0.9,
    },
    {
      title: 'is zero for certain answers at the two ends of the scale',
      truth: { a: 'r1', b: 'r2' },
      predictions: [predict('a', 'r1', 1), predict('b', 'rx', 0)],
      ece: 0,
    },
    {
      title: 'is undefined when no prediction has a candidate',
      truth: { a: 'r1' },
      predictions: [predict('a', null, 0.3)],
      ece: null,
    },
  ])('$title', ({ truth, predictions, ece }) => {
    const metrics = evaluateMatching({ predictions, truth: truthOf(truth), thresholds });
    if (ece === null) expect(metrics.ece).toBeNull();
    else expect(metrics.ece).toBeCloseTo(ece, 10);
  });

  it('reports ten equal-width bins, empty ones with no mean or accuracy', () => {
    const metrics = evaluateMatching({
      predictions: [
        predict('a', 'r1', 0.95),
        predict('b', 'rx', 0.85),
        predict('c', 'r3', 0.82),
        predict('d', 'r4', 1),
        predict('e', 'rx', 0),
      ],
      truth: truthOf({ a: 'r1', b: 'r2', c: 'r3', d: 'r4', e: 'r5' }),
      thresholds,
    });
    expect(metrics.reliability.map((bin) => bin.range)).toEqual(
      Array.from({ length: 10 }, (_, i) => ({ lower: i / 10, upper: (i + 1) / 10 })),
    );
    expect(metrics.reliability.map((bin) => bin.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 2, 2]);
    const [first, second, , , , , , , eighth, last] = metrics.reliability;
    expect(first).toMatchObject({ meanConfidence: 0, accuracy: 0 });
    expect(second).toMatchObject({ count: 0, meanConfidence: null, accuracy: null });
    expect(eighth?.meanConfidence).toBeCloseTo(0.835, 10);
    expect(eighth?.accuracy).toBe(0.5);
    expect(last?.meanConfidence).toBeCloseTo(0.975, 10);
    expect(last?.accuracy).toBe(1);
  });
});

describe('evaluateMatching input checks', () => {
  it.each([
    {
      title: 'a prediction for a record the truth does not know',
      predictions: [predict('zz', 'r1', 0.9)],
      message: /unknown record zz/,
    },
    {
      title: 'two predictions for one record',
      predictions: [predict('a', 'r1', 0.9), predict('a', 'r2', 0.8)],
      message: /more than one prediction for record a/,
    },
    { title: 'a confidence above 1', predictions: [predict('a', 'r1', 1.2)], message: /outside \[0, 1\]/ },
    { title: 'a confidence that is not a number', predictions: [predict('a', 'r1', Number.NaN)], message: /outside \[0, 1\]/ },
  ])('rejects $title', ({ predictions, message }) => {
    expect(() => evaluateMatching({ predictions, truth: truthOf({ a: 'r1' }), thresholds })).toThrow(message);
  });
});

describe('formatMetricsTable', () => {
  const perfect = evaluateMatching({
    predictions: [predict('a', 'r1', 0.9), predict('b', 'r2', 0.6)],
    truth: truthOf({ a: 'r1', b: 'r2' }),
    thresholds,
  });
  const withFalseMatch = evaluateMatching({
    predictions: [predict('a', 'r1', 0.95), predict('n', 'r5', 0.85)],
    truth: truthOf({ a: 'r1', b: 'r2', n: null }),
    thresholds: { auto: 0.9, review: 0.6 },
  });
  const table = formatMetricsTable([
    { dataset: 'febrl4', metrics: perfect, recordsPerSecond: 1234.56 },
    { dataset: 'chicago-orgs', metrics: withFalseMatch, recordsPerSecond: 42.04 },
  ]);
  const lines = table.split('\n');

  const cellsOf = (line: string | undefined): string[] => (line ?? '').trim().split(/ {2,}/);

  it('prints a header, a rule and an auto and a review line per data set', () => {
    expect(lines).toHaveLength(6);
    expect(cellsOf(lines[0])).toEqual([
      'dataset',
      'level',
      'threshold',
      'records',
      'predicted',
      'correct',
      'precision',
      'recall',
      'f1',
      'false-match rate',
      'ece',
      'records/s',
    ]);
    expect(lines[1]).toMatch(/^[- ]+$/);
    expect(lines.slice(2).map((line) => cellsOf(line).slice(0, 2).join(' '))).toEqual([
      'febrl4 auto',
      'febrl4 review',
      'chicago-orgs auto',
      'chicago-orgs review',
    ]);
  });

  it('lines up every column', () => {
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    const recordsEnd = (lines[0] ?? '').indexOf('records') + 'records'.length;
    for (const line of lines.slice(2)) expect(line[recordsEnd - 1]).toMatch(/\d/);
  });

  it.each([
    {
      line: 2,
      cells: ['febrl4', 'auto', '0.80', '2', '1', '1', '1.000', '0.500', '0.667', 'n/a (0/0)', '0.250', '1235'],
    },
    {
      line: 4,
      cells: ['chicago-orgs', 'auto', '0.90', '3', '1', '1', '1.000', '0.500', '0.667', '0.000 (0/1)', '0.450', '42.0'],
    },
    {
      line: 5,
      cells: ['chicago-orgs', 'review', '0.60', '3', '2', '1', '0.500', '0.500', '0.500', '1.000 (1/1)', '0.450', '42.0'],
    },
  ])('prints line $line with three-decimal ratios, counts, and n/a where a ratio is undefined', ({ line, cells }) => {
    expect(cellsOf(lines[line])).toEqual(cells);
  });

  it('prints only the header and rule for no data sets', () => {
    expect(formatMetricsTable([]).split('\n')).toHaveLength(2);
  });
});
