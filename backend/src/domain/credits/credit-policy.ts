/** A tenant's pricing and budget policy: data, with defaults, validated by zod. All amounts are integer credits. */
import { z } from 'zod';

export const creditPolicySchema = z.object({
  /** Price of one enriched record. */
  creditsPerRecord: z.int().min(0).max(1_000).default(1),
  /** Re-enriching a record within this many days of its last charged enrichment is free. */
  freeReenrichWindowDays: z.int().min(0).max(3_650).default(30),
  /** Most credits spent in one calendar month (UTC); null for no cap. */
  monthlyCap: z.int().min(0).nullable().default(null),
  /** Most credits one batch may reserve; null for no cap. */
  perBatchCap: z.int().min(0).nullable().default(null),
  /** Most credits one user may spend on single-record enrichment per UTC day; null for no cap. */
  perUserDailyCap: z.int().min(0).nullable().default(null),
  /** Whether undoing an enrichment gives its credits back. */
  refundOnUndo: z.boolean().default(false),
});
export type CreditPolicy = z.infer<typeof creditPolicySchema>;

/** Percentages of the monthly cap at which an alert is recorded. */
export const ALERT_THRESHOLDS = [50, 80, 100] as const;
export type AlertThreshold = (typeof ALERT_THRESHOLDS)[number];
