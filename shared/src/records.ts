/** Canonical CRM-side record shapes: what a HubSpot company/contact or Salesforce Account/Contact/Lead looks like once read. */
import { z } from 'zod';
import { companyDetailsShape, idSchema, optionalText, personDetailsShape } from './common';

export const crmCompanySchema = z.object({
  kind: z.literal('company'),
  id: idSchema,
  name: optionalText(),
  website: optionalText(),
  ...companyDetailsShape,
});
export type CrmCompany = z.infer<typeof crmCompanySchema>;

export const crmPersonSchema = z.object({
  kind: z.literal('person'),
  id: idSchema,
  companyName: optionalText(),
  companyDomain: optionalText(),
  ...personDetailsShape,
});
export type CrmPerson = z.infer<typeof crmPersonSchema>;

export const crmRecordSchema = z.discriminatedUnion('kind', [crmCompanySchema, crmPersonSchema]);
export type CrmRecord = z.infer<typeof crmRecordSchema>;
