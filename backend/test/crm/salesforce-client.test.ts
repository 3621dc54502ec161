/**
 * The Salesforce CrmClient (real jsforce 3 over HTTP) against the in-memory sandbox org: paging, incremental
 * pulls, collection reads and writes, per-record failures, token refresh, the daily allocation and describe.
 * After every test, the sandbox's request log must hold no DELETE.
 */
import type { CrmRawRecord, CrmClient } from '../../src/adapters/crm/crm-client';
import { CrmError } from '../../src/adapters/crm/crm-error';
import { createSalesforceClient } from '../../src/adapters/crm/salesforce/salesforce.client';
import { startSalesforceSandbox, type SalesforceSandbox } from '../../src/adapters/crm/sandbox/salesforce';
import { makeSalesforceId } from '../../src/adapters/crm/sandbox/salesforce/record-ids';

interface Harness {
  sandbox: SalesforceSandbox;
  client: CrmClient;
  refreshed: string[];
}

const open: SalesforceSandbox[] = [];

async function connect(): Promise<Harness> {
  const sandbox = await startSalesforceSandbox();
  open.push(sandbox);
  const { accessToken, refreshToken } = sandbox.issueTokens();
  const refreshed: string[] = [];
  const client = createSalesforceClient({
    instanceUrl: sandbox.url,
    loginUrl: sandbox.url,
    accessToken,
    refreshToken,
    clientId: 'accord-test-client',
    clientSecret: 'accord-test-secret',
    version: '62.0',
    onRefresh: (token) => void refreshed.push(token),
  });
  return { sandbox, client, refreshed };
}

function accounts(n: number, extra: (i: number) => Record<string, unknown> = () => ({})): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({ Name: `Account ${i}`, Industry: 'Retail', Website: `https://a${i}.example`, ...extra(i) }));
}

async function listAll(client: CrmClient, input: { since: string | null; fields: string[] }): Promise<{ records: CrmRawRecord[]; pages: number }> {
  const records: CrmRawRecord[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await client.listChangedSince('Account', { ...input, cursor });
    records.push(...page.records);
    cursor = page.cursor;
    pages += 1;
  } while (cursor !== null);
  return { records, pages };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to be rejected');
}

afterEach(async () => {
  const sandboxes = open.splice(0);
  const deletes = sandboxes.flatMap((s) => s.requests.filter((r) => r.method === 'DELETE'));
  await Promise.all(sandboxes.map((s) => s.close()));
  expect(deletes).toEqual([]);
});

describe('Salesforce CrmClient: listChangedSince', () => {
  it('lists 10,500 Accounts through queryMore pages with none missing, oldest first', async () => {
    const { sandbox, client } = await connect();
    const base = Date.parse('2026-01-01T00:00:00Z');
    const seeded = sandbox.seed('Account', accounts(10_500, (i) => ({ LastModifiedDate: new Date(base + (10_500 - i) * 1000).toISOString() })));

    const { records, pages } = await listAll(client, { since: null, fields: ['Name', 'Industry'] });

    expect(pages).toBe(6);
    expect(records).toHaveLength(10_500);
    expect(new Set(records.map((r) => r.id))).toEqual(new Set(seeded));
    const times = records.map((r) => r.lastModified);
    expect(times).toEqual([...times].sort());
    expect(records[0]).toEqual({ id: seeded[10_499], values: { Name: 'Account 10499', Industry: 'Retail' }, lastModified: '2026-01-01T00:00:01.000Z' });
    const queryMores = sandbox.requests.filter((r) => /\/query\/01g/.test(r.path));
    expect(queryMores).toHaveLength(5);
  });

  it('pulls only records modified at or after `since`', async () => {
    const { sandbox, client } = await connect();
    sandbox.seed('Account', accounts(3, () => ({ LastModifiedDate: '2026-11-27T09:59:59.000+0000' })));
    const atSince = sandbox.seed('Account', accounts(2, () => ({ LastModifiedDate: '2026-11-27T10:00:00.000+0000' })));
    const after = sandbox.seed('Account', accounts(4, () => ({ LastModifiedDate: '2026-11-28T08:30:00.000+0000' })));

    const { records } = await listAll(client, { since: '2026-11-27T10:00:00.000Z', fields: ['Website'] });

    expect(records.map((r) => r.id).sort()).toEqual([...atSince, ...after].sort());
    expect(records.map((r) => r.lastModified)).toEqual([...Array(2).fill('2026-11-27T10:00:00.000Z'), ...Array(4).fill('2026-11-28T08:30:00.000Z')]);
    const query = sandbox.requests.find((r) => r.path.endsWith('/query'));
    expect(query?.query.q).toBe('SELECT Id, LastModifiedDate, Website FROM Account WHERE LastModifiedDate >= 2026-11-27T10:00:00Z ORDER BY LastModifiedDate, Id');
  });

  it('asks for the page size through Sforce-Query-Options', async () => {
    const { sandbox, client } = await connect();
    sandbox.seed('Account', accounts(450));
    const first = await client.listChangedSince('Account', { since: null, fields: ['Name'], pageSize: 200 });
    expect(first.records).toHaveLength(200);
    expect(first.cursor).not.toBeNull();
  });

  it('refuses field names that are not API names before sending anything', async () => {
    const { sandbox, client } = await connect();
    await expect(client.listChangedSince('Account', { since: null, fields: ['Name FROM User --'] })).rejects.toThrow(/field API names/);
    await expect(client.readByIds('Account', { ids: ['001'], fields: ["Name'"] })).rejects.toThrow(/field API names/);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('rejects objects Salesforce does not have', async () => {
    const { client } = await connect();
    await expect(client.describeFields('companies')).rejects.toThrow(/no object companies/);
  });
});

describe('Salesforce CrmClient: readByIds', () => {
  it('reads 450 ids in 3 collection calls and leaves out records that do not exist', async () => {
    const { sandbox, client } = await connect();
    const seeded = sandbox.seed('Account', accounts(448, (i) => ({ NumberOfEmployees: i })));
    const contact = sandbox.seed('Contact', [{ LastName: 'Not an account' }]);
    const missing = makeSalesforceId('Account', 99_999);
    const ids = [...seeded, missing, ...contact];

    const records = await client.readByIds('Account', { ids, fields: ['Name', 'NumberOfEmployees'] });

    expect(records.map((r) => r.id)).toEqual(seeded);
    expect(records[7]?.values).toEqual({ Name: 'Account 7', NumberOfEmployees: '7' });
    expect(records[7]?.lastModified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const calls = sandbox.requests.filter((r) => r.path.endsWith('/composite/sobjects/Account'));
    expect(calls.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
  });
});

describe('Salesforce CrmClient: writes', () => {
  it('updates 200 Accounts in one call; automation only counts the real changes', async () => {
    const { sandbox, client } = await connect();
    const ids = sandbox.seed('Account', accounts(200));
    const before = sandbox.automationEvents;

    const results = await client.updateBatch(
      'Account',
      ids.map((id, i) => ({ id, values: { Industry: i < 5 ? 'Banking' : 'Retail' } })),
    );

    expect(results).toEqual(ids.map((id, index) => ({ index, ok: true, id })));
    expect(sandbox.automationEvents - before).toBe(5);
    expect(sandbox.get('Account', ids[0] ?? '')?.Industry).toBe('Banking');
    expect(sandbox.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('maps per-record failures to results in input order', async () => {
    const { sandbox, client } = await connect();
    const ids = sandbox.seed('Account', accounts(6));
    sandbox.injectFaults({ failIds: [ids[1] ?? '', ids[4] ?? ''] });

    const results = await client.updateBatch('Account', [
      ...ids.map((id) => ({ id, values: { Website: 'https://new.example' } })),
      { id: ids[0] ?? '', values: { Email__bogus: 'x' } },
    ]);

    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      'ok', 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'ok', 'ok', 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'ok', 'INVALID_FIELD',
    ]);
    expect(results[1]).toEqual({ index: 1, ok: false, retryable: false, code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: expect.stringContaining('validation rule') });
    expect(sandbox.get('Account', ids[1] ?? '')?.Website).toBe('https://a1.example');
    expect(sandbox.get('Account', ids[2] ?? '')?.Website).toBe('https://new.example');
  });

  it('refuses more than 200 records per call without sending anything', async () => {
    const { sandbox, client } = await connect();
    await expect(client.createBatch('Account', accounts(201).map((values) => ({ values: values as Record<string, string> })))).rejects.toThrow(/at most 200/);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('creates records and returns their new ids, failures in place', async () => {
    const { sandbox, client } = await connect();

    const results = await client.createBatch('Contact', [
      { values: { LastName: 'Lovelace', Email: 'ada@example.com' } },
      { values: { FirstName: 'No last name' } },
      { values: { LastName: 'Hopper', Email: 'not-an-email' } },
      { values: { LastName: 'Turing' } },
    ]);

    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'REQUIRED_FIELD_MISSING', 'INVALID_EMAIL_ADDRESS', 'ok']);
    const created = results.flatMap((r) => (r.ok ? [r.id] : []));
    expect(created).toHaveLength(2);
    created.forEach((id) => expect(id).toMatch(/^003[A-Za-z0-9]{15}$/));
    expect(sandbox.get('Contact', created[0] ?? '')?.Email).toBe('ada@example.com');
  });

  it('creates Contacts under their Account and finds people by email or account, quoting every value', async () => {
    const { sandbox, client } = await connect();
    const [acme, globex] = sandbox.seed('Account', [{ Name: 'Acme' }, { Name: 'Globex' }]);
    const results = await client.createBatch('Contact', [
      { values: { FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@acme.example' }, companyRecordId: acme },
      { values: { FirstName: 'Grace', LastName: 'Hopper', Email: 'grace@globex.example' }, companyRecordId: globex },
      { values: { FirstName: 'Pat', LastName: "O'Brien", Email: "pat.o'brien@elsewhere.example" } },
      { values: { LastName: 'Nobody' }, companyRecordId: '001000000000000AAA' },
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'ok', 'ok', 'INVALID_CROSS_REFERENCE_KEY']);
    const [ada, grace, pat] = results.map((r) => (r.ok ? r.id : ''));

    const found = await client.findPeople('Contact', { emails: ["PAT.O'BRIEN@elsewhere.example"], companyRecordIds: [acme!], fields: ['Email', 'LastName'] });
    const byId = new Map(found.map((p) => [p.id, p]));
    expect([...byId.keys()].sort()).toEqual([ada!, pat!].sort());
    expect(byId.get(ada!)).toMatchObject({ companyRecordId: acme, values: { Email: 'ada@acme.example', LastName: 'Lovelace' } });
    expect(byId.get(pat!)).toMatchObject({ companyRecordId: null, values: { LastName: "O'Brien" } });
    expect(byId.has(grace!)).toBe(false);
    await expect(client.findPeople('Lead', { emails: ['x@y.example'], companyRecordIds: [], fields: [] })).rejects.toThrow(/Contacts/);
  });
});

describe('Salesforce CrmClient: session, limits and errors', () => {
  it('refreshes an expired access token transparently and reports the new token', async () => {
    const { sandbox, client, refreshed } = await connect();
    sandbox.seed('Account', accounts(3));
    sandbox.expireAccessTokens();

    const page = await client.listChangedSince('Account', { since: null, fields: ['Name'] });

    expect(page.records).toHaveLength(3);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).toMatch(/^00D/);
    expect(sandbox.requests.map((r) => `${r.status} ${r.method} ${r.path}`)).toEqual([
      '401 GET /services/data/v62.0/query',
      '200 POST /services/oauth2/token',
      '200 GET /services/data/v62.0/query',
    ]);
  });

  it('throws a 401 CrmError when the refresh token is refused, without reporting a new token', async () => {
    const sandbox = await startSalesforceSandbox();
    open.push(sandbox);
    const refreshed: string[] = [];
    const client = createSalesforceClient({
      instanceUrl: sandbox.url,
      accessToken: sandbox.issueTokens().accessToken,
      refreshToken: 'revoked-refresh-token',
      clientId: 'accord-test-client',
      version: '62.0',
      onRefresh: (token) => void refreshed.push(token),
    });
    sandbox.expireAccessTokens();

    const error = await rejection(client.readByIds('Account', { ids: [makeSalesforceId('Account', 1)], fields: ['Name'] }));

    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ provider: 'salesforce', status: 401, code: 'INVALID_SESSION_ID' });
    expect(refreshed).toEqual([]);
    expect(sandbox.requests.map((r) => r.status)).toEqual([401, 400]);
  });

  it('throws REQUEST_LIMIT_EXCEEDED as a CrmError with status 403', async () => {
    const { sandbox, client } = await connect();
    sandbox.injectFaults({ requestLimitExceeded: true });

    const error = await rejection(client.listChangedSince('Account', { since: null, fields: ['Name'] }));

    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ provider: 'salesforce', status: 403, code: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' });
  });

  it('surfaces a 503 at once instead of letting jsforce retry it', async () => {
    const { sandbox, client } = await connect();
    sandbox.injectFaults({ status5xx: 1 });

    const error = await rejection(client.describeFields('Account'));

    expect(error).toMatchObject({ provider: 'salesforce', status: 503, code: 'SERVER_UNAVAILABLE' });
    expect(sandbox.requests).toHaveLength(1);
  });

  it('reports an unreachable org as a network CrmError with status 0', async () => {
    const sandbox = await startSalesforceSandbox();
    const { url } = sandbox;
    await sandbox.close();
    const client = createSalesforceClient({ instanceUrl: url, accessToken: 'expired', version: '62.0' });

    const started = Date.now();
    const error = await rejection(client.describeFields('Lead'));

    expect(error).toMatchObject({ provider: 'salesforce', status: 0, code: 'ECONNREFUSED' });
    // jsforce alone would retry ECONNREFUSED 5 times over ~15 s; retries belong to our one retry loop.
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('Salesforce CrmClient: describeFields', () => {
  it('describes Account fields with types, writability and Industry options', async () => {
    const { client } = await connect();

    const fields = await client.describeFields('Account');
    const byName = new Map(fields.map((f) => [f.name, f]));

    expect(byName.get('Industry')).toMatchObject({ label: 'Industry', type: 'enumeration', writable: true });
    expect(byName.get('Industry')?.options).toEqual(expect.arrayContaining(['Banking', 'Retail', 'Technology']));
    expect(byName.get('NumberOfEmployees')).toMatchObject({ type: 'number', writable: true });
    expect(byName.get('Website')?.type).toBe('url');
    expect(byName.get('Description')?.type).toBe('textarea');
    expect(byName.get('LastModifiedDate')).toMatchObject({ type: 'datetime', writable: false });
    expect(byName.get('Id')).toMatchObject({ type: 'other', writable: false });
    expect(byName.get('Name')?.options).toBeUndefined();
  });
});
