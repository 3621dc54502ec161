/** The credit balance and budget state a card shows. All amounts are integer credits. */
import { z } from 'zod';
import { creditsSchema, isoTimestampSchema } from './common';

export const creditAlertSchema = z.object({
  kind: z.enum(['monthly_cap', 'balance']),
  /** Percentage threshold crossed: 50, 80 or 100. */
  threshold: z.union([z.literal(50), z.literal(80), z.literal(100)]),
  at: isoTimestampSchema,
});
export type CreditAlert = z.infer<typeof creditAlertSchema>;

export const creditBalanceSchema = z.object({
  /** Granted minus spent minus expired, plus refunds. */
  balance: creditsSchema,
  /** Held for approved batches that have not finished. */
  reserved: creditsSchema,
  /** What can be spent now: balance minus reserved. */
  available: creditsSchema,
  usedThisMonth: creditsSchema,
  monthlyCap: creditsSchema.nullable(),
  alerts: z.array(creditAlertSchema),
});
export type CreditBalance = z.infer<typeof creditBalanceSchema>;
