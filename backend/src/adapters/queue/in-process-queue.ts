/** The job interface in this process (SQLite deployments): jobs run as soon as a handler is registered for them. */
import crypto from 'node:crypto';
import type { JobQueue } from './job-queue';

export interface InProcessQueue extends JobQueue {
  /** Resolves when no job is waiting or running. */
  drain(): Promise<void>;
}

interface Waiting {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  singletonKey?: string;
}

export function createInProcessQueue(options: { onError?: (error: unknown, job: { name: string; payload: Record<string, unknown> }) => void } = {}): InProcessQueue {
  const handlers = new Map<string, (payload: Record<string, unknown>) => Promise<void>>();
  const waiting: Waiting[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;

  const pump = () => {
    if (stopped) return;
    for (let i = 0; i < waiting.length; ) {
      const job = waiting[i]!;
      const handler = handlers.get(job.name);
      if (!handler) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      const run: Promise<void> = handler(job.payload)
        .catch((error: unknown) => options.onError?.(error, job))
        .finally(() => running.delete(run));
      running.add(run);
    }
  };

  return {
    async enqueue(name, payload, opts = {}) {
      if (stopped) throw new Error('the job queue is stopped');
      if (opts.singletonKey && waiting.some((j) => j.name === name && j.singletonKey === opts.singletonKey)) return null;
      const id = crypto.randomUUID();
      waiting.push({ id, name, payload, ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}) });
      setImmediate(pump);
      return id;
    },
    async work(name, handler) {
      handlers.set(name, handler);
      setImmediate(pump);
    },
    async drain() {
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        if (running.size === 0 && !waiting.some((j) => handlers.has(j.name))) return;
        await Promise.race(running);
      }
    },
    async stop() {
      stopped = true;
      await Promise.allSettled([...running]);
    },
  };
}
