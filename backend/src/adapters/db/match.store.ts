/** Match results and people's match decisions, always scoped by tenant. */
import crypto from 'node:crypto';
import { matchResultSchema, type MatchResult, type RecordKind } from '@accord/shared';
import type { MatchDecision, MatchDecisionKind } from '../../domain/matching/decisions';
import type { Database } from './database';

export interface RecordRef {
  tenantId: string;
  kind: RecordKind;
  crmRecordId: string;
}

export interface MatchStore {
  saveResult(tenantId: string, result: MatchResult): Promise<void>;
  getResult(ref: RecordRef): Promise<MatchResult | undefined>;
  addDecision(ref: RecordRef, decision: { kind: MatchDecisionKind; referenceId: string | null; decidedBy: string; now: Date }): Promise<void>;
  listDecisions(ref: RecordRef): Promise<MatchDecision[]>;
  /** Stored results in the review band, newest first. */
  listForReview(tenantId: string, options: { limit: number }): Promise<MatchResult[]>;
}

export function createMatchStore({ db }: Database): MatchStore {
  return {
    async saveResult(tenantId, result) {
      const row = {
        reference_id: result.candidate?.referenceId ?? null,
        band: result.band,
        confidence: result.confidence,
        result_json: JSON.stringify(result),
        matched_at: result.matchedAt,
      };
      await db
        .insertInto('match_results')
        .values({ tenant_id: tenantId, kind: result.kind, crm_record_id: result.recordId, ...row })
        .onConflict((oc) => oc.columns(['tenant_id', 'kind', 'crm_record_id']).doUpdateSet(row))
        .execute();
    },
    async getResult({ tenantId, kind, crmRecordId }) {
      const row = await db
        .selectFrom('match_results')
        .select('result_json')
        .where('tenant_id', '=', tenantId)
        .where('kind', '=', kind)
        .where('crm_record_id', '=', crmRecordId)
        .executeTakeFirst();
      return row ? matchResultSchema.parse(JSON.parse(row.result_json)) : undefined;
    },
    async addDecision({ tenantId, kind, crmRecordId }, decision) {
      await db
        .insertInto('match_decisions')
        .values({
          id: crypto.randomUUID(),
          tenant_id: tenantId,
          kind,
          crm_record_id: crmRecordId,
          decision: decision.kind,
          reference_id: decision.referenceId,
          decided_by: decision.decidedBy,
          decided_at: decision.now.toISOString(),
        })
        .execute();
    },
    async listDecisions({ tenantId, kind, crmRecordId }) {
      const rows = await db
        .selectFrom('match_decisions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('kind', '=', kind)
        .where('crm_record_id', '=', crmRecordId)
        .orderBy('decided_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ kind: r.decision, referenceId: r.reference_id, decidedBy: r.decided_by, decidedAt: r.decided_at }));
    },
    async listForReview(tenantId, { limit }) {
      const rows = await db
        .selectFrom('match_results')
        .select('result_json')
        .where('tenant_id', '=', tenantId)
        .where('band', '=', 'review')
        .orderBy('matched_at', 'desc')
        .orderBy('crm_record_id')
        .limit(limit)
        .execute();
      return rows.map((r) => matchResultSchema.parse(JSON.parse(r.result_json)));
    },
  };
}
