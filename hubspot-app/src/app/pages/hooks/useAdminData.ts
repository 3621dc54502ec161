/**
 * What the admin page shows (viewer, credits, caps, batches) and what an admin can do with batches: create one
 * (the backend estimates it), and approve, run a canary, reject, pause, resume, cancel or undo one. Every batch action
 * goes out with an idempotency key (see useIdempotentAction). Admins also change the settings here.
 */
import { useCallback } from 'react';
import type { Batch, BatchAction, CreateBatchRequest, Settings, SettingsUpdate } from '@accord/shared';
import { useAccordApi, useIdempotentAction, useLoad, useMutation } from '@accord/hubspot-client';
import { routeOfAction } from '../batch-actions';

export type NewBatch = Omit<CreateBatchRequest, 'idempotencyKey'>;

export function useAdminData() {
  const api = useAccordApi();
  const me = useLoad(() => api.call('me', {}), 'me');
  const credits = useLoad(() => api.call('getCredits', {}), 'credits');
  const batches = useLoad(() => api.call('listBatches', {}), 'batches');
  // Caps live in the settings, which only admins may read; others get null without a request.
  const isAdmin = me.state.status === 'success' && me.state.data.isAdmin;
  const settings = useLoad(() => (isAdmin ? api.call('getSettings', {}) : Promise.resolve(null)), `settings:${isAdmin}`);
  const saving = useMutation<Settings>();
  const batchAction = useIdempotentAction<Batch>();
  const creation = useIdempotentAction<Batch>();
  const performAction = batchAction.perform;
  const performCreate = creation.perform;
  const replaceBatches = batches.replace;
  const reloadCredits = credits.reload;
  const currentItems = batches.state.status === 'success' ? batches.state.data.items : null;

  const act = useCallback(
    async (batchId: string, action: BatchAction) => {
      const updated = await performAction(`${action}:${batchId}`, action, (idempotencyKey) =>
        api.call(routeOfAction[action], { params: { batchId }, body: { idempotencyKey } }),
      );
      if (!updated) return;
      if (currentItems) replaceBatches({ items: currentItems.map((batch) => (batch.id === updated.id ? updated : batch)) });
      void reloadCredits();
    },
    [api, performAction, currentItems, replaceBatches, reloadCredits],
  );

  const create = useCallback(
    async (request: NewBatch) => {
      const created = await performCreate('create', 'batch', (idempotencyKey) => api.call('createBatch', { body: { ...request, idempotencyKey } }));
      if (created) replaceBatches({ items: [created, ...(currentItems ?? []).filter((batch) => batch.id !== created.id)] });
    },
    [api, performCreate, currentItems, replaceBatches],
  );

  const runSave = saving.run;
  const replaceSettings = settings.replace;
  // PUT with only the changed fields: repeating it gives the same settings, so it needs no idempotency key.
  const saveSettings = useCallback(
    async (update: SettingsUpdate): Promise<boolean> => {
      const updated = await runSave(() => api.call('updateSettings', { body: update }));
      if (updated) replaceSettings(updated);
      return updated !== null;
    },
    [api, runSave, replaceSettings],
  );

  return { me, credits, batches, settings, action: batchAction.state, act, creation: creation.state, create, saving: saving.state, saveSettings };
}
