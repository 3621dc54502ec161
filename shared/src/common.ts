/** Small building blocks reused by every contract. */
import { z } from 'zod';

export const crmSchema = z.enum(['hubspot', 'salesforce']);
export type Crm = z.infer<typeof crmSchema>;

export const recordKindSchema = z.enum(['company', 'person']);
export type RecordKind = z.infer<typeof recordKindSchema>;

/** ISO-8601 UTC timestamp, as stored and sent everywhere. */
export const isoTimestampSchema = z.iso.datetime({ offset: true });

export const idSchema = z.string().min(1).max(200);

/** Credits are whole numbers, never floats. */
export const creditsSchema = z.int().min(0);

export const probabilitySchema = z.number().min(0).max(1);

/** An optional text field as CRMs hold it: missing, null or a string. */
export const optionalText = (max = 2_000) => z.string().max(max).nullish();

/** Postal address fields, as both CRMs and the reference data hold them. */
export const addressShape = {
  street: optionalText(),
  city: optionalText(200),
  state: optionalText(200),
  postcode: optionalText(40),
  country: optionalText(200),
};

/** Descriptive company fields shared by CRM and reference companies. */
export const companyDetailsShape = {
  domain: optionalText(),
  phone: optionalText(100),
  abn: optionalText(40),
  industry: optionalText(200),
  employeeCount: z.int().min(0).nullish(),
  linkedinUrl: optionalText(),
  description: optionalText(10_000),
  ...addressShape,
};

/** Contact fields shared by CRM and reference people. */
export const personDetailsShape = {
  firstName: optionalText(500),
  lastName: optionalText(500),
  email: optionalText(320),
  phone: optionalText(100),
  jobTitle: optionalText(500),
  linkedinUrl: optionalText(),
  ...addressShape,
};
