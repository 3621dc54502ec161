/**
 * The cursor of an incremental pull: how far Accord has read a CRM object's changes, and what it already saw near
 * that point. Each pull starts `overlapMs` before the high-water mark, because a CRM may show a change late
 * (HubSpot's search index lags writes; two records can share one timestamp across a page boundary), so a pull
 * that started exactly at the mark could miss it. What the overlap brings again is dropped by id + last-modified
 * time; a record changed again has a new time and comes through. A full resync reads everything and replaces the
 * cursor. Pure: the use case (app/pull-changes.ts) does the reading and storing.
 */
import { z } from 'zod';

export const syncCursorSchema = z.object({
  /** The latest last-modified time delivered (ISO-8601 UTC), or null before the first pull. */
  highWater: z.string().nullable(),
  /** `id@lastModified` of what was delivered within the overlap before highWater. */
  recent: z.array(z.string()),
});
export type SyncCursor = z.infer<typeof syncCursorSchema>;

/** Five minutes: comfortably more than HubSpot's search-index delay. */
export const DEFAULT_OVERLAP_MS = 5 * 60_000;

export interface PullState {
  since: string | null;
  highWaterMs: number | null;
  seen: Set<string>;
  /** Last-modified time (ms) per seen key, to keep only the recent ones in the next cursor. */
  seenAtMs: Map<string, number>;
}

interface Change {
  id: string;
  lastModified: string;
}

const keyOf = (c: Change) => `${c.id}@${Date.parse(c.lastModified)}`;

/** Where a pull starts: the cursor's mark less the overlap, or everything (a first pull or a full resync). */
export function startPull(cursor: SyncCursor | null, options: { overlapMs: number; full: boolean }): PullState {
  const state: PullState = { since: null, highWaterMs: null, seen: new Set(), seenAtMs: new Map() };
  if (options.full || !cursor?.highWater) return state;
  const highWaterMs = Date.parse(cursor.highWater);
  state.since = new Date(highWaterMs - options.overlapMs).toISOString();
  state.highWaterMs = highWaterMs;
  for (const key of cursor.recent) {
    state.seen.add(key);
    state.seenAtMs.set(key, Number(key.slice(key.lastIndexOf('@') + 1)));
  }
  return state;
}

/** The changes of a page not delivered before (by this pull, or by the last one within the overlap). */
export function freshChanges<T extends Change>(state: PullState, page: readonly T[]): T[] {
  const fresh: T[] = [];
  for (const change of page) {
    const key = keyOf(change);
    if (state.seen.has(key)) continue;
    const at = Date.parse(change.lastModified);
    state.seen.add(key);
    state.seenAtMs.set(key, at);
    if (state.highWaterMs === null || at > state.highWaterMs) state.highWaterMs = at;
    fresh.push(change);
  }
  return fresh;
}

/** The cursor to store once a pull has read every page. */
export function finishPull(state: PullState, options: { overlapMs: number }): SyncCursor {
  if (state.highWaterMs === null) return { highWater: null, recent: [] };
  const from = state.highWaterMs - options.overlapMs;
  const recent = [...state.seenAtMs].filter(([, at]) => at >= from).map(([key]) => key).sort();
  return { highWater: new Date(state.highWaterMs).toISOString(), recent };
}
