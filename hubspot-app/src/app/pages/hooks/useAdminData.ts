/**
 * What the admin page shows (viewer, credits, batches) and the batch actions. Each action on a batch keeps its
 * idempotency key while its outcome is unknown, so "Try again" after a network failure cannot act twice.
 */
import { useCallback, useRef } from 'react';
import type { Batch, BatchAction } from '@accord/shared';
import { isRetryable, newIdempotencyKey, toAccordApiError, useAccordApi, useLoad, useMutation } from '@accord/hubspot-client';
import { routeOfAction } from '../batch-actions';

export function useAdminData() {
  const api = useAccordApi();
  const me = useLoad(() => api.call('me', {}), 'me');
  const credits = useLoad(() => api.call('getCredits', {}), 'credits');
  const batches = useLoad(() => api.call('listBatches', {}), 'batches');
  // Caps live in the settings, which only admins may read; others get null without a request.
  const isAdmin = me.state.status === 'success' && me.state.data.isAdmin;
  const settings = useLoad(() => (isAdmin ? api.call('getSettings', {}) : Promise.resolve(null)), `settings:${isAdmin}`);
  const mutation = useMutation<Batch>();
  const keys = useRef(new Map<string, string>());
  const { run } = mutation;
  const replaceBatches = batches.replace;
  const reloadCredits = credits.reload;
  const currentBatches = batches.state.status === 'success' ? batches.state.data : null;

  const act = useCallback(
    async (batchId: string, action: BatchAction) => {
      const slot = `${batchId}:${action}`;
      const idempotencyKey = keys.current.get(slot) ?? newIdempotencyKey(action);
      keys.current.set(slot, idempotencyKey);
      const updated = await run(async () => {
        try {
          return await api.call(routeOfAction[action], { params: { batchId }, body: { idempotencyKey } });
        } catch (error) {
          const apiError = toAccordApiError(error);
          if (apiError.kind === 'server' && !isRetryable(apiError)) keys.current.delete(slot);
          throw error;
        }
      });
      if (updated) {
        keys.current.delete(slot);
        if (currentBatches) replaceBatches({ items: currentBatches.items.map((batch) => (batch.id === updated.id ? updated : batch)) });
        void reloadCredits();
      }
    },
    [api, run, currentBatches, replaceBatches, reloadCredits],
  );

  return { me, credits, batches, settings, action: mutation.state, act };
}
