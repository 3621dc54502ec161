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
