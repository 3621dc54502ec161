/**
 * The sandbox HubSpot, driven by the real @hubspot/api-client over 127.0.0.1. Clients are built with
 * numberOfApiCallRetries: 0 so raw 429/5xx answers reach the test (platform/hubspot.md §6).
 */
import { Client } from '@hubspot/api-client';
import { acknowledgeDeleteProbes, deleteAttempts } from '../../src/adapters/crm/sandbox/delete-attempts';
import {
  startHubspotSandbox,
  type HubspotSandbox,
  type HubspotSandboxOptions,
  type SeedRecord,
} from '../../src/adapters/crm/sandbox/hubspot';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');

interface ApiError {
  code: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

let sandbox: HubspotSandbox | undefined;
let now = T0;

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: Omit<HubspotSandboxOptions, 'clock'> = {}): Promise<HubspotSandbox> {
  now = T0;
  sandbox = await startHubspotSandbox({ ...options, clock: () => now });
  return sandbox;
}

function clientFor(sb: HubspotSandbox, accessToken = sb.issueToken().accessToken): Client {
  return new Client({ accessToken, basePath: sb.url, numberOfApiCallRetries: 0 });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

function companies(count: number, extra: (i: number) => Record<string, string> = () => ({})): SeedRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    properties: { name: `Company ${i}`, domain: `company-${i}.example`, ...extra(i) },
  }));
}

describe('sandbox HubSpot', () => {
  it('pages through 10,500 companies with basicApi.getPage, serving every id exactly once', async () => {
    const sb = await start();
    sb.seed('companies', companies(10_500));
    const client = clientFor(sb);
    const seen = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await client.crm.companies.basicApi.getPage(100, after, ['name', 'industry']);
      for (const record of page.results) {
        expect(seen.has(record.id)).toBe(false);
        seen.add(record.id);
      }
      expect(page.results[0]?.properties).toHaveProperty('industry', null);
      after = page.paging?.next?.after;
      pages += 1;
      now += 100; // 105 pages within the 110 / 10 s window still pass; keep the window rolling anyway
    } while (after !== undefined);
    expect(seen.size).toBe(10_500);
    expect(pages).toBe(105);
    expect(new Set(sb.all('companies').map((r) => r.id))).toEqual(seen);
  });

  it('searches by hs_lastmodifieddate GTE, pages with after, and answers 400 past the 10,000-result cap', async () => {
    const sb = await start();
    sb.seed('companies', companies(10_500));
    const client = clientFor(sb);
    now += 60_000;
    const since = now;
    const changedIds = sb.all('companies').slice(0, 3).map((r) => r.id);
    await client.crm.companies.batchApi.update({
      inputs: changedIds.map((id) => ({ id, properties: { city: 'Lyon' } })),
    });

    const recent = await client.crm.companies.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE' as never, value: String(since) }] }],
      limit: 200,
    });
    expect(recent.total).toBe(3);
    expect(recent.results.map((r) => r.id).sort()).toEqual([...changedIds].sort());

    const seen = new Set<string>();
    let after: string | undefined;
    for (;;) {
      now += 250; // search has its own limit of 5 requests per second
      const page = await client.crm.companies.searchApi.doSearch({
        filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE' as never, value: String(T0) }] }],
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' } as never],
        limit: 200,
        after,
      });
      expect(page.total).toBe(10_500);
      page.results.forEach((r) => seen.add(r.id));
      after = page.paging?.next?.after;
      if (after === '10000') break;
      expect(after).toBeDefined();
    }
    expect(seen.size).toBe(10_000);
    now += 250;
    const capped = await failure(
      client.crm.companies.searchApi.doSearch({ filterGroups: [], limit: 200, after: '10000' }),
    );
    expect(capped.code).toBe(400);
    expect(capped.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('limits search to 5 requests per second with HubSpot\'s secondly 429 body and no rate-limit headers', async () => {
    const sb = await start();
    const client = clientFor(sb);
    for (let i = 0; i < 5; i += 1) await client.crm.contacts.searchApi.doSearch({ limit: 1 });
    const refused = await failure(client.crm.contacts.searchApi.doSearch({ limit: 1 }));
    expect(refused.code).toBe(429);
    expect(refused.body).toMatchObject({ message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT' });
    expect(refused.headers['x-hubspot-ratelimit-max']).toBeUndefined();
    now += 1_000;
    await expect(client.crm.contacts.searchApi.doSearch({ limit: 1 })).resolves.toMatchObject({ total: 0 });
  });

  it('counts automation events only for values that really change and leaves no-op records untouched', async () => {
    const sb = await start();
    const seeded = sb.seed('companies', companies(100, () => ({ city: 'Paris', industry: 'RETAIL' })));
    const client = clientFor(sb);
    now += 5_000;
    const result = await client.crm.companies.batchApi.update({
      inputs: seeded.map((r, i) => ({
        id: r.id,
        // every input re-sends the same name and industry; only the even ones change the city
        properties: { name: `Company ${i}`, industry: 'RETAIL', city: i % 2 === 0 ? 'Berlin' : 'Paris' },
      })),
    });
    expect(result.results).toHaveLength(100);
    expect(sb.automationEvents).toBe(50);
    const changed = sb.get('companies', seeded[0]?.id ?? '');
    const untouched = sb.get('companies', seeded[1]?.id ?? '');
    expect(changed?.properties.hs_lastmodifieddate).toBe(new Date(now).toISOString());
    expect(untouched?.properties.hs_lastmodifieddate).toBe(new Date(T0).toISOString());
    expect(untouched?.updatedAt).toBe(new Date(T0).toISOString());
  });

  it('refuses a batch of 101 inputs with 400 and HubSpot\'s validation error body, changing nothing', async () => {
    const sb = await start();
    const seeded = sb.seed('companies', companies(101));
    const client = clientFor(sb);
    const refused = await failure(
      client.crm.companies.batchApi.update({ inputs: seeded.map((r) => ({ id: r.id, properties: { city: 'Oslo' } })) }),
    );
    expect(refused.code).toBe(400);
    expect(refused.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(typeof refused.body.correlationId).toBe('string');
    expect(sb.automationEvents).toBe(0);
  });

  it('answers 207 Multi-Status with per-record errors for injected failIds and applies the rest', async () => {
    const sb = await start();
    const seeded = sb.seed('companies', companies(4));
    const ids = seeded.map((r) => r.id);
    sb.injectFaults({ failIds: [ids[1] ?? '', ids[3] ?? ''] });
    const client = clientFor(sb);
    const info = await client.crm.companies.batchApi.updateWithHttpInfo({
      inputs: ids.map((id) => ({ id, properties: { phone: '+33 1 23 45 67 89' } })),
    });
    expect(info.httpStatusCode).toBe(207);
    const body = info.data as { numErrors?: number; errors?: { category: string; context: Record<string, string[]> }[] };
    expect(info.data.results.map((r) => r.id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(body.numErrors).toBe(2);
    expect(body.errors?.[0]?.category).toBe('OBJECT_NOT_FOUND');
    expect(body.errors?.[0]?.context.ids).toEqual([ids[1], ids[3]]);
    expect(sb.get('companies', ids[1] ?? '')?.properties.phone).toBeUndefined();
    expect(sb.automationEvents).toBe(2);
  });

  it('answers 429 with the TEN_SECONDLY_ROLLING body and real headers once the window is spent, then recovers', async () => {
    const sb = await start({ rateLimit: { max: 3, windowMs: 10_000 } });
    const [company] = sb.seed('companies', companies(1));
    const client = clientFor(sb);
    for (let i = 0; i < 3; i += 1) {
      const ok = await client.crm.companies.basicApi.getByIdWithHttpInfo(company?.id ?? '');
      expect(ok.headers['x-hubspot-ratelimit-remaining']).toBe(String(2 - i));
      now += 1_000;
    }
    const refused = await failure(client.crm.companies.basicApi.getById(company?.id ?? ''));
    expect(refused.code).toBe(429);
    expect(refused.body).toMatchObject({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    expect(refused.headers['x-hubspot-ratelimit-max']).toBe('3');
    expect(refused.headers['x-hubspot-ratelimit-remaining']).toBe('0');
    expect(refused.headers['x-hubspot-ratelimit-interval-milliseconds']).toBe('10000');
    now += 7_001; // the first hit leaves the rolling window
    await expect(client.crm.companies.basicApi.getById(company?.id ?? '')).resolves.toMatchObject({ id: company?.id });
  });

  it('injects 429 and 5xx answers for the next N requests', async () => {
    const sb = await start();
    const [company] = sb.seed('companies', companies(1));
    const client = clientFor(sb);
    sb.injectFaults({ status429: 1, status5xx: 1 });
    expect((await failure(client.crm.companies.basicApi.getById(company?.id ?? ''))).code).toBe(429);
    expect((await failure(client.crm.companies.basicApi.getById(company?.id ?? ''))).code).toBe(500);
    await expect(client.crm.companies.basicApi.getById(company?.id ?? '')).resolves.toMatchObject({ id: company?.id });
    sb.injectFaults({ delayMs: 60 });
    const started = performance.now();
    await client.crm.companies.basicApi.getById(company?.id ?? '');
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(sb.requests.at(-1)?.durationMs).toBeGreaterThanOrEqual(55);
    expect(sb.requests.map((r) => r.status)).toEqual([429, 500, 200, 200]);
  });

  it('answers 401 once the access token expires and accepts the token from oauth.tokensApi.create refresh', async () => {
    const sb = await start();
    const [company] = sb.seed('companies', companies(1));
    const issued = sb.issueToken();
    expect(issued.expiresIn).toBe(1800);
    const client = clientFor(sb, issued.accessToken);
    await expect(client.crm.companies.basicApi.getById(company?.id ?? '')).resolves.toBeDefined();
    now += 1_801_000;
    const expired = await failure(client.crm.companies.basicApi.getById(company?.id ?? ''));
    expect(expired.code).toBe(401);
    expect(expired.body).toMatchObject({ status: 'error', category: 'EXPIRED_AUTHENTICATION' });

    const oauth = new Client({ basePath: sb.url, numberOfApiCallRetries: 0 });
    const refreshed = await oauth.oauth.tokensApi.create('refresh_token', undefined, undefined, 'client-id', 'secret', issued.refreshToken);
    expect(refreshed).toMatchObject({ refreshToken: issued.refreshToken, expiresIn: 1800, tokenType: 'bearer' });
    await expect(clientFor(sb, refreshed.accessToken).crm.companies.basicApi.getById(company?.id ?? '')).resolves.toBeDefined();

    const code = sb.issueAuthorizationCode();
    const granted = await oauth.oauth.tokensApi.create('authorization_code', code, 'http://localhost:3000', 'client-id', 'secret');
    expect(granted.accessToken).toMatch(/^sandbox-access-/);
    const reused = await failure(oauth.oauth.tokensApi.create('authorization_code', code, 'http://localhost:3000', 'client-id', 'secret'));
    expect(reused.code).toBe(400);
    expect((await failure(clientFor(sb, 'not-a-token').crm.companies.basicApi.getById('1'))).code).toBe(401);
  });

  it('refuses DELETE and batch/archive with 405 and records them', async () => {
    const sb = await start();
    const [company] = sb.seed('companies', companies(1));
    const client = clientFor(sb);
    expect((await failure(client.crm.companies.basicApi.archive(company?.id ?? ''))).code).toBe(405);
    expect((await failure(client.crm.companies.batchApi.archive({ inputs: [{ id: company?.id ?? '' }] }))).code).toBe(405);
    expect(sb.requests.filter((r) => r.method === 'DELETE')).toEqual([
      expect.objectContaining({ path: `/crm/v3/objects/companies/${company?.id}`, status: 405 }),
    ]);
    expect(sb.requests.map((r) => r.status)).toEqual([405, 405]);
    expect(sb.get('companies', company?.id ?? '')).toBeDefined();
    expect(deleteAttempts().filter((a) => a.crm === 'hubspot').map((a) => a.method)).toEqual(['DELETE', 'POST']);
    // These two were deliberate probes; the suite-wide scan (test/helpers/no-crm-deletes.ts) must not count them.
    expect(acknowledgeDeleteProbes('hubspot')).toBe(2);
  });

  it('creates Accord\'s property group and properties, then validates values against their types', async () => {
    const sb = await start();
    const [company] = sb.seed('companies', companies(1));
    const client = clientFor(sb);
    await client.crm.properties.groupsApi.create('companies', { name: 'accord', label: 'Accord', displayOrder: 0 });
    await client.crm.properties.coreApi.create('companies', {
      name: 'accord_match_confidence', label: 'Accord match confidence', type: 'number' as never,
      fieldType: 'number' as never, groupName: 'accord',
    });
    const all = await client.crm.properties.coreApi.getAll('companies');
    const names = all.results.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['industry', 'numberofemployees', 'accord_match_confidence']));
    expect(all.results.find((p) => p.name === 'industry')?.options.length).toBeGreaterThan(0);

    const id = company?.id ?? '';
    await client.crm.companies.basicApi.update(id, { properties: { accord_match_confidence: '0.93' } });
    expect(sb.get('companies', id)?.properties.accord_match_confidence).toBe('0.93');
    const invalid: Record<string, string>[] = [{ accord_match_confidence: 'high' }, { industry: 'NOT_AN_INDUSTRY' }, { no_such_prop: 'x' }];
    for (const properties of invalid) {
      const refused = await failure(client.crm.companies.basicApi.update(id, { properties }));
      expect(refused.code).toBe(400);
      expect(refused.body).toMatchObject({ category: 'VALIDATION_ERROR' });
    }
    const duplicate = await failure(client.crm.properties.groupsApi.create('companies', { name: 'accord', label: 'Again' }));
    expect(duplicate.code).toBe(409);
  });

  it('upserts contacts by email, reporting which were new, and reads them back in a batch', async () => {
    const sb = await start();
    const [existing] = sb.seed('contacts', [{ properties: { email: 'ada@example.com', firstname: 'Ada' } }]);
    const client = clientFor(sb);
    const upserted = await client.crm.contacts.batchApi.upsert({
      inputs: [
        { id: 'ada@example.com', idProperty: 'email', properties: { jobtitle: 'CTO' } },
        { id: 'grace@example.com', idProperty: 'email', properties: { firstname: 'Grace' } },
      ],
    });
    const byEmail = new Map(upserted.results.map((r) => [r.id === existing?.id ? 'ada' : 'grace', r]));
    expect(byEmail.get('ada')?._new).toBe(false);
    expect(byEmail.get('grace')?._new).toBe(true);
    expect(sb.automationEvents).toBe(3); // jobtitle on Ada; firstname + email on Grace

    const read = await client.crm.contacts.batchApi.read({
      inputs: [{ id: 'grace@example.com' }, { id: 'nobody@example.com' }],
      idProperty: 'email',
      properties: ['firstname', 'email'],
      propertiesWithHistory: [],
    });
    expect(read.results.map((r) => r.properties.firstname)).toEqual(['Grace']);
    expect((read as { numErrors?: number }).numErrors).toBe(1);

    const created = await client.crm.contacts.batchApi.createWithHttpInfo({
      inputs: [{ properties: { email: 'linus@example.com' }, associations: [] }],
    });
    expect(created.httpStatusCode).toBe(201);
    expect(created.data.results[0]?.properties).toMatchObject({ email: 'linus@example.com', hs_object_id: created.data.results[0]?.id });
    expect(created.data.results[0]?.createdAt).toBeInstanceOf(Date);
  });
});
