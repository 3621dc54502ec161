/**
 * Field metadata of the sandbox org: the standard Account, Contact and Lead fields Accord maps, shaped like the
 * `fields` of `GET /sobjects/{type}/describe`. Data, not branches: adding a field here makes it queryable,
 * writable (when updateable) and described.
 */
import { accordFieldDefinitions, accordFieldNames } from '../../../../domain/enrichment/accord-fields';

export const SANDBOX_SOBJECTS = ['Account', 'Contact', 'Lead'] as const;
export type SandboxSObject = (typeof SANDBOX_SOBJECTS)[number];

export type SandboxFieldType = 'id' | 'reference' | 'string' | 'url' | 'phone' | 'email' | 'picklist' | 'int' | 'double' | 'textarea' | 'datetime';

export interface SandboxField {
  name: string;
  label: string;
  type: SandboxFieldType;
  updateable: boolean;
  createable: boolean;
  nillable: boolean;
  picklistValues?: string[];
  /** For a reference field: the object its id must name. */
  referenceTo?: SandboxSObject;
}

/** Salesforce key prefixes: the first three characters of every record Id. */
export const KEY_PREFIXES: Record<SandboxSObject, string> = { Account: '001', Contact: '003', Lead: '00Q' };

const INDUSTRIES = [
  'Agriculture', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications', 'Construction', 'Consulting',
  'Education', 'Electronics', 'Energy', 'Engineering', 'Entertainment', 'Environmental', 'Finance', 'Food & Beverage',
  'Government', 'Healthcare', 'Hospitality', 'Insurance', 'Machinery', 'Manufacturing', 'Media', 'Not For Profit',
  'Recreation', 'Retail', 'Shipping', 'Technology', 'Telecommunications', 'Transportation', 'Utilities', 'Other',
];

function field(name: string, label: string, type: SandboxFieldType, extra: Partial<SandboxField> = {}): SandboxField {
  return { name, label, type, updateable: true, createable: true, nillable: true, ...extra };
}

const SYSTEM_FIELDS: SandboxField[] = [
  field('Id', 'Record ID', 'id', { updateable: false, createable: false, nillable: false }),
  field('CreatedDate', 'Created Date', 'datetime', { updateable: false, createable: false, nillable: false }),
  field('LastModifiedDate', 'Last Modified Date', 'datetime', { updateable: false, createable: false, nillable: false }),
];

function address(prefix: 'Billing' | 'Mailing' | '', labelPrefix: string): SandboxField[] {
  return [
    field(`${prefix}Street`, `${labelPrefix}Street`, 'textarea'),
    field(`${prefix}City`, `${labelPrefix}City`, 'string'),
    field(`${prefix}State`, `${labelPrefix}State/Province`, 'string'),
    field(`${prefix}PostalCode`, `${labelPrefix}Zip/Postal Code`, 'string'),
    field(`${prefix}Country`, `${labelPrefix}Country`, 'string'),
  ];
}

/** The custom fields Accord's package installs on Account, Contact and Lead (the org has the package). */
const ACCORD_PACKAGE_FIELDS: SandboxField[] = accordFieldDefinitions.map((d) =>
  field(accordFieldNames.salesforce[d.key], d.label, d.type === 'number' ? 'double' : d.type),
);

const PERSON_FIELDS: SandboxField[] = [
  field('FirstName', 'First Name', 'string'),
  field('LastName', 'Last Name', 'string', { nillable: false }),
  field('Email', 'Email', 'email'),
  field('Phone', 'Phone', 'phone'),
  field('Title', 'Title', 'string'),
];

export const SANDBOX_FIELDS: Record<SandboxSObject, SandboxField[]> = {
  Account: [
    ...SYSTEM_FIELDS,
    field('Name', 'Account Name', 'string', { nillable: false }),
    field('Website', 'Website', 'url'),
    field('Phone', 'Account Phone', 'phone'),
    field('Industry', 'Industry', 'picklist', { picklistValues: INDUSTRIES }),
    field('NumberOfEmployees', 'Employees', 'int'),
    field('Description', 'Account Description', 'textarea'),
    ...address('Billing', 'Billing '),
    ...ACCORD_PACKAGE_FIELDS,
  ],
  Contact: [...SYSTEM_FIELDS, field('AccountId', 'Account ID', 'reference', { referenceTo: 'Account' }), ...PERSON_FIELDS, ...address('Mailing', 'Mailing '), ...ACCORD_PACKAGE_FIELDS],
  // Lead's address is the compound `Address` (Street, City, ...), without a prefix.
  Lead: [...SYSTEM_FIELDS, ...PERSON_FIELDS, field('Company', 'Company', 'string', { nillable: false }), ...address('', ''), ...ACCORD_PACKAGE_FIELDS],
};

export function isSandboxSObject(name: string): name is SandboxSObject {
  return (SANDBOX_SOBJECTS as readonly string[]).includes(name);
}

/** Case-insensitive field lookup, as SOQL and the REST API resolve field names. */
export function findField(sobject: SandboxSObject, name: string): SandboxField | undefined {
  const lower = name.toLowerCase();
  return SANDBOX_FIELDS[sobject].find((f) => f.name.toLowerCase() === lower);
}

/** The describe body jsforce's `conn.sobject(type).describe()` reads. */
export function describeSObject(sobject: SandboxSObject, apiBase: string): Record<string, unknown> {
  return {
    name: sobject,
    label: sobject,
    keyPrefix: KEY_PREFIXES[sobject],
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    urls: { sobject: `${apiBase}/sobjects/${sobject}`, describe: `${apiBase}/sobjects/${sobject}/describe` },
    fields: SANDBOX_FIELDS[sobject].map((f) => ({
      name: f.name,
      label: f.label,
      type: f.type,
      updateable: f.updateable,
      createable: f.createable,
      nillable: f.nillable,
      picklistValues: (f.picklistValues ?? []).map((value) => ({ value, label: value, active: true, defaultValue: false })),
    })),
  };
}
