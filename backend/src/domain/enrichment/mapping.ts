/**
 * Field mapping: which reference field fills which CRM property, how its value is converted, and the overwrite
 * policy per field. Mappings are data, per tenant and CRM object, with defaults for HubSpot companies/contacts and
 * Salesforce Accounts/Contacts/Leads.
 */
import { crmObjectSchema, crmSchema, overwritePolicySchema, recordKindSchema, type CrmObjectName, type OverwritePolicy } from '@accord/shared';
import { z } from 'zod';

export { overwritePolicySchema, crmObjectSchema, type OverwritePolicy };

export const valueTypeSchema = z.enum(['text', 'number', 'phone', 'url', 'domain', 'email', 'enumeration']);
export type ValueType = z.infer<typeof valueTypeSchema>;

export const companySourceFields = [
  'name', 'domain', 'phone', 'abn', 'street', 'city', 'state', 'postcode', 'country', 'industry', 'employeeCount', 'linkedinUrl', 'description',
] as const;
export const personSourceFields = ['firstName', 'lastName', 'email', 'phone', 'jobTitle', 'linkedinUrl', 'street', 'city', 'state', 'postcode', 'country'] as const;

export const fieldMappingSchema = z.object({
  /** Reference record field. */
  source: z.enum([...companySourceFields, ...personSourceFields]),
  /** CRM property (HubSpot) or field API name (Salesforce). */
  target: z.string().min(1).max(200),
  label: z.string().max(200).optional(),
  type: valueTypeSchema,
  /** For enumerations/picklists: reference value → CRM option value. Unmapped values are not written. */
  valueMap: z.record(z.string(), z.string()).optional(),
  policy: overwritePolicySchema.default('fill-empty'),
});
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

export type CrmObject = CrmObjectName;

export const mappingSetSchema = z.object({
  crm: crmSchema,
  object: crmObjectSchema,
  kind: recordKindSchema,
  fields: z.array(fieldMappingSchema).max(100),
});
export type MappingSet = z.infer<typeof mappingSetSchema>;

const industryToHubspot: Record<string, string> = {
  Construction: 'CONSTRUCTION',
  'Information Technology': 'INFORMATION_TECHNOLOGY_AND_SERVICES',
  Software: 'COMPUTER_SOFTWARE',
  Retail: 'RETAIL',
  Wholesale: 'WHOLESALE',
  Hospitality: 'HOSPITALITY',
  'Health Care': 'HOSPITAL_HEALTH_CARE',
  Healthcare: 'HOSPITAL_HEALTH_CARE',
  Manufacturing: 'MACHINERY',
  Logistics: 'LOGISTICS_AND_SUPPLY_CHAIN',
  Legal: 'LAW_PRACTICE',
  Accounting: 'ACCOUNTING',
  Education: 'EDUCATION_MANAGEMENT',
  'Real Estate': 'REAL_ESTATE',
  Finance: 'FINANCIAL_SERVICES',
  Agriculture: 'FARMING',
  Mining: 'MINING_METALS',
  Marketing: 'MARKETING_AND_ADVERTISING',
};

const f = (source: FieldMapping['source'], target: string, type: ValueType, extra: Partial<FieldMapping> = {}): FieldMapping => ({
  source,
  target,
  type,
  policy: 'fill-empty',
  ...extra,
});

export const defaultMappings: readonly MappingSet[] = [
  {
    crm: 'hubspot',
    object: 'companies',
    kind: 'company',
    fields: [
      f('domain', 'domain', 'domain'),
      f('domain', 'website', 'url'),
      f('phone', 'phone', 'phone'),
      f('industry', 'industry', 'enumeration', { valueMap: industryToHubspot }),
      f('employeeCount', 'numberofemployees', 'number'),
      f('linkedinUrl', 'linkedin_company_page', 'url'),
      f('description', 'description', 'text'),
      f('street', 'address', 'text'),
      f('city', 'city', 'text'),
      f('state', 'state', 'text'),
      f('postcode', 'zip', 'text'),
      f('country', 'country', 'text'),
    ],
  },
  {
    crm: 'hubspot',
    object: 'contacts',
    kind: 'person',
    fields: [
      f('email', 'email', 'email'),
      f('phone', 'phone', 'phone'),
      f('jobTitle', 'jobtitle', 'text'),
      f('city', 'city', 'text'),
      f('state', 'state', 'text'),
      f('postcode', 'zip', 'text'),
      f('country', 'country', 'text'),
    ],
  },
  {
    crm: 'salesforce',
    object: 'Account',
    kind: 'company',
    fields: [
      f('domain', 'Website', 'url'),
      f('phone', 'Phone', 'phone'),
      f('industry', 'Industry', 'enumeration', { valueMap: { Construction: 'Construction', Retail: 'Retail', Education: 'Education', Finance: 'Finance', Manufacturing: 'Manufacturing', Hospitality: 'Hospitality', Healthcare: 'Healthcare', 'Health Care': 'Healthcare', Agriculture: 'Agriculture', Software: 'Technology', 'Information Technology': 'Technology' } }),
      f('employeeCount', 'NumberOfEmployees', 'number'),
      f('description', 'Description', 'text'),
      f('street', 'BillingStreet', 'text'),
      f('city', 'BillingCity', 'text'),
      f('state', 'BillingState', 'text'),
      f('postcode', 'BillingPostalCode', 'text'),
      f('country', 'BillingCountry', 'text'),
    ],
  },
  {
    crm: 'salesforce',
    object: 'Contact',
    kind: 'person',
    fields: [
      f('email', 'Email', 'email'),
      f('phone', 'Phone', 'phone'),
      f('jobTitle', 'Title', 'text'),
      f('street', 'MailingStreet', 'text'),
      f('city', 'MailingCity', 'text'),
      f('state', 'MailingState', 'text'),
      f('postcode', 'MailingPostalCode', 'text'),
      f('country', 'MailingCountry', 'text'),
    ],
  },
  {
    crm: 'salesforce',
    object: 'Lead',
    kind: 'person',
    fields: [
      f('email', 'Email', 'email'),
      f('phone', 'Phone', 'phone'),
      f('jobTitle', 'Title', 'text'),
      f('street', 'Street', 'text'),
      f('city', 'City', 'text'),
      f('state', 'State', 'text'),
      f('postcode', 'PostalCode', 'text'),
      f('country', 'Country', 'text'),
    ],
  },
];

export function defaultMappingFor(crm: MappingSet['crm'], object: CrmObject): MappingSet | undefined {
  return defaultMappings.find((m) => m.crm === crm && m.object === object);
}
