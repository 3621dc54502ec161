/**
 * The route table of `/api/v1`: method, path, schemas and who may call it. The backend mounts its handlers by these
 * entries and generates `/openapi.json` from them; the cards build their URLs from the same paths.
 */
import { z } from 'zod';
import {
  batchActionRequestSchema,
  batchListReplySchema,
  batchParamsSchema,
  batchReviewReplySchema,
  createBatchRequestSchema,
  creditsReplySchema,
  enrichRequestSchema,
  enrichResultSchema,
  historyReplySchema,
  matchDecisionRequestSchema,
  recordParamsSchema,
  recordViewSchema,
  disconnectRequestSchema,
  disconnectReplySchema,
  requestIdSchema,
  viewerSchema,
  settingsSchema,
  settingsUpdateSchema,
  undoRequestSchema,
  undoResultSchema,
} from './api';
import { agentListReplySchema, agentParamsSchema, agentSchema, createAgentRequestSchema, updateAgentRequestSchema } from './agents';
import { batchSchema } from './batches';
import { enrichmentPreviewSchema } from './enrichment';

export interface RouteSpec {
  method: 'get' | 'post' | 'put';
  /** Express-style path under `/api/v1`, e.g. `/records/:object/:recordId`. */
  path: string;
  summary: string;
  /** `user`: any signed-in user of the tenant; `admin`: only the tenant's admins. */
  access: 'user' | 'admin';
  params?: z.ZodType;
  body?: z.ZodType;
  reply: z.ZodType;
  /** Status of a successful reply. */
  status?: 200 | 201;
}

const enrichmentParamsSchema = z.object({ enrichmentId: requestIdSchema });

export const apiRoutes = {
  me: { method: 'get', path: '/me', summary: 'Who the signed request is from: tenant, user, admin right', access: 'user', reply: viewerSchema },
  getRecord: { method: 'get', path: '/records/:object/:recordId', summary: 'Everything a record page shows: match, preview, credits, history', access: 'user', params: recordParamsSchema, reply: recordViewSchema },
  decideMatch: { method: 'post', path: '/records/:object/:recordId/match-decision', summary: 'Confirm, pick, reject or "none of these"; returns the updated record view', access: 'user', params: recordParamsSchema, body: matchDecisionRequestSchema, reply: recordViewSchema },
  rematch: { method: 'post', path: '/records/:object/:recordId/rematch', summary: 'Read the record from the CRM again and match it afresh', access: 'user', params: recordParamsSchema, reply: recordViewSchema },
  previewEnrichment: { method: 'get', path: '/records/:object/:recordId/preview', summary: 'The planned changes and their cost', access: 'user', params: recordParamsSchema, reply: enrichmentPreviewSchema },
  enrichRecord: { method: 'post', path: '/records/:object/:recordId/enrich', summary: 'Enrich the record (idempotent by the key in the body)', access: 'user', params: recordParamsSchema, body: enrichRequestSchema, reply: enrichResultSchema },
  recordHistory: { method: 'get', path: '/records/:object/:recordId/history', summary: "The record's enrichments, newest first", access: 'user', params: recordParamsSchema, reply: historyReplySchema },
  undoEnrichment: { method: 'post', path: '/enrichments/:enrichmentId/undo', summary: 'Undo one enrichment where the fields still hold what Accord wrote', access: 'user', params: enrichmentParamsSchema, body: undoRequestSchema, reply: undoResultSchema },
  getCredits: { method: 'get', path: '/credits', summary: 'Balance, reservations, usage this month by user and batch, alerts', access: 'user', reply: creditsReplySchema },
  getSettings: { method: 'get', path: '/settings', summary: 'Thresholds, rate share, caps, field policies, admins', access: 'admin', reply: settingsSchema },
  updateSettings: { method: 'put', path: '/settings', summary: 'Change settings (admins only)', access: 'admin', body: settingsUpdateSchema, reply: settingsSchema },
  disconnect: { method: 'post', path: '/account/disconnect', summary: 'Uninstall: stop all CRM access and forget the tokens (CRM data and the ledger are kept; reinstalling resumes)', access: 'admin', body: disconnectRequestSchema, reply: disconnectReplySchema },
  createBatch: { method: 'post', path: '/batches', summary: 'Create a batch and start estimating it', access: 'admin', body: createBatchRequestSchema, reply: batchSchema, status: 201 },
  listBatches: { method: 'get', path: '/batches', summary: 'Batches, newest first', access: 'user', reply: batchListReplySchema },
  getBatch: { method: 'get', path: '/batches/:batchId', summary: 'One batch with its estimate and progress', access: 'user', params: batchParamsSchema, reply: batchSchema },
  batchReview: { method: 'get', path: '/batches/:batchId/review', summary: "The batch's records that need a person's review", access: 'user', params: batchParamsSchema, reply: batchReviewReplySchema },
  approveBatch: { method: 'post', path: '/batches/:batchId/approve', summary: 'Approve (reserves the credits)', access: 'admin', params: batchParamsSchema, body: batchActionRequestSchema, reply: batchSchema },
  rejectBatch: { method: 'post', path: '/batches/:batchId/reject', summary: 'Reject (releases everything)', access: 'admin', params: batchParamsSchema, body: batchActionRequestSchema, reply: batchSchema },
  canaryBatch: { method: 'post', path: '/batches/:batchId/canary', summary: 'Run the first records, then pause for review', access: 'admin', params: batchParamsSchema, body: batchActionRequestSchema, reply: batchSchema },
  pauseBatch: { method: 'post', path: '/batches/:batchId/pause', summary: 'Pause between chunks', access: 'admin', params: batchParamsSchema, body: batchActionRequestSchema, reply: batchSchema },
  resumeBatch: { method: 'post', path: '/batches/:batchId/resume', summary: 'Resume a paused batch', access: 'admin', params: batchParamsSchema, body: batchActionRequestSchema, reply: batchSchema },
  cancelBatch: { method: 'post', path: '/batches/:batchId/cancel', summary: 'Cancel; unspent reservation is released', access: 'admin', params: batchParamsSchema, body: batchActionRequestSchema, reply: batchSchema },
  undoBatch: { method: 'post', path: '/batches/:batchId/undo', summary: "Undo every enrichment of the batch through the audit trail", access: 'admin', params: batchParamsSchema, body: batchActionRequestSchema, reply: batchSchema },
  listAgents: { method: 'get', path: '/agents', summary: 'Scheduled batches ("agents"), newest first', access: 'admin', reply: agentListReplySchema },
  createAgent: { method: 'post', path: '/agents', summary: 'Schedule a batch: what to select, how often, its pace and cap', access: 'admin', body: createAgentRequestSchema, reply: agentSchema, status: 201 },
  updateAgent: { method: 'put', path: '/agents/:agentId', summary: 'Change, pause (enabled: false) or resume an agent', access: 'admin', params: agentParamsSchema, body: updateAgentRequestSchema, reply: agentSchema },
} as const satisfies Record<string, RouteSpec>;

export type ApiRouteName = keyof typeof apiRoutes;

/** Fills `:name` segments of a route path, URL-encoding each value. */
export function apiPath(path: string, params: Record<string, string> = {}): string {
  return `/api/v1${path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  })}`;
}
