/**
 * `GET /query?q=` and `GET /query/{locator}`: runs the SOQL subset, keeps the matching Ids as a server-side
 * cursor, and pages them in batches of 2,000 (or the `Sforce-Query-Options: batchSize=` header, 200–2,000)
 * with `totalSize`, `done` and a `nextRecordsUrl` of the form `/services/data/vXX.X/query/01g…-2000`.
 */
import { apiError, type ApiReply } from './api-reply';
import type { SandboxSObject } from './describe';
import { isSoqlError, parseSoql, runSoql } from './soql';
import { readField, type SandboxStore } from './store';

const DEFAULT_BATCH = 2000;

interface Cursor {
  sobject: SandboxSObject;
  fields: string[];
  ids: string[];
  batchSize: number;
}

function batchSizeFrom(header: string | undefined): number {
  const match = header?.match(/batchSize\s*=\s*(\d+)/i);
  const n = match?.[1] ? Number(match[1]) : DEFAULT_BATCH;
  return Math.min(DEFAULT_BATCH, Math.max(200, n));
}

export class QueryCursors {
  private readonly cursors = new Map<string, Cursor>();
  private sequence = 0;

  constructor(private readonly store: SandboxStore) {}

  query(input: { apiBase: string; soql: string | undefined; queryOptions?: string }): ApiReply {
    if (!input.soql) return apiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
    const parsed = parseSoql(input.soql);
    if (isSoqlError(parsed)) return apiError(400, parsed.errorCode, parsed.message);
    const ids = runSoql(parsed, this.store.list(parsed.sobject)).map((r) => r.id);
    this.sequence += 1;
    const cursorId = `01g5g00000${String(this.sequence).padStart(5, '0')}AAA`;
    const cursor: Cursor = { sobject: parsed.sobject, fields: parsed.fields, ids, batchSize: batchSizeFrom(input.queryOptions) };
    if (ids.length > cursor.batchSize) this.cursors.set(cursorId, cursor);
    return this.page(input.apiBase, cursorId, cursor, 0);
  }

  more(apiBase: string, locator: string): ApiReply {
    const match = locator.match(/^(01g[A-Za-z0-9]+)-(\d+)$/);
    const cursor = match?.[1] ? this.cursors.get(match[1]) : undefined;
    if (!match?.[1] || !cursor) return apiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return this.page(apiBase, match[1], cursor, Number(match[2]));
  }

  private page(apiBase: string, cursorId: string, cursor: Cursor, offset: number): ApiReply {
    const end = offset + cursor.batchSize;
    const records = cursor.ids.slice(offset, end).flatMap((id) => {
      const found = this.store.find(id);
      if (!found) return [];
      const row: Record<string, unknown> = { attributes: { type: cursor.sobject, url: `${apiBase}/sobjects/${cursor.sobject}/${id}` } };
      for (const field of cursor.fields) row[field] = readField(found.record, field);
      return [row];
    });
    const done = end >= cursor.ids.length;
    if (done) this.cursors.delete(cursorId);
    return {
      status: 200,
      body: { totalSize: cursor.ids.length, done, ...(done ? {} : { nextRecordsUrl: `${apiBase}/query/${cursorId}-${end}` }), records },
    };
  }
}
