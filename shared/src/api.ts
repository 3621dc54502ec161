/**
 * The HTTP API's request and reply bodies (under `/api/v1`), shared by the backend, the HubSpot card and the
 * Salesforce components. The route table itself lives in `routes.ts`; the OpenAPI document is generated from both.
 */
import { z } from 'zod';
import { batchSchema, batchTypeSchema } from './batches';
import { creditAlertSchema, creditBalanceSchema } from './credits';
import { creditsSchema, crmSchema, idSchema, isoTimestampSchema, recordKindSchema } from './common';
import { enrichmentPreviewSchema, fieldValueSchema } from './enrichment';
import { matchResultSchema } from './match';

/** A CRM object as the CRM names it: HubSpot `companies`/`contacts`, Salesforce `Account`/`Contact`/`Lead`. */
export const crmObjectSchema = z.enum(['companies', 'contacts', 'Account', 'Contact', 'Lead']);
export type CrmObjectName = z.infer<typeof crmObjectSchema>;

export const crmOfObject: Record<CrmObjectName, z.infer<typeof crmSchema>> = {
  companies: 'hubspot',
  contacts: 'hubspot',
  Account: 'salesforce',
  Contact: 'salesforce',
  Lead: 'salesforce',
};

/** The objects of each CRM, in the order admins see them. */
export const crmObjectsOf: Readonly<Record<z.infer<typeof crmSchema>, readonly CrmObjectName[]>> = {
  hubspot: crmObjectSchema.options.filter((o) => crmOfObject[o] === 'hubspot'),
  salesforce: crmObjectSchema.options.filter((o) => crmOfObject[o] === 'salesforce'),
};

export const kindOfObject: Record<CrmObjectName, z.infer<typeof recordKindSchema>> = {
  companies: 'company',
  contacts: 'person',
  Account: 'company',
  Contact: 'person',
  Lead: 'person',
};

/** An id that arrives in a request: no control characters (PostgreSQL refuses NUL in text, logs must stay one line). */
export const requestIdSchema = idSchema.regex(/^[^\u0000-\u001f\u007f]+$/, 'no control characters');

/** Path parameters of every record endpoint. */
export const recordParamsSchema = z.object({
  object: crmObjectSchema,
  recordId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a CRM record id'),
});
export type RecordParams = z.infer<typeof recordParamsSchema>;

/** Who is looking, as the backend established it from the signed request (never from the body). */
export const viewerSchema = z.object({
  tenantId: idSchema,
  crm: crmSchema,
  userId: idSchema,
  /** May approve batches and change settings. */
  isAdmin: z.boolean(),
});
export type Viewer = z.infer<typeof viewerSchema>;

/** One enrichment of a record as its history shows it. */
export const enrichmentSummarySchema = z.object({
  enrichmentId: idSchema,
  state: z.enum(['pending', 'charged', 'writing', 'written', 'failed', 'undone']),
  referenceId: idSchema,
  confidence: z.number().min(0).max(1),
  credits: creditsSchema,
  userId: z.string().max(200).nullable(),
  batchId: idSchema.nullable(),
  /** Fields written (empty until written). */
  writes: z.array(z.object({ field: z.string(), before: fieldValueSchema, after: fieldValueSchema })),
  error: z.string().max(2_000).nullable(),
  at: isoTimestampSchema,
});
export type EnrichmentSummary = z.infer<typeof enrichmentSummarySchema>;

/** Everything one record page needs, in one reply. */
export const recordViewSchema = z.object({
  viewer: viewerSchema,
  object: crmObjectSchema,
  recordId: idSchema,
  match: matchResultSchema,
  /** Null when the record has no candidate at all. */
  preview: enrichmentPreviewSchema.nullable(),
  credits: creditBalanceSchema,
  /** Newest first, at most 20. */
  history: z.array(enrichmentSummarySchema).max(20),
});
export type RecordView = z.infer<typeof recordViewSchema>;

/** A person's word on a match: confirm the shown candidate, pick another one, reject it, or "none of these". */
export const matchDecisionRequestSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('confirm'), referenceId: requestIdSchema }),
  z.object({ decision: z.literal('pick'), referenceId: requestIdSchema }),
  z.object({ decision: z.literal('reject'), referenceId: requestIdSchema }),
  z.object({ decision: z.literal('none') }),
]);
export type MatchDecisionRequest = z.infer<typeof matchDecisionRequestSchema>;

/** Idempotency keys travel in the body: `hubspot.fetch` passes no custom header. */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/, '8 to 128 letters, digits or _.:-');

export const enrichRequestSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  /** The cost the person saw in the preview; the enrichment is refused (CONFLICT) if it would now cost more. */
  expectedCost: creditsSchema.optional(),
});
export type EnrichRequest = z.infer<typeof enrichRequestSchema>;

export const enrichResultSchema = z.object({
  enrichment: enrichmentSummarySchema,
  credits: creditBalanceSchema,
});
export type EnrichResult = z.infer<typeof enrichResultSchema>;

export const undoRequestSchema = z.object({ idempotencyKey: idempotencyKeySchema.optional() });

export const undoResultSchema = z.object({
  enrichmentId: idSchema,
  reverted: z.array(z.object({ field: z.string(), from: fieldValueSchema, to: fieldValueSchema })),
  /** Fields a person changed since Accord wrote them: left as they are. */
  conflicts: z.array(z.object({ field: z.string(), wrote: fieldValueSchema, current: fieldValueSchema })),
  refunded: creditsSchema,
});
export type UndoResultReply = z.infer<typeof undoResultSchema>;

export const historyReplySchema = z.object({ items: z.array(enrichmentSummarySchema) });

export const creditUsageSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  total: z.int(),
  byUser: z.array(z.object({ userId: z.string().nullable(), credits: z.int() })),
  byBatch: z.array(z.object({ batchId: z.string().nullable(), credits: z.int() })),
});
export type CreditUsage = z.infer<typeof creditUsageSchema>;

export const creditsReplySchema = z.object({
  balance: creditBalanceSchema,
  usage: creditUsageSchema,
  reservations: z.array(z.object({ batchId: idSchema, credits: creditsSchema })),
  alerts: z.array(creditAlertSchema),
});
export type CreditsReply = z.infer<typeof creditsReplySchema>;

/** Admin settings a card may read and change; every field optional on update. */
export const overwritePolicySchema = z.enum(['fill-empty', 'overwrite', 'never']);
export const settingsSchema = z.object({
  autoApplyThreshold: z.number().min(0.5).max(1),
  reviewThreshold: z.number().min(0).max(1),
  rateLimitSharePercent: z.int().min(1).max(100),
  defaultCountry: z.string().regex(/^[A-Z]{2}$/),
  credits: z.object({
    monthlyCap: creditsSchema.nullable(),
    perUserDailyCap: creditsSchema.nullable(),
    perBatchCap: creditsSchema.nullable(),
  }),
  /** Per CRM object, per target field: whether Accord fills only empty values, overwrites, or never writes it. */
  fieldPolicies: z.array(z.object({ object: crmObjectSchema, field: z.string().min(1).max(200), label: z.string().max(200), policy: overwritePolicySchema })),
  admins: z.array(z.string().min(1).max(200)).max(100),
  /**
   * Automatic enrichment of records the scheduled pulls bring in: such batches are approved without a person up to
   * this many records per UTC day and credits per UTC month (null: the tenant's caps only); 0 records turns it off.
   */
  autoEnrich: z.object({ recordsPerDay: z.int().min(0).max(1_000_000), monthlyCredits: creditsSchema.nullable() }),
});
export type OverwritePolicy = z.infer<typeof overwritePolicySchema>;
export type Settings = z.infer<typeof settingsSchema>;
export const settingsUpdateSchema = z
  .object({
    autoApplyThreshold: settingsSchema.shape.autoApplyThreshold,
    reviewThreshold: settingsSchema.shape.reviewThreshold,
    rateLimitSharePercent: settingsSchema.shape.rateLimitSharePercent,
    defaultCountry: settingsSchema.shape.defaultCountry,
    credits: settingsSchema.shape.credits.partial(),
    fieldPolicies: z.array(z.object({ object: crmObjectSchema, field: z.string().min(1).max(200), policy: overwritePolicySchema })).max(200),
    admins: settingsSchema.shape.admins,
    autoEnrich: settingsSchema.shape.autoEnrich.partial().strict(),
  })
  .partial()
  .strict();
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

/** Creating a batch from a selection of CRM records or a filter. */
export const batchSelectionSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('ids'), recordIds: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)).min(1).max(10_000) }),
  z.object({ by: z.literal('modified_since'), since: isoTimestampSchema }),
  z.object({ by: z.literal('never_enriched') }),
  /** A saved segment of the CRM: a HubSpot list id, a Salesforce list view id. */
  z.object({ by: z.literal('segment'), segmentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
]);
export type BatchSelection = z.infer<typeof batchSelectionSchema>;

export const createBatchRequestSchema = z.object({
  object: crmObjectSchema,
  type: batchTypeSchema.default('enrich'),
  selection: batchSelectionSchema,
  canarySize: z.int().min(0).max(1_000).default(25),
  /** Records per minute at most (trickle mode); null for as fast as the rate budget allows. */
  recordsPerMinute: z.int().min(1).max(100_000).nullable().default(null),
  maxCredits: creditsSchema.nullable().default(null),
  idempotencyKey: idempotencyKeySchema,
});
export type CreateBatchRequest = z.infer<typeof createBatchRequestSchema>;

export const batchParamsSchema = z.object({ batchId: requestIdSchema });
export const batchActionSchema = z.enum(['approve', 'reject', 'canary', 'pause', 'resume', 'cancel', 'undo']);
export type BatchAction = z.infer<typeof batchActionSchema>;
export const batchActionRequestSchema = z.object({ idempotencyKey: idempotencyKeySchema.optional(), reason: z.string().max(1_000).optional() });

export const batchListReplySchema = z.object({ items: z.array(batchSchema) });
export const batchReviewItemSchema = z.object({
  object: crmObjectSchema,
  recordId: idSchema,
  match: matchResultSchema,
});
export const batchReviewReplySchema = z.object({ items: z.array(batchReviewItemSchema) });

/** Uninstalling from inside the CRM: the admin confirms by sending the account's own id back. */
export const disconnectRequestSchema = z.object({ confirm: z.literal(true) });
export const disconnectReplySchema = z.object({ disconnected: z.literal(true), at: isoTimestampSchema });
