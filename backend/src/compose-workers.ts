/**
 * Background work of one backend process: batch runs, batch estimates, agents' scheduled batches and scheduled
 * CRM pulls, all through the job queue (pg-boss on PostgreSQL, in-process on SQLite). Batches that were running
 * when the last process stopped are queued again, so a crash resumes where it was.
 */
import type { Logger } from './adapters/log/logger';
import { resumeRunningBatches, startBatchWorker } from './adapters/queue/batch-jobs';
import type { JobQueue } from './adapters/queue/job-queue';
import { scheduleAgents, startAgentWorker } from './adapters/queue/agent-jobs';
import { scheduleSyncs, startSyncWorker } from './adapters/queue/sync-jobs';
import type { CrmConnections } from './adapters/crm/crm-connections';
import { governedCalls } from './adapters/crm/governed-calls';
import type { RateGovernor } from './adapters/crm/rate-governor';
import { createCrmSnapshotStore } from './adapters/db/crm-snapshot.store';
import { createSyncCursorStore } from './adapters/db/sync-cursor.store';
import type { Database } from './adapters/db/database';
import type { TenantStore } from './adapters/db/tenant.store';
import { runEstimate } from './adapters/http/api/batch.handlers';
import type { BatchWiring } from './compose-batches';
import { createBatchMatcher } from './app/batches/create-batch-matcher';
import type { MatchStore } from './adapters/db/match.store';
import type { Matcher } from './domain/matching/matcher';
import { AppError } from './app/app-error';
import { autoEnrichAfterSync } from './app/batches/auto-enrich-new-records';

export const BATCH_ESTIMATE_JOB = 'batch-estimate';
/** How often due agents are looked for; their cadence is in hours. */
const AGENT_TICK_MS = 60_000;

export function estimateScheduler(queue: JobQueue): (input: { tenantId: string; batchId: string }) => Promise<void> {
  return async ({ tenantId, batchId }) => {
    await queue.enqueue(BATCH_ESTIMATE_JOB, { tenantId, batchId }, { singletonKey: `estimate:${batchId}` });
  };
}

export async function startWorkers(input: {
  queue: JobQueue;
  database: Database;
  wiring: BatchWiring;
  tenants: TenantStore;
  connections: CrmConnections;
  governor: RateGovernor;
  matcher: Matcher;
  matches: MatchStore;
  logger: Logger;
  scheduleRun: (input: { tenantId: string; batchId: string }) => Promise<void>;
  /** 0 turns scheduled pulls off. */
  syncIntervalMs: number;
}): Promise<{ stop(): Promise<void> }> {
  const { queue, wiring, tenants, logger } = input;
  const tenantOf = async (tenantId: string) => {
    const tenant = await tenants.findById(tenantId);
    if (!tenant || tenant.status !== 'active') throw new AppError('NOT_FOUND', `tenant ${tenantId} is not active`);
    return tenant;
  };
  await startBatchWorker(queue, {
    contextFor: async (tenantId) => {
      const tenant = await tenantOf(tenantId);
      return { tenant, deps: await wiring.depsFor(tenant) };
    },
  });
  await queue.work(BATCH_ESTIMATE_JOB, async (payload) => {
    const tenant = await tenantOf(String(payload.tenantId));
    await runEstimate(wiring, tenant, String(payload.batchId));
  });
  await startAgentWorker(queue, {
    deps: { agents: wiring.agents, tenants, depsFor: (tenant) => wiring.depsFor(tenant), rateFor: (tenant) => wiring.rateFor(tenant) },
    onRuns: (runs) => {
      for (const run of runs) {
        if (run.ok) logger.info({ tenantId: run.tenantId, agentId: run.agentId, batchId: run.batchId, decision: run.decision }, 'agent ran');
        else logger.warn({ err: run.error, tenantId: run.tenantId, agentId: run.agentId }, 'agent run failed');
      }
    },
  });
  const stopAgents = scheduleAgents(queue, { intervalMs: AGENT_TICK_MS, onError: (error) => logger.warn({ err: error }, 'scheduling agent runs failed') });
  const resumed = await resumeRunningBatches(wiring.batches, input.scheduleRun);
  if (resumed > 0) logger.info({ resumed }, 'resuming batches that were running');
  let stopSyncs = () => undefined as void;
  if (input.syncIntervalMs > 0) {
    const cursors = createSyncCursorStore(input.database);
    const snapshots = createCrmSnapshotStore(input.database);
    const matcher = createBatchMatcher({ matcher: async () => input.matcher, matches: input.matches });
    await startSyncWorker(queue, {
      tenants,
      depsFor: async (tenant) => {
        const { client, spec } = await input.connections.forTenant(tenant);
        // Pulls take their slot in the tenant's share of the CRM's limit like every other call.
        const governed = governedCalls({ client, governor: input.governor, tenantId: tenant.id, spec });
        return { listChangedSince: (object, options) => governed(() => client.listChangedSince(object, options)), cursors, matcher, snapshots };
      },
      onSynced: async ({ tenant, tenantId, object, result }) => {
        logger.info({ tenantId, object, pulled: result.pulled, byBand: result.byBand }, 'CRM pull done');
        try {
          const auto = await autoEnrichAfterSync(wiring, { tenant, object, autoBandIds: result.autoBandIds, now: new Date() });
          if (auto?.batch) logger.info({ tenantId, object, batchId: auto.batch.id, state: auto.batch.state, decision: auto.decision }, 'automatic enrichment batch');
        } catch (error) {
          logger.warn({ err: error, tenantId, object }, 'automatic enrichment after a pull failed');
        }
      },
    });
    stopSyncs = scheduleSyncs(queue, { tenants, intervalMs: input.syncIntervalMs, onError: (error) => logger.warn({ err: error }, 'scheduling CRM pulls failed') });
  }
  return {
    stop: async () => {
      stopSyncs();
      stopAgents();
      await queue.stop();
    },
  };
}
