/**
 * A backend worker process for the crash and scale-out tests: opens the database, starts the job queue (pg-boss on
 * PostgreSQL, in-process on SQLite), queues the batches that were running (resume at start), works them through
 * the sandbox HubSpot at ACCORD_CHILD.hubspotUrl, and exits once no batch is running. Prints one line per chunk.
 */
import { createHubspotClient } from '../../src/adapters/crm/hubspot/hubspot.client';
import { openDatabase } from '../../src/adapters/db/database';
import { batchRunScheduler, resumeRunningBatches, startBatchWorker } from '../../src/adapters/queue/batch-jobs';
import { createInProcessQueue } from '../../src/adapters/queue/in-process-queue';
import { startPgBossQueue } from '../../src/adapters/queue/pg-boss-queue';
import { batchHarness } from './batch-harness';

interface ChildConfig {
  databaseUrl: string;
  hubspotUrl: string;
  accessToken: string;
  tenantId: string;
  leaseMs: number;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.ACCORD_CHILD ?? '{}') as ChildConfig;
  const database = openDatabase(config.databaseUrl, { poolSize: 4 });
  const client = createHubspotClient({ accessToken: config.accessToken, basePath: config.hubspotUrl });
  const h = await batchHarness({ database, crm: 'hubspot', client, object: 'companies', grant: 0, tenantId: config.tenantId });
  const queue = database.dialect === 'postgres'
    ? await startPgBossQueue({ connectionString: config.databaseUrl, pollingIntervalSeconds: 0.5 })
    : createInProcessQueue({ onError: (error) => process.stderr.write(`job failed: ${String(error)}\n`) });
  await startBatchWorker(queue, {
    contextFor: async () => ({ tenant: h.tenant, deps: h.deps }),
    leaseMs: config.leaseMs,
    pollMs: 100,
    onChunk: ({ records }) => process.stdout.write(`chunk ${records}\n`),
  });
  await resumeRunningBatches(h.deps.batches, batchRunScheduler(queue, { workersPerBatch: 2 }));
  process.stdout.write('ready\n');
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if ((await h.deps.batches.listInState('running')).length === 0) break;
  }
  await queue.stop();
  await database.destroy();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
