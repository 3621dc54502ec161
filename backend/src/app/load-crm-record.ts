/**
 * The CRM side of a record page: the record's values (from the last snapshot, or read from the CRM when there is none,
 * when fields are missing from it, or when asked to refresh) and its stored match (matched now if there is none yet).
 */
import { kindOfObject, type CrmObjectName, type FieldValue, type MatchResult } from '@accord/shared';
import type { CrmSnapshotStore } from '../adapters/db/crm-snapshot.store';
import type { MatchStore } from '../adapters/db/match.store';
import type { Matcher } from '../domain/matching/matcher';
import { matchingFieldsOf, toCrmRecord } from '../domain/sync/crm-record-fields';
import type { Tenant } from '../domain/tenants/tenant';
import { AppError } from './app-error';
import type { CrmRecordPort } from './crm-port';
import { mappingFor } from './enrichment-context';
import { matchRecord } from './match-record';

export interface LoadRecordDeps {
  matcher: Matcher;
  matches: MatchStore;
  snapshots: CrmSnapshotStore;
  /** The live CRM, used only when the snapshot cannot answer. */
  liveCrm: () => Promise<CrmRecordPort>;
}

export interface LoadedRecord {
  values: Record<string, FieldValue>;
  match: MatchResult;
  /** A port answering reads from the loaded values (for previews without a CRM round trip). */
  snapshotPort: CrmRecordPort;
}

/** Every CRM field a record page needs: what matching reads and what the mapping may write. */
export function pageFieldsOf(tenant: Tenant, object: CrmObjectName): string[] {
  return [...new Set([...matchingFieldsOf(object), ...mappingFor(tenant, object).map((m) => m.target)])];
}

export async function loadCrmRecord(
  deps: LoadRecordDeps,
  input: { tenant: Tenant; object: CrmObjectName; recordId: string; refresh?: boolean; now: Date },
): Promise<LoadedRecord> {
  const { tenant, object, recordId, now } = input;
  const kind = kindOfObject[object];
  const fields = pageFieldsOf(tenant, object);
  const snapshot = input.refresh ? undefined : await deps.snapshots.get(tenant.id, object, recordId);
  let values = snapshot && fields.every((f) => f in snapshot.values) ? snapshot.values : undefined;
  let match = values ? await deps.matches.getResult({ tenantId: tenant.id, kind, crmRecordId: recordId }) : undefined;
  if (!values) {
    const live = await (await deps.liveCrm()).read({ kind, recordId }, fields);
    if (!live) throw new AppError('NOT_FOUND', 'The CRM record was not found.');
    values = live;
    await deps.snapshots.save(tenant.id, { object, crmRecordId: recordId, values, now });
    match = undefined;
  }
  match ??= await matchRecord(deps, { tenant, record: toCrmRecord(object, recordId, values), now });
  const held = values;
  const snapshotPort: CrmRecordPort = {
    read: async (_ref, wanted) => Object.fromEntries(wanted.map((f) => [f, held[f] ?? null])),
    write: () => Promise.reject(new Error('a snapshot cannot be written')),
  };
  return { values, match, snapshotPort };
}
