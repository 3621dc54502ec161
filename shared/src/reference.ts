/** The vendor's reference records, as imported (JSON Lines) and as shown on a card once matched. */
import { z } from 'zod';
import { companyDetailsShape, idSchema, personDetailsShape } from './common';

export const referenceCompanySchema = z.object({
  kind: z.literal('company'),
  id: idSchema,
  name: z.string().min(1).max(2_000),
  tradingNames: z.array(z.string().max(2_000)).max(50).optional(),
  ...companyDetailsShape,
});
export type ReferenceCompany = z.infer<typeof referenceCompanySchema>;

export const referencePersonSchema = z.object({
  kind: z.literal('person'),
  id: idSchema,
  companyId: idSchema.nullish(),
  ...personDetailsShape,
});
export type ReferencePerson = z.infer<typeof referencePersonSchema>;

export const referenceRecordSchema = z.discriminatedUnion('kind', [referenceCompanySchema, referencePersonSchema]);
export type ReferenceRecord = z.infer<typeof referenceRecordSchema>;
