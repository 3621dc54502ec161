import crypto from 'node:crypto';
import { createHubspotClient } from '../../src/adapters/crm/hubspot/hubspot.client';
import { createHubspotTokenProvider } from '../../src/adapters/crm/hubspot/hubspot-token-provider';
import { startHubspotSandbox, type HubspotSandbox } from '../../src/adapters/crm/sandbox/hubspot';
import { createSecretBox } from '../../src/adapters/crypto/secret-box';
import { createCredentialStore } from '../../src/adapters/db/credential.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { describeEachDatabase } from '../helpers/test-databases';

let sandbox: HubspotSandbox;
beforeAll(async () => {
  sandbox = await startHubspotSandbox();
});
afterAll(() => sandbox.close());
let n = 0;

describeEachDatabase('HubSpot token lifecycle', (ctx) => {
  async function setup(expiresInMs: number) {
    const tenant = await createTenantStore(ctx.database).install({ crm: 'hubspot', externalId: `tok-${++n}`, name: 't', now: new Date() });
    const credentials = createCredentialStore(ctx.database, createSecretBox(crypto.randomBytes(32)));
    const issued = sandbox.issueToken();
    await credentials.saveOAuthTokens(tenant.id, { accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresAt: new Date(Date.now() + expiresInMs).toISOString(), scopes: [] }, new Date());
    const tokens = createHubspotTokenProvider({ credentials, tenantId: tenant.id, app: { tokenUrl: `${sandbox.url}/oauth/v1/token`, clientId: 'accord', clientSecret: 'secret' } });
    return { tenant, credentials, tokens, issued };
  }

  it('uses the stored token while it has more than five minutes left', async () => {
    const { tokens, issued } = await setup(20 * 60_000);
    expect(await tokens()).toBe(issued.accessToken);
  });

  it('refreshes before expiry, stores the new pair encrypted, and the new token works', async () => {
    const { tenant, credentials, tokens, issued } = await setup(60_000);
    const requestsBefore = sandbox.requests.length;
    const fresh = await Promise.all([tokens(), tokens(), tokens()]);
    expect(new Set(fresh).size).toBe(1);
    expect(fresh[0]).not.toBe(issued.accessToken);
    const stored = await credentials.getOAuthTokens(tenant.id);
    expect(stored?.accessToken).toBe(fresh[0]);
    expect(Date.parse(stored!.expiresAt) - Date.now()).toBeGreaterThan(25 * 60_000);
    // Three concurrent callers, one refresh.
    expect(sandbox.requests.slice(requestsBefore).filter((r) => r.path === '/oauth/v1/token')).toHaveLength(1);
    const client = createHubspotClient({ accessToken: tokens, basePath: sandbox.url });
    await expect(client.describeFields('companies')).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ name: 'industry' })]));
  });

  it('says the portal must be connected again when the refresh token is refused', async () => {
    const { tenant, credentials } = await setup(60_000);
    const stored = (await credentials.getOAuthTokens(tenant.id))!;
    await credentials.saveOAuthTokens(tenant.id, { ...stored, refreshToken: 'revoked' }, new Date());
    const tokens = createHubspotTokenProvider({ credentials, tenantId: tenant.id, app: { tokenUrl: `${sandbox.url}/oauth/v1/token`, clientId: 'accord', clientSecret: 'secret' } });
    await expect(tokens()).rejects.toMatchObject({ name: 'CrmError', provider: 'hubspot', status: 400 });
  });
});
