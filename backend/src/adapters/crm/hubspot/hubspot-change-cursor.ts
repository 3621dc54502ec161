/**
 * Keyset paging over HubSpot's search API for "records changed since". Search serves at most 10,000 results per
 * query (platform/hubspot.md §6), so when offset paging would reach that cap the search restarts from the last
 * record's hs_lastmodifieddate (GTE: records on the boundary repeat, none are skipped). If a whole 10,000-result
 * window shares one timestamp, that instant is walked by hs_object_id instead, then the search resumes after it.
 * HubSpot allows a single sort, so tie order inside one timestamp cannot be relied on; hence the two modes.
 */

export const SEARCH_RESULT_CAP = 10_000;

export type ChangeCursor =
  | { mode: 'range'; fromMs: number; inclusive: boolean; after: number }
  | { mode: 'tie'; atMs: number; idAfter: string; after: number };

export interface SearchShape {
  filters: { propertyName: string; operator: 'GT' | 'GTE' | 'EQ'; value: string }[];
  sort: { propertyName: string; direction: 'ASCENDING' };
  after: number;
}

export function firstCursor(since: string | null): ChangeCursor {
  if (since === null) return { mode: 'range', fromMs: 0, inclusive: true, after: 0 };
  const fromMs = Date.parse(since);
  if (!Number.isFinite(fromMs)) throw new Error(`listChangedSince: since is not an ISO date: "${since}"`);
  return { mode: 'range', fromMs, inclusive: true, after: 0 };
}

export function searchShape(cursor: ChangeCursor): SearchShape {
  if (cursor.mode === 'range') {
    return {
      filters: [{ propertyName: 'hs_lastmodifieddate', operator: cursor.inclusive ? 'GTE' : 'GT', value: String(cursor.fromMs) }],
      sort: { propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' },
      after: cursor.after,
    };
  }
  return {
    filters: [
      { propertyName: 'hs_lastmodifieddate', operator: 'EQ', value: String(cursor.atMs) },
      { propertyName: 'hs_object_id', operator: 'GT', value: cursor.idAfter },
    ],
    sort: { propertyName: 'hs_object_id', direction: 'ASCENDING' },
    after: cursor.after,
  };
}

/** What the page just read says about where to go next; null when the change feed is exhausted. */
export function nextCursor(
  cursor: ChangeCursor,
  page: { nextAfter: number | undefined; last: { id: string; lastModifiedMs: number } | undefined },
): ChangeCursor | null {
  if (page.nextAfter === undefined) {
    return cursor.mode === 'tie' ? { mode: 'range', fromMs: cursor.atMs, inclusive: false, after: 0 } : null;
  }
  if (page.nextAfter < SEARCH_RESULT_CAP) return { ...cursor, after: page.nextAfter };
  if (!page.last) throw new Error('HubSpot search offered another page after an empty one');
  if (cursor.mode === 'tie') return { mode: 'tie', atMs: cursor.atMs, idAfter: page.last.id, after: 0 };
  if (page.last.lastModifiedMs > cursor.fromMs || !cursor.inclusive) {
    return { mode: 'range', fromMs: page.last.lastModifiedMs, inclusive: true, after: 0 };
  }
  // 10,000 results all modified at fromMs: restarting from the same instant would loop forever.
  return { mode: 'tie', atMs: cursor.fromMs, idAfter: '0', after: 0 };
}

export function encodeCursor(cursor: ChangeCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string): ChangeCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch (error) {
    throw new Error('listChangedSince: the cursor is not one this client issued', { cause: error });
  }
  if (isCursor(parsed)) return parsed;
  throw new Error('listChangedSince: the cursor is not one this client issued');
}

function isCursor(value: unknown): value is ChangeCursor {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!isCount(c.after)) return false;
  if (c.mode === 'range') return isCount(c.fromMs) && typeof c.inclusive === 'boolean';
  return c.mode === 'tie' && isCount(c.atMs) && typeof c.idAfter === 'string' && /^\d+$/.test(c.idAfter);
}
