/**
 * Routing of authenticated REST API calls under `/services/data/vXX.X/`: query, queryMore, limits, describe,
 * single-record retrieve, list view results and sObject Collections. Pure request → reply; auth, limits and faults live in server.ts.
 */
import { apiError, type ApiReply } from './api-reply';
import { createRecords, retrieveRecords, updateRecords } from './collections';
import { describeSObject, isSandboxSObject } from './describe';
import type { QueryCursors } from './query-cursors';
import { listViewResults, type SandboxListView } from './list-views';
import type { SandboxStore } from './store';

export interface ApiCall {
  method: string;
  /** The path after the version root, e.g. `/composite/sobjects`. */
  resource: string;
  /** `/services/data/v62.0` */
  apiBase: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface ApiContext {
  store: SandboxStore;
  listViews: ReadonlyMap<string, SandboxListView>;
  cursors: QueryCursors;
  failIds: ReadonlySet<string>;
  apiUsage: { used: number; limit: number };
}

const NOT_FOUND = apiError(404, 'NOT_FOUND', 'The requested resource does not exist');

function methodNotAllowed(method: string, allowed: string): ApiReply {
  return apiError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed}`);
}

function csv(value: string | null | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

export function routeApiCall(call: ApiCall, ctx: ApiContext): ApiReply {
  const parts = call.resource.split('/').filter((p) => p.length > 0).map(decodeURIComponent);
  const [head, second, third, fourth] = parts;
  const { method } = call;

  if ((head === 'query' || head === 'queryAll') && parts.length <= 2) {
    if (method !== 'GET') return methodNotAllowed(method, 'GET,HEAD');
    if (second) return ctx.cursors.more(call.apiBase, second);
    const queryOptions = call.headers['sforce-query-options'];
    return ctx.cursors.query({
      apiBase: call.apiBase,
      soql: call.query.get('q') ?? undefined,
      queryOptions: Array.isArray(queryOptions) ? queryOptions[0] : queryOptions,
    });
  }

  if (head === 'limits' && parts.length === 1) {
    if (method !== 'GET') return methodNotAllowed(method, 'GET,HEAD');
    const { used, limit } = ctx.apiUsage;
    return { status: 200, body: { DailyApiRequests: { Max: limit, Remaining: Math.max(0, limit - used) } } };
  }

  if (head === 'sobjects' && second !== undefined && isSandboxSObject(second) && third === 'listviews' && fourth !== undefined && parts[4] === 'results' && parts.length === 5) {
    if (method !== 'GET') return methodNotAllowed(method, 'GET,HEAD');
    return listViewResults({ store: ctx.store, views: ctx.listViews, sobject: second, id: fourth, query: call.query });
  }

  if (head === 'sobjects' && second !== undefined && parts.length === 3 && isSandboxSObject(second)) {
    if (method !== 'GET') return methodNotAllowed(method, 'GET,HEAD');
    if (third === 'describe') return { status: 200, body: describeSObject(second, call.apiBase) };
    const found = third === undefined ? undefined : ctx.store.find(third);
    if (!found || found.sobject !== second) return NOT_FOUND;
    const full = ctx.store.toApiRecord(second, found.record);
    const fields = csv(call.query.get('fields'));
    const body: Record<string, unknown> = { attributes: { type: second, url: `${call.apiBase}/sobjects/${second}/${found.record.id}` } };
    for (const [name, value] of Object.entries(full)) {
      if (fields.length === 0 || name === 'Id' || fields.some((f) => f.toLowerCase() === name.toLowerCase())) body[name] = value;
    }
    return { status: 200, body };
  }

  if (head === 'composite' && second === 'sobjects' && fourth === undefined) {
    if (third === undefined) {
      if (method === 'POST') return createRecords(ctx.store, call.body);
      if (method === 'PATCH') return updateRecords(ctx.store, call.body, ctx.failIds);
      return methodNotAllowed(method, 'PATCH,POST');
    }
    if (method === 'GET') {
      return retrieveRecords(ctx.store, { apiBase: call.apiBase, type: third, ids: csv(call.query.get('ids')), fields: csv(call.query.get('fields')) });
    }
    if (method === 'POST') {
      const body = (call.body ?? {}) as { ids?: unknown; fields?: unknown };
      const ids = Array.isArray(body.ids) ? body.ids.map(String) : [];
      const fields = Array.isArray(body.fields) ? body.fields.map(String) : [];
      return retrieveRecords(ctx.store, { apiBase: call.apiBase, type: third, ids, fields });
    }
    return methodNotAllowed(method, 'GET,HEAD,POST');
  }

  return NOT_FOUND;
}
