/** The batch matcher over the real matcher: CRM values to canonical records, people's earlier decisions applied, results stored. */
import type { MatchStore } from '../../adapters/db/match.store';
import type { Matcher } from '../../domain/matching/matcher';
import { matchingFieldsOf, toCrmRecord } from '../../domain/sync/crm-record-fields';
import { matchRecord } from '../match-record';
import type { BatchMatcher } from './batch-context';

/** `matcher` is asked for only when records are matched (building the reference index takes a while). */
export function createBatchMatcher(deps: { matcher: () => Promise<Matcher>; matches: MatchStore }): BatchMatcher {
  let built: Promise<Matcher> | undefined;
  return {
    fieldsFor: (object) => matchingFieldsOf(object),
    async match({ tenant, object, records, now }) {
      built ??= deps.matcher();
      const matching = { matcher: await built, matches: deps.matches };
      const results = [];
      for (const r of records) results.push(await matchRecord(matching, { tenant, record: toCrmRecord(object, r.id, r.values), now }));
      return results;
    },
  };
}
