/**
 * Everything one record page shows, in one reply: the match (with reasons and runners-up), the enrichment preview,
 * the credit balance and the record's history. When the match is stored this needs no CRM call.
 */
import { kindOfObject, type CrmObjectName, type RecordView, type Viewer } from '@accord/shared';
import type { CreditStore } from '../adapters/db/credit.store';
import type { Tenant } from '../domain/tenants/tenant';
import { personObjectOf, type EnrichmentDeps } from './enrichment-context';
import { enrichmentHistory } from './enrichment-history';
import { getCreditBalance } from './get-credit-balance';
import { loadCrmRecord, type LoadRecordDeps } from './load-crm-record';
import { previewEnrichment } from './preview-enrichment';

export type RecordViewDeps = LoadRecordDeps & Omit<EnrichmentDeps, 'crm'> & { credits: CreditStore };

export const HISTORY_LIMIT = 20;

export async function getRecordView(
  deps: RecordViewDeps,
  input: { tenant: Tenant; viewer: Viewer; object: CrmObjectName; recordId: string; refresh?: boolean; now: Date },
): Promise<RecordView> {
  const { tenant, viewer, object, recordId, now } = input;
  const loaded = await loadCrmRecord(deps, { tenant, object, recordId, now, ...(input.refresh ? { refresh: true } : {}) });
  const [preview, credits, history] = await Promise.all([
    loaded.match.candidate
      ? previewEnrichment({ ...deps, crm: loaded.snapshotPort }, { tenant, match: loaded.match, userId: viewer.userId, now, salesforcePersonObject: personObjectOf(object) })
      : Promise.resolve(null),
    getCreditBalance(deps, { tenant, now }),
    enrichmentHistory(deps, { tenantId: tenant.id, kind: kindOfObject[object], recordId, limit: HISTORY_LIMIT }),
  ]);
  return { viewer, object, recordId, match: loaded.match, preview, credits, history };
}
