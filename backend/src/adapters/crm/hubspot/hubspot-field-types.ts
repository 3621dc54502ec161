/**
 * HubSpot property definitions → CrmFieldDescription. HubSpot's `type` says how a value is stored and `fieldType`
 * how it is edited; a few well-known names say more than either (HubSpot has no url or email type).
 */
import type { CrmFieldDescription } from '../crm-client';

export interface HubspotPropertyDefinition {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  options?: { value: string; hidden?: boolean }[];
  modificationMetadata?: { readOnlyValue: boolean };
  calculated?: boolean;
}

type FieldType = CrmFieldDescription['type'];

const BY_TYPE: Readonly<Record<string, FieldType>> = {
  number: 'number',
  enumeration: 'enumeration',
  datetime: 'datetime',
  date: 'datetime',
  bool: 'boolean',
  string: 'string',
  phone_number: 'phone',
};

const BY_FIELD_TYPE: Readonly<Record<string, FieldType>> = {
  booleancheckbox: 'boolean',
  phonenumber: 'phone',
  textarea: 'textarea',
  html: 'textarea',
};

const BY_NAME: Readonly<Record<string, FieldType>> = {
  email: 'email',
  website: 'url',
  linkedin_company_page: 'url',
};

export function describeHubspotProperty(property: HubspotPropertyDefinition): CrmFieldDescription {
  const byType = BY_TYPE[property.type] ?? 'other';
  const type =
    byType === 'string' ? (BY_NAME[property.name] ?? BY_FIELD_TYPE[property.fieldType] ?? 'string') : byType;
  const writable = property.modificationMetadata ? !property.modificationMetadata.readOnlyValue : property.calculated !== true;
  const description: CrmFieldDescription = { name: property.name, label: property.label, type, writable };
  if (type === 'enumeration') {
    description.options = (property.options ?? []).filter((o) => o.hidden !== true).map((o) => o.value);
  }
  return description;
}
