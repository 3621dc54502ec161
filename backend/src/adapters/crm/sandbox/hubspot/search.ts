/**
 * POST /crm/v3/objects/{type}/search semantics: filterGroups (OR of ANDed filters), sorts, offset paging with
 * `after`, limit ≤ 200, and the 10,000-result cap (paging past it answers 400). Pure over the stored records.
 */
import { validationError } from './errors';
import { parseDateMs, type PropertyDefinition } from './property-catalog';
import type { StoredRecord } from './store';

export const SEARCH_MAX_LIMIT = 200;
export const SEARCH_RESULT_CAP = 10_000;
const MAX_GROUPS = 5;
const MAX_FILTERS_PER_GROUP = 10;
const MAX_FILTERS = 25;

interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
  values?: string[];
  highValue?: string;
}

interface Sort {
  propertyName: string;
  direction: 'ASCENDING' | 'DESCENDING';
}

export interface SearchPage {
  total: number;
  results: StoredRecord[];
  nextAfter: string | undefined;
}

type Definitions = ReadonlyMap<string, PropertyDefinition>;

export function runSearch(records: readonly StoredRecord[], body: Record<string, unknown>, defs: Definitions): SearchPage {
  const limit = body.limit === undefined ? 10 : Number(body.limit);
  if (!Number.isInteger(limit) || limit < 0 || limit > SEARCH_MAX_LIMIT) {
    throw validationError(`limit must be between 0 and ${SEARCH_MAX_LIMIT}, got ${String(body.limit)}`);
  }
  const after = body.after === undefined || body.after === null || body.after === '' ? 0 : Number(body.after);
  if (!Number.isInteger(after) || after < 0) throw validationError(`Invalid after: ${String(body.after)}`);
  if (after >= SEARCH_RESULT_CAP) {
    throw validationError(`The search API cannot page beyond ${SEARCH_RESULT_CAP} results (after=${after}). Narrow the query.`);
  }
  const groups = parseGroups(body.filterGroups);
  const sorts = parseSorts(body.sorts);
  const query = typeof body.query === 'string' ? body.query.toLowerCase() : '';

  const matching = records.filter(
    (r) => (groups.length === 0 || groups.some((g) => g.every((f) => matches(r, f, defs)))) && matchesQuery(r, query),
  );
  matching.sort((a, b) => compareBySorts(a, b, sorts, defs));
  const reachable = Math.min(matching.length, SEARCH_RESULT_CAP);
  const end = Math.min(after + limit, reachable);
  return {
    total: matching.length,
    results: matching.slice(after, end),
    // HubSpot keeps offering a cursor while results remain, even when the next page is past the cap.
    nextAfter: end < matching.length && limit > 0 ? String(end) : undefined,
  };
}

function parseGroups(raw: unknown): Filter[][] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw validationError('filterGroups must be an array');
  if (raw.length > MAX_GROUPS) throw validationError(`Too many filter groups (${raw.length}). The maximum is ${MAX_GROUPS}.`);
  const groups = raw.map((g: unknown) => {
    const filters = (g as { filters?: unknown } | null)?.filters;
    if (!Array.isArray(filters)) throw validationError('Each filter group needs a filters array');
    if (filters.length > MAX_FILTERS_PER_GROUP) {
      throw validationError(`Too many filters in a group (${filters.length}). The maximum is ${MAX_FILTERS_PER_GROUP}.`);
    }
    return filters.map(parseFilter);
  });
  const total = groups.reduce((n, g) => n + g.length, 0);
  if (total > MAX_FILTERS) throw validationError(`Too many filters (${total}). The maximum is ${MAX_FILTERS}.`);
  return groups;
}

function parseFilter(raw: unknown): Filter {
  const f = raw as Partial<Filter> | null;
  if (!f || typeof f.propertyName !== 'string' || typeof f.operator !== 'string') {
    throw validationError('Each filter needs propertyName and operator');
  }
  return f as Filter;
}

/** Accepts HubSpot's `{propertyName, direction}` objects and the SDK-typed strings ("name", "-name"). */
function parseSorts(raw: unknown): Sort[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw validationError('sorts must be an array');
  return raw.map((s: unknown) => {
    if (typeof s === 'string') {
      return s.startsWith('-')
        ? { propertyName: s.slice(1), direction: 'DESCENDING' as const }
        : { propertyName: s, direction: 'ASCENDING' as const };
    }
    const o = s as { propertyName?: unknown; direction?: unknown } | null;
    if (!o || typeof o.propertyName !== 'string') throw validationError('Each sort needs propertyName');
    return { propertyName: o.propertyName, direction: o.direction === 'DESCENDING' ? 'DESCENDING' : 'ASCENDING' };
  });
}

/** Numbers and datetimes compare numerically (datetimes as epoch ms); strings case-insensitively. */
function comparable(value: string, def: PropertyDefinition | undefined): number | string {
  if (def?.type === 'number') return Number(value);
  if (def?.type === 'datetime') return parseDateMs(value) ?? Number.NaN;
  return value.toLowerCase();
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function matches(record: StoredRecord, filter: Filter, defs: Definitions): boolean {
  const def = defs.get(filter.propertyName);
  const stored = record.properties[filter.propertyName] ?? null;
  const op = filter.operator;
  if (op === 'HAS_PROPERTY') return stored !== null;
  if (op === 'NOT_HAS_PROPERTY') return stored === null;
  const values = (filter.values ?? []).map((v) => comparable(String(v), def));
  if (op === 'IN') return stored !== null && values.includes(comparable(stored, def));
  if (op === 'NOT_IN') return stored === null || !values.includes(comparable(stored, def));
  if (filter.value === undefined) throw validationError(`Filter ${filter.propertyName} ${op} needs a value`);
  const target = comparable(String(filter.value), def);
  if (op === 'NEQ') return stored === null || comparable(stored, def) !== target;
  if (stored === null) return false;
  const value = comparable(stored, def);
  switch (op) {
    case 'EQ':
      return value === target;
    case 'GT':
      return compare(value, target) > 0;
    case 'GTE':
      return compare(value, target) >= 0;
    case 'LT':
      return compare(value, target) < 0;
    case 'LTE':
      return compare(value, target) <= 0;
    case 'BETWEEN':
      return compare(value, target) >= 0 && compare(value, comparable(String(filter.highValue ?? ''), def)) <= 0;
    case 'CONTAINS_TOKEN':
      return String(value).split(/\s+/).includes(String(target));
    case 'NOT_CONTAINS_TOKEN':
      return !String(value).split(/\s+/).includes(String(target));
    default:
      throw validationError(`Unsupported filter operator: ${op}`);
  }
}

function matchesQuery(record: StoredRecord, query: string): boolean {
  if (query === '') return true;
  return Object.values(record.properties).some((v) => v !== null && v.toLowerCase().includes(query));
}

/** Ties fall back to id so that offset paging is stable. */
function compareBySorts(a: StoredRecord, b: StoredRecord, sorts: readonly Sort[], defs: Definitions): number {
  for (const sort of sorts) {
    const def = defs.get(sort.propertyName);
    const av = a.properties[sort.propertyName];
    const bv = b.properties[sort.propertyName];
    if (av == null || bv == null) {
      if (av == bv) continue;
      return av == null ? 1 : -1;
    }
    const order = compare(comparable(av, def), comparable(bv, def));
    if (order !== 0) return sort.direction === 'DESCENDING' ? -order : order;
  }
  return Number(a.id) - Number(b.id);
}
