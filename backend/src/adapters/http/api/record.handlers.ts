/** The record page endpoints: view, match decisions, preview, enrich, history, undo. */
import { crmOfObject, kindOfObject, type CrmObjectName, type FieldValue } from '@accord/shared';
import { AppError } from '../../../app/app-error';
import { decideMatch } from '../../../app/decide-match';
import { enrichRecord } from '../../../app/enrich-record';
import { crmObjectFor, personObjectOf } from '../../../app/enrichment-context';
import { enrichmentHistory, summariseEnrichment } from '../../../app/enrichment-history';
import { getCreditBalance } from '../../../app/get-credit-balance';
import { getRecordView, HISTORY_LIMIT, type RecordViewDeps } from '../../../app/get-record-view';
import { loadCrmRecord } from '../../../app/load-crm-record';
import { previewEnrichment } from '../../../app/preview-enrichment';
import { undoEnrichment } from '../../../app/undo-enrichment';
import type { MatchDecisionKind } from '../../../domain/matching/decisions';
import { toCrmRecord } from '../../../domain/sync/crm-record-fields';
import type { Tenant } from '../../../domain/tenants/tenant';
import type { ApiDeps } from './api-deps';
import type { RouteHandlers } from './mount-routes';

const decisionKinds: Record<'confirm' | 'pick' | 'reject' | 'none', MatchDecisionKind> = { confirm: 'confirmed', pick: 'picked', reject: 'rejected', none: 'none' };

/** Salesforce record ids start with their object's key prefix: people are Contacts (003) or Leads (00Q). */
export function objectOfRecord(tenant: Tenant, kind: 'company' | 'person', recordId: string): CrmObjectName {
  return crmObjectFor(tenant, kind, recordId.startsWith('00Q') ? 'Lead' : 'Contact');
}

function assertObjectOfTenant(tenant: Tenant, object: CrmObjectName): void {
  if (crmOfObject[object] !== tenant.crm) {
    throw new AppError('VALIDATION_FAILED', `${object} is not a ${tenant.crm === 'hubspot' ? 'HubSpot' : 'Salesforce'} object.`, { details: [{ path: 'params.object', message: 'not an object of this CRM' }] });
  }
}

export function recordHandlers(deps: ApiDeps): RouteHandlers {
  const viewDeps = (tenant: Tenant, object: CrmObjectName): RecordViewDeps => ({
    ...deps,
    liveCrm: async () => (await deps.connections.forTenant(tenant)).records(object),
  });

  return {
    me: async ({ viewer }) => viewer,

    getRecord: async ({ tenant, viewer, params, now }) => {
      assertObjectOfTenant(tenant, params.object);
      return getRecordView(viewDeps(tenant, params.object), { tenant, viewer, object: params.object, recordId: params.recordId, now });
    },

    rematch: async ({ tenant, viewer, params, now }) => {
      assertObjectOfTenant(tenant, params.object);
      return getRecordView(viewDeps(tenant, params.object), { tenant, viewer, object: params.object, recordId: params.recordId, refresh: true, now });
    },

    decideMatch: async ({ tenant, viewer, params, body, now }) => {
      assertObjectOfTenant(tenant, params.object);
      const d = viewDeps(tenant, params.object);
      const loaded = await loadCrmRecord(d, { tenant, object: params.object, recordId: params.recordId, now });
      await decideMatch(
        deps,
        {
          tenant,
          record: toCrmRecord(params.object, params.recordId, loaded.values),
          decision: decisionKinds[body.decision],
          referenceId: body.decision === 'none' ? null : body.referenceId,
          userId: viewer.userId,
          now,
        },
      );
      return getRecordView(d, { tenant, viewer, object: params.object, recordId: params.recordId, now });
    },

    previewEnrichment: async ({ tenant, viewer, params, now }) => {
      assertObjectOfTenant(tenant, params.object);
      const loaded = await loadCrmRecord(viewDeps(tenant, params.object), { tenant, object: params.object, recordId: params.recordId, now });
      return previewEnrichment({ ...deps, crm: loaded.snapshotPort }, { tenant, match: loaded.match, userId: viewer.userId, now, salesforcePersonObject: personObjectOf(params.object) });
    },

    enrichRecord: async ({ tenant, viewer, params, body, now }) => {
      assertObjectOfTenant(tenant, params.object);
      const loaded = await loadCrmRecord(viewDeps(tenant, params.object), { tenant, object: params.object, recordId: params.recordId, now });
      const live = (await deps.connections.forTenant(tenant)).records(params.object);
      const personObject = personObjectOf(params.object);
      const enrichDeps = { ...deps, crm: live };
      const seen = await deps.enrichments.findByKey(tenant.id, body.idempotencyKey);
      const enrichment = await enrichRecord(enrichDeps, {
        tenant,
        match: loaded.match,
        idempotencyKey: body.idempotencyKey,
        userId: viewer.userId,
        now,
        salesforcePersonObject: personObject,
        ...(body.expectedCost !== undefined ? { maxCost: body.expectedCost } : {}),
      });
      if (!seen && enrichment.state === 'written') deps.onEnriched?.({ credits: enrichment.credits });
      const writes = (await deps.enrichments.auditForEnrichment(tenant.id, enrichment.id)).filter((w) => w.actor !== 'undo');
      if (writes.length > 0) await rememberWrites(deps, tenant, params.object, params.recordId, loaded.values, writes, now);
      return { enrichment: summariseEnrichment(enrichment, writes), credits: await getCreditBalance(deps, { tenant, now }) };
    },

    recordHistory: async ({ tenant, params }) => {
      assertObjectOfTenant(tenant, params.object);
      return { items: await enrichmentHistory(deps, { tenantId: tenant.id, kind: kindOfObject[params.object], recordId: params.recordId, limit: HISTORY_LIMIT }) };
    },

    undoEnrichment: async ({ tenant, viewer, params, now }) => {
      const enrichment = await deps.enrichments.get(tenant.id, params.enrichmentId);
      if (!enrichment) throw new AppError('NOT_FOUND', 'No such enrichment.');
      const object = objectOfRecord(tenant, enrichment.kind, enrichment.crmRecordId);
      const live = (await deps.connections.forTenant(tenant)).records(object);
      const result = await undoEnrichment({ ...deps, crm: live }, { tenant, enrichmentId: enrichment.id, userId: viewer.userId, now });
      const snapshot = await deps.snapshots.get(tenant.id, object, enrichment.crmRecordId);
      if (snapshot) {
        const values = { ...snapshot.values };
        for (const r of result.reverted) values[r.field] = r.to;
        await deps.snapshots.save(tenant.id, { object, crmRecordId: enrichment.crmRecordId, values, now });
      }
      return result;
    },
  };
}

/** After a write the snapshot holds what Accord wrote, so the page shows the new values without reading the CRM. */
async function rememberWrites(
  deps: ApiDeps,
  tenant: Tenant,
  object: CrmObjectName,
  recordId: string,
  values: Record<string, FieldValue>,
  writes: readonly { field: string; after: FieldValue }[],
  now: Date,
): Promise<void> {
  const next = { ...values };
  for (const w of writes) next[w.field] = w.after;
  await deps.snapshots.save(tenant.id, { object, crmRecordId: recordId, values: next, now });
}
