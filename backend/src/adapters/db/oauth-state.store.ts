/** One-time `state` values of OAuth install flows (CSRF protection): issued with the authorize URL, consumed by the callback. */
import crypto from 'node:crypto';
import type { Crm } from '@accord/shared';
import type { Database } from './database';

/** A state older than this is refused: the person took too long or it is a forged callback. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;

export interface OauthStateStore {
  issue(crm: Crm, nowMs: number): Promise<string>;
  /** True once for a state that was issued for `crm` and is still fresh; it cannot be used again. */
  consume(crm: Crm, state: string, nowMs: number): Promise<boolean>;
}

export function createOauthStateStore({ db }: Database): OauthStateStore {
  return {
    async issue(crm, nowMs) {
      const state = crypto.randomBytes(24).toString('base64url');
      await db.deleteFrom('oauth_states').where('created_at_ms', '<', nowMs - OAUTH_STATE_TTL_MS).execute();
      await db.insertInto('oauth_states').values({ state, crm, created_at_ms: nowMs }).execute();
      return state;
    },
    async consume(crm, state, nowMs) {
      const deleted = await db
        .deleteFrom('oauth_states')
        .where('state', '=', state)
        .where('crm', '=', crm)
        .where('created_at_ms', '>=', nowMs - OAUTH_STATE_TTL_MS)
        .executeTakeFirst();
      return Number(deleted.numDeletedRows) === 1;
    },
  };
}
