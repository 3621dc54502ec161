/**
 * Batch runs as jobs: starting or resuming a batch queues one run job per worker slot; a job runs the batch's
 * worker loop (app/batches/work-batch.ts) until nothing is left to claim. Several jobs on one batch, in one process
 * or many, share its chunks through the database, so each record is still charged and written once.
 */
import type { BatchStore } from '../db/batch.store';
import type { BatchDeps } from '../../app/batches/batch-context';
import { workBatch } from '../../app/batches/work-batch';
import type { Tenant } from '../../domain/tenants/tenant';
import type { JobQueue } from './job-queue';

export const BATCH_RUN_JOB = 'batch-run';

export function batchRunScheduler(queue: JobQueue, options: { workersPerBatch: number }): NonNullable<BatchDeps['scheduleRun']> {
  return async ({ tenantId, batchId }) => {
    for (let slot = 0; slot < options.workersPerBatch; slot++) {
      await queue.enqueue(BATCH_RUN_JOB, { tenantId, batchId }, { singletonKey: `${batchId}:${slot}` });
    }
  };
}

export interface BatchWorkerOptions {
  /** The tenant and its batch ports (its CRM client and governor) for a job. */
  contextFor: (tenantId: string) => Promise<{ tenant: Tenant; deps: BatchDeps }>;
  leaseMs?: number;
  pollMs?: number;
  onChunk?: (input: { batchId: string; records: number }) => void;
}

export async function startBatchWorker(queue: JobQueue, options: BatchWorkerOptions): Promise<void> {
  await queue.work(BATCH_RUN_JOB, async (payload) => {
    const tenantId = String(payload.tenantId);
    const batchId = String(payload.batchId);
    const { tenant, deps } = await options.contextFor(tenantId);
    await workBatch(deps, {
      tenant,
      batchId,
      ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
      onChunk: (records) => options.onChunk?.({ batchId, records }),
    });
  });
}

/** At start: queue the batches that were running when the last process stopped (or was killed). */
export async function resumeRunningBatches(batches: BatchStore, scheduleRun: NonNullable<BatchDeps['scheduleRun']>): Promise<number> {
  const running = await batches.listInState('running');
  for (const ref of running) await scheduleRun(ref);
  return running.length;
}
