/**
 * Records a person's decision about a record's match (confirm, pick another candidate, reject, none of these),
 * then matches the record again so the stored result reflects it. The decision is remembered for the tenant.
 */
import type { CrmRecord, MatchResult } from '@accord/shared';
import type { MatchStore } from '../adapters/db/match.store';
import type { MatchDecisionKind } from '../domain/matching/decisions';
import type { Matcher } from '../domain/matching/matcher';
import type { Tenant } from '../domain/tenants/tenant';
import { AppError } from './app-error';
import { matchRecord } from './match-record';

export async function decideMatch(
  deps: { matcher: Matcher; matches: MatchStore; referenceExists: (kind: CrmRecord['kind'], referenceId: string) => boolean },
  input: { tenant: Tenant; record: CrmRecord; decision: MatchDecisionKind; referenceId: string | null; userId: string; now: Date },
): Promise<MatchResult> {
  const { tenant, record, decision, referenceId } = input;
  if (decision !== 'none') {
    if (!referenceId) throw new AppError('VALIDATION_FAILED', 'A reference id is needed for this decision.', { details: [{ path: 'referenceId', message: 'required' }] });
    if (!deps.referenceExists(record.kind, referenceId)) throw new AppError('NOT_FOUND', 'No such reference record.');
  }
  await deps.matches.addDecision(
    { tenantId: tenant.id, kind: record.kind, crmRecordId: record.id },
    { kind: decision, referenceId: decision === 'none' ? null : referenceId, decidedBy: input.userId, now: input.now },
  );
  return matchRecord(deps, { tenant, record, now: input.now });
}
