/**
 * The org's data: in-memory Account/Contact/Lead records with system timestamps, the write rules the REST API
 * applies to one record (unknown/read-only/required fields, '' stored as null), and the automation counter
 * (+1 per field whose stored value really changes on create or update).
 */
import { SANDBOX_FIELDS, findField, type SandboxSObject } from './describe';
import { makeSalesforceId, sobjectOfId, toId18 } from './record-ids';

export interface RecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

export type WriteOutcome = { ok: true; id: string } | { ok: false; error: RecordError };

interface StoredRecord {
  id: string;
  createdMs: number;
  modifiedMs: number;
  values: Record<string, unknown>;
}

/** Salesforce renders datetimes as `2026-01-01T00:00:00.000+0000`. */
export function formatSalesforceDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

const TEXT_TYPES = new Set(['string', 'url', 'phone', 'email', 'picklist', 'textarea']);
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parseSeedDate(value: unknown, fallback: number): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') {
    const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (!Number.isNaN(ms)) return ms;
  }
  if (typeof value === 'number') return value;
  return fallback;
}

export class SandboxStore {
  automationEvents = 0;
  private readonly records: Record<SandboxSObject, Map<string, StoredRecord>> = {
    Account: new Map(),
    Contact: new Map(),
    Lead: new Map(),
  };
  private sequence = 0;

  constructor(private readonly clock: () => number) {}

  /** Loads existing data: no validation beyond field names, no automation. Dates may be given to set up filters. */
  seed(sobject: SandboxSObject, rows: Record<string, unknown>[]): string[] {
    const now = this.clock();
    return rows.map((row) => {
      const { Id: _id, CreatedDate, LastModifiedDate, ...values } = row;
      const createdMs = parseSeedDate(CreatedDate, now);
      const record = this.newRecord(sobject, createdMs);
      record.modifiedMs = parseSeedDate(LastModifiedDate, createdMs);
      for (const [name, value] of Object.entries(values)) {
        const field = findField(sobject, name);
        if (!field) throw new Error(`seed: no field ${name} on ${sobject}`);
        record.values[field.name] = value;
      }
      return record.id;
    });
  }

  /** Checks one create without applying it, so allOrNone can validate a whole batch first. */
  validateCreate(sobject: SandboxSObject, values: Record<string, unknown>): WriteOutcome {
    const checked = this.checkWrite(sobject, values, 'create');
    if (!checked.ok) return checked;
    const missing = SANDBOX_FIELDS[sobject]
      .filter((f) => f.createable && !f.nillable && checked.values[f.name] == null)
      .map((f) => f.name);
    return missing.length > 0 ? requiredMissing(missing) : { ok: true, id: '' };
  }

  /** Creates a validated record; every non-null field counts as an automation-relevant change. */
  applyCreate(sobject: SandboxSObject, values: Record<string, unknown>): string {
    const checked = this.checkWrite(sobject, values, 'create');
    if (!checked.ok) throw new Error(`applyCreate on an unvalidated ${sobject}`);
    const record = this.newRecord(sobject, this.clock());
    for (const [name, value] of Object.entries(checked.values)) {
      if (value !== null) this.automationEvents += 1;
      record.values[name] = value;
    }
    return record.id;
  }

  /** Checks one update without applying it, so allOrNone can validate a whole batch first. */
  validateUpdate(sobject: SandboxSObject, id: string, values: Record<string, unknown>): WriteOutcome {
    const found = this.find(id);
    if (!found || found.sobject !== sobject) {
      return { ok: false, error: { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] } };
    }
    const checked = this.checkWrite(sobject, values, 'update');
    if (!checked.ok) return checked;
    const cleared = Object.entries(checked.values)
      .filter(([name, value]) => value === null && findField(sobject, name)?.nillable === false)
      .map(([name]) => name);
    if (cleared.length > 0) return requiredMissing(cleared);
    return { ok: true, id: found.record.id };
  }

  /** Applies a validated update. Like Salesforce, a save with no real change still bumps LastModifiedDate. */
  applyUpdate(sobject: SandboxSObject, id: string, values: Record<string, unknown>): void {
    const found = this.find(id);
    const checked = this.checkWrite(sobject, values, 'update');
    if (!found || !checked.ok) throw new Error(`applyUpdate on an unvalidated write to ${id}`);
    for (const [name, value] of Object.entries(checked.values)) {
      if ((found.record.values[name] ?? null) !== value) this.automationEvents += 1;
      found.record.values[name] = value;
    }
    found.record.modifiedMs = this.clock();
  }

  find(id: string): { sobject: SandboxSObject; record: StoredRecord } | undefined {
    const id18 = toId18(id);
    const sobject = id18 === undefined ? undefined : sobjectOfId(id18);
    if (!id18 || !sobject) return undefined;
    const record = this.records[sobject].get(id18);
    return record ? { sobject, record } : undefined;
  }

  list(sobject: SandboxSObject): StoredRecord[] {
    return [...this.records[sobject].values()];
  }

  /** The record as the API shows it: every described field, null when unset, system dates formatted. */
  toApiRecord(sobject: SandboxSObject, record: StoredRecord): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of SANDBOX_FIELDS[sobject]) out[f.name] = readField(record, f.name);
    return out;
  }

  private newRecord(sobject: SandboxSObject, createdMs: number): StoredRecord {
    this.sequence += 1;
    const record: StoredRecord = { id: makeSalesforceId(sobject, this.sequence), createdMs, modifiedMs: createdMs, values: {} };
    this.records[sobject].set(record.id, record);
    return record;
  }

  private checkWrite(
    sobject: SandboxSObject,
    values: Record<string, unknown>,
    mode: 'create' | 'update',
  ): { ok: true; values: Record<string, unknown> } | { ok: false; error: RecordError } {
    const out: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(values)) {
      const field = findField(sobject, name);
      if (!field) {
        return { ok: false, error: { statusCode: 'INVALID_FIELD', message: `No such column '${name}' on sobject of type ${sobject}`, fields: [] } };
      }
      if (mode === 'create' ? !field.createable : !field.updateable) {
        const message = `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`;
        return { ok: false, error: { statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message, fields: [field.name] } };
      }
      // Salesforce stores an empty text value as null.
      const value = raw === undefined || (raw === '' && TEXT_TYPES.has(field.type)) ? null : raw;
      if (field.type === 'email' && typeof value === 'string' && !EMAIL_PATTERN.test(value)) {
        return { ok: false, error: { statusCode: 'INVALID_EMAIL_ADDRESS', message: `Email: invalid email address: ${value}`, fields: [field.name] } };
      }
      if (field.referenceTo && value !== null) {
        const id18 = typeof value === 'string' ? toId18(value) : null;
        if (!id18 || !this.records[field.referenceTo].has(id18)) {
          return { ok: false, error: { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: `invalid cross reference id`, fields: [field.name] } };
        }
        out[field.name] = id18;
        continue;
      }
      out[field.name] = value;
    }
    return { ok: true, values: out };
  }
}

export function readField(record: StoredRecord, name: string): unknown {
  if (name === 'Id') return record.id;
  if (name === 'CreatedDate') return formatSalesforceDate(record.createdMs);
  if (name === 'LastModifiedDate') return formatSalesforceDate(record.modifiedMs);
  return record.values[name] ?? null;
}

export type { StoredRecord };

function requiredMissing(fields: string[]): WriteOutcome {
  return { ok: false, error: { statusCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${fields.join(', ')}]`, fields } };
}
