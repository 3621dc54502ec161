/**
 * The HubSpot CrmClient against the sandbox HubSpot over 127.0.0.1, through the real @hubspot/api-client.
 */
import http from 'node:http';
import { createHubspotClient } from '../../src/adapters/crm/hubspot/hubspot.client';
import { CrmError } from '../../src/adapters/crm/crm-error';
import type { CrmClient } from '../../src/adapters/crm/crm-client';
import { startHubspotSandbox, type HubspotSandbox, type SeedRecord } from '../../src/adapters/crm/sandbox/hubspot';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

let sandbox: HubspotSandbox | undefined;
let now = T0;

afterEach(async () => {
  const sb = sandbox;
  sandbox = undefined;
  await sb?.close();
  // Accord never deletes: no test may have sent one.
  expect(sb?.requests.filter((r) => r.method === 'DELETE') ?? []).toEqual([]);
});

async function start(): Promise<{ sb: HubspotSandbox; crm: CrmClient }> {
  now = T0;
  const sb = await startHubspotSandbox({ clock: () => now });
  sandbox = sb;
  const crm = createHubspotClient({ accessToken: sb.issueToken().accessToken, basePath: sb.url, portalId: String(sb.portalId) });
  return { sb, crm };
}

function companies(count: number, extra: (i: number) => Record<string, string> = () => ({})): SeedRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    properties: { name: `Company ${i}`, domain: `company-${i}.example`, ...extra(i) },
  }));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('HubSpot CrmClient', () => {
  it.each([
    ['distinct timestamps', (i: number) => T0 + i * 1_000],
    ['timestamps shared by 7 records, so ties straddle the restart', (i: number) => T0 + Math.floor(i / 7) * 1_000],
    ['one timestamp for every record', () => T0],
  ])('lists 10,500 changed companies through the 10,000-result search cap with none missing (%s)', async (_name, stampOf) => {
    const { sb, crm } = await start();
    sb.seed('companies', companies(10_500, (i) => ({ hs_lastmodifieddate: iso(stampOf(i)) })));
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    let previous = '';
    do {
      now += 250; // the search API allows 5 requests per second
      const page = await crm.listChangedSince('companies', { since: null, fields: ['name'], cursor, pageSize: 200 });
      for (const record of page.records) {
        seen.add(record.id);
        expect(record.values).toEqual({ name: expect.stringMatching(/^Company \d+$/) });
      }
      const first = page.records[0]?.lastModified ?? previous;
      expect(first >= previous).toBe(true); // oldest first, even across restarts
      previous = page.records.at(-1)?.lastModified ?? previous;
      cursor = page.cursor;
      pages += 1;
      expect(pages).toBeLessThan(200);
    } while (cursor !== null);
    expect(seen).toEqual(new Set(sb.all('companies').map((r) => r.id)));
    expect(seen.size).toBe(10_500);
    const searches = sb.requests.filter((r) => r.path.endsWith('/search'));
    expect(searches.every((r) => r.status === 200)).toBe(true);
    expect(searches.length).toBe(pages);
  }, 60_000); // the one-timestamp case walks ~106 search pages over 10,500 records

  it('returns only records changed at or after `since` in an incremental pull', async () => {
    const { sb, crm } = await start();
    const seeded = sb.seed('companies', companies(50));
    now += 60_000;
    const since = iso(now);
    const changed = [seeded[7]?.id ?? '', seeded[30]?.id ?? ''];
    await crm.updateBatch('companies', changed.map((id) => ({ id, values: { city: 'Lyon' } })));
    now += 1_000;
    const page = await crm.listChangedSince('companies', { since, fields: ['city', 'name'] });
    expect(page.cursor).toBeNull();
    expect(page.records.map((r) => r.id).sort()).toEqual([...changed].sort());
    expect(page.records[0]).toMatchObject({ values: { city: 'Lyon', name: expect.any(String) }, lastModified: since });
    const later = await crm.listChangedSince('companies', { since: iso(now), fields: ['city'] });
    expect(later).toEqual({ records: [], cursor: null });
  });

  it('reads 250 existing ids (plus one unknown) in three batch calls, leaving out the unknown', async () => {
    const { sb, crm } = await start();
    const ids = sb.seed('companies', companies(250, () => ({ city: 'Paris' }))).map((r) => r.id);
    const records = await crm.readByIds('companies', { ids: [...ids, '99999999'], fields: ['name', 'city', 'industry'] });
    expect(records.map((r) => r.id)).toEqual(ids);
    expect(records[0]).toEqual({ id: ids[0], values: { name: 'Company 0', city: 'Paris', industry: null }, lastModified: iso(T0) });
    expect(sb.requests.filter((r) => r.path === '/crm/v3/objects/companies/batch/read')).toHaveLength(3);
  });

  it('writes null as a cleared property and numbers as strings, and a no-op value causes no automation event', async () => {
    const { sb, crm } = await start();
    const ids = sb.seed('companies', companies(3, () => ({ city: 'Paris', industry: 'RETAIL' }))).map((r) => r.id);
    now += 5_000;
    const results = await crm.updateBatch('companies', [
      { id: ids[0] ?? '', values: { city: 'Paris', industry: 'RETAIL' } },
      { id: ids[1] ?? '', values: { city: 'Berlin' } },
      { id: ids[2] ?? '', values: { city: null, numberofemployees: 42 } },
    ]);
    expect(results).toEqual(ids.map((id, index) => ({ index, ok: true, id })));
    expect(sb.automationEvents).toBe(3);
    expect(sb.get('companies', ids[0] ?? '')?.updatedAt).toBe(iso(T0));
    expect(sb.get('companies', ids[1] ?? '')?.properties.city).toBe('Berlin');
    expect(sb.get('companies', ids[2] ?? '')?.properties).toMatchObject({ city: null, numberofemployees: '42' });
  });

  it('maps a 207 partial failure to per-record results in input order', async () => {
    const { sb, crm } = await start();
    const ids = sb.seed('companies', companies(4)).map((r) => r.id);
    sb.injectFaults({ failIds: [ids[1] ?? '', ids[3] ?? ''] });
    const order = [ids[3], ids[0], ids[1], ids[2]].map((id) => id ?? '');
    const results = await crm.updateBatch('companies', order.map((id) => ({ id, values: { phone: '+33 1 23 45 67 89' } })));
    expect(results).toEqual([
      { index: 0, ok: false, retryable: false, code: 'OBJECT_NOT_FOUND', message: expect.any(String) },
      { index: 1, ok: true, id: ids[0] },
      { index: 2, ok: false, retryable: false, code: 'OBJECT_NOT_FOUND', message: expect.any(String) },
      { index: 3, ok: true, id: ids[2] },
    ]);
    expect(sb.get('companies', ids[2] ?? '')?.properties.phone).toBe('+33 1 23 45 67 89');
    expect(sb.get('companies', ids[1] ?? '')?.properties.phone).toBeUndefined();
  });

  it('throws a 429 as CrmError with the policy name and the rate window, without retrying in the SDK', async () => {
    const { sb, crm } = await start();
    const ids = sb.seed('companies', companies(1)).map((r) => r.id);
    sb.injectFaults({ status429: 1 });
    const error = await rejection(crm.readByIds('companies', { ids, fields: ['name'] }));
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ provider: 'hubspot', status: 429, code: 'TEN_SECONDLY_ROLLING', retryAfterMs: 10_000 });
    expect(sb.requests).toHaveLength(1);
  });

  it('throws a 5xx as CrmError 500 and a refused connection as CrmError 0 with the Node error code (refused, or reset on a kept-alive socket)', async () => {
    const { sb, crm } = await start();
    sb.injectFaults({ status5xx: 1 });
    const error = await rejection(crm.describeFields('companies'));
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ provider: 'hubspot', status: 500, code: 'INTERNAL_ERROR' });
    expect(sb.requests).toHaveLength(1);
    sandbox = undefined;
    await sb.close();
    const offline = await rejection(crm.describeFields('companies'));
    expect(offline).toMatchObject({ name: 'CrmError', provider: 'hubspot', status: 0, code: expect.stringMatching(/^ECONN(REFUSED|RESET)$/) });
  });

  it('keeps the HTTP status of a bare 502 that has no Content-Type', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(502);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const crm = createHubspotClient({ accessToken: 'token', basePath: `http://127.0.0.1:${port}` });
      const error = await rejection(crm.readByIds('companies', { ids: ['1'], fields: [] }));
      expect(error).toBeInstanceOf(CrmError);
      expect(error).toMatchObject({ provider: 'hubspot', status: 502 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('creates companies and returns their new ids in input order, refusing more than 100 inputs', async () => {
    const { sb, crm } = await start();
    const results = await crm.createBatch('companies', [
      { values: { name: 'Acme', domain: 'acme.example', numberofemployees: 12 } },
      { values: { name: 'Globex', domain: 'globex.example', city: null } },
    ]);
    expect(results).toEqual([
      { index: 0, ok: true, id: expect.stringMatching(/^\d+$/) },
      { index: 1, ok: true, id: expect.stringMatching(/^\d+$/) },
    ]);
    const [acme, globex] = results.map((r) => (r.ok ? sb.get('companies', r.id) : undefined));
    expect(acme?.properties).toMatchObject({ name: 'Acme', numberofemployees: '12' });
    expect(globex?.properties).toMatchObject({ name: 'Globex', domain: 'globex.example' });
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ values: { name: `C${i}` } }));
    await expect(crm.createBatch('companies', tooMany)).rejects.toThrow(/at most 100/);
    await expect(crm.updateBatch('companies', tooMany.map((v, i) => ({ id: String(i), values: v.values })))).rejects.toThrow(/at most 100/);
    expect(sb.requests).toHaveLength(1);
  });

  it('creates contacts at their company and finds people by email or company', async () => {
    const { sb, crm } = await start();
    const [acme, globex] = sb.seed('companies', [{ properties: { name: 'Acme' } }, { properties: { name: 'Globex' } }]);
    const results = await crm.createBatch('contacts', [
      { values: { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@acme.example' }, companyRecordId: acme!.id },
      { values: { firstname: 'Grace', lastname: 'Hopper', email: 'grace@globex.example' }, companyRecordId: globex!.id },
      { values: { firstname: 'Alan', lastname: 'Turing', email: 'alan@elsewhere.example' } },
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const [ada, grace, alan] = results.map((r) => (r.ok ? r.id : ''));
    expect(sb.get('contacts', ada!)?.properties.associatedcompanyid).toBe(acme!.id);

    const found = await crm.findPeople('contacts', { emails: ['ALAN@elsewhere.example'], companyRecordIds: [acme!.id], fields: ['email', 'lastname'] });
    const byId = new Map(found.map((p) => [p.id, p]));
    expect([...byId.keys()].sort()).toEqual([ada!, alan!].sort());
    expect(byId.get(ada!)).toMatchObject({ companyRecordId: acme!.id, values: { email: 'ada@acme.example', lastname: 'Lovelace' } });
    expect(byId.get(alan!)).toMatchObject({ companyRecordId: null });
    expect(byId.has(grace!)).toBe(false);
    expect(await crm.findPeople('contacts', { emails: [], companyRecordIds: [], fields: ['email'] })).toEqual([]);
  });

  it('describes fields with types, writability and enumeration options', async () => {
    const { crm } = await start();
    const fields = new Map((await crm.describeFields('companies')).map((f) => [f.name, f]));
    expect(fields.get('industry')).toMatchObject({ type: 'enumeration', writable: true, options: expect.arrayContaining(['RETAIL']) });
    expect(fields.get('numberofemployees')).toMatchObject({ type: 'number', writable: true });
    expect(fields.get('hs_lastmodifieddate')).toMatchObject({ type: 'datetime', writable: false });
    expect(fields.get('hs_object_id')?.writable).toBe(false);
    expect(fields.get('name')).toMatchObject({ type: 'string', writable: true });
    expect(fields.get('name')?.options).toBeUndefined();
  });

  it('asks a token function before each request and refuses objects HubSpot does not have', async () => {
    const { sb } = await start();
    sb.seed('contacts', [{ properties: { email: 'ada@example.com', firstname: 'Ada' } }]);
    const tokens = [sb.issueToken().accessToken, sb.issueToken().accessToken];
    let calls = 0;
    const crm = createHubspotClient({ accessToken: async () => tokens[calls++ % 2] ?? '', basePath: sb.url });
    const first = await crm.listChangedSince('contacts', { since: null, fields: ['email'] });
    const second = await crm.listChangedSince('contacts', { since: null, fields: ['firstname'] });
    expect(first.records.map((r) => r.values)).toEqual([{ email: 'ada@example.com' }]);
    expect(second.records.map((r) => r.values)).toEqual([{ firstname: 'Ada' }]);
    expect(calls).toBe(2);
    await expect(crm.readByIds('Account', { ids: ['1'], fields: [] })).rejects.toThrow(/companies or contacts/);
    await expect(crm.listChangedSince('companies', { since: null, fields: [], cursor: 'bm9wZQ' })).rejects.toThrow(/cursor/);
  });
});
