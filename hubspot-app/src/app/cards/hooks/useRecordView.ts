/** The record's Accord view (match, preview, credits, history) and the match decisions a person can make on it. */
import { useCallback } from 'react';
import { useExtensionContext } from '@hubspot/ui-extensions';
import type { MatchDecisionRequest, RecordParams, RecordView } from '@accord/shared';
import { useAccordApi, useLoad, useMutation } from '@accord/hubspot-client';

export function useRecordView(target: RecordParams) {
  const api = useAccordApi();
  const { state, reload, replace } = useLoad(() => api.call('getRecord', { params: target }), `${target.object}/${target.recordId}`);
  const decision = useMutation<RecordView>();
  const runDecision = decision.run;

  const decide = useCallback(
    async (request: MatchDecisionRequest) => {
      const view = await runDecision(() => api.call('decideMatch', { params: target, body: request }));
      if (view) replace(view);
    },
    [api, target, runDecision, replace],
  );
  const rematch = useCallback(async () => {
    const view = await runDecision(() => api.call('rematch', { params: target }));
    if (view) replace(view);
  }, [api, target, runDecision, replace]);

  return { state, reload, decision: decision.state, decide, rematch };
}

export function useCrmRecordContext() {
  return useExtensionContext<'crm.record.tab'>();
}
