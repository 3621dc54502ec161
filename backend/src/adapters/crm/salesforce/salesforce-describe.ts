/** Maps a describe result's fields (`GET /sobjects/{type}/describe`) onto the port's CrmFieldDescription. */
import type { CrmFieldDescription } from '../crm-client';

/** Salesforce field types per port type; anything not listed (id, reference, date, address, ...) is 'other'. */
const TYPE_MAP: Readonly<Record<string, CrmFieldDescription['type']>> = {
  string: 'string',
  textarea: 'textarea',
  phone: 'phone',
  url: 'url',
  email: 'email',
  picklist: 'enumeration',
  int: 'number',
  double: 'number',
  currency: 'number',
  datetime: 'datetime',
  boolean: 'boolean',
};

/** The part of jsforce's DescribeSObjectResult field we read. */
export interface DescribedField {
  name: string;
  label: string;
  type: string;
  updateable: boolean;
  picklistValues?: readonly { value: string; active?: boolean }[] | null;
}

export function toCrmFieldDescription(field: DescribedField): CrmFieldDescription {
  const type = TYPE_MAP[field.type] ?? 'other';
  const options = (field.picklistValues ?? []).filter((p) => p.active !== false).map((p) => p.value);
  return { name: field.name, label: field.label, type, writable: field.updateable, ...(type === 'enumeration' ? { options } : {}) };
}
