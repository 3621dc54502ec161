/** Canonical CRM-side record shapes: what a HubSpot company/contact or Salesforce Account/Contact/Lead looks like once read. */
import { z } from 'zod';
import { idSchema, optionalText } from './common';

export const crmCompanySchema = z.object({
  kind: z.literal('company'),
  id: idSchema,
  name: optionalText(),
  domain: optionalText(),
  website: optionalText(),
  phone: optionalText(100),
  street: optionalText(),
  city: optionalText(200),
  state: optionalText(200),
  postcode: optionalText(40),
  country: optionalText(200),
  abn: optionalText(40),
  industry: optionalText(200),
  employeeCount: z.int().min(0).nullish(),
  linkedinUrl: optionalText(),
  description: optionalText(10_000),
});
export type CrmCompany = z.infer<typeof crmCompanySchema>;

export const crmPersonSchema = z.object({
  kind: z.literal('person'),
  id: idSchema,
  firstName: optionalText(500),
  lastName: optionalText(500),
  email: optionalText(320),
  phone: optionalText(100),
  jobTitle: optionalText(500),
  companyName: optionalText(),
  companyDomain: optionalText(),
  linkedinUrl: optionalText(),
  street: optionalText(),
  city: optionalText(200),
  state: optionalText(200),
  postcode: optionalText(40),
  country: optionalText(200),
});
export type CrmPerson = z.infer<typeof crmPersonSchema>;

export const crmRecordSchema = z.discriminatedUnion('kind', [crmCompanySchema, crmPersonSchema]);
export type CrmRecord = z.infer<typeof crmRecordSchema>;
