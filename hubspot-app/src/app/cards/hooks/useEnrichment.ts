/**
 * Enrich and undo on one record. Each action gets an idempotency key that is kept while its outcome is unknown
 * (network failure, timeout, a retryable server error) so "Try again" cannot charge twice, and dropped once the
 * server has answered for certain.
 */
import { useCallback, useRef } from 'react';
import { useExtensionActions } from '@hubspot/ui-extensions';
import type { EnrichResult, RecordParams, UndoResultReply } from '@accord/shared';
import { isRetryable, newIdempotencyKey, toAccordApiError, useAccordApi, useMutation, type AccordApiError } from '@accord/hubspot-client';

/** The server refused for certain, so the same key would only replay the refusal: a new attempt needs a new key. */
function outcomeIsKnown(error: unknown): boolean {
  const apiError: AccordApiError = toAccordApiError(error);
  return apiError.kind === 'server' && !isRetryable(apiError);
}

export function useEnrichment(target: RecordParams, onChanged: () => void) {
  const api = useAccordApi();
  const actions = useExtensionActions<'crm.record.tab'>();
  const enrichment = useMutation<EnrichResult>();
  const undo = useMutation<UndoResultReply>();
  const enrichKey = useRef<string | null>(null);
  const undoKeys = useRef(new Map<string, string>());
  const runEnrich = enrichment.run;
  const runUndo = undo.run;

  const enrich = useCallback(
    async (expectedCost: number) => {
      enrichKey.current ??= newIdempotencyKey('enrich');
      const idempotencyKey = enrichKey.current;
      const result = await runEnrich(async () => {
        try {
          return await api.call('enrichRecord', { params: target, body: { idempotencyKey, expectedCost } });
        } catch (error) {
          if (outcomeIsKnown(error)) enrichKey.current = null;
          throw error;
        }
      });
      if (result) {
        enrichKey.current = null;
        void actions.refreshObjectProperties();
        onChanged();
      }
    },
    [api, target, runEnrich, actions, onChanged],
  );

  const undoEnrichment = useCallback(
    async (enrichmentId: string) => {
      const idempotencyKey = undoKeys.current.get(enrichmentId) ?? newIdempotencyKey('undo');
      undoKeys.current.set(enrichmentId, idempotencyKey);
      const result = await runUndo(async () => {
        try {
          return await api.call('undoEnrichment', { params: { enrichmentId }, body: { idempotencyKey } });
        } catch (error) {
          if (outcomeIsKnown(error)) undoKeys.current.delete(enrichmentId);
          throw error;
        }
      });
      if (result) {
        undoKeys.current.delete(enrichmentId);
        void actions.refreshObjectProperties();
        onChanged();
      }
    },
    [api, runUndo, actions, onChanged],
  );

  return { enrichment: enrichment.state, enrich, undo: undo.state, undoEnrichment };
}
