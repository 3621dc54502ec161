/**
 * `npm run bench:sync`: pushes N enriched companies (default 20,000) into the sandbox HubSpot and the sandbox
 * Salesforce org at their real limits, through the real clients, the rate governor (state in SQLite) and batch
 * updates (100 per HubSpot call, 200 per Salesforce call), once alone and once while a simulated second
 * integration uses 40% of the quota. Each record's values come from the real enrichment plan plus Accord's stamp.
 *
 * One line per CRM and scenario: records, Accord's requests and its 429s, DELETE attempts, fields really changed
 * (diffing the CRM's data before and after, stamp fields included), the CRM's automation events, seconds, and
 * floorSeconds: the least time the CRM's limit allows at the configured share. Salesforce's limit is a daily
 * allocation (100,000 by default, `--salesforce-daily-limit`), so its floor is 0 until the push needs more than
 * Accord's share of a day. `http429` counts the CRM's quota refusals (for Salesforce, 403 REQUEST_LIMIT_EXCEEDED).
 * `--json` prints JSON lines; otherwise a table.
 */
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Crm, FieldValue } from '@accord/shared';
import { createHubspotPropertyAdmin } from '../src/adapters/crm/hubspot/hubspot-property-admin';
import { createHubspotClient } from '../src/adapters/crm/hubspot/hubspot.client';
import { BATCH_LIMITS, type CrmClient } from '../src/adapters/crm/crm-client';
import { pushUpdates, type RecordUpdate } from '../src/adapters/crm/push-updates';
import { createRateGovernor } from '../src/adapters/crm/rate-governor';
import { startHubspotSandbox } from '../src/adapters/crm/sandbox/hubspot';
import { startSalesforceSandbox } from '../src/adapters/crm/sandbox/salesforce';
import { createSalesforceClient } from '../src/adapters/crm/salesforce/salesforce.client';
import { openDatabase } from '../src/adapters/db/database';
import { migrateToLatest } from '../src/adapters/db/migrate';
import { createRateGovernorStore } from '../src/adapters/db/rate-governor.store';
import { createTenantStore } from '../src/adapters/db/tenant.store';
import { ensureAccordProperties } from '../src/app/ensure-accord-properties';
import { withAccordStamp } from '../src/domain/enrichment/accord-fields';
import { defaultMappingFor, type CrmObject } from '../src/domain/enrichment/mapping';
import { planEnrichment, valuesToWrite } from '../src/domain/enrichment/plan-enrichment';
import { referenceCompanyAt } from '../src/domain/synthetic/reference-generator';
import { budgetOf, floorSeconds } from '../src/domain/sync/rate-budget';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '20000' },
    share: { type: 'string', default: '50' },
    competing: { type: 'string', default: '40' },
    'salesforce-daily-limit': { type: 'string', default: '100000' },
    json: { type: 'boolean', default: false },
  },
});
const RECORDS = Number(args.records);
const SHARE = Number(args.share);
const COMPETING = Number(args.competing);
const SALESFORCE_DAILY_LIMIT = Number(args['salesforce-daily-limit']);
const SEED = 7;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** What a scenario needs from one sandbox CRM; built per provider below. */
interface Harness {
  crm: Crm;
  object: CrmObject;
  limit: { limit: number; windowMs: number };
  client: CrmClient;
  /** Seeds rows (CRM field names) and returns their ids in order. */
  seed(rows: Record<string, string>[]): string[];
  /** The record's values without system fields, as strings ('' for empty). */
  snapshot(id: string): Record<string, string>;
  automationEvents(): number;
  /** Status of each of Accord's write requests, and DELETE attempts from anyone. */
  accordWrites(): number[];
  /** The status the CRM refuses a request with when the quota is spent (HubSpot 429, Salesforce 403 REQUEST_LIMIT_EXCEEDED). */
  rateLimitedStatus: number;
  deletes(): number;
  /** Starts the simulated other integration using `percent` of the quota; resolves to a stop function. */
  compete(percent: number): () => Promise<void>;
  close(): Promise<void>;
}

const SYSTEM_FIELDS = new Set(['hs_object_id', 'createdate', 'hs_lastmodifieddate', 'lastmodifieddate', 'Id', 'CreatedDate', 'LastModifiedDate']);

function stringsOf(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (!SYSTEM_FIELDS.has(k)) out[k] = v === null || v === undefined ? '' : String(v);
  return out;
}

/** Runs `send` `perWindow` times per window, evenly spaced, until stopped. */
function steadyTraffic(perWindow: number, windowMs: number, send: () => Promise<unknown>): () => Promise<void> {
  let running = perWindow > 0;
  const loop = (async () => {
    while (running) {
      await send().catch(() => undefined);
      await sleep(windowMs / perWindow);
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

async function hubspotHarness(): Promise<Harness> {
  const sandbox = await startHubspotSandbox();
  const accessToken = sandbox.issueToken().accessToken;
  await ensureAccordProperties({ admin: createHubspotPropertyAdmin({ accessToken, basePath: sandbox.url }) });
  const limit = { limit: 110, windowMs: 10_000 };
  return {
    crm: 'hubspot',
    object: 'companies',
    limit,
    client: createHubspotClient({ accessToken, basePath: sandbox.url }),
    seed: (rows) => sandbox.seed('companies', rows.map((properties) => ({ properties }))).map((r) => r.id),
    snapshot: (id) => stringsOf(sandbox.get('companies', id)?.properties ?? {}),
    automationEvents: () => sandbox.automationEvents,
    accordWrites: () => sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/batch/update')).map((r) => r.status),
    rateLimitedStatus: 429,
    deletes: () => sandbox.requests.filter((r) => r.method === 'DELETE' || r.path.endsWith('/batch/archive')).length,
    compete: (percent) => {
      // Another app on the same portal: its own token, counted in the same per-portal window.
      const theirs = sandbox.issueToken().accessToken;
      const perWindow = Math.floor((limit.limit * percent) / 100);
      return steadyTraffic(perWindow, limit.windowMs, () =>
        fetch(`${sandbox.url}/crm/v3/objects/companies?limit=1`, { headers: { authorization: `Bearer ${theirs}` } }).then((r) => r.arrayBuffer()),
      );
    },
    close: () => sandbox.close(),
  };
}

async function salesforceHarness(competingPercent: number): Promise<Harness> {
  // The other integration's share of today's allocation is already spent when the push starts.
  const sandbox = await startSalesforceSandbox({ dailyLimit: SALESFORCE_DAILY_LIMIT, apiUsageAtStart: Math.floor((SALESFORCE_DAILY_LIMIT * competingPercent) / 100) });
  const tokens = sandbox.issueTokens();
  return {
    crm: 'salesforce',
    object: 'Account',
    limit: { limit: SALESFORCE_DAILY_LIMIT, windowMs: 86_400_000 },
    client: createSalesforceClient({ instanceUrl: sandbox.url, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, loginUrl: sandbox.url, clientId: 'bench', clientSecret: 'bench', version: '62.0' }),
    seed: (rows) => sandbox.seed('Account', rows),
    snapshot: (id) => stringsOf(sandbox.get('Account', id) ?? {}),
    automationEvents: () => sandbox.automationEvents,
    accordWrites: () => sandbox.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/composite/sobjects')).map((r) => r.status),
    // The sandbox org answers 403 only for REQUEST_LIMIT_EXCEEDED.
    rateLimitedStatus: 403,
    deletes: () => sandbox.requests.filter((r) => r.method === 'DELETE').length,
    compete: () => {
      // And it keeps calling while Accord pushes (20 calls a second).
      const theirs = sandbox.issueTokens().accessToken;
      return steadyTraffic(20, 1_000, () =>
        fetch(`${sandbox.url}/services/data/v62.0/limits`, { headers: { authorization: `Bearer ${theirs}` } }).then((r) => r.arrayBuffer()),
      );
    },
    close: () => sandbox.close(),
  };
}

/** The CRM's current values of record i (some fields already filled), in CRM field names. */
function currentValues(crm: Crm, i: number): Record<string, string> {
  const ref = referenceCompanyAt(SEED, i);
  const city = i % 2 === 0 && ref.city ? ref.city : '';
  return crm === 'hubspot' ? { name: ref.name.toUpperCase(), ...(city && { city }) } : { Name: ref.name.toUpperCase(), ...(city && { BillingCity: city }) };
}

async function runScenario(harness: Harness, scenario: { name: string; competingPercent: number }) {
  const database = openDatabase('sqlite::memory:');
  await migrateToLatest(database);
  const now = new Date();
  const tenant = await createTenantStore(database).install({ crm: harness.crm, externalId: `bench-${harness.crm}-${scenario.name}`, name: 'bench', now });
  const governor = createRateGovernor({ store: createRateGovernorStore(database) });
  const spec = { ...harness.limit, sharePercent: SHARE };
  const mapping = defaultMappingFor(harness.crm, harness.object)?.fields ?? [];

  const rows = Array.from({ length: RECORDS }, (_, i) => currentValues(harness.crm, i));
  const ids = harness.seed(rows);
  const updates: RecordUpdate[] = [];
  ids.forEach((id, i) => {
    const reference = referenceCompanyAt(SEED, i);
    const changes = planEnrichment({ current: rows[i]!, reference, mapping, lastWritten: {}, ctx: { defaultCountry: 'AU' } });
    const values: Record<string, FieldValue> = withAccordStamp(valuesToWrite(changes), { crm: harness.crm, referenceId: reference.id, confidence: 0.97, now, batchId: `bench-${scenario.name}` });
    if (Object.keys(values).length > 0) updates.push({ id, values });
  });
  const before = new Map(updates.map((u) => [u.id, harness.snapshot(u.id)]));
  const automationBefore = harness.automationEvents();
  const writesBefore = harness.accordWrites().length;

  const stopCompetitor = scenario.competingPercent > 0 ? harness.compete(scenario.competingPercent) : async () => undefined;
  // Let the other integration get going first, so Accord starts into a busy window.
  if (scenario.competingPercent > 0) await sleep(1_000);
  const started = performance.now();
  const outcomes = await pushUpdates({ client: harness.client, governor, tenantId: tenant.id, spec }, { object: harness.object, updates });
  const seconds = (performance.now() - started) / 1000;
  await stopCompetitor();

  let fieldsChanged = 0;
  for (const u of updates) {
    const after = harness.snapshot(u.id);
    const was = before.get(u.id) ?? {};
    for (const field of new Set([...Object.keys(was), ...Object.keys(after)])) if ((was[field] ?? '') !== (after[field] ?? '')) fieldsChanged += 1;
  }
  const statuses = harness.accordWrites().slice(writesBefore);
  const written = outcomes.filter((o) => o.ok).length;
  const failed = outcomes.length - written;
  const chunks = Math.ceil(updates.length / BATCH_LIMITS[harness.crm]);
  await database.destroy();
  return {
    crm: harness.crm,
    records: RECORDS,
    requests: statuses.length,
    http429: statuses.filter((s) => s === harness.rateLimitedStatus).length,
    deletes: harness.deletes(),
    fieldsChanged,
    automationEvents: harness.automationEvents() - automationBefore,
    seconds: Math.round(seconds * 100) / 100,
    floorSeconds: floorSeconds(chunks, budgetOf(harness.limit.limit, SHARE), harness.limit.windowMs),
    scenario: scenario.name,
    written,
    failed,
    lost: updates.length - written - failed,
    limit: `${harness.limit.limit}/${harness.limit.windowMs === 10_000 ? '10s' : '24h'} at ${SHARE}%`,
  };
}

async function main() {
  const scenarios = [{ name: 'alone', competingPercent: 0 }, ...(COMPETING > 0 ? [{ name: `competing-${COMPETING}%`, competingPercent: COMPETING }] : [])];
  const lines: Awaited<ReturnType<typeof runScenario>>[] = [];
  for (const makeHarness of [(_competing: number) => hubspotHarness(), (competing: number) => salesforceHarness(competing)]) {
    for (const scenario of scenarios) {
      const harness = await makeHarness(scenario.competingPercent);
      log(`pushing ${RECORDS} records into the sandbox ${harness.crm} (${scenario.name})...`);
      try {
        const line = await runScenario(harness, scenario);
        lines.push(line);
        if (args.json) process.stdout.write(`${JSON.stringify(line)}\n`);
      } finally {
        await harness.close();
      }
    }
  }
  if (!args.json) {
    console.table(lines.map((l) => ({ ...l, 'within 1.15×floor': l.floorSeconds > 0 ? l.seconds <= 1.15 * l.floorSeconds : 'floor 0' })));
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
