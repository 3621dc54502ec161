/** How long the rest of a running batch should take, from what is left and the pace the rate budget allows. */
import { expectedSeconds, type EstimateInput } from './aggregate-estimate';

export function remainingSeconds(input: { pending: number; changeRate: number; rate: EstimateInput['rate']; recordsPerMinute: number | null }): number {
  if (input.pending <= 0) return 0;
  const rate = Math.min(1, Math.max(0, input.changeRate));
  return expectedSeconds({ records: input.pending, recordsChanging: Math.ceil(input.pending * rate), rate: input.rate, recordsPerMinute: input.recordsPerMinute });
}
