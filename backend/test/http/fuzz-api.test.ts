/**
 * Fuzzing every endpoint of the route table (fast-check): malformed JSON, wrong types, huge strings, unicode and
 * injection strings in paths and bodies. Every answer must be a 4xx with an error code, never a 5xx, and the
 * database must not change.
 */
import { apiRoutes, errorReplySchema, type RouteSpec } from '@accord/shared';
import fc from 'fast-check';
import { sql } from 'kysely';
import request from 'supertest';
import { describeEachDatabase } from '../helpers/test-databases';
import { connectSalesforceTenant, installHubspotTenant, startApiHarness, type ApiHarness } from '../helpers/api-harness';

const nasty = fc.oneof(
  fc.constantFrom("'; DROP TABLE tenants; --", '" OR 1=1 --', '<script>alert(1)</script>', '../../etc/passwd', '${jndi:ldap://x}', '%00', '\u0000', '𝕬𝖈𝖈𝖔𝖗𝖉', 'Ω≈ç√∫', '🦘🦘', '__proto__', 'constructor'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ minLength: 2_001, maxLength: 5_000 }),
);
const badValue = fc.oneof(nasty, fc.integer({ min: -1e9, max: -1 }), fc.double({ noNaN: false }), fc.constant(null), fc.array(nasty, { maxLength: 3 }), fc.dictionary(nasty, nasty, { maxKeys: 3 }));
const badBody = fc.oneof(
  fc.constantFrom('{"a":', '{', '[1,2', 'nul', '{"idempotencyKey":}', '\u0000'),
  fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map((v) => JSON.stringify(v)),
  fc.record({ idempotencyKey: nasty, decision: nasty, referenceId: badValue, expectedCost: badValue, rateLimitSharePercent: badValue, selection: badValue }, { requiredKeys: ['idempotencyKey', 'rateLimitSharePercent'] }).map((v) => JSON.stringify(v)),
);

async function fingerprint(database: Parameters<typeof startApiHarness>[0]): Promise<string> {
  const tables = ['tenants', 'credit_ledger', 'credit_accounts', 'enrichments', 'audit_writes', 'match_results', 'match_decisions', 'crm_snapshots', 'credentials'];
  const parts: string[] = [];
  for (const table of tables) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(database.db);
    parts.push(`${table}:${Number(row.rows[0]?.n)}`);
  }
  const settings = await database.db.selectFrom('tenants').select(['settings_json', 'updated_at']).orderBy('id').execute();
  parts.push(JSON.stringify(settings));
  return parts.join('|');
}

function fill(path: string, value: string): string {
  return path.replace(/:([A-Za-z]+)/g, () => encodeURIComponent(value));
}

describeEachDatabase('API fuzzing', (ctx) => {
  let h: ApiHarness;
  let apiKey: string;
  beforeAll(async () => {
    h = await startApiHarness(ctx.database);
    await installHubspotTenant(h);
    apiKey = (await connectSalesforceTenant(h)).apiKey;
  });
  afterAll(() => h.close());

  const routes = Object.entries(apiRoutes) as [string, RouteSpec][];
  const takesInput = (route: RouteSpec) => route.params !== undefined || route.body !== undefined;

  it.each(routes.filter(([, r]) => !takesInput(r)))('%s takes no input: garbage in the query string is ignored and changes nothing', async (_name, route) => {
    const before = await fingerprint(ctx.database);
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (key, value) => {
        const res = await request(h.composed.app)
          .get(`/api/v1${route.path}`)
          .query({ [key]: value })
          .set('X-Accord-Api-Key', apiKey)
          .set('X-Accord-User-Id', '005000000000001AAA')
          .set('X-Accord-Can-Approve', 'true');
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(errorReplySchema.safeParse(res.body).success).toBe(true);
      }),
      { numRuns: 20 },
    );
    expect(await fingerprint(ctx.database)).toBe(before);
  });

  it.each(routes.filter(([, r]) => takesInput(r)))('%s answers garbage with 4xx and a code, and changes nothing', async (_name, route) => {
    const before = await fingerprint(ctx.database);
    await fc.assert(
      // An empty parameter collapses the path onto another route (/batches/ is the list): not garbage for this one.
      fc.asyncProperty(nasty.filter((p) => p.length > 0), badBody, async (param, body) => {
        const path = `/api/v1${fill(route.path, param)}`;
        const agent = request(h.composed.app);
        const req = route.method === 'get' ? agent.get(path) : route.method === 'post' ? agent.post(path) : agent.put(path);
        req.set('X-Accord-Api-Key', apiKey).set('X-Accord-User-Id', '005000000000001AAA').set('X-Accord-Can-Approve', 'true');
        if (route.method !== 'get') req.set('content-type', 'application/json').send(body);
        const res = await req;
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(errorReplySchema.safeParse(res.body).success).toBe(true);
        expect(res.text).not.toMatch(/at .*\.(js|ts):\d+/);
      }),
      { numRuns: 40 },
    );
    expect(await fingerprint(ctx.database)).toBe(before);
  });
});
