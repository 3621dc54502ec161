/**
 * Automatic enrichment of new records from the scheduled pulls: such a batch is still estimated and still needs
 * approval; it is approved without a person only within the rules the admin set (records per day, credits per
 * month), and otherwise waits for an admin like any other batch. Off by default (0 records per day).
 */
import { z } from 'zod';

export const autoEnrichPolicySchema = z.object({
  /** Most records per UTC day auto-approved batches may hold; 0 turns automatic approval off. */
  recordsPerDay: z.int().min(0).max(1_000_000).default(0),
  /** Most credits auto-approved batches may reserve per UTC month; null for no limit beyond the tenant's caps. */
  monthlyCredits: z.int().min(0).nullable().default(null),
});
export type AutoEnrichPolicy = z.infer<typeof autoEnrichPolicySchema>;

export type AutoApproval = { approve: true } | { approve: false; reason: 'off' | 'daily_records' | 'monthly_credits' | 'caps' | 'nothing_to_do' };

export function decideAutoApproval(input: {
  policy: AutoEnrichPolicy;
  /** The batch's estimate. */
  records: number;
  maxCredits: number;
  withinCaps: boolean;
  /** What auto-approved batches already hold today, and reserved this month. */
  recordsToday: number;
  creditsThisMonth: number;
}): AutoApproval {
  const { policy } = input;
  if (policy.recordsPerDay === 0) return { approve: false, reason: 'off' };
  if (input.records === 0) return { approve: false, reason: 'nothing_to_do' };
  if (input.recordsToday + input.records > policy.recordsPerDay) return { approve: false, reason: 'daily_records' };
  if (policy.monthlyCredits !== null && input.creditsThisMonth + input.maxCredits > policy.monthlyCredits) return { approve: false, reason: 'monthly_credits' };
  if (!input.withinCaps) return { approve: false, reason: 'caps' };
  return { approve: true };
}
