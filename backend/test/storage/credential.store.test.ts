import crypto from 'node:crypto';
import { sql } from 'kysely';
import { createSecretBox } from '../../src/adapters/crypto/secret-box';
import { createCredentialStore } from '../../src/adapters/db/credential.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { describeEachDatabase } from '../helpers/test-databases';

const now = new Date('2026-11-27T10:00:00.000Z');
const tokens = {
  accessToken: 'access-SECRET-1',
  refreshToken: 'refresh-SECRET-1',
  expiresAt: '2026-11-27T10:30:00.000Z',
  scopes: ['oauth', 'crm.objects.companies.read'],
};

describeEachDatabase('credential store', (ctx) => {
  const box = createSecretBox(crypto.randomBytes(32));

  async function tenant(externalId: string) {
    return createTenantStore(ctx.database).install({ crm: 'hubspot', externalId, name: externalId, now });
  }

  it('stores OAuth tokens encrypted and reads them back', async () => {
    const store = createCredentialStore(ctx.database, box);
    const t = await tenant('oauth-1');
    await store.saveOAuthTokens(t.id, tokens, now);
    expect(await store.getOAuthTokens(t.id)).toEqual(tokens);
    const raw = await sql<{ secret_sealed: string }>`select secret_sealed from credentials where tenant_id = ${t.id}`.execute(ctx.database.db);
    expect(raw.rows[0]?.secret_sealed).not.toContain('SECRET');
  });

  it('replaces tokens on refresh rather than adding rows', async () => {
    const store = createCredentialStore(ctx.database, box);
    const t = await tenant('oauth-2');
    await store.saveOAuthTokens(t.id, tokens, now);
    await store.saveOAuthTokens(t.id, { ...tokens, accessToken: 'access-2' }, now);
    expect((await store.getOAuthTokens(t.id))?.accessToken).toBe('access-2');
    const count = await sql<{ n: number }>`select count(*) as n from credentials where tenant_id = ${t.id}`.execute(ctx.database.db);
    expect(Number(count.rows[0]?.n)).toBe(1);
  });

  it('keeps only a hash of API keys and finds the tenant by the key', async () => {
    const store = createCredentialStore(ctx.database, box);
    const t = await tenant('apikey-1');
    await store.saveApiKey(t.id, 'acc_live_key_1', now);
    expect(await store.findTenantIdByApiKey('acc_live_key_1')).toBe(t.id);
    expect(await store.findTenantIdByApiKey('acc_live_key_2')).toBeUndefined();
    const raw = await sql<{ lookup_hash: string }>`select lookup_hash from credentials where tenant_id = ${t.id}`.execute(ctx.database.db);
    expect(raw.rows[0]?.lookup_hash).toMatch(/^[0-9a-f]{64}$/);
    await store.saveApiKey(t.id, 'acc_live_key_rotated', now);
    expect(await store.findTenantIdByApiKey('acc_live_key_1')).toBeUndefined();
    expect(await store.findTenantIdByApiKey('acc_live_key_rotated')).toBe(t.id);
  });

  it('does not open another tenant\'s tokens (they are bound to their tenant)', async () => {
    const store = createCredentialStore(ctx.database, box);
    const a = await tenant('bind-a');
    const b = await tenant('bind-b');
    await store.saveOAuthTokens(a.id, tokens, now);
    const sealed = await ctx.database.db.selectFrom('credentials').select('secret_sealed').where('tenant_id', '=', a.id).executeTakeFirstOrThrow();
    await ctx.database.db
      .insertInto('credentials')
      .values({ tenant_id: b.id, kind: 'oauth', secret_sealed: sealed.secret_sealed, lookup_hash: null, expires_at: null, created_at: 'x', updated_at: 'x' })
      .execute();
    await expect(store.getOAuthTokens(b.id)).rejects.toThrow();
  });

  it('forgets every credential of an uninstalled tenant', async () => {
    const store = createCredentialStore(ctx.database, box);
    const t = await tenant('forget');
    await store.saveOAuthTokens(t.id, tokens, now);
    await store.saveApiKey(t.id, 'forget-key', now);
    await store.removeAll(t.id);
    expect(await store.getOAuthTokens(t.id)).toBeUndefined();
    expect(await store.findTenantIdByApiKey('forget-key')).toBeUndefined();
  });
});
