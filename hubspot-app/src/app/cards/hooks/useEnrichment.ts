/** Enrich and undo on one record, each sent with an idempotency key; afterwards the record's properties refresh. */
import { useCallback } from 'react';
import { useExtensionActions } from '@hubspot/ui-extensions';
import type { EnrichResult, RecordParams, UndoResultReply } from '@accord/shared';
import { useAccordApi, useIdempotentAction } from '@accord/hubspot-client';

export function useEnrichment(target: RecordParams, onChanged: () => void) {
  const api = useAccordApi();
  const actions = useExtensionActions<'crm.record.tab'>();
  const enrichment = useIdempotentAction<EnrichResult>();
  const undo = useIdempotentAction<UndoResultReply>();
  const performEnrich = enrichment.perform;
  const performUndo = undo.perform;

  const afterWrite = useCallback(() => {
    void actions.refreshObjectProperties();
    onChanged();
  }, [actions, onChanged]);

  const enrich = useCallback(
    async (expectedCost: number) => {
      const result = await performEnrich('enrich', 'enrich', (idempotencyKey) =>
        api.call('enrichRecord', { params: target, body: { idempotencyKey, expectedCost } }),
      );
      if (result) afterWrite();
    },
    [api, target, performEnrich, afterWrite],
  );

  const undoEnrichment = useCallback(
    async (enrichmentId: string) => {
      const result = await performUndo(`undo:${enrichmentId}`, 'undo', (idempotencyKey) =>
        api.call('undoEnrichment', { params: { enrichmentId }, body: { idempotencyKey } }),
      );
      if (result) afterWrite();
    },
    [api, performUndo, afterWrite],
  );

  return { enrichment: enrichment.state, enrich, undo: undo.state, undoEnrichment };
}
