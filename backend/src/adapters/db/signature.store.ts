/** Request signatures seen recently, shared by every backend process, so a replayed signed request is refused. */
import type { Database } from './database';

export interface SignatureStore {
  /** True when this signature is new (and now remembered); false when it was seen before. */
  remember(signatureHash: string, nowMs: number): Promise<boolean>;
  /** Forgets one signature (HubSpot may retry a request that failed with a 5xx, signature and all). */
  forget(signatureHash: string): Promise<void>;
  /** Forgets signatures seen before `beforeMs` (they are stale by then anyway). */
  purge(beforeMs: number): Promise<number>;
}

export function createSignatureStore({ db }: Database): SignatureStore {
  return {
    async remember(signatureHash, nowMs) {
      const inserted = await db
        .insertInto('seen_signatures')
        .values({ signature_hash: signatureHash, seen_at_ms: nowMs })
        .onConflict((oc) => oc.column('signature_hash').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async forget(signatureHash) {
      await db.deleteFrom('seen_signatures').where('signature_hash', '=', signatureHash).execute();
    },
    async purge(beforeMs) {
      const deleted = await db.deleteFrom('seen_signatures').where('seen_at_ms', '<', beforeMs).executeTakeFirst();
      return Number(deleted.numDeletedRows);
    },
  };
}
