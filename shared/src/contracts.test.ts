import { errorCodes, errorMessages, errorReplySchema, matchResultSchema, crmRecordSchema, batchCountsSchema } from './index';

describe('shared contracts', () => {
  it('has a default message for every error code', () => {
    for (const code of errorCodes) expect(errorMessages[code].length).toBeGreaterThan(0);
  });

  it('accepts an error reply with a known code and rejects an unknown one', () => {
    expect(errorReplySchema.safeParse({ error: { code: 'NOT_FOUND', message: 'x' } }).success).toBe(true);
    expect(errorReplySchema.safeParse({ error: { code: 'TEAPOT', message: 'x' } }).success).toBe(false);
  });

  const match = {
    recordId: '1',
    kind: 'company',
    candidate: null,
    confidence: 0,
    band: 'none',
    runnersUp: [],
    decidedBy: 'model',
    modelVersion: 'v1',
    matchedAt: '2026-11-27T00:00:00.000Z',
  };

  it('accepts a no-match result', () => {
    expect(matchResultSchema.parse(match).band).toBe('none');
  });

  it.each([[1.01], [-0.1], [Number.NaN]])('rejects confidence %p outside 0..1', (confidence) => {
    expect(matchResultSchema.safeParse({ ...match, confidence }).success).toBe(false);
  });

  it('tells CRM companies and people apart by kind', () => {
    const parsed = crmRecordSchema.parse({ kind: 'person', id: 'c1', email: 'a@b.co' });
    expect(parsed.kind).toBe('person');
    expect(crmRecordSchema.safeParse({ kind: 'deal', id: 'x' }).success).toBe(false);
  });

  it('refuses fractional credits', () => {
    const counts = { total: 1, done: 1, changed: 1, skipped: 0, failed: 0, review: 0, creditsSpent: 0.5 };
    expect(batchCountsSchema.safeParse(counts).success).toBe(false);
  });
});
