/**
 * Salesforce tokens through the credential store, on both databases: a 401 makes jsforce refresh, the new access
 * token is stored encrypted before the call returns, and a client built later from the store uses it directly.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { startSalesforceSandbox, type SalesforceSandbox } from '../../src/adapters/crm/sandbox/salesforce';
import { connectSalesforceTenant } from '../../src/adapters/crm/salesforce/salesforce-connection';
import { createSecretBox } from '../../src/adapters/crypto/secret-box';
import { createCredentialStore } from '../../src/adapters/db/credential.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { describeEachDatabase } from '../helpers/test-databases';

let sandbox: SalesforceSandbox;
beforeAll(async () => {
  sandbox = await startSalesforceSandbox();
  sandbox.seed('Account', [{ Name: 'Harbour Plumbing' }]);
});
afterAll(() => sandbox.close());
let n = 0;

describeEachDatabase('Salesforce token lifecycle', (ctx) => {
  async function setup() {
    const tenant = await createTenantStore(ctx.database).install({ crm: 'salesforce', externalId: `00D-tok-${++n}`, name: 't', now: new Date() });
    const credentials = createCredentialStore(ctx.database, createSecretBox(crypto.randomBytes(32)));
    const issued = sandbox.issueTokens();
    await credentials.saveOAuthTokens(tenant.id, { ...issued, expiresAt: new Date(Date.now() + 60_000).toISOString(), scopes: [], instanceUrl: sandbox.url }, new Date());
    const storeErrors: unknown[] = [];
    const connect = () =>
      connectSalesforceTenant({
        credentials,
        tenantId: tenant.id,
        app: { loginUrl: sandbox.url, clientId: 'accord', clientSecret: 'secret' },
        version: '62.0',
        onStoreError: (error) => storeErrors.push(error),
      });
    return { tenant, credentials, issued, connect, storeErrors };
  }

  it('refreshes on 401, stores the new token encrypted before returning, and the next client uses it without refreshing', async () => {
    const { tenant, credentials, issued, connect, storeErrors } = await setup();
    const client = await connect();
    sandbox.expireAccessTokens();
    const from = sandbox.requests.length;

    const page = await client.listChangedSince('Account', { since: null, fields: ['Name'] });

    expect(page.records.map((r) => r.values.Name)).toContain('Harbour Plumbing');
    expect(sandbox.requests.slice(from).map((r) => `${r.status} ${r.path}`)).toEqual([
      '401 /services/data/v62.0/query',
      '200 /services/oauth2/token',
      '200 /services/data/v62.0/query',
    ]);
    const stored = await credentials.getOAuthTokens(tenant.id);
    expect(stored?.accessToken).toMatch(/^00D/);
    expect(stored?.accessToken).not.toBe(issued.accessToken);
    expect(stored).toMatchObject({ refreshToken: issued.refreshToken, instanceUrl: sandbox.url });
    const raw = await sql<{ secret_sealed: string }>`select secret_sealed from credentials where tenant_id = ${tenant.id}`.execute(ctx.database.db);
    expect(raw.rows[0]?.secret_sealed).not.toContain(stored!.accessToken);
    expect(storeErrors).toEqual([]);

    // Another process: starts from the stored token, so no 401 and no refresh.
    const next = await connect();
    const again = sandbox.requests.length;
    await next.describeFields('Account');
    expect(sandbox.requests.slice(again).map((r) => r.status)).toEqual([200]);
  });

  it('says the org must be connected again when it has no stored tokens', async () => {
    const { tenant, credentials, connect } = await setup();
    await credentials.removeAll(tenant.id);
    await expect(connect()).rejects.toMatchObject({ name: 'CrmError', provider: 'salesforce', code: 'NOT_CONNECTED' });
  });
});
