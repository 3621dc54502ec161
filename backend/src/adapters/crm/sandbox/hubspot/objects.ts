/**
 * Single-object endpoints of /crm/v3/objects/{type}: list with `limit`/`after` paging, get by id (or idProperty),
 * create, update (PATCH) and search. Batch endpoints live in batch.ts.
 */
import type { Reply } from './batch';
import { notFoundError, validationError } from './errors';
import { runSearch } from './search';
import type { SandboxStore, StoredRecord } from './store';
import type { ObjectType, PropertyValues } from './types';

export const LIST_MAX_LIMIT = 100;

export type Query = URLSearchParams;

/** `properties=a,b` and `properties=a&properties=b` are both accepted (the SDK sends the latter). */
export function propertyList(query: Query): string[] | undefined {
  const all = query.getAll('properties').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return all.length > 0 ? all : undefined;
}

export function listObjects(store: SandboxStore, type: ObjectType, query: Query, baseUrl: string): Reply {
  const rawLimit = query.get('limit');
  const limit = rawLimit === null ? 10 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1) throw validationError(`limit must be a positive integer, got ${rawLimit}`);
  const pageSize = Math.min(limit, LIST_MAX_LIMIT);
  const rawAfter = query.get('after');
  const after = rawAfter === null || rawAfter === '' ? 0 : Number(rawAfter);
  if (!Number.isInteger(after) || after < 0) throw validationError(`Invalid after: ${rawAfter}`);

  const sorted = store.sorted(type);
  const start = firstIndexAtOrAfter(sorted, after);
  const page = sorted.slice(start, start + pageSize);
  const wanted = propertyList(query);
  const body: Record<string, unknown> = { results: page.map((r) => store.view(type, r, wanted)) };
  const last = page[page.length - 1];
  if (last && start + pageSize < sorted.length) {
    // The cursor is the id after the last one served, so records created meanwhile keep their place.
    const next = String(Number(last.id) + 1);
    const link = new URL(`/crm/v3/objects/${type}`, baseUrl);
    link.search = query.toString();
    link.searchParams.set('after', next);
    body.paging = { next: { after: next, link: link.toString() } };
  }
  return { status: 200, body };
}

function firstIndexAtOrAfter(sorted: readonly StoredRecord[], id: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Number(sorted[mid]?.id) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findOne(store: SandboxStore, type: ObjectType, id: string, query: Query): StoredRecord {
  const idProperty = query.get('idProperty') ?? 'hs_object_id';
  const record = store.findByProperty(type, idProperty, id);
  if (!record) throw notFoundError('Object not found.  objectId are usually numeric.');
  return record;
}

export function getObject(store: SandboxStore, type: ObjectType, id: string, query: Query): Reply {
  return { status: 200, body: store.view(type, findOne(store, type, id, query), propertyList(query)) };
}

function bodyProperties(body: Record<string, unknown>): PropertyValues {
  const p = body.properties;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) throw validationError('properties must be an object');
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v === null || v === undefined ? null : String(v)]));
}

export function createObject(store: SandboxStore, type: ObjectType, body: Record<string, unknown>): Reply {
  const properties = bodyProperties(body);
  return { status: 201, body: store.view(type, store.create(type, properties), Object.keys(properties)) };
}

export function updateObject(store: SandboxStore, type: ObjectType, id: string, query: Query, body: Record<string, unknown>): Reply {
  const properties = bodyProperties(body);
  const record = findOne(store, type, id, query);
  store.update(type, record, properties);
  return { status: 200, body: store.view(type, record, Object.keys(properties)) };
}

export function searchObjects(store: SandboxStore, type: ObjectType, body: Record<string, unknown>): Reply {
  const page = runSearch(store.sorted(type), body, store.catalog.properties[type]);
  const wanted = Array.isArray(body.properties) ? body.properties.map(String) : undefined;
  const reply: Record<string, unknown> = { total: page.total, results: page.results.map((r) => store.view(type, r, wanted)) };
  if (page.nextAfter !== undefined) reply.paging = { next: { after: page.nextAfter } };
  return { status: 200, body: reply };
}
