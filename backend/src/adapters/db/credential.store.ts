/**
 * Credentials per tenant: OAuth tokens sealed with AES-256-GCM, and hashed API keys (Salesforce orgs) that we
 * look tenants up by. Plain secrets never reach the database.
 */
import { z } from 'zod';
import { hashSecret, type SecretBox } from '../crypto/secret-box';
import type { Database } from './database';

export const oauthTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** ISO timestamp when the access token expires. */
  expiresAt: z.string(),
  scopes: z.array(z.string()).default([]),
  /** Salesforce: the org's instance URL. */
  instanceUrl: z.string().optional(),
});
export type OAuthTokens = z.infer<typeof oauthTokensSchema>;

export interface CredentialStore {
  saveOAuthTokens(tenantId: string, tokens: OAuthTokens, now: Date): Promise<void>;
  getOAuthTokens(tenantId: string): Promise<OAuthTokens | undefined>;
  /** Stores only the hash of a freshly issued API key, replacing any earlier key of the tenant. */
  saveApiKey(tenantId: string, apiKey: string, now: Date): Promise<void>;
  findTenantIdByApiKey(apiKey: string): Promise<string | undefined>;
  /** Forgets every credential of a tenant (on uninstall). */
  removeAll(tenantId: string): Promise<void>;
}

const context = (tenantId: string, kind: string) => `tenant:${tenantId}:${kind}`;

export function createCredentialStore({ db }: Database, box: SecretBox): CredentialStore {
  async function upsert(
    tenantId: string,
    kind: 'oauth' | 'api_key',
    values: { secret_sealed: string | null; lookup_hash: string | null; expires_at: string | null },
    now: Date,
  ) {
    const at = now.toISOString();
    await db
      .insertInto('credentials')
      .values({ tenant_id: tenantId, kind, ...values, created_at: at, updated_at: at })
      .onConflict((oc) => oc.columns(['tenant_id', 'kind']).doUpdateSet({ ...values, updated_at: at }))
      .execute();
  }

  return {
    async saveOAuthTokens(tenantId, tokens, now) {
      const parsed = oauthTokensSchema.parse(tokens);
      const sealed = box.seal(JSON.stringify(parsed), context(tenantId, 'oauth'));
      await upsert(tenantId, 'oauth', { secret_sealed: sealed, lookup_hash: null, expires_at: parsed.expiresAt }, now);
    },
    async getOAuthTokens(tenantId) {
      const row = await db
        .selectFrom('credentials')
        .select('secret_sealed')
        .where('tenant_id', '=', tenantId)
        .where('kind', '=', 'oauth')
        .executeTakeFirst();
      if (!row?.secret_sealed) return undefined;
      return oauthTokensSchema.parse(JSON.parse(box.open(row.secret_sealed, context(tenantId, 'oauth'))));
    },
    async saveApiKey(tenantId, apiKey, now) {
      await upsert(tenantId, 'api_key', { secret_sealed: null, lookup_hash: hashSecret(apiKey), expires_at: null }, now);
    },
    async findTenantIdByApiKey(apiKey) {
      const row = await db
        .selectFrom('credentials')
        .select('tenant_id')
        .where('kind', '=', 'api_key')
        .where('lookup_hash', '=', hashSecret(apiKey))
        .executeTakeFirst();
      return row?.tenant_id;
    },
    async removeAll(tenantId) {
      await db.deleteFrom('credentials').where('tenant_id', '=', tenantId).execute();
    },
  };
}
