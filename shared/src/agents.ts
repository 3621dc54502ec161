/**
 * Batch agents: batches an admin scheduled ("every 24 hours, enrich the companies never enriched"). Each run
 * creates a batch that is estimated and approved like any other: without a person only within the tenant's
 * automatic-approval allowance, otherwise it waits for an admin.
 */
import { z } from 'zod';
import { crmObjectSchema, idempotencyKeySchema, requestIdSchema } from './api';
import { batchTypeSchema } from './batches';
import { creditsSchema, idSchema, isoTimestampSchema } from './common';

export const agentSelectionSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('never_enriched') }),
  /** Records the CRM changed since the agent's last run (since its creation, the first time). */
  z.object({ by: z.literal('changed_since_last_run') }),
  z.object({ by: z.literal('segment'), segmentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
]);
export type AgentSelection = z.infer<typeof agentSelectionSchema>;

const agentSettings = {
  name: z.string().trim().min(1).max(200),
  everyHours: z.int().min(1).max(24 * 31),
  canarySize: z.int().min(0).max(1_000),
  /** Trickle mode: records per minute at most; null for as fast as the rate budget allows. */
  recordsPerMinute: z.int().min(1).max(100_000).nullable(),
  /** Most credits one run's batch may reserve; null for the tenant's caps only. */
  maxCredits: creditsSchema.nullable(),
};

export const agentSchema = z.object({
  id: idSchema,
  object: crmObjectSchema,
  type: batchTypeSchema,
  selection: agentSelectionSchema,
  ...agentSettings,
  enabled: z.boolean(),
  nextRunAt: isoTimestampSchema,
  lastRunAt: isoTimestampSchema.nullable(),
  lastBatchId: idSchema.nullable(),
  /** Why the last run failed ("CODE: message"), or null when it worked or has not run. */
  lastError: z.string().max(500).nullable().default(null),
  createdBy: z.string().max(200),
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
});
export type Agent = z.infer<typeof agentSchema>;

export const createAgentRequestSchema = z
  .object({
    object: crmObjectSchema,
    type: batchTypeSchema.default('enrich'),
    selection: agentSelectionSchema,
    name: agentSettings.name,
    everyHours: agentSettings.everyHours.default(24),
    canarySize: agentSettings.canarySize.default(0),
    recordsPerMinute: agentSettings.recordsPerMinute.default(null),
    maxCredits: agentSettings.maxCredits.default(null),
    /** A retried request with the same key returns the agent the first one created. */
    idempotencyKey: idempotencyKeySchema.optional(),
  })
  .strict();
export type CreateAgentRequest = z.infer<typeof createAgentRequestSchema>;

export const updateAgentRequestSchema = z
  .object({ ...agentSettings, enabled: z.boolean() })
  .partial()
  .strict()
  .refine((u) => Object.keys(u).length > 0, 'change at least one setting');
export type UpdateAgentRequest = z.infer<typeof updateAgentRequestSchema>;

export const agentParamsSchema = z.object({ agentId: requestIdSchema });
export const agentListReplySchema = z.object({ items: z.array(agentSchema) });
