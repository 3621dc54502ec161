/**
 * The job interface over pg-boss 10 on PostgreSQL: jobs live in the database, so every backend process sharing it
 * shares the work, and a job whose worker died is handed out again after it expires. Queues use pg-boss's `short`
 * policy, so a singletonKey keeps at most one job per key waiting.
 */
import PgBoss from 'pg-boss';
import type { JobQueue } from './job-queue';

export interface PgBossQueueOptions {
  connectionString: string;
  /** How often an idle worker asks for a job. */
  pollingIntervalSeconds?: number;
  /** A job running longer than this is presumed dead and handed out again. */
  expireInSeconds?: number;
  onError?: (error: unknown) => void;
}

export async function startPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString: options.connectionString, schema: 'pgboss', max: 4 });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  const ready = new Map<string, Promise<void>>();

  const ensureQueue = (name: string) => {
    let created = ready.get(name);
    if (!created) {
      created = (async () => {
        // Processes starting together race to create the queue (a unique clash, or a deadlock on its partition):
        // whoever loses looks again and retries.
        for (let attempt = 1; ; attempt++) {
          if (await boss.getQueue(name)) return;
          try {
            await boss.createQueue(name, { name, policy: 'short', expireInSeconds: options.expireInSeconds ?? 3_600, retryLimit: 5, retryDelay: 5 });
            return;
          } catch (error) {
            if (attempt >= 5) throw error;
            await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
          }
        }
      })();
      ready.set(name, created);
    }
    return created;
  };

  return {
    async enqueue(name, payload, opts = {}) {
      await ensureQueue(name);
      return boss.send(name, payload, opts.singletonKey ? { singletonKey: opts.singletonKey } : {});
    },
    async work(name, handler) {
      await ensureQueue(name);
      await boss.work<Record<string, unknown>>(name, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([job]) => {
        if (job) await handler(job.data);
      });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
