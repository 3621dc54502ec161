/**
 * The sandbox portal's records in memory. Creates and updates go through here so that timestamps move and
 * automation events count only when a property value really changes (a no-op write changes nothing).
 */
import { validationError } from './errors';
import {
  createPropertyCatalog,
  DEFAULT_RETURNED,
  invalidValueReason,
  type PropertyCatalog,
} from './property-catalog';
import type { CrmRecord, ObjectType, PropertyValues, SeedRecord } from './types';

export interface StoredRecord {
  id: string;
  properties: PropertyValues;
  createdAt: string;
  updatedAt: string;
}

const FIRST_ID = 10_001;

export class SandboxStore {
  readonly catalog: PropertyCatalog;
  automationEvents = 0;
  private readonly records: Record<ObjectType, Map<string, StoredRecord>> = {
    companies: new Map(),
    contacts: new Map(),
  };
  private readonly sortedCache: Partial<Record<ObjectType, StoredRecord[]>> = {};
  private nextId = FIRST_ID;

  constructor(private readonly clock: () => number) {
    this.catalog = createPropertyCatalog(new Date(clock()).toISOString());
  }

  get(type: ObjectType, id: string): StoredRecord | undefined {
    return this.records[type].get(id);
  }

  /** All records ordered by numeric id: the order of list paging. */
  sorted(type: ObjectType): StoredRecord[] {
    const cached = this.sortedCache[type];
    if (cached) return cached;
    const fresh = [...this.records[type].values()].sort((a, b) => Number(a.id) - Number(b.id));
    this.sortedCache[type] = fresh;
    return fresh;
  }

  findByProperty(type: ObjectType, property: string, value: string): StoredRecord | undefined {
    if (property === 'hs_object_id') return this.get(type, value);
    const wanted = value.toLowerCase();
    for (const record of this.records[type].values()) {
      if (record.properties[property]?.toLowerCase() === wanted) return record;
    }
    return undefined;
  }

  /** Test setup: no validation of values, no automation events; honours given createdate/hs_lastmodifieddate. */
  seed(type: ObjectType, inputs: SeedRecord[]): StoredRecord[] {
    const now = new Date(this.clock()).toISOString();
    return inputs.map((input) => {
      const id = input.id ?? this.allocateId();
      if (!/^\d+$/.test(id)) throw new Error(`sandbox ids are numeric strings, got "${id}"`);
      if (Number(id) >= this.nextId) this.nextId = Number(id) + 1;
      const createdAt = input.properties.createdate ?? now;
      const updatedAt = input.properties.hs_lastmodifieddate ?? createdAt;
      return this.put(type, { id, createdAt, updatedAt, properties: { ...input.properties } });
    });
  }

  create(type: ObjectType, properties: PropertyValues): StoredRecord {
    this.assertWritable(type, properties);
    const now = new Date(this.clock()).toISOString();
    const values = normalise(properties);
    this.automationEvents += Object.values(values).filter((v) => v !== null).length;
    return this.put(type, { id: this.allocateId(), createdAt: now, updatedAt: now, properties: values });
  }

  /** Applies only the values that differ; moves hs_lastmodifieddate only when something changed. */
  update(type: ObjectType, record: StoredRecord, properties: PropertyValues): StoredRecord {
    this.assertWritable(type, properties);
    let changed = 0;
    for (const [name, value] of Object.entries(normalise(properties))) {
      if ((record.properties[name] ?? null) === value) continue;
      record.properties[name] = value;
      changed += 1;
    }
    if (changed > 0) {
      this.automationEvents += changed;
      record.updatedAt = new Date(this.clock()).toISOString();
      this.stamp(type, record);
    }
    return record;
  }

  /** 400 for unknown or read-only properties and badly typed values, as HubSpot refuses the whole request. */
  assertWritable(type: ObjectType, properties: PropertyValues): void {
    const problems: { name: string; error: string; message: string }[] = [];
    for (const [name, value] of Object.entries(properties)) {
      const def = this.catalog.properties[type].get(name);
      if (!def) problems.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
      else if (def.readOnlyValue) problems.push({ name, error: 'READ_ONLY_VALUE', message: `${name} is read only` });
      else {
        const reason = invalidValueReason(def, value);
        if (reason) problems.push({ name, error: 'INVALID_OPTION', message: reason });
      }
    }
    if (problems.length === 0) return;
    const detail = problems.map((p) => ({ isValid: false, message: p.message, error: p.error, name: p.name }));
    throw validationError(`Property values were not valid: ${JSON.stringify(detail)}`);
  }

  /** The record as HubSpot serves it, with the chosen properties (unknown names are silently skipped). */
  view(type: ObjectType, record: StoredRecord, wanted?: readonly string[]): CrmRecord {
    const names = wanted && wanted.length > 0 ? wanted : DEFAULT_RETURNED[type];
    const always = ['hs_object_id', 'createdate', 'hs_lastmodifieddate'];
    const properties: PropertyValues = {};
    for (const name of new Set([...names, ...always])) {
      if (!this.catalog.properties[type].has(name) && !(name in record.properties)) continue;
      properties[name] = record.properties[name] ?? null;
    }
    return { id: record.id, properties, createdAt: record.createdAt, updatedAt: record.updatedAt, archived: false };
  }

  private put(type: ObjectType, record: StoredRecord): StoredRecord {
    this.stamp(type, record);
    this.records[type].set(record.id, record);
    delete this.sortedCache[type];
    return record;
  }

  private stamp(type: ObjectType, record: StoredRecord): void {
    record.properties.hs_object_id = record.id;
    record.properties.createdate = record.createdAt;
    record.properties.hs_lastmodifieddate = record.updatedAt;
    if (type === 'contacts') record.properties.lastmodifieddate = record.updatedAt;
  }

  private allocateId(): string {
    const id = String(this.nextId);
    this.nextId += 1;
    return id;
  }
}

/** HubSpot treats an empty string as clearing the property. */
function normalise(properties: PropertyValues): PropertyValues {
  const out: PropertyValues = {};
  for (const [name, value] of Object.entries(properties)) out[name] = value === '' ? null : value;
  return out;
}
