/**
 * The sandbox Salesforce org driven by the real jsforce 3 Connection over HTTP on 127.0.0.1: paging, the SOQL
 * subset, sObject Collections, automation counting, OAuth refresh, the daily allocation, faults and DELETE refusal.
 */
import { Connection } from 'jsforce';
import { acknowledgeDeleteProbes, deleteAttempts } from '../../src/adapters/crm/sandbox/delete-attempts';
import { startSalesforceSandbox, type SalesforceSandbox, type SalesforceSandboxOptions } from '../../src/adapters/crm/sandbox/salesforce';

const API_VERSION = '62.0';

interface Harness {
  sandbox: SalesforceSandbox;
  conn: Connection;
}

const open: SalesforceSandbox[] = [];

async function connect(options?: SalesforceSandboxOptions): Promise<Harness> {
  const sandbox = await startSalesforceSandbox(options);
  open.push(sandbox);
  const { accessToken, refreshToken } = sandbox.issueTokens();
  const conn = new Connection({
    instanceUrl: sandbox.url,
    accessToken,
    refreshToken,
    version: API_VERSION,
    oauth2: { loginUrl: sandbox.url, clientId: 'accord-test-client', clientSecret: 'accord-test-secret' },
  });
  return { sandbox, conn };
}

function accounts(n: number, from = 0): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({ Name: `Account ${from + i}`, Industry: 'Retail', Website: `https://a${from + i}.example` }));
}

async function rejection(promise: PromiseLike<unknown>): Promise<{ errorCode?: string; message?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { errorCode?: string; message?: string };
  }
  throw new Error('expected the call to be rejected');
}

/** The wire carries `statusCode` per record error (jsforce's SaveError type names it `errorCode`). */
function wireStatusCode(result: unknown): unknown {
  return (result as { errors?: { statusCode?: unknown }[] } | undefined)?.errors?.[0]?.statusCode;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

describe('sandbox Salesforce org: queries', () => {
  it('pages 10,500 Accounts through queryMore in batches of 2,000, each Id seen once', async () => {
    const { sandbox, conn } = await connect();
    const seeded = sandbox.seed('Account', accounts(10_500));
    expect(seeded[0]).toMatch(/^001[A-Za-z0-9]{15}$/);

    const seen = new Set<string>();
    let page = await conn.query<{ Id: string; Name: string }>('SELECT Id, Name FROM Account ORDER BY Id');
    const batchSizes = [page.records.length];
    page.records.forEach((r) => seen.add(r.Id));
    expect(page.totalSize).toBe(10_500);
    while (!page.done && page.nextRecordsUrl) {
      page = await conn.queryMore<{ Id: string; Name: string }>(page.nextRecordsUrl);
      batchSizes.push(page.records.length);
      page.records.forEach((r) => seen.add(r.Id));
    }
    expect(batchSizes).toEqual([2000, 2000, 2000, 2000, 2000, 500]);
    expect(seen.size).toBe(10_500);
    expect([...seen].sort()).toEqual([...seeded].sort());
    const locators = sandbox.requests.map((r) => r.path).filter((p) => p !== '/services/data/v62.0/query');
    expect(locators).toHaveLength(5);
    locators.forEach((p, i) => expect(p).toMatch(new RegExp(`^/services/data/v62\\.0/query/01g[A-Za-z0-9]+-${(i + 1) * 2000}$`)));
  });

  it('follows nextRecordsUrl with autoFetch and returns records shaped like Salesforce', async () => {
    const { sandbox, conn } = await connect();
    sandbox.seed('Account', accounts(10_500));
    const result = await conn.query<Record<string, unknown>>('SELECT Id, Name, LastModifiedDate FROM Account', {
      autoFetch: true,
      maxFetch: 20_000,
    });
    expect(result.records).toHaveLength(10_500);
    expect(new Set(result.records.map((r) => r.Id)).size).toBe(10_500);
    const first = result.records[0];
    expect(first?.attributes).toEqual({ type: 'Account', url: `/services/data/v62.0/sobjects/Account/${String(first?.Id)}` });
    expect(first?.LastModifiedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    expect(Object.keys(first ?? {})).toEqual(['attributes', 'Id', 'Name', 'LastModifiedDate']);
    expect(sandbox.requests.filter((r) => r.path.includes('/query')).length).toBe(6);
  });

  it('filters on LastModifiedDate and Id IN, orders and limits', async () => {
    const { sandbox, conn } = await connect();
    const old = sandbox.seed('Account', accounts(3).map((a) => ({ ...a, LastModifiedDate: '2025-12-31T23:59:59.000+0000' })));
    const fresh = sandbox.seed('Account', [
      { Name: 'B', LastModifiedDate: '2026-01-03T00:00:00.000Z' },
      { Name: 'A', LastModifiedDate: '2026-01-02T00:00:00.000Z' },
      { Name: 'C', LastModifiedDate: '2026-01-01T00:00:00.000Z' },
    ]);
    const since = await conn.query<{ Id: string; Name: string }>(
      'SELECT Id, Name FROM Account WHERE LastModifiedDate >= 2026-01-01T00:00:00Z ORDER BY LastModifiedDate, Id',
    );
    expect(since.records.map((r) => r.Name)).toEqual(['C', 'A', 'B']);
    expect(since.records.map((r) => r.Id)).not.toContain(old[0]);

    const picked = await conn.query<{ Id: string }>(
      `SELECT Id FROM Account WHERE LastModifiedDate >= 2026-01-01T00:00:00Z AND Id IN ('${fresh[0]}', '${String(old[0]).slice(0, 15)}') LIMIT 5`,
    );
    expect(picked.records.map((r) => r.Id)).toEqual([fresh[0]]);

    const limited = await conn.query('SELECT Id FROM Account ORDER BY LastModifiedDate DESC LIMIT 2');
    expect(limited.totalSize).toBe(2);
  });

  it('answers MALFORMED_QUERY outside the supported grammar and INVALID_FIELD for unknown columns', async () => {
    const { conn } = await connect();
    const like = await rejection(conn.query("SELECT Id FROM Account WHERE Name LIKE 'A%'"));
    expect(like.errorCode).toBe('MALFORMED_QUERY');
    const quoted = await rejection(conn.query("SELECT Id FROM Account WHERE LastModifiedDate >= '2026-01-01'"));
    expect(quoted.errorCode).toBe('INVALID_FIELD');
    const unknown = await rejection(conn.query('SELECT Id, Revenue__c FROM Account'));
    expect(unknown.errorCode).toBe('INVALID_FIELD');
    const trailing = await rejection(conn.query('SELECT Id FROM Account LIMIT 5 OFFSET 2'));
    expect(trailing.errorCode).toBe('MALFORMED_QUERY');
  });
});

describe('sandbox Salesforce org: sObject Collections', () => {
  it('counts automation only for fields whose value really changes in a 200-record update', async () => {
    const { sandbox, conn } = await connect({ clock: (() => { let t = Date.parse('2026-01-05T00:00:00Z'); return () => (t += 1000); })() });
    const ids = sandbox.seed('Account', accounts(200));
    const before = sandbox.automationEvents;
    const results = await conn.sobject('Account').update(
      ids.map((Id, i) => ({ Id, Name: `Account ${i}`, Industry: 'Technology' })), // Name is a no-op write
      { allOrNone: false },
    );
    expect(results.every((r) => r.success)).toBe(true);
    expect(sandbox.automationEvents - before).toBe(200);
    expect(sandbox.get('Account', ids[7] ?? '')?.Industry).toBe('Technology');
    // Like Salesforce, every successful save bumps LastModifiedDate, even where nothing changed.
    expect(String(sandbox.get('Account', ids[7] ?? '')?.LastModifiedDate) > String(sandbox.get('Account', ids[7] ?? '')?.CreatedDate)).toBe(true);

    const again = sandbox.automationEvents;
    await conn.sobject('Account').update(ids.slice(0, 10).map((Id) => ({ Id, Industry: 'Technology', Phone: '' })));
    expect(sandbox.automationEvents).toBe(again); // same value, and '' on an empty text field stays null
  });

  it('rejects 201 records with EXCEEDED_ID_LIMIT and writes nothing', async () => {
    const { sandbox, conn } = await connect();
    const ids = sandbox.seed('Account', accounts(201));
    const error = await rejection(conn.sobject('Account').update(ids.map((Id) => ({ Id, Industry: 'Energy' }))));
    expect(error.errorCode).toBe('EXCEEDED_ID_LIMIT');
    expect(sandbox.all('Account').filter((a) => a.Industry === 'Energy')).toHaveLength(0);
    expect(sandbox.requests.at(-1)).toMatchObject({ method: 'PATCH', path: '/services/data/v62.0/composite/sobjects', status: 400 });
  });

  it('returns per-record errors for failIds with allOrNone false and rolls back everything with allOrNone true', async () => {
    const { sandbox, conn } = await connect();
    const ids = sandbox.seed('Account', accounts(5));
    sandbox.injectFaults({ failIds: [String(ids[1]).slice(0, 15), ids[3] ?? ''] });

    const partial = await conn.sobject('Account').update(ids.map((Id) => ({ Id, Industry: 'Banking' })), { allOrNone: false });
    expect(partial.map((r) => r.success)).toEqual([true, false, true, false, true]);
    const failed = partial[1];
    expect(failed).toMatchObject({ id: ids[1], success: false });
    expect(wireStatusCode(failed)).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
    expect(wireStatusCode(partial[0])).toBeUndefined();
    expect(sandbox.get('Account', ids[1] ?? '')?.Industry).toBe('Retail');
    expect(sandbox.get('Account', ids[2] ?? '')?.Industry).toBe('Banking');

    const atomic = await conn.sobject('Account').update(ids.map((Id) => ({ Id, Industry: 'Media' })), { allOrNone: true });
    expect(atomic.every((r) => !r.success)).toBe(true);
    expect(atomic.map(wireStatusCode)).toEqual([
      'ALL_OR_NONE_OPERATION_ROLLED_BACK', 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
    ]);
    expect(sandbox.all('Account').filter((a) => a.Industry === 'Media')).toHaveLength(0);
  });

  it('creates, retrieves and describes records, refusing read-only and missing required fields per record', async () => {
    const { sandbox, conn } = await connect();
    const created = await conn.sobject('Lead').create([
      { FirstName: 'Ada', LastName: 'Lovelace', Company: 'Analytical Engines', Email: 'ada@example.com' },
      { FirstName: 'No', Company: 'Missing LastName' },
      { LastName: 'X', Company: 'Y', LastModifiedDate: '2026-01-01T00:00:00Z' },
    ]);
    expect(created.map((r) => r.success)).toEqual([true, false, false]);
    const [ok, missing, readOnly] = created;
    if (!ok?.success) throw new Error('expected the first create to succeed');
    expect(ok.id).toMatch(/^00Q[A-Za-z0-9]{15}$/);
    expect(wireStatusCode(missing)).toBe('REQUIRED_FIELD_MISSING');
    expect(wireStatusCode(readOnly)).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(sandbox.automationEvents).toBe(4);

    const fetched = await conn.sobject('Lead').retrieve([ok.id, '00Q000000000000AAA'], { fields: ['Email', 'Company'] });
    expect(fetched[0]).toMatchObject({ Id: ok.id, Email: 'ada@example.com', Company: 'Analytical Engines' });
    expect(fetched[1]).toBeNull();

    const describe = await conn.sobject('Account').describe();
    const industry = describe.fields.find((f) => f.name === 'Industry');
    expect(industry).toMatchObject({ type: 'picklist', updateable: true });
    expect(industry?.picklistValues?.map((p) => p.value)).toContain('Technology');
    expect(describe.fields.find((f) => f.name === 'LastModifiedDate')?.updateable).toBe(false);
  });
});

describe('sandbox Salesforce org: sessions, limits and faults', () => {
  it('answers 401 INVALID_SESSION_ID after forced expiry; jsforce refreshes and the call succeeds', async () => {
    const { sandbox, conn } = await connect();
    sandbox.seed('Contact', [{ LastName: 'Hopper' }]);
    const oldToken = conn.accessToken;
    const refreshed = new Promise<string>((resolve) => conn.on('refresh', (token: string) => resolve(token)));
    sandbox.expireAccessTokens();

    const result = await conn.query<{ LastName: string }>('SELECT Id, LastName FROM Contact');
    expect(result.records.map((r) => r.LastName)).toEqual(['Hopper']);
    const newToken = await refreshed;
    expect(newToken).not.toBe(oldToken);
    expect(conn.accessToken).toBe(newToken);
    expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /services/data/v62.0/query 401',
      'POST /services/oauth2/token 200',
      'GET /services/data/v62.0/query 200',
    ]);
  });

  it('throws REQUEST_LIMIT_EXCEEDED once the daily allocation is spent, and conn.limitInfo follows Sforce-Limit-Info', async () => {
    const { sandbox, conn } = await connect({ dailyLimit: 3 });
    const limits = await conn.limits();
    expect(limits.DailyApiRequests).toEqual({ Max: 3, Remaining: 2 });
    expect(conn.limitInfo).toEqual({ apiUsage: { used: 1, limit: 3 } });
    await conn.query('SELECT Id FROM Account');
    await conn.query('SELECT Id FROM Account');
    expect(conn.limitInfo).toEqual({ apiUsage: { used: 3, limit: 3 } });

    const error = await rejection(conn.query('SELECT Id FROM Account'));
    expect(error.errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    expect(error.message).toBe('TotalRequests Limit exceeded.');
    expect(sandbox.apiUsage).toEqual({ used: 3, limit: 3 });
    expect(sandbox.requests.at(-1)?.status).toBe(403);
  });

  it('can force REQUEST_LIMIT_EXCEEDED and transient 503s by fault injection', async () => {
    const { sandbox, conn } = await connect();
    sandbox.injectFaults({ requestLimitExceeded: true });
    expect((await rejection(conn.query('SELECT Id FROM Lead'))).errorCode).toBe('REQUEST_LIMIT_EXCEEDED');

    sandbox.clearFaults();
    sandbox.injectFaults({ status5xx: 1, delayMs: 5 });
    const result = await conn.query('SELECT Id FROM Lead'); // jsforce itself retries a GET that got 503
    expect(result.totalSize).toBe(0);
    expect(sandbox.requests.slice(-2).map((r) => r.status)).toEqual([503, 200]);
  });

  it('answers a DELETE with 405 and records it, leaving the record in place', async () => {
    const { sandbox, conn } = await connect();
    const [id] = sandbox.seed('Account', accounts(1));
    const error = await rejection(conn.sobject('Account').destroy(id ?? ''));
    expect(error.errorCode).toBe('METHOD_NOT_ALLOWED');
    expect(sandbox.requests.filter((r) => r.method === 'DELETE')).toEqual([
      { method: 'DELETE', path: `/services/data/v62.0/sobjects/Account/${String(id)}`, query: {}, status: 405 },
    ]);
    expect(sandbox.get('Account', id ?? '')).toBeDefined();
    expect(deleteAttempts().filter((a) => a.crm === 'salesforce')).toEqual([expect.objectContaining({ method: 'DELETE', probe: false })]);
    // A deliberate probe; the suite-wide scan (test/helpers/no-crm-deletes.ts) must not count it.
    expect(acknowledgeDeleteProbes('salesforce')).toBe(1);
  });

  it('exchanges an authorization code for tokens that work against the API', async () => {
    const { sandbox, conn } = await connect();
    const code = sandbox.issueAuthorizationCode();
    const fresh = new Connection({
      version: API_VERSION,
      oauth2: { loginUrl: sandbox.url, clientId: 'accord-test-client', clientSecret: 'accord-test-secret', redirectUri: 'http://127.0.0.1/cb' },
    });
    const userInfo = await fresh.authorize(code);
    expect(userInfo.organizationId).toBe('00D5g00000SBXorgAA');
    expect(fresh.instanceUrl).toBe(sandbox.url);
    expect(fresh.refreshToken).toBeTruthy();
    expect((await fresh.query('SELECT Id FROM Account')).done).toBe(true);
    expect((await rejection(fresh.authorize(code))).message).toContain('invalid authorization code');
    expect(conn.version).toBe(API_VERSION);
  });
});
