/** The install flows end to end against the sandbox CRMs' OAuth endpoints, on both databases. */
import request from 'supertest';
import { describeEachDatabase } from '../helpers/test-databases';
import { hubspotRequest, PUBLIC_BASE_URL, salesforceRequest, startApiHarness, type ApiHarness } from '../helpers/api-harness';

describeEachDatabase('install flows', (ctx) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness(ctx.database);
  });
  afterAll(() => h.close());

  async function hubspotState(): Promise<URL> {
    const res = await request(h.composed.app).get('/install/hubspot').expect(302);
    return new URL(res.headers.location as string);
  }

  it('sends the admin to HubSpot with our client id, only our scopes, our callback and a fresh state', async () => {
    const url = await hubspotState();
    expect(url.origin + url.pathname).toBe(`${h.hubspot.url}/oauth/authorize`);
    expect(url.searchParams.get('client_id')).toBe('accord-test');
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_BASE_URL}/install/hubspot/callback`);
    expect(url.searchParams.get('scope')?.split(' ').sort()).toEqual(
      ['crm.objects.companies.read', 'crm.objects.companies.write', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'oauth'].sort(),
    );
    const other = await hubspotState();
    expect(other.searchParams.get('state')).not.toBe(url.searchParams.get('state'));
  });

  it('refuses a callback with a state we never issued, and installs nothing', async () => {
    const res = await request(h.composed.app).get('/install/hubspot/callback').query({ code: h.hubspot.issueAuthorizationCode(), state: 'forged-state' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await h.composed.stores.tenants.findByExternalId('hubspot', String(h.hubspot.portalId))).toBeUndefined();
  });

  it('installs the portal: tokens stored, the installer is an admin, Accord\'s properties created, and the state cannot be used twice', async () => {
    const state = (await hubspotState()).searchParams.get('state')!;
    const code = h.hubspot.issueAuthorizationCode();
    const res = await request(h.composed.app).get('/install/hubspot/callback').query({ code, state }).expect(200);
    expect(res.text).toContain('Accord is installed');
    const tenant = await h.composed.stores.tenants.findByExternalId('hubspot', String(h.hubspot.portalId));
    expect(tenant).toMatchObject({ status: 'active', settings: { admins: ['7001'] } });
    expect(await h.composed.stores.credentials.getOAuthTokens(tenant!.id)).toMatchObject({ accessToken: expect.stringMatching(/^sandbox-access-/) });
    const created = h.hubspot.requests.filter((r) => r.method === 'POST' && /^\/crm\/v3\/properties\/(companies|contacts)$/.test(r.path));
    expect(created.length).toBe(8);
    const me = await hubspotRequest(h, 'GET', '/api/v1/me', { portalId: h.hubspot.portalId, userId: 7001 }).expect(200);
    expect(me.body.isAdmin).toBe(true);
    const reused = await request(h.composed.app).get('/install/hubspot/callback').query({ code: h.hubspot.issueAuthorizationCode(), state });
    expect(reused.status).toBe(403);
  });

  it('connects a Salesforce org through the web-server flow and shows its API key once, which then authenticates', async () => {
    const start = await request(h.composed.app).get('/install/salesforce').expect(302);
    const url = new URL(start.headers.location as string);
    expect(url.origin + url.pathname).toBe(`${h.salesforce.url}/services/oauth2/authorize`);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_BASE_URL}/install/salesforce/callback`);
    const res = await request(h.composed.app)
      .get('/install/salesforce/callback')
      .query({ code: h.salesforce.issueAuthorizationCode(), state: url.searchParams.get('state')! })
      .expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const apiKey = /acc_[A-Za-z0-9_-]{40,}/.exec(res.text)?.[0];
    expect(apiKey).toBeDefined();
    const me = await salesforceRequest(h, 'GET', '/api/v1/me', { apiKey: apiKey! }).expect(200);
    expect(me.body.crm).toBe('salesforce');
    expect(h.logs.lines().join('\n')).not.toContain(apiKey!);
  });

  it('refuses a Salesforce callback whose code Salesforce does not accept', async () => {
    const start = await request(h.composed.app).get('/install/salesforce').expect(302);
    const state = new URL(start.headers.location as string).searchParams.get('state')!;
    const res = await request(h.composed.app).get('/install/salesforce/callback').query({ code: 'not-a-code', state });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('uninstalls from inside the CRM: only an admin may, every later request is refused, tokens are forgotten, and a reinstall resumes', async () => {
    const state = (await hubspotState()).searchParams.get('state')!;
    await request(h.composed.app).get('/install/hubspot/callback').query({ code: h.hubspot.issueAuthorizationCode(), state }).expect(200);
    const portalId = h.hubspot.portalId;
    const tenant = (await h.composed.stores.tenants.findByExternalId('hubspot', String(portalId)))!;
    const byRep = await hubspotRequest(h, 'POST', '/api/v1/account/disconnect', { portalId, userId: 8002, body: { confirm: true } });
    expect(byRep.status).toBe(403);
    const unconfirmed = await hubspotRequest(h, 'POST', '/api/v1/account/disconnect', { portalId, userId: 7001, body: {} });
    expect(unconfirmed.status).toBe(400);
    await hubspotRequest(h, 'POST', '/api/v1/account/disconnect', { portalId, userId: 7001, body: { confirm: true } }).expect(200);
    expect(await h.composed.stores.credentials.getOAuthTokens(tenant.id)).toBeUndefined();
    const after = await hubspotRequest(h, 'GET', '/api/v1/me', { portalId, userId: 7001 });
    expect(after.status).toBe(403);
    const again = (await hubspotState()).searchParams.get('state')!;
    await request(h.composed.app).get('/install/hubspot/callback').query({ code: h.hubspot.issueAuthorizationCode(), state: again }).expect(200);
    const back = await hubspotRequest(h, 'GET', '/api/v1/me', { portalId, userId: 7001 }).expect(200);
    expect(back.body.tenantId).toBe(tenant.id);
  });
});
