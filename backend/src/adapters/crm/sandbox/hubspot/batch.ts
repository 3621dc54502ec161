/**
 * POST /crm/v3/objects/{type}/batch/{read,create,update,upsert}. At most 100 inputs (more → 400); invalid
 * property values fail the whole batch (400); unknown ids and injected `failIds` fail per record and the reply
 * becomes 207 Multi-Status with HubSpot's `{status, results, numErrors, errors, startedAt, completedAt}`.
 */
import { hubspotErrorBody, SandboxHttpError, validationError } from './errors';
import type { SandboxStore, StoredRecord } from './store';
import type { CrmRecord, ObjectType, PropertyValues } from './types';

export const BATCH_MAX_INPUTS = 100;

export type BatchAction = 'read' | 'create' | 'update' | 'upsert';

export interface BatchContext {
  store: SandboxStore;
  type: ObjectType;
  body: Record<string, unknown>;
  failIds: ReadonlySet<string>;
  now: () => string;
}

export interface Reply {
  status: number;
  body: unknown;
}

interface Failure {
  id: string;
  category: 'OBJECT_NOT_FOUND';
}

export function runBatch(action: BatchAction, ctx: BatchContext): Reply {
  const startedAt = ctx.now();
  const inputs = readInputs(ctx.body);
  const failures: Failure[] = [];
  let results: (CrmRecord | (CrmRecord & { new: boolean }))[];
  switch (action) {
    case 'read':
      results = batchRead(ctx, inputs, failures);
      break;
    case 'create':
      results = batchCreate(ctx, inputs);
      break;
    case 'update':
      results = batchUpdate(ctx, inputs, failures);
      break;
    case 'upsert':
      results = batchUpsert(ctx, inputs, failures);
      break;
  }
  const okStatus = action === 'create' ? 201 : 200;
  const base = { status: 'COMPLETE', results, startedAt, completedAt: ctx.now() };
  if (failures.length === 0) return { status: okStatus, body: base };
  return { status: 207, body: { ...base, numErrors: failures.length, errors: groupErrors(ctx.type, failures) } };
}

type Input = Record<string, unknown>;

function readInputs(body: Record<string, unknown>): Input[] {
  const inputs = body.inputs;
  if (!Array.isArray(inputs)) throw validationError('Invalid input JSON: inputs must be an array');
  if (inputs.length > BATCH_MAX_INPUTS) {
    throw validationError(`The maximum number of inputs supported in a batch request is ${BATCH_MAX_INPUTS}. Please reduce the number of items and try again`);
  }
  return inputs.map((i: unknown) => {
    if (typeof i !== 'object' || i === null) throw validationError('Invalid input JSON: each input must be an object');
    return i as Input;
  });
}

function idOf(input: Input): string {
  if (typeof input.id !== 'string' && typeof input.id !== 'number') throw validationError('Each input needs an id');
  return String(input.id);
}

function propertiesOf(input: Input): PropertyValues {
  const p = input.properties;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) throw validationError('Each input needs properties');
  const out: PropertyValues = {};
  for (const [k, v] of Object.entries(p)) out[k] = v === null || v === undefined ? null : String(v);
  return out;
}

function assertUniqueIds(ids: readonly string[]): void {
  const seen = new Set<string>();
  const dupes = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  if (dupes.length > 0) throw validationError(`Duplicate IDs found in batch input: [${dupes.join(', ')}]. IDs must be unique`);
}

function stringList(raw: unknown): string[] | undefined {
  return Array.isArray(raw) ? raw.map(String) : undefined;
}

function uniqueIdProperty(ctx: BatchContext, raw: unknown): string {
  if (raw === undefined || raw === null || raw === '') return 'hs_object_id';
  const name = String(raw);
  const def = ctx.store.catalog.properties[ctx.type].get(name);
  if (!def?.hasUniqueValue) throw validationError(`${name} is not a unique identifier property for ${ctx.type}`);
  return name;
}

function batchRead(ctx: BatchContext, inputs: Input[], failures: Failure[]): CrmRecord[] {
  const idProperty = uniqueIdProperty(ctx, ctx.body.idProperty);
  const wanted = stringList(ctx.body.properties);
  const found: CrmRecord[] = [];
  for (const id of inputs.map(idOf)) {
    const record = ctx.failIds.has(id) ? undefined : ctx.store.findByProperty(ctx.type, idProperty, id);
    if (record) found.push(ctx.store.view(ctx.type, record, wanted));
    else failures.push({ id, category: 'OBJECT_NOT_FOUND' });
  }
  return found;
}

function batchCreate(ctx: BatchContext, inputs: Input[]): CrmRecord[] {
  const all = inputs.map((input) => withPrimaryCompany(ctx, input, propertiesOf(input)));
  all.forEach((p) => ctx.store.assertWritable(ctx.type, p));
  all.forEach((p) => assertNoUniqueConflict(ctx, p));
  return all.map((p) => ctx.store.view(ctx.type, ctx.store.create(ctx.type, p), Object.keys(p)));
}

/**
 * A new contact's `associations` to a company: the first becomes its primary company (`associatedcompanyid`), as
 * HubSpot does. Contact-to-company types 1 (primary) and 279 (unlabelled) only; the company must exist.
 */
function withPrimaryCompany(ctx: BatchContext, input: Input, properties: PropertyValues): PropertyValues {
  const associations = input.associations;
  if (associations === undefined || (Array.isArray(associations) && associations.length === 0)) return properties;
  if (ctx.type !== 'contacts' || !Array.isArray(associations)) throw validationError('The sandbox supports only contact-to-company associations on create');
  const [first] = associations as { to?: { id?: unknown }; types?: { associationTypeId?: unknown }[] }[];
  const companyId = String(first?.to?.id ?? '');
  const typeIds = (first?.types ?? []).map((t) => Number(t.associationTypeId));
  if (typeIds.length === 0 || !typeIds.every((t) => t === 1 || t === 279)) throw validationError(`Invalid association type for contact to company: ${typeIds.join(', ')}`);
  if (!ctx.store.get('companies', companyId)) throw validationError(`Company ${companyId} does not exist; cannot create association`);
  return { ...properties, associatedcompanyid: companyId };
}

function batchUpdate(ctx: BatchContext, inputs: Input[], failures: Failure[]): CrmRecord[] {
  const pairs = inputs.map((i) => ({ id: idOf(i), properties: propertiesOf(i) }));
  assertUniqueIds(pairs.map((p) => p.id));
  pairs.forEach((p) => ctx.store.assertWritable(ctx.type, p.properties));
  const updated: CrmRecord[] = [];
  for (const { id, properties } of pairs) {
    const record = ctx.failIds.has(id) ? undefined : ctx.store.get(ctx.type, id);
    if (!record) {
      failures.push({ id, category: 'OBJECT_NOT_FOUND' });
      continue;
    }
    ctx.store.update(ctx.type, record, properties);
    updated.push(ctx.store.view(ctx.type, record, Object.keys(properties)));
  }
  return updated;
}

function batchUpsert(ctx: BatchContext, inputs: Input[], failures: Failure[]): (CrmRecord & { new: boolean })[] {
  const rows = inputs.map((i) => ({
    id: idOf(i),
    idProperty: uniqueIdProperty(ctx, i.idProperty ?? ctx.body.idProperty),
    properties: propertiesOf(i),
  }));
  assertUniqueIds(rows.map((r) => `${r.idProperty}:${r.id.toLowerCase()}`));
  rows.forEach((r) => ctx.store.assertWritable(ctx.type, r.properties));
  const out: (CrmRecord & { new: boolean })[] = [];
  for (const row of rows) {
    if (ctx.failIds.has(row.id)) {
      failures.push({ id: row.id, category: 'OBJECT_NOT_FOUND' });
      continue;
    }
    const existing = ctx.store.findByProperty(ctx.type, row.idProperty, row.id);
    let record: StoredRecord;
    if (existing) record = ctx.store.update(ctx.type, existing, row.properties);
    else if (row.idProperty === 'hs_object_id') {
      failures.push({ id: row.id, category: 'OBJECT_NOT_FOUND' });
      continue;
    } else record = ctx.store.create(ctx.type, { ...row.properties, [row.idProperty]: row.id });
    out.push({ ...ctx.store.view(ctx.type, record, Object.keys(row.properties)), new: !existing });
  }
  return out;
}

function assertNoUniqueConflict(ctx: BatchContext, properties: PropertyValues): void {
  for (const [name, value] of Object.entries(properties)) {
    if (value === null || name === 'hs_object_id') continue;
    if (!ctx.store.catalog.properties[ctx.type].get(name)?.hasUniqueValue) continue;
    const existing = ctx.store.findByProperty(ctx.type, name, value);
    if (existing) {
      const message = `${ctx.type === 'contacts' ? 'Contact' : 'Company'} already exists. Existing ID: ${existing.id}`;
      throw new SandboxHttpError(409, hubspotErrorBody(message, 'CONFLICT'));
    }
  }
}

/** One StandardError per category, listing its ids in `context.ids`, as HubSpot's batch endpoints do. */
function groupErrors(type: ObjectType, failures: readonly Failure[]) {
  const objectName = type === 'companies' ? 'COMPANY' : 'CONTACT';
  const ids = failures.map((f) => f.id);
  return [
    {
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message: `Could not get some ${objectName} objects, they may be deleted or not exist. Check that ids are valid.`,
      context: { ids },
      errors: [],
      links: {},
    },
  ];
}
