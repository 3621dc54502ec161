import { decodeCursor, encodeCursor, firstCursor, nextCursor, type ChangeCursor } from './hubspot-change-cursor';

const range = (fromMs: number, after = 0, inclusive = true): ChangeCursor => ({ mode: 'range', fromMs, inclusive, after });
const last = (id: string, lastModifiedMs: number) => ({ id, lastModifiedMs });

describe('nextCursor', () => {
  it.each<[string, ChangeCursor, Parameters<typeof nextCursor>[1], ChangeCursor | null]>([
    ['ends when search offers no next page', range(5), { nextAfter: undefined, last: last('9', 7) }, null],
    ['pages on with the offset below the cap', range(5, 200), { nextAfter: 400, last: last('9', 7) }, range(5, 400)],
    ['restarts from the last timestamp, inclusive, at the cap', range(5, 9_800), { nextAfter: 10_000, last: last('9', 7) }, range(7)],
    ['walks one instant by id when the whole window shares it', range(5, 9_800), { nextAfter: 10_000, last: last('9', 5) },
      { mode: 'tie', atMs: 5, idAfter: '0', after: 0 }],
    ['restarts the instant after the last id at the cap', { mode: 'tie', atMs: 5, idAfter: '0', after: 9_800 },
      { nextAfter: 10_000, last: last('12345', 5) }, { mode: 'tie', atMs: 5, idAfter: '12345', after: 0 }],
    ['resumes strictly after the instant once it is walked', { mode: 'tie', atMs: 5, idAfter: '12345', after: 0 },
      { nextAfter: undefined, last: last('20000', 5) }, range(5, 0, false)],
    ['restarts inclusive from an exclusive range', range(5, 9_800, false), { nextAfter: 10_000, last: last('9', 6) }, range(6)],
  ])('%s', (_name, cursor, page, expected) => {
    expect(nextCursor(cursor, page)).toEqual(expected);
  });
});

describe('cursor encoding', () => {
  it('round-trips and refuses cursors it did not issue', () => {
    const cursor: ChangeCursor = { mode: 'tie', atMs: 1_772_442_000_000, idAfter: '10001', after: 200 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(() => decodeCursor('not json')).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('{"mode":"range","fromMs":-1,"inclusive":true,"after":0}').toString('base64url'))).toThrow(/cursor/);
  });

  it('starts from epoch 0 for a full pull and refuses a since that is not a date', () => {
    expect(firstCursor(null)).toEqual(range(0));
    expect(firstCursor('2026-03-02T09:00:00.000Z')).toEqual(range(Date.parse('2026-03-02T09:00:00.000Z')));
    expect(() => firstCursor('yesterday')).toThrow(/ISO/);
  });
});
