/** Every way a request can fail authentication, and the hardening around it: each refused with 4xx and a code, changing nothing. */
import request from 'supertest';
import { errorReplySchema } from '@accord/shared';
import { describeEachDatabase } from '../helpers/test-databases';
import { connectSalesforceTenant, HUBSPOT_SECRET, hubspotRequest, installHubspotTenant, PUBLIC_BASE_URL, salesforceRequest, seedHubspotCompanies, startApiHarness, type ApiHarness } from '../helpers/api-harness';
import { signHubspotRequest } from '../../src/adapters/http/auth/hubspot-signature';

describeEachDatabase('API authentication', (ctx) => {
  let h: ApiHarness;
  let portalId: string;
  beforeAll(async () => {
    h = await startApiHarness(ctx.database);
    portalId = (await installHubspotTenant(h)).externalId;
  });
  afterAll(() => h.close());

  const codeOf = (res: request.Response) => errorReplySchema.parse(res.body).error.code;
  const me = '/api/v1/me';

  it('accepts a correctly signed HubSpot request and names the viewer from the signed URL', async () => {
    const res = await hubspotRequest(h, 'GET', me, { portalId, userId: 7001 }).expect(200);
    expect(res.body).toMatchObject({ crm: 'hubspot', userId: '7001', isAdmin: true });
  });

  it('refuses a request with no credentials at all', async () => {
    const res = await request(h.composed.app).get(`${me}?portalId=${portalId}&userId=1`);
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('refuses a request signed with another secret', async () => {
    const res = await hubspotRequest(h, 'GET', me, { portalId, userId: 7001, secret: 'not-our-secret' });
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('SIGNATURE_INVALID');
  });

  it('refuses a signed request whose URL was changed to another portal or user', async () => {
    const timestampMs = Date.now();
    const signature = signHubspotRequest({ clientSecret: HUBSPOT_SECRET, method: 'GET', url: `${PUBLIC_BASE_URL}${me}?portalId=${portalId}&userId=8002`, body: '', timestampMs });
    const res = await request(h.composed.app).get(`${me}?portalId=${portalId}&userId=7001`).set('X-HubSpot-Signature-v3', signature).set('X-HubSpot-Request-Timestamp', String(timestampMs));
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('SIGNATURE_INVALID');
  });

  it('refuses a signed request whose body was changed in transit, and writes nothing', async () => {
    const [record] = seedHubspotCompanies(h, 1);
    const path = `/api/v1/records/companies/${record!.id}/enrich?portalId=${portalId}&userId=7001`;
    const timestampMs = Date.now();
    const signature = signHubspotRequest({ clientSecret: HUBSPOT_SECRET, method: 'POST', url: `${PUBLIC_BASE_URL}${path}`, body: '{"idempotencyKey":"aaaaaaaa"}', timestampMs });
    const events = h.hubspot.automationEvents;
    const res = await request(h.composed.app)
      .post(path)
      .set('X-HubSpot-Signature-v3', signature)
      .set('X-HubSpot-Request-Timestamp', String(timestampMs))
      .set('content-type', 'application/json')
      .send('{"idempotencyKey":"bbbbbbbb"}');
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('SIGNATURE_INVALID');
    expect(h.hubspot.automationEvents).toBe(events);
  });

  it('refuses a signature older than five minutes as stale', async () => {
    const res = await hubspotRequest(h, 'GET', me, { portalId, userId: 7001, timestampMs: Date.now() - 6 * 60_000 });
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('SIGNATURE_STALE');
  });

  it('refuses a replayed signature', async () => {
    const timestampMs = Date.now() + 1;
    await hubspotRequest(h, 'GET', me, { portalId, userId: 7001, timestampMs }).expect(200);
    const res = await hubspotRequest(h, 'GET', me, { portalId, userId: 7001, timestampMs });
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('SIGNATURE_REPLAYED');
  });

  it("lets HubSpot's one retry of a request that failed with a 5xx through, signature and all", async () => {
    const [record] = seedHubspotCompanies(h, 1);
    const timestampMs = Date.now() + 2;
    // More 5xx than the governor retries, whatever its timing, so the first attempt surely fails.
    h.hubspot.injectFaults({ status5xx: 1_000 });
    const failed = await hubspotRequest(h, 'GET', `/api/v1/records/companies/${record!.id}`, { portalId, userId: 7001, timestampMs });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(codeOf(failed)).toBe('CRM_UNAVAILABLE');
    h.hubspot.injectFaults({ status5xx: 0 });
    const retried = await hubspotRequest(h, 'GET', `/api/v1/records/companies/${record!.id}`, { portalId, userId: 7001, timestampMs });
    expect(retried.status).toBe(200);
  });

  it('refuses a portal where Accord is not installed', async () => {
    const res = await hubspotRequest(h, 'GET', me, { portalId: 123456, userId: 7001 });
    expect(res.status).toBe(403);
    expect(codeOf(res)).toBe('FORBIDDEN');
  });

  it('refuses a signed URL without the user', async () => {
    const timestampMs = Date.now() + 3;
    const url = `${me}?portalId=${portalId}`;
    const signature = signHubspotRequest({ clientSecret: HUBSPOT_SECRET, method: 'GET', url: `${PUBLIC_BASE_URL}${url}`, body: '', timestampMs });
    const res = await request(h.composed.app).get(url).set('X-HubSpot-Signature-v3', signature).set('X-HubSpot-Request-Timestamp', String(timestampMs));
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('refuses a request HubSpot sent for another app', async () => {
    const res = await hubspotRequest(h, 'GET', `${me}?appId=1`, { portalId, userId: 7001 });
    expect(res.status).toBe(403);
  });

  it('never takes the tenant from the body', async () => {
    const { tenant } = await connectSalesforceTenant(h);
    const res = await hubspotRequest(h, 'PUT', '/api/v1/settings', { portalId, userId: 7001, body: { tenantId: tenant.id, rateLimitSharePercent: 10 } });
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['an unknown API key', { 'X-Accord-Api-Key': 'acc_not-a-real-key-but-long-enough', 'X-Accord-User-Id': '005000000000001AAA' }, 'SIGNATURE_INVALID'],
    ['a malformed API key', { 'X-Accord-Api-Key': 'x', 'X-Accord-User-Id': '005000000000001AAA' }, 'SIGNATURE_INVALID'],
  ])('refuses a Salesforce request with %s', async (_, headers, code) => {
    const res = await request(h.composed.app).get(me).set(headers);
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe(code);
  });

  it('refuses a Salesforce request without a valid user id', async () => {
    const { apiKey } = await connectSalesforceTenant(h);
    const res = await salesforceRequest(h, 'GET', me, { apiKey, userId: 'robert; drop table' });
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('refuses the API key of an org that was connected again (the old key is retired)', async () => {
    const first = await connectSalesforceTenant(h);
    await connectSalesforceTenant(h);
    const res = await salesforceRequest(h, 'GET', me, { apiKey: first.apiKey });
    expect(res.status).toBe(401);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON and no stack trace', async () => {
    const { apiKey } = await connectSalesforceTenant(h);
    const res = await request(h.composed.app).post('/api/v1/settings').set('X-Accord-Api-Key', apiKey).set('X-Accord-User-Id', '005000000000001AAA').set('content-type', 'application/json').send('{"a":');
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('MALFORMED_JSON');
    expect(res.text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers bodies over 1 MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await request(h.composed.app).post('/api/v1/settings').set('content-type', 'application/json').send(JSON.stringify({ x: 'a'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(codeOf(res)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a body that is not JSON with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await request(h.composed.app).post('/api/v1/settings').set('content-type', 'text/plain').send('rateLimitSharePercent=100');
    expect(res.status).toBe(415);
    expect(codeOf(res)).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('sends no CORS headers, even to a preflight', async () => {
    const res = await request(h.composed.app).options(me).set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never writes the secrets it was given to its logs', async () => {
    const { apiKey } = await connectSalesforceTenant(h);
    await salesforceRequest(h, 'GET', me, { apiKey }).expect(200);
    const logs = h.logs.lines().join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(HUBSPOT_SECRET);
    expect(logs).not.toContain(apiKey);
    expect(logs).not.toContain('sandbox-access-');
    expect(logs).not.toContain('sandbox-refresh-');
  });
});

describeEachDatabase('API rate limit per tenant', (ctx) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness(ctx.database, { rateLimit: { perSecond: 1, burst: 3 } });
  });
  afterAll(() => h.close());

  it('answers 429 RATE_LIMITED with Retry-After once a tenant spends its burst, without touching other tenants', async () => {
    const { apiKey } = await connectSalesforceTenant(h);
    const portalId = (await installHubspotTenant(h)).externalId;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await salesforceRequest(h, 'GET', '/api/v1/me', { apiKey })).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const limited = await salesforceRequest(h, 'GET', '/api/v1/me', { apiKey });
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    await hubspotRequest(h, 'GET', '/api/v1/me', { portalId, userId: 7001 }).expect(200);
  });
});
