/**
 * A worker's run of one batch: claim a chunk (the CRM's batch size; in trickle mode no more than the pace allows),
 * process it, repeat until nothing is left, then finish the batch and release what is left of its reservation.
 * Pause and cancel take effect between chunks. Any number of workers, in any number of processes, may run the same
 * batch at once: chunks are claimed by conditional updates, and a dead worker's claims lapse after `leaseMs`.
 */
import { transition } from '../../domain/batches/batch-transitions';
import { chunkSizeFor, nextChunkAt } from '../../domain/batches/chunk';
import type { Tenant } from '../../domain/tenants/tenant';
import type { BatchDeps } from './batch-context';
import { processChunk } from './process-chunk';
import { processCreateChunk } from './process-create-chunk';

export const DEFAULT_LEASE_MS = 120_000;

export interface WorkOptions {
  tenant: Tenant;
  batchId: string;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  leaseMs?: number;
  /** How long to wait while other workers hold the last chunks, or after the CRM could not be reached. */
  pollMs?: number;
  /** Told after every chunk (progress bars, logs); the next chunk waits for it. */
  onChunk?: (records: number) => void | Promise<void>;
}

export type WorkResult = 'completed' | 'completed_with_errors' | 'paused' | 'stopped';

export async function workBatch(deps: BatchDeps, options: WorkOptions): Promise<WorkResult> {
  const { tenant, batchId } = options;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = options.pollMs ?? 1_000;

  for (;;) {
    const batch = await deps.batches.get(tenant.id, batchId);
    if (!batch || batch.state !== 'running') return batch?.state === 'paused' ? 'paused' : 'stopped';
    const size = chunkSizeFor({ batchLimit: deps.crm.batchLimit, recordsPerMinute: batch.recordsPerMinute });

    if (batch.recordsPerMinute !== null) {
      const nowMs = now().getTime();
      const slot = await deps.batches.takeChunkSlot(tenant.id, batchId, { nowMs, nextAtMs: nextChunkAt({ now: nowMs, records: size, recordsPerMinute: batch.recordsPerMinute }) });
      if (!slot.ok) {
        await sleep(Math.min(slot.waitMs, pollMs));
        continue;
      }
    }

    const items = await deps.batches.claimItems(tenant.id, batchId, { size, nowMs: now().getTime(), leaseMs, seqBelow: batch.runLimit });
    if (items.length > 0) {
      const process = batch.type === 'create_people' ? processCreateChunk : processChunk;
      const outcome = await process(deps, { tenant, batch, items, now, leaseMs });
      await options.onChunk?.(items.length);
      if (outcome.crmUnavailable) await sleep(pollMs);
      continue;
    }

    const counts = await deps.batches.counts(tenant.id, batchId);
    const [firstPending] = await deps.batches.items(tenant.id, batchId, { state: 'pending', limit: 1 });
    const runnableLeft = firstPending !== undefined && (batch.runLimit === null || firstPending.seq < batch.runLimit);
    if (counts.claimed > 0 || runnableLeft) {
      // Other workers hold the last chunks (or one is being claimed right now): wait for them to settle.
      await sleep(pollMs);
      continue;
    }
    if (firstPending !== undefined) {
      // The canary is done: pause for review before the rest.
      await deps.batches.move(tenant.id, batchId, { from: 'running', to: finishing('pause'), now: now() });
      return 'paused';
    }
    const to = counts.failed > 0 ? finishing('complete_with_errors') : finishing('complete');
    if (await deps.batches.move(tenant.id, batchId, { from: 'running', to, now: now() })) {
      await deps.credits.release(tenant.id, { batchId, now: now() });
    }
    return to;
  }
}

/** Where a running batch goes on `event`, by the transition table. */
function finishing<E extends 'pause' | 'complete' | 'complete_with_errors'>(event: E): E extends 'pause' ? 'paused' : E extends 'complete' ? 'completed' : 'completed_with_errors' {
  const next = transition('running', event);
  if (!next.ok) throw new Error(next.message);
  return next.state as never;
}
