import { finishPull, freshChanges, startPull } from './change-cursor';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 9, minute)).toISOString();
const overlapMs = 5 * 60_000;

describe('incremental pull cursor', () => {
  it('starts a first pull and a full resync from the beginning', () => {
    const cursor = { highWater: at(30), recent: [] };
    expect(startPull(null, { overlapMs, full: false }).since).toBeNull();
    expect(startPull(cursor, { overlapMs, full: true }).since).toBeNull();
    expect(startPull(cursor, { overlapMs, full: false }).since).toBe(at(25));
  });

  it('drops what the overlap brings again, keeps late arrivals and records changed again', () => {
    const first = startPull(null, { overlapMs, full: false });
    freshChanges(first, [{ id: 'a', lastModified: at(10) }, { id: 'b', lastModified: at(28) }, { id: 'c', lastModified: at(30) }]);
    const cursor = finishPull(first, { overlapMs });
    expect(cursor.highWater).toBe(at(30));
    // Only what falls within the overlap before the mark is remembered.
    expect(cursor.recent).toHaveLength(2);

    const next = startPull(cursor, { overlapMs, full: false });
    const fresh = freshChanges(next, [
      { id: 'b', lastModified: at(28) }, // seen: dropped
      { id: 'late', lastModified: at(27) }, // shown late by the CRM: kept
      { id: 'c', lastModified: at(30) }, // seen: dropped
      { id: 'b', lastModified: at(31) }, // changed again: kept
    ]);
    expect(fresh.map((c) => `${c.id}@${c.lastModified}`)).toEqual([`late@${at(27)}`, `b@${at(31)}`]);
    expect(finishPull(next, { overlapMs }).highWater).toBe(at(31));
  });

  it('drops a record repeated across the pages of one pull', () => {
    const state = startPull(null, { overlapMs, full: false });
    expect(freshChanges(state, [{ id: 'a', lastModified: at(1) }])).toHaveLength(1);
    expect(freshChanges(state, [{ id: 'a', lastModified: at(1) }])).toHaveLength(0);
  });

  it('keeps the mark when a pull finds nothing new', () => {
    const cursor = { highWater: at(30), recent: [`x@${Date.parse(at(29))}`] };
    const state = startPull(cursor, { overlapMs, full: false });
    expect(finishPull(state, { overlapMs })).toEqual(cursor);
  });
});
