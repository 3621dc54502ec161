/** What an enrichment costs: nothing when nothing would be written or it is a re-enrichment within the free window. */
import type { FieldChange } from '@accord/shared';
import type { CreditPolicy } from './credit-policy';

const DAY_MS = 86_400_000;

export function priceEnrichment(input: {
  changes: readonly FieldChange[];
  /** When this record was last enriched for a charge, if ever. */
  lastChargedAt: Date | null;
  now: Date;
  policy: Pick<CreditPolicy, 'creditsPerRecord' | 'freeReenrichWindowDays'>;
}): { cost: number; reason: 'nothing_to_write' | 'free_reenrichment' | 'charged' } {
  const writes = input.changes.some((c) => c.action !== 'skip');
  if (!writes) return { cost: 0, reason: 'nothing_to_write' };
  if (input.lastChargedAt && input.now.getTime() - input.lastChargedAt.getTime() < input.policy.freeReenrichWindowDays * DAY_MS) {
    return { cost: 0, reason: 'free_reenrichment' };
  }
  return { cost: input.policy.creditsPerRecord, reason: 'charged' };
}
