/**
 * The batch endpoints over the batch use cases. Creating a batch starts its estimate in the background (reads
 * only, no credits); the card polls the batch until it awaits approval. Approval, canary, pause, resume, cancel
 * and undo are admin-only in the use cases themselves, with the admin right from the signed request. Agents
 * (scheduled batches) are listed, created and changed here; their runs happen in the workers.
 */
import type { Batch } from '@accord/shared';
import { approveBatch } from '../../../app/batches/approve-batch';
import { cancelBatch } from '../../../app/batches/cancel-batch';
import { createAgent } from '../../../app/batches/create-agent';
import { createBatch } from '../../../app/batches/create-batch';
import { estimateBatch } from '../../../app/batches/estimate-batch';
import { getBatch } from '../../../app/batches/get-batch';
import { getBatchProgress } from '../../../app/batches/get-batch-progress';
import { listBatchReview } from '../../../app/batches/list-batch-review';
import { listAgents } from '../../../app/batches/list-agents';
import { listBatches } from '../../../app/batches/list-batches';
import { pauseBatch } from '../../../app/batches/pause-batch';
import { rejectBatch } from '../../../app/batches/reject-batch';
import { startBatch } from '../../../app/batches/start-batch';
import { undoWholeBatch } from '../../../app/batches/undo-whole-batch';
import { updateAgent } from '../../../app/batches/update-agent';
import type { Tenant } from '../../../domain/tenants/tenant';
import type { BatchWiring } from '../../../compose-batches';
import type { RouteHandlers } from './mount-routes';

export interface BatchApi {
  wiring: BatchWiring;
  /** Runs a batch's estimate in the background; without it the estimate runs before the reply. */
  scheduleEstimate?: (input: { tenantId: string; batchId: string }) => Promise<void>;
}

/** Runs the estimate of one batch (the background job's body). */
export async function runEstimate(wiring: BatchWiring, tenant: Tenant, batchId: string): Promise<Batch> {
  return estimateBatch(await wiring.depsFor(tenant), { tenant, batchId, now: new Date(), rate: wiring.rateFor(tenant) });
}

export function batchHandlers(api: BatchApi): RouteHandlers {
  const deps = (tenant: Tenant) => api.wiring.depsFor(tenant);
  return {
    createBatch: async ({ tenant, viewer, body, now }) => {
      const created = await createBatch(await deps(tenant), { tenant, request: body, userId: viewer.userId, isAdmin: viewer.isAdmin, now });
      if (created.state !== 'draft') return created;
      if (api.scheduleEstimate) {
        await api.scheduleEstimate({ tenantId: tenant.id, batchId: created.id });
        return created;
      }
      return runEstimate(api.wiring, tenant, created.id);
    },
    listBatches: async ({ tenant }) => ({ items: await listBatches(await deps(tenant), { tenant }) }),
    getBatch: async ({ tenant, params }) => {
      const batchDeps = await deps(tenant);
      return getBatchProgress(batchDeps, { tenant, batchId: params.batchId, rate: { ...api.wiring.rateFor(tenant), batchLimit: batchDeps.crm.batchLimit } });
    },
    batchReview: async ({ tenant, params }) => listBatchReview(await deps(tenant), { tenant, batchId: params.batchId }),
    approveBatch: async ({ tenant, viewer, params, now }) => approveBatch(await deps(tenant), { tenant, batchId: params.batchId, userId: viewer.userId, isAdmin: viewer.isAdmin, now }),
    rejectBatch: async ({ tenant, viewer, params, body, now }) =>
      rejectBatch(await deps(tenant), { tenant, batchId: params.batchId, isAdmin: viewer.isAdmin, now, ...(body.reason ? { reason: body.reason } : {}) }),
    canaryBatch: async ({ tenant, viewer, params, now }) => startBatch(await deps(tenant), { tenant, batchId: params.batchId, isAdmin: viewer.isAdmin, mode: 'canary', now }),
    resumeBatch: async ({ tenant, viewer, params, now }) => {
      const current = await getBatch(await deps(tenant), { tenant, batchId: params.batchId });
      // Resuming a batch that is already running is a no-op (a retried request), not an error.
      if (current.state === 'running') return current;
      return startBatch(await deps(tenant), { tenant, batchId: params.batchId, isAdmin: viewer.isAdmin, mode: 'run', now });
    },
    pauseBatch: async ({ tenant, viewer, params, now }) => pauseBatch(await deps(tenant), { tenant, batchId: params.batchId, isAdmin: viewer.isAdmin, now }),
    cancelBatch: async ({ tenant, viewer, params, now }) => cancelBatch(await deps(tenant), { tenant, batchId: params.batchId, isAdmin: viewer.isAdmin, now }),
    undoBatch: async ({ tenant, viewer, params, now }) => {
      const current = await getBatch(await deps(tenant), { tenant, batchId: params.batchId });
      if (current.state === 'undone') return current;
      const stored = await api.wiring.batches.get(tenant.id, params.batchId);
      if (!stored) return current;
      const records = await api.wiring.recordsFor(tenant, stored.object);
      return (await undoWholeBatch({ ...(await deps(tenant)), records }, { tenant, batchId: params.batchId, userId: viewer.userId, isAdmin: viewer.isAdmin, now })).batch;
    },
    listAgents: async ({ tenant, viewer }) => ({ items: await listAgents(api.wiring, { tenant, isAdmin: viewer.isAdmin }) }),
    createAgent: async ({ tenant, viewer, body, now }) => createAgent(api.wiring, { tenant, request: body, userId: viewer.userId, isAdmin: viewer.isAdmin, now }),
    updateAgent: async ({ tenant, viewer, params, body, now }) => updateAgent(api.wiring, { tenant, agentId: params.agentId, patch: body, isAdmin: viewer.isAdmin, now }),
  };
}
