/**
 * The database schema as Kysely sees it. Portable across SQLite and PostgreSQL:
 * ids are text, timestamps are ISO-8601 UTC text (they sort as they compare), JSON is text.
 */
export interface TenantsTable {
  id: string;
  crm: 'hubspot' | 'salesforce';
  /** HubSpot portal id or Salesforce org id. */
  external_id: string;
  name: string;
  status: 'active' | 'uninstalled';
  settings_json: string;
  created_at: string;
  updated_at: string;
}

export interface CredentialsTable {
  tenant_id: string;
  kind: 'oauth' | 'api_key';
  /** AES-256-GCM sealed JSON (see adapters/crypto/secret-box.ts), or null for hash-only credentials. */
  secret_sealed: string | null;
  /** SHA-256 of a secret we must look up by (an org's API key); never the secret itself. */
  lookup_hash: string | null;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReferenceCompaniesTable {
  id: string;
  name: string;
  /** The whole ReferenceCompany as imported. */
  record_json: string;
  updated_at: string;
}

export interface ReferencePeopleTable {
  id: string;
  company_id: string | null;
  /** The whole ReferencePerson as imported. */
  record_json: string;
  updated_at: string;
}

export interface MatchResultsTable {
  tenant_id: string;
  kind: 'company' | 'person';
  crm_record_id: string;
  reference_id: string | null;
  band: 'auto' | 'review' | 'none';
  confidence: number;
  /** The whole MatchResult. */
  result_json: string;
  matched_at: string;
}

export interface MatchDecisionsTable {
  id: string;
  tenant_id: string;
  kind: 'company' | 'person';
  crm_record_id: string;
  decision: 'confirmed' | 'picked' | 'rejected' | 'none';
  reference_id: string | null;
  decided_by: string;
  decided_at: string;
}

export interface CreditAccountsTable {
  tenant_id: string;
  balance: number;
  reserved: number;
  updated_at: string;
}

export interface CreditLedgerTable {
  id: string;
  tenant_id: string;
  kind: 'grant' | 'debit' | 'refund' | 'expiry' | 'reservation' | 'release';
  /** Always positive; the kind says which way it moves the balance or the reservation. */
  amount: number;
  idempotency_key: string;
  batch_id: string | null;
  user_id: string | null;
  record_ref: string | null;
  note: string | null;
  created_at: string;
}

export interface CreditAlertsTable {
  tenant_id: string;
  kind: 'monthly_cap' | 'balance';
  /** "2026-11" for a monthly cap. */
  period: string;
  threshold: number;
  created_at: string;
}

export interface EnrichmentsTable {
  id: string;
  tenant_id: string;
  kind: 'company' | 'person';
  crm_record_id: string;
  idempotency_key: string;
  /** SHA-256 of what was asked, so a reused key with another request is refused. */
  request_hash: string;
  state: 'pending' | 'charged' | 'writing' | 'written' | 'failed' | 'undone';
  reference_id: string;
  confidence: number;
  credits: number;
  /** The ledger idempotency key of the charge, when there was one. */
  charge_key: string | null;
  user_id: string | null;
  batch_id: string | null;
  /** The planned FieldChange[]. */
  changes_json: string;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditWritesTable {
  id: string;
  tenant_id: string;
  crm: 'hubspot' | 'salesforce';
  kind: 'company' | 'person';
  crm_record_id: string;
  field: string;
  before_json: string;
  after_json: string;
  actor: 'user' | 'batch' | 'undo';
  actor_id: string | null;
  batch_id: string | null;
  enrichment_id: string;
  reference_id: string | null;
  confidence: number | null;
  credits_charged: number;
  written_at: string;
  /** Order of writes within one timestamp. */
  seq: number;
}

export interface CrmRateStateTable {
  tenant_id: string;
  crm: string;
  observed_remaining: number | null;
  observed_at_ms: number | null;
}

export interface CrmRequestSlotsTable {
  tenant_id: string;
  crm: string;
  sent_at_ms: number;
}

export interface SeenSignaturesTable {
  signature_hash: string;
  seen_at_ms: number;
}

export interface CrmSnapshotsTable {
  tenant_id: string;
  object: string;
  crm_record_id: string;
  values_json: string;
  fetched_at: string;
}

export interface OauthStatesTable {
  state: string;
  crm: 'hubspot' | 'salesforce';
  created_at_ms: number;
}

export interface BatchAgentsTable {
  id: string;
  tenant_id: string;
  name: string;
  object: string;
  type: 'enrich' | 'create_people';
  /** The AgentSelection. */
  selection_json: string;
  every_hours: number;
  canary_size: number;
  records_per_minute: number | null;
  max_credits: number | null;
  /** 1 or 0. */
  enabled: number;
  next_run_at: string;
  last_run_at: string | null;
  last_batch_id: string | null;
  /** Why the last run failed, as admins may read it; null after a run that worked (0012). */
  last_error: string | null;
  /** The creating request's key, if it sent one (0011). */
  idempotency_key: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface BatchesTable {
  id: string;
  tenant_id: string;
  crm: 'hubspot' | 'salesforce';
  /** The CRM object the batch works on (companies, contacts, Account, Contact, Lead). */
  object: string;
  kind: 'company' | 'person';
  type: 'enrich' | 'create_people';
  state: 'draft' | 'estimating' | 'awaiting_approval' | 'approved' | 'running' | 'paused' | 'completed' | 'completed_with_errors' | 'cancelled' | 'rejected' | 'undoing' | 'undone';
  /** The BatchSelection it was created from. */
  selection_json: string;
  /** The creating request's key: the same key creates one batch. */
  idempotency_key: string;
  created_by: string;
  approved_by: string | null;
  /** The FieldMapping[] in force when the batch was created. */
  mapping_json: string;
  /** The tenant's CreditPolicy when the batch was created. */
  policy_json: string;
  canary_size: number;
  /** Items with seq below this may run (canary); null for all. */
  run_limit: number | null;
  records_per_minute: number | null;
  /** Trickle mode: no chunk may start before this time (ms). */
  next_chunk_at_ms: number;
  estimate_json: string | null;
  /** The creator's limit on what the batch may cost; null for none beyond the tenant's caps. */
  max_credits: number | null;
  reserved_credits: number;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface BatchItemsTable {
  batch_id: string;
  /** Position in the batch, from 0: chunks and the canary go in this order. */
  seq: number;
  tenant_id: string;
  crm_record_id: string;
  state: 'pending' | 'claimed' | 'done' | 'skipped' | 'failed' | 'review';
  /** 1 when the record's CRM values changed. */
  changed: number;
  /** The MatchResult the estimate used (the admin approved this). */
  match_json: string | null;
  planned_cost: number;
  enrichment_id: string | null;
  error: string | null;
  attempts: number;
  claimed_by: string | null;
  claimed_at_ms: number | null;
  updated_at: string;
}

export interface CrmSyncCursorsTable {
  tenant_id: string;
  object: string;
  cursor_json: string;
  updated_at: string;
}

export interface Schema {
  tenants: TenantsTable;
  credentials: CredentialsTable;
  reference_companies: ReferenceCompaniesTable;
  reference_people: ReferencePeopleTable;
  match_results: MatchResultsTable;
  match_decisions: MatchDecisionsTable;
  credit_accounts: CreditAccountsTable;
  credit_ledger: CreditLedgerTable;
  credit_alerts: CreditAlertsTable;
  enrichments: EnrichmentsTable;
  audit_writes: AuditWritesTable;
  crm_rate_state: CrmRateStateTable;
  crm_request_slots: CrmRequestSlotsTable;
  seen_signatures: SeenSignaturesTable;
  crm_snapshots: CrmSnapshotsTable;
  oauth_states: OauthStatesTable;
  batches: BatchesTable;
  batch_items: BatchItemsTable;
  crm_sync_cursors: CrmSyncCursorsTable;
  batch_agents: BatchAgentsTable;
}
