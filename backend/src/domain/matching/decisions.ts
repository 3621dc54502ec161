/**
 * What people said about a record's match, replayed in order into the overrides the matcher applies:
 * a confirmation or pick chooses a candidate, a rejection rules one out, "none of these" rules out all.
 */
import { z } from 'zod';
import type { MatchOverrides } from './matcher';

export const matchDecisionKindSchema = z.enum(['confirmed', 'picked', 'rejected', 'none']);
export type MatchDecisionKind = z.infer<typeof matchDecisionKindSchema>;

export interface MatchDecision {
  kind: MatchDecisionKind;
  /** The reference record concerned; null for "none". */
  referenceId: string | null;
  decidedBy: string;
  decidedAt: string;
}

export function overridesFromDecisions(decisions: readonly MatchDecision[]): MatchOverrides {
  let chosen: MatchOverrides['chosen'];
  const rejected = new Set<string>();
  let noneOfThese = false;
  const ordered = [...decisions].sort((a, b) => (a.decidedAt < b.decidedAt ? -1 : a.decidedAt > b.decidedAt ? 1 : 0));
  for (const d of ordered) {
    switch (d.kind) {
      case 'confirmed':
      case 'picked':
        if (!d.referenceId) break;
        chosen = { referenceId: d.referenceId, decision: d.kind };
        rejected.delete(d.referenceId);
        noneOfThese = false;
        break;
      case 'rejected':
        if (!d.referenceId) break;
        rejected.add(d.referenceId);
        if (chosen?.referenceId === d.referenceId) chosen = undefined;
        break;
      case 'none':
        chosen = undefined;
        noneOfThese = true;
        break;
    }
  }
  const overrides: MatchOverrides = {};
  if (chosen) overrides.chosen = chosen;
  if (rejected.size > 0) overrides.rejected = [...rejected];
  if (noneOfThese) overrides.noneOfThese = true;
  return overrides;
}
