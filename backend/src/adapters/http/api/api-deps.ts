/** What the `/api/v1` handlers need: the stores, the matcher, the reference data, and the tenants' CRM connections. */
import type { RecordKind, ReferenceRecord } from '@accord/shared';
import type { Matcher } from '../../../domain/matching/matcher';
import type { CrmConnections } from '../../crm/crm-connections';
import type { CreditStore } from '../../db/credit.store';
import type { CrmSnapshotStore } from '../../db/crm-snapshot.store';
import type { EnrichmentStore } from '../../db/enrichment.store';
import type { MatchStore } from '../../db/match.store';
import type { TenantStore } from '../../db/tenant.store';

export interface ApiDeps {
  tenants: TenantStore;
  matches: MatchStore;
  snapshots: CrmSnapshotStore;
  enrichments: EnrichmentStore;
  credits: CreditStore;
  matcher: Matcher;
  referenceRecord: (kind: RecordKind, referenceId: string) => Promise<ReferenceRecord | undefined>;
  referenceExists: (kind: RecordKind, referenceId: string) => boolean;
  connections: CrmConnections;
  /** Hears of each enrichment a request wrote (for metrics); a retry of a written one is not counted again. */
  onEnriched?: (input: { credits: number }) => void;
}
