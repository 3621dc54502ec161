/**
 * Property definitions per object type: HubSpot's defaults that Accord maps, the read-only system properties,
 * plus whatever POST /crm/v3/properties/{type} adds. Also validates a value against its property's type.
 */
import type { ObjectType } from './types';

export type PropertyType = 'string' | 'number' | 'enumeration' | 'datetime';

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: PropertyOption[];
  hasUniqueValue: boolean;
  readOnlyValue: boolean;
  createdAt: string;
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: false;
}

const INDUSTRIES = [
  'ACCOUNTING', 'BANKING', 'COMPUTER_SOFTWARE', 'CONSTRUCTION', 'FINANCIAL_SERVICES', 'HOSPITAL_HEALTH_CARE',
  'INFORMATION_TECHNOLOGY_AND_SERVICES', 'INSURANCE', 'INTERNET', 'LEGAL_SERVICES', 'MANAGEMENT_CONSULTING',
  'MARKETING_AND_ADVERTISING', 'MECHANICAL_OR_INDUSTRIAL_ENGINEERING', 'REAL_ESTATE', 'RETAIL', 'TELECOMMUNICATIONS',
  // More of HubSpot's (LinkedIn-style) industry options: the ones Accord's default mapping writes.
  'EDUCATION_MANAGEMENT', 'FARMING', 'HOSPITALITY', 'LAW_PRACTICE', 'LOGISTICS_AND_SUPPLY_CHAIN', 'MACHINERY', 'MINING_METALS', 'WHOLESALE',
];

const FIELD_TYPE: Record<PropertyType, string> = {
  string: 'text',
  number: 'number',
  enumeration: 'select',
  datetime: 'date',
};

type Spec = [name: string, type: PropertyType, extra?: Partial<PropertyDefinition>];

const SYSTEM: Spec[] = [
  ['hs_object_id', 'number', { readOnlyValue: true, hasUniqueValue: true }],
  ['createdate', 'datetime', { readOnlyValue: true }],
  ['hs_lastmodifieddate', 'datetime', { readOnlyValue: true }],
];

const DEFAULTS: Record<ObjectType, Spec[]> = {
  companies: [
    ...SYSTEM,
    ['name', 'string'],
    ['domain', 'string', { hasUniqueValue: true }],
    ['website', 'string'],
    ['phone', 'string'],
    ['industry', 'enumeration', { options: INDUSTRIES.map((v, i) => option(v, i)) }],
    ['numberofemployees', 'number'],
    ['linkedin_company_page', 'string'],
    ['description', 'string'],
    ['address', 'string'],
    ['city', 'string'],
    ['state', 'string'],
    ['zip', 'string'],
    ['country', 'string'],
  ],
  contacts: [
    ...SYSTEM,
    ['lastmodifieddate', 'datetime', { readOnlyValue: true }],
    ['email', 'string', { hasUniqueValue: true }],
    ['firstname', 'string'],
    ['lastname', 'string'],
    ['phone', 'string'],
    ['jobtitle', 'string'],
    ['company', 'string'],
    // The primary company's id; set by an association on create (the sandbox's only association).
    ['associatedcompanyid', 'number'],
    ['city', 'string'],
    ['state', 'string'],
    ['zip', 'string'],
    ['country', 'string'],
  ],
};

/** What GET and search return when the caller names no properties (HubSpot's documented defaults). */
export const DEFAULT_RETURNED: Record<ObjectType, string[]> = {
  companies: ['name', 'domain', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  contacts: ['firstname', 'lastname', 'email', 'createdate', 'lastmodifieddate', 'hs_object_id'],
};

function option(value: string, displayOrder: number): PropertyOption {
  return { label: value, value, displayOrder, hidden: false };
}

function define(spec: Spec, createdAt: string): PropertyDefinition {
  const [name, type, extra] = spec;
  return {
    name,
    label: name,
    type,
    fieldType: FIELD_TYPE[type],
    groupName: name.startsWith('hs_') || name.endsWith('date') ? 'system' : 'information',
    description: '',
    options: [],
    hasUniqueValue: false,
    readOnlyValue: false,
    createdAt,
    ...extra,
  };
}

export interface PropertyCatalog {
  properties: Record<ObjectType, Map<string, PropertyDefinition>>;
  groups: Record<ObjectType, Map<string, PropertyGroup>>;
}

export function createPropertyCatalog(createdAt: string): PropertyCatalog {
  const byType = (type: ObjectType) => new Map(DEFAULTS[type].map((s) => [s[0], define(s, createdAt)] as const));
  const groups = () =>
    new Map<string, PropertyGroup>([
      ['information', { name: 'information', label: 'Information', displayOrder: 0, archived: false }],
      ['system', { name: 'system', label: 'System', displayOrder: 1, archived: false }],
    ]);
  return {
    properties: { companies: byType('companies'), contacts: byType('contacts') },
    groups: { companies: groups(), contacts: groups() },
  };
}

/** Why HubSpot would refuse this value for this property, or null when it is acceptable. */
export function invalidValueReason(def: PropertyDefinition, value: string | null): string | null {
  if (value === null || value === '') return null;
  switch (def.type) {
    case 'string':
      return null;
    case 'number':
      return Number.isFinite(Number(value)) ? null : `${value} was not a valid number.`;
    case 'enumeration':
      return def.options.some((o) => o.value === value)
        ? null
        : `${value} was not one of the allowed options: ${def.options.map((o) => o.value).join(', ')}`;
    case 'datetime':
      return parseDateMs(value) === null ? `${value} was not a valid date or timestamp.` : null;
  }
}

/** HubSpot accepts datetimes as epoch milliseconds or ISO 8601. */
export function parseDateMs(value: string): number | null {
  const ms = /^-?\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

export { FIELD_TYPE };
