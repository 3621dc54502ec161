/**
 * sObject Collections (`/composite/sobjects`): create (POST), update (PATCH) and retrieve (GET with
 * `?ids=&fields=`, or POST `{ ids, fields }` as jsforce sends it). At most 200 records per write; `allOrNone`
 * false gives per-record `{ id, success, errors }`, true rolls the whole batch back. Records listed in the
 * injected `failIds` fail like a customer validation rule would.
 * https://developer.salesforce.com/docs/platform/api-rest/guide/resources-composite-sobjects-collections-update.html
 */
import { apiError, type ApiReply } from './api-reply';
import { findField, isSandboxSObject, type SandboxSObject } from './describe';
import type { RecordError, SandboxStore, WriteOutcome } from './store';

const MAX_WRITE = 200;
const MAX_RETRIEVE = 2000;

interface SaveResult {
  id?: string;
  success: boolean;
  errors: RecordError[];
}

const ROLLED_BACK: RecordError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

const INJECTED_FAILURE: RecordError = {
  statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  message: 'Rejected by a validation rule in the sandbox org (injected failure)',
  fields: [],
};

interface WritePlan {
  sobject?: SandboxSObject;
  id?: string;
  values: Record<string, unknown>;
  outcome: WriteOutcome;
}

function readBatch(body: unknown): { allOrNone: boolean; records: Record<string, unknown>[] } | ApiReply {
  const batch = body as { allOrNone?: unknown; records?: unknown } | null;
  if (!batch || typeof batch !== 'object' || !Array.isArray(batch.records)) {
    return apiError(400, 'JSON_PARSER_ERROR', 'The request body must be { allOrNone, records: [...] }');
  }
  if (batch.records.length > MAX_WRITE) {
    return apiError(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 200 records into this call');
  }
  return { allOrNone: batch.allOrNone === true, records: batch.records as Record<string, unknown>[] };
}

function typeOf(record: Record<string, unknown>): SandboxSObject | RecordError {
  const type = (record.attributes as { type?: unknown } | undefined)?.type;
  if (typeof type === 'string' && isSandboxSObject(type)) return type;
  return { statusCode: 'INVALID_TYPE', message: `sObject type '${String(type)}' is not supported.`, fields: [] };
}

function settle(plans: WritePlan[], allOrNone: boolean, apply: (plan: WritePlan) => string): SaveResult[] {
  const anyFailed = plans.some((p) => !p.outcome.ok);
  return plans.map((plan) => {
    const idPart = plan.id ? { id: plan.id } : {};
    if (!plan.outcome.ok) return { ...idPart, success: false, errors: [plan.outcome.error] };
    if (allOrNone && anyFailed) return { ...idPart, success: false, errors: [ROLLED_BACK] };
    return { id: apply(plan), success: true, errors: [] };
  });
}

export function createRecords(store: SandboxStore, body: unknown): ApiReply {
  const batch = readBatch(body);
  if ('status' in batch) return batch;
  const plans = batch.records.map((record): WritePlan => {
    const { attributes: _a, ...values } = record;
    const sobject = typeOf(record);
    if (typeof sobject !== 'string') return { values, outcome: { ok: false, error: sobject } };
    return { sobject, values, outcome: store.validateCreate(sobject, values) };
  });
  return { status: 200, body: settle(plans, batch.allOrNone, (p) => store.applyCreate(p.sobject as SandboxSObject, p.values)) };
}

export function updateRecords(store: SandboxStore, body: unknown, failIds: ReadonlySet<string>): ApiReply {
  const batch = readBatch(body);
  if ('status' in batch) return batch;
  const plans = batch.records.map((record): WritePlan => {
    const { attributes: _a, id: lowerId, Id: upperId, ...values } = record;
    const id = typeof lowerId === 'string' ? lowerId : typeof upperId === 'string' ? upperId : undefined;
    const sobject = typeOf(record);
    if (typeof sobject !== 'string') return { id, values, outcome: { ok: false, error: sobject } };
    if (!id) {
      return { values, outcome: { ok: false, error: { statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] } } };
    }
    const outcome = store.validateUpdate(sobject, id, values);
    if (outcome.ok && failIds.has(outcome.id)) return { sobject, id: outcome.id, values, outcome: { ok: false, error: INJECTED_FAILURE } };
    return { sobject, id: outcome.ok ? outcome.id : id, values, outcome };
  });
  return {
    status: 200,
    body: settle(plans, batch.allOrNone, (p) => {
      store.applyUpdate(p.sobject as SandboxSObject, p.id as string, p.values);
      return p.id as string;
    }),
  };
}

/** Retrieve: one entry per requested id, null for ids that do not exist (or are of another type). */
export function retrieveRecords(
  store: SandboxStore,
  input: { apiBase: string; type: string; ids: string[]; fields: string[] },
): ApiReply {
  if (!isSandboxSObject(input.type)) return apiError(404, 'NOT_FOUND', `The requested resource does not exist`);
  const sobject = input.type;
  if (input.ids.length > MAX_RETRIEVE) return apiError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${MAX_RETRIEVE} records into this call`);
  if (input.fields.length === 0) return apiError(400, 'MISSING_ARGUMENT', 'fields parameter is required');
  const fields: string[] = [];
  for (const name of input.fields) {
    const field = findField(sobject, name);
    if (!field) return apiError(400, 'INVALID_FIELD', `No such column '${name}' on entity '${sobject}'.`);
    fields.push(field.name);
  }
  const records = input.ids.map((id) => {
    const found = store.find(id);
    if (!found || found.sobject !== sobject) return null;
    const full = store.toApiRecord(sobject, found.record);
    const row: Record<string, unknown> = { attributes: { type: sobject, url: `${input.apiBase}/sobjects/${sobject}/${found.record.id}` } };
    for (const f of ['Id', ...fields]) row[f] = full[f];
    return row;
  });
  return { status: 200, body: records };
}
