/**
 * /crm/v3/properties/{type}: list and create properties (Accord creates its own) and property groups.
 * Supported types: string, number, enumeration (with options), datetime.
 */
import type { Reply } from './batch';
import { conflictError, notFoundError, validationError } from './errors';
import { FIELD_TYPE, type PropertyCatalog, type PropertyDefinition, type PropertyType } from './property-catalog';
import type { ObjectType } from './types';

const TYPES: readonly PropertyType[] = ['string', 'number', 'enumeration', 'datetime'];

function present(def: PropertyDefinition) {
  return {
    ...def,
    updatedAt: def.createdAt,
    displayOrder: -1,
    calculated: false,
    externalOptions: false,
    hidden: false,
    formField: !def.readOnlyValue,
    archived: false,
    modificationMetadata: { archivable: !def.readOnlyValue, readOnlyDefinition: def.readOnlyValue, readOnlyValue: def.readOnlyValue },
  };
}

export function listProperties(catalog: PropertyCatalog, type: ObjectType): Reply {
  return { status: 200, body: { results: [...catalog.properties[type].values()].map(present) } };
}

export function getProperty(catalog: PropertyCatalog, type: ObjectType, name: string): Reply {
  const def = catalog.properties[type].get(name);
  if (!def) throw notFoundError(`Unable to find property ${name}`);
  return { status: 200, body: present(def) };
}

export function createProperty(catalog: PropertyCatalog, type: ObjectType, body: Record<string, unknown>, now: string): Reply {
  const { name, label, groupName } = body;
  const propertyType = body.type as PropertyType;
  if (typeof name !== 'string' || !/^[a-z][a-z0-9_]*$/.test(name)) throw validationError(`Invalid property name: ${String(name)}`);
  if (typeof label !== 'string' || label === '') throw validationError('label is required');
  if (!TYPES.includes(propertyType)) throw validationError(`Unsupported property type: ${String(body.type)}`);
  if (typeof groupName !== 'string' || !catalog.groups[type].has(groupName)) {
    throw validationError(`Property group ${String(groupName)} does not exist`);
  }
  if (catalog.properties[type].has(name)) throw conflictError(`Property named '${name}' already exists.`);
  const rawOptions = Array.isArray(body.options) ? (body.options as Record<string, unknown>[]) : [];
  if (propertyType === 'enumeration' && rawOptions.length === 0) throw validationError('An enumeration needs options');
  const def: PropertyDefinition = {
    name,
    label,
    type: propertyType,
    fieldType: typeof body.fieldType === 'string' ? body.fieldType : FIELD_TYPE[propertyType],
    groupName,
    description: typeof body.description === 'string' ? body.description : '',
    options: rawOptions.map((o, i) => ({
      label: String(o.label ?? o.value),
      value: String(o.value),
      displayOrder: typeof o.displayOrder === 'number' ? o.displayOrder : i,
      hidden: o.hidden === true,
    })),
    hasUniqueValue: body.hasUniqueValue === true,
    readOnlyValue: false,
    createdAt: now,
  };
  catalog.properties[type].set(name, def);
  return { status: 201, body: present(def) };
}

export function listGroups(catalog: PropertyCatalog, type: ObjectType): Reply {
  return { status: 200, body: { results: [...catalog.groups[type].values()] } };
}

export function createGroup(catalog: PropertyCatalog, type: ObjectType, body: Record<string, unknown>): Reply {
  const { name, label } = body;
  if (typeof name !== 'string' || !/^[a-z][a-z0-9_]*$/.test(name)) throw validationError(`Invalid group name: ${String(name)}`);
  if (typeof label !== 'string' || label === '') throw validationError('label is required');
  if (catalog.groups[type].has(name)) throw conflictError(`A property group named '${name}' already exists.`);
  const group = { name, label, displayOrder: typeof body.displayOrder === 'number' ? body.displayOrder : -1, archived: false as const };
  catalog.groups[type].set(name, group);
  return { status: 201, body: group };
}
