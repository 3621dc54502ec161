/**
 * `accord batches <action>`: operators drive bulk batches from a terminal. Acts as an admin of the tenant named by
 * --tenant (its id, or crm:externalId such as hubspot:62000001). `run` works the batch in this process until it
 * finishes or pauses (a progress bar on a terminal); `--json` prints the batch (or list) as JSON for scripts.
 */
import { parseArgs } from 'node:util';
import { createBatchRequestSchema, type Batch } from '@accord/shared';
import { createCrmConnections } from '../adapters/crm/crm-connections';
import { createRateGovernor } from '../adapters/crm/rate-governor';
import { createSecretBox, loadOrCreateLocalKey } from '../adapters/crypto/secret-box';
import { createCredentialStore } from '../adapters/db/credential.store';
import { createCreditStore } from '../adapters/db/credit.store';
import { openDatabase, type Database } from '../adapters/db/database';
import { createEnrichmentStore } from '../adapters/db/enrichment.store';
import { createMatchStore } from '../adapters/db/match.store';
import { migrateToLatest } from '../adapters/db/migrate';
import { createRateGovernorStore } from '../adapters/db/rate-governor.store';
import { createReferenceStore } from '../adapters/db/reference.store';
import { createTenantStore } from '../adapters/db/tenant.store';
import { loadMatchingModels } from '../adapters/reference/matching-models';
import { approveBatch } from '../app/batches/approve-batch';
import { cancelBatch } from '../app/batches/cancel-batch';
import { createBatch } from '../app/batches/create-batch';
import { estimateBatch } from '../app/batches/estimate-batch';
import { getBatch } from '../app/batches/get-batch';
import { listBatches } from '../app/batches/list-batches';
import { pauseBatch } from '../app/batches/pause-batch';
import { startBatch } from '../app/batches/start-batch';
import { undoWholeBatch } from '../app/batches/undo-whole-batch';
import { workBatch } from '../app/batches/work-batch';
import { buildReferenceIndex } from '../app/build-reference-index';
import { composeBatches } from '../compose-batches';
import type { Config } from '../config';
import { createMatcher } from '../domain/matching/matcher';
import type { Tenant } from '../domain/tenants/tenant';
import { InputError } from './match.command';
import { createProgress } from './progress';

export const BATCHES_USAGE = `  batches list --tenant T [--json]
  batches create --tenant T --object companies --ids ID,ID,... [--type enrich|create_people] [--canary-size 25] [--per-minute N] [--json]
  batches estimate|approve|run|pause|resume|cancel|undo BATCH --tenant T [--canary] [--user U] [--json]
        Bulk batches of a tenant (its id, or crm:externalId). run works the batch here until it finishes or pauses
        (--canary: the first records only, then pause); approve reserves the credits.
`;

const actions = ['list', 'create', 'estimate', 'approve', 'run', 'pause', 'resume', 'cancel', 'undo'] as const;
type Action = (typeof actions)[number];

export async function runBatchesCommand(options: { args: string[]; config: Config; out: (text: string) => void; log: (line: string) => void }): Promise<void> {
  const { values, positionals } = parseArgs({
    args: options.args,
    options: {
      tenant: { type: 'string' },
      user: { type: 'string', default: 'cli' },
      json: { type: 'boolean', default: false },
      canary: { type: 'boolean', default: false },
      object: { type: 'string' },
      type: { type: 'string', default: 'enrich' },
      ids: { type: 'string' },
      'canary-size': { type: 'string' },
      'per-minute': { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [action, batchId, ...extra] = positionals;
  if (!actions.includes(action as Action)) throw new InputError(`batches needs one of: ${actions.join(', ')}`);
  if (!values.tenant) throw new InputError('batches needs --tenant');
  const needsBatch = action !== 'list' && action !== 'create';
  if ((needsBatch && !batchId) || extra.length > 0 || (!needsBatch && batchId)) throw new InputError(`batches ${action} ${needsBatch ? 'needs exactly one BATCH id' : 'takes no BATCH id'}`);

  const database = openDatabase(options.config.databaseUrl);
  try {
    await migrateToLatest(database);
    const stack = await openStack(database, options.config);
    const tenant = await findTenant(stack.tenants, values.tenant);
    const deps = await stack.wiring.depsFor(tenant);
    const now = new Date();
    const show = (batch: Batch) => options.out(values.json ? `${JSON.stringify(batch)}\n` : `${describe(batch)}\n`);
    const admin = { tenant, isAdmin: true, now };
    switch (action as Action) {
      case 'list': {
        const items = await listBatches(deps, { tenant });
        options.out(values.json ? `${JSON.stringify({ items })}\n` : items.map((b) => `${describe(b)}\n`).join(''));
        return;
      }
      case 'create': {
        const request = createBatchRequestSchema.safeParse({
          object: values.object,
          type: values.type,
          selection: { by: 'ids', recordIds: (values.ids ?? '').split(',').filter(Boolean) },
          ...(values['canary-size'] ? { canarySize: Number(values['canary-size']) } : {}),
          ...(values['per-minute'] ? { recordsPerMinute: Number(values['per-minute']) } : {}),
          idempotencyKey: `cli-${now.getTime()}-${process.pid}`,
        });
        if (!request.success) throw new InputError(`batches create: ${request.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        return show(await createBatch(deps, { ...admin, request: request.data, userId: values.user! }));
      }
      case 'estimate':
        return show(await estimateBatch(deps, { tenant, batchId: batchId!, now, rate: stack.wiring.rateFor(tenant) }));
      case 'approve':
        return show(await approveBatch(deps, { ...admin, batchId: batchId!, userId: values.user! }));
      case 'pause':
        return show(await pauseBatch(deps, { ...admin, batchId: batchId! }));
      case 'cancel':
        return show(await cancelBatch(deps, { ...admin, batchId: batchId! }));
      case 'undo': {
        const batch = await getBatch(deps, { tenant, batchId: batchId! });
        const stored = (await stack.wiring.batches.get(tenant.id, batch.id))!;
        const undone = await undoWholeBatch({ ...deps, records: await stack.wiring.recordsFor(tenant, stored.object) }, { ...admin, batchId: batchId!, userId: values.user! });
        for (const c of undone.conflicts) options.log(`left ${c.recordId} ${c.field} alone: it holds ${JSON.stringify(c.current)}, Accord wrote ${JSON.stringify(c.wrote)}`);
        return show(undone.batch);
      }
      case 'run':
      case 'resume': {
        const current = await getBatch(deps, { tenant, batchId: batchId! });
        if (current.state !== 'running') await startBatch(deps, { ...admin, batchId: batchId!, mode: values.canary ? 'canary' : 'run' });
        const progress = createProgress(`batch ${current.id.slice(0, 8)}`, current.counts.total);
        let settled = settledOf(current);
        await workBatch(deps, {
          tenant,
          batchId: batchId!,
          onChunk: async () => {
            settled = settledOf(await getBatch(deps, { tenant, batchId: batchId! }));
            progress.tick(settled);
          },
        });
        progress.finish();
        return show(await getBatch(deps, { tenant, batchId: batchId! }));
      }
    }
  } finally {
    await database.destroy();
  }
}

function settledOf(batch: Batch): number {
  const c = batch.counts;
  return c.done + c.skipped + c.failed + c.review;
}

function describe(b: Batch): string {
  const c = b.counts;
  const people = b.estimate?.people ? ` people_to_create=${b.estimate.people.toCreate} already_in_crm=${b.estimate.people.alreadyInCrm}` : '';
  const estimate = b.estimate ? ` max_credits=${b.estimate.maxCredits}${people}` : '';
  const error = b.error ? ` error=${JSON.stringify(b.error)}` : '';
  return `${b.id} ${b.state} ${b.type} ${b.kind} total=${c.total} done=${c.done} changed=${c.changed} skipped=${c.skipped} review=${c.review} failed=${c.failed} credits=${c.creditsSpent}${estimate}${error}`;
}

async function findTenant(tenants: ReturnType<typeof createTenantStore>, ref: string): Promise<Tenant> {
  const [crm, externalId] = ref.split(':');
  const tenant = externalId && (crm === 'hubspot' || crm === 'salesforce') ? await tenants.findByExternalId(crm, externalId) : await tenants.findById(ref);
  if (!tenant) throw new InputError(`no tenant ${ref}`);
  return tenant;
}

/** Stores, the CRM connections and the governor; the reference index only when matching is needed (estimate). */
async function openStack(database: Database, config: Config) {
  const encryptionKey = config.encryptionKey ?? loadOrCreateLocalKey(config.dataDir);
  const tenants = createTenantStore(database);
  const credentials = createCredentialStore(database, createSecretBox(encryptionKey));
  const governor = createRateGovernor({ store: createRateGovernorStore(database) });
  const hubspot = config.hubspot;
  const connections = createCrmConnections({
    credentials,
    governor,
    endpoints: {
      hubspot: hubspot ? { apiBaseUrl: hubspot.apiBaseUrl, tokenUrl: `${hubspot.apiBaseUrl}/oauth/v1/token`, clientId: hubspot.clientId, clientSecret: hubspot.clientSecret } : null,
      salesforce: config.salesforce,
    },
  });
  const reference = createReferenceStore(database);
  const stores = { credits: createCreditStore(database), enrichments: createEnrichmentStore(database), matches: createMatchStore(database) };
  // Only estimating matches records; the other actions never build the reference index.
  const matcher = async () => createMatcher({ index: await buildReferenceIndex({ reference }, { defaultCountry: 'AU' }), models: loadMatchingModels() });
  return { tenants, wiring: composeBatches({ database, connections, governor, stores, reference, matcher }) };
}
