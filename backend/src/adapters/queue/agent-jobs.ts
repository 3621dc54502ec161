/**
 * Batch agents on the job queue: a tick every `intervalMs` queues one "run the due agents" job (a singleton, so
 * ticks of several processes do not pile up), and whichever worker takes it runs them (app/batches/run-due-agents.ts,
 * which claims each run so it happens once).
 */
import { runDueAgents, type AgentRun } from '../../app/batches/run-due-agents';
import type { JobQueue } from './job-queue';

export const BATCH_AGENTS_JOB = 'batch-agents';

export async function startAgentWorker(
  queue: JobQueue,
  options: { deps: Parameters<typeof runDueAgents>[0]; onRuns?: (runs: AgentRun[]) => void },
): Promise<void> {
  await queue.work(BATCH_AGENTS_JOB, async () => {
    options.onRuns?.(await runDueAgents(options.deps, { now: new Date() }));
  });
}

/** Queues a run of the due agents now and every `intervalMs`; returns a function that stops it. */
export function scheduleAgents(queue: JobQueue, options: { intervalMs: number; onError?: (error: unknown) => void }): () => void {
  const run = () => void queue.enqueue(BATCH_AGENTS_JOB, {}, { singletonKey: BATCH_AGENTS_JOB }).catch((error: unknown) => options.onError?.(error));
  run();
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
