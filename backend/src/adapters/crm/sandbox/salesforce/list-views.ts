/**
 * List views (Salesforce's saved segments) in the sandbox: GET /sobjects/{type}/listviews/{id}/results with
 * `limit` (1–2,000, default 25) and `offset` (at most 2,000, as SOQL OFFSET), rows as `columns` of
 * `{fieldNameOrPath, value}`. Views are made by the test (`createListView`); their members are fixed.
 */
import { apiError, type ApiReply } from './api-reply';
import type { SandboxSObject } from './describe';
import type { SandboxStore } from './store';

export interface SandboxListView {
  id: string;
  sobject: SandboxSObject;
  label: string;
  recordIds: string[];
}

const MAX_LIMIT = 2_000;
const MAX_OFFSET = 2_000;

export function listViewResults(input: { store: SandboxStore; views: ReadonlyMap<string, SandboxListView>; sobject: SandboxSObject; id: string; query: URLSearchParams }): ApiReply {
  const view = input.views.get(input.id);
  if (!view || view.sobject !== input.sobject) return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  const limit = input.query.has('limit') ? Number(input.query.get('limit')) : 25;
  const offset = input.query.has('offset') ? Number(input.query.get('offset')) : 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return apiError(400, 'INVALID_QUERY_PARAMETER_VALUE', `limit must be between 1 and ${MAX_LIMIT}`);
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) return apiError(400, 'NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
  const rows = view.recordIds.flatMap((id) => {
    const found = input.store.find(id);
    return found && found.sobject === view.sobject ? [input.store.toApiRecord(view.sobject, found.record)] : [];
  });
  const page = rows.slice(offset, offset + limit);
  return {
    status: 200,
    body: {
      columns: ['Name', 'Id'].map((name) => ({ fieldNameOrPath: name, hidden: name === 'Id', label: name, selectListItem: name, sortable: true, type: name === 'Id' ? 'id' : 'string' })),
      developerName: view.label.replace(/\W+/g, '_'),
      done: offset + page.length >= rows.length,
      id: view.id,
      label: view.label,
      records: page.map((r) => ({ columns: ['Name', 'Id'].map((name) => ({ fieldNameOrPath: name, value: (r[name] as string | undefined) ?? null })) })),
      size: rows.length,
    },
  };
}
