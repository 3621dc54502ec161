/**
 * Pushes many record updates into a CRM: chunks at the provider's batch limit (HubSpot 100, Salesforce 200), every
 * call within the tenant's share of the CRM's limit (the rate governor, which also retries 429s and 5xx), a few
 * calls in flight at once. Every input ends with exactly one outcome, written or failed with a reason, in input
 * order; a record is never sent again once the CRM accepted it.
 *
 * HubSpot refuses a whole batch (400) when one value is invalid; such a batch is split in halves until the bad
 * record stands alone, so one bad value costs only itself (about log2(100) ≈ 7 extra calls).
 */
import type { FieldValue } from '@accord/shared';
import type { CrmObject } from '../../domain/enrichment/mapping';
import type { RateLimitSpec } from '../db/rate-governor.store';
import { BATCH_LIMITS, type CrmClient } from './crm-client';
import { CrmError } from './crm-error';
import { decideRetry } from './decide-retry';
import { governedCalls } from './governed-calls';
import type { RateGovernor } from './rate-governor';

export interface RecordUpdate {
  id: string;
  values: Readonly<Record<string, FieldValue>>;
}

export type PushOutcome = { id: string; ok: true } | { id: string; ok: false; retryable: boolean; code: string; message: string };

export interface PushUpdatesDeps {
  client: CrmClient;
  governor: RateGovernor;
  tenantId: string;
  spec: RateLimitSpec;
  /** Calls in flight at once (default 4); the governor still decides when each may leave. */
  concurrency?: number;
}

interface Chunk {
  /** Positions in the input. */
  indexes: number[];
}

const DEFAULT_CONCURRENCY = 4;

export async function pushUpdates(deps: PushUpdatesDeps, input: { object: CrmObject; updates: readonly RecordUpdate[] }): Promise<PushOutcome[]> {
  const { updates } = input;
  assertPushable(updates);
  const governed = governedCalls(deps);
  const limit = BATCH_LIMITS[deps.client.provider];
  const outcomes: (PushOutcome | undefined)[] = new Array(updates.length);
  const queue: Chunk[] = [];
  for (let start = 0; start < updates.length; start += limit) {
    queue.push({ indexes: Array.from({ length: Math.min(limit, updates.length - start) }, (_, i) => start + i) });
  }

  async function send(chunk: Chunk): Promise<void> {
    const batch = chunk.indexes.map((i) => updates[i]!);
    try {
      const results = await governed(() => deps.client.updateBatch(input.object, batch));
      chunk.indexes.forEach((inputIndex, i) => {
        const result = results[i];
        const id = updates[inputIndex]!.id;
        outcomes[inputIndex] = !result
          ? { id, ok: false, retryable: true, code: 'NO_RESULT', message: 'the CRM returned no result for the record' }
          : result.ok
            ? { id, ok: true }
            : { id, ok: false, retryable: result.retryable, code: result.code, message: result.message };
      });
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      if (error.status === 400 && chunk.indexes.length > 1) {
        // One invalid value refuses the whole batch: find it by halves.
        const half = Math.ceil(chunk.indexes.length / 2);
        queue.unshift({ indexes: chunk.indexes.slice(0, half) }, { indexes: chunk.indexes.slice(half) });
        return;
      }
      // The governor retried what was worth retrying; say whether a later attempt could still succeed.
      const retryable = decideRetry(error, 1).retry;
      for (const i of chunk.indexes) {
        outcomes[i] = { id: updates[i]!.id, ok: false, retryable, code: error.code ?? String(error.status), message: error.message };
      }
    }
  }

  async function worker(): Promise<void> {
    for (let chunk = queue.shift(); chunk; chunk = queue.shift()) await send(chunk);
  }
  // A worker may find the queue empty while another is about to split a chunk into it; loop until all settled.
  while (queue.length > 0) {
    await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? DEFAULT_CONCURRENCY) }, worker));
  }
  return outcomes.map((o, i) => o ?? { id: updates[i]!.id, ok: false, retryable: true, code: 'NOT_SENT', message: 'never sent' });
}

function assertPushable(updates: readonly RecordUpdate[]): void {
  const seen = new Set<string>();
  for (const u of updates) {
    // A CRM refuses (HubSpot) or applies twice (Salesforce) a record named twice; and a write of nothing is never sent.
    if (seen.has(u.id)) throw new Error(`record ${u.id} appears twice in one push; merge its values first`);
    if (Object.keys(u.values).length === 0) throw new Error(`record ${u.id} has no values to write; leave it out`);
    seen.add(u.id);
  }
}
