/**
 * How a CRM object's raw values become the canonical record the matcher reads: which CRM fields to fetch and which
 * canonical field each one feeds. Per-object differences are data, not branches.
 */
import type { CrmRecord, FieldValue } from '@accord/shared';
import type { CrmObject } from '../enrichment/mapping';

type CompanyField = 'name' | 'website' | 'domain' | 'phone' | 'abn' | 'industry' | 'employeeCount' | 'linkedinUrl' | 'street' | 'city' | 'state' | 'postcode' | 'country';
type PersonField = 'firstName' | 'lastName' | 'email' | 'phone' | 'jobTitle' | 'linkedinUrl' | 'companyName' | 'companyDomain' | 'street' | 'city' | 'state' | 'postcode' | 'country';

type ObjectFields =
  | { kind: 'company'; fields: Readonly<Partial<Record<CompanyField, string>>> }
  | { kind: 'person'; fields: Readonly<Partial<Record<PersonField, string>>> };

/** Canonical field → the CRM field it is read from. */
export const matchingFieldsByObject: Readonly<Record<CrmObject, ObjectFields>> = {
  companies: {
    kind: 'company',
    fields: {
      name: 'name', website: 'website', domain: 'domain', phone: 'phone', industry: 'industry', employeeCount: 'numberofemployees',
      linkedinUrl: 'linkedin_company_page', street: 'address', city: 'city', state: 'state', postcode: 'zip', country: 'country',
    },
  },
  contacts: {
    kind: 'person',
    fields: {
      firstName: 'firstname', lastName: 'lastname', email: 'email', phone: 'phone', jobTitle: 'jobtitle', companyName: 'company',
      city: 'city', state: 'state', postcode: 'zip', country: 'country',
    },
  },
  Account: {
    kind: 'company',
    fields: {
      name: 'Name', website: 'Website', phone: 'Phone', industry: 'Industry', employeeCount: 'NumberOfEmployees',
      street: 'BillingStreet', city: 'BillingCity', state: 'BillingState', postcode: 'BillingPostalCode', country: 'BillingCountry',
    },
  },
  Contact: {
    kind: 'person',
    fields: {
      firstName: 'FirstName', lastName: 'LastName', email: 'Email', phone: 'Phone', jobTitle: 'Title',
      street: 'MailingStreet', city: 'MailingCity', state: 'MailingState', postcode: 'MailingPostalCode', country: 'MailingCountry',
    },
  },
  Lead: {
    kind: 'person',
    fields: {
      firstName: 'FirstName', lastName: 'LastName', email: 'Email', phone: 'Phone', jobTitle: 'Title', companyName: 'Company',
      street: 'Street', city: 'City', state: 'State', postcode: 'PostalCode', country: 'Country',
    },
  },
};

/** The CRM fields to fetch to match a record of `object`. */
export function matchingFieldsOf(object: CrmObject): string[] {
  return Object.values(matchingFieldsByObject[object].fields);
}

/** The canonical record of raw CRM values (missing fields become null; a non-numeric employee count is dropped). */
export function toCrmRecord(object: CrmObject, id: string, values: Readonly<Record<string, FieldValue | undefined>>): CrmRecord {
  const spec = matchingFieldsByObject[object];
  const record: Record<string, unknown> = { kind: spec.kind, id };
  for (const [canonical, crmField] of Object.entries(spec.fields)) {
    const raw = values[crmField as string];
    if (raw === undefined || raw === null || raw === '') {
      record[canonical] = null;
    } else if (canonical === 'employeeCount') {
      const n = Number(raw);
      record[canonical] = Number.isInteger(n) && n >= 0 ? n : null;
    } else {
      record[canonical] = String(raw).slice(0, 2_000);
    }
  }
  return record as CrmRecord;
}
