/**
 * Pulls a CRM object's changed records for a tenant, page by page, handing each record once to `onRecords`, and
 * stores the cursor when every page is read (an interrupted pull starts again from the old cursor: records may
 * come twice, never go missing). `full: true` is the full resync on demand: it reads everything whatever the
 * cursor says and replaces the cursor. Overlap and de-duplication: domain/sync/change-cursor.ts.
 */
import type { ChangedPage, CrmClient, CrmRawRecord } from '../adapters/crm/crm-client';
import type { SyncCursorStore } from '../adapters/db/sync-cursor.store';
import type { CrmObject } from '../domain/enrichment/mapping';
import { DEFAULT_OVERLAP_MS, finishPull, freshChanges, startPull, type SyncCursor } from '../domain/sync/change-cursor';

export interface PullChangesResult {
  pages: number;
  delivered: number;
  /** Records the overlap or page boundaries brought again, dropped. */
  duplicates: number;
  cursor: SyncCursor;
}

export async function pullChanges(
  deps: {
    /** The CRM's change feed, within the tenant's rate budget. */
    listChangedSince: CrmClient['listChangedSince'];
    cursors: SyncCursorStore;
  },
  input: {
    tenantId: string;
    object: CrmObject;
    fields: readonly string[];
    full?: boolean;
    overlapMs?: number;
    pageSize?: number;
    onRecords: (records: CrmRawRecord[]) => Promise<void>;
    now: Date;
  },
): Promise<PullChangesResult> {
  const overlapMs = input.overlapMs ?? DEFAULT_OVERLAP_MS;
  const stored = input.full ? undefined : await deps.cursors.get(input.tenantId, input.object);
  const state = startPull(stored ?? null, { overlapMs, full: input.full === true });
  let pages = 0;
  let delivered = 0;
  let duplicates = 0;
  let cursor: string | null = null;
  do {
    const page: ChangedPage = await deps.listChangedSince(input.object, {
      since: state.since,
      fields: input.fields,
      cursor,
      ...(input.pageSize !== undefined && { pageSize: input.pageSize }),
    });
    pages += 1;
    const fresh = freshChanges(state, page.records);
    duplicates += page.records.length - fresh.length;
    if (fresh.length > 0) await input.onRecords(fresh);
    delivered += fresh.length;
    cursor = page.cursor;
  } while (cursor !== null);
  const next = finishPull(state, { overlapMs });
  await deps.cursors.save(input.tenantId, input.object, next, input.now);
  return { pages, delivered, duplicates, cursor: next };
}
