/** The vendor's reference records, as imported (JSON Lines) and as shown on a card once matched. */
import { z } from 'zod';
import { idSchema, optionalText } from './common';

export const referenceCompanySchema = z.object({
  kind: z.literal('company'),
  id: idSchema,
  name: z.string().min(1).max(2_000),
  tradingNames: z.array(z.string().max(2_000)).max(50).optional(),
  domain: optionalText(),
  phone: optionalText(100),
  abn: optionalText(40),
  street: optionalText(),
  city: optionalText(200),
  state: optionalText(200),
  postcode: optionalText(40),
  country: optionalText(200),
  industry: optionalText(200),
  employeeCount: z.int().min(0).nullish(),
  linkedinUrl: optionalText(),
  description: optionalText(10_000),
});
export type ReferenceCompany = z.infer<typeof referenceCompanySchema>;

export const referencePersonSchema = z.object({
  kind: z.literal('person'),
  id: idSchema,
  companyId: idSchema.nullish(),
  firstName: optionalText(500),
  lastName: optionalText(500),
  email: optionalText(320),
  phone: optionalText(100),
  jobTitle: optionalText(500),
  linkedinUrl: optionalText(),
  street: optionalText(),
  city: optionalText(200),
  state: optionalText(200),
  postcode: optionalText(40),
  country: optionalText(200),
});
export type ReferencePerson = z.infer<typeof referencePersonSchema>;

export const referenceRecordSchema = z.discriminatedUnion('kind', [referenceCompanySchema, referencePersonSchema]);
export type ReferenceRecord = z.infer<typeof referenceRecordSchema>;
