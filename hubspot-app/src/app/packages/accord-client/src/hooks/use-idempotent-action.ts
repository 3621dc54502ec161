/**
 * A person's action that changes something, sent with an idempotency key. The key for an action slot (e.g. "enrich",
 * or "approve:<batch>") is kept while the outcome is unknown (network failure, timeout, a retryable server error), so
 * "Try again" replays the same request and cannot act twice; it is dropped once the server answered for certain.
 */
import { useCallback, useRef } from 'react';
import { isRetryable, toAccordApiError } from '../api/accord-api-error';
import { newIdempotencyKey } from '../idempotency';
import { useMutation } from './use-request';

/** The server refused for certain: the same key would only replay the refusal, so a new attempt needs a new key. */
function isKnownRefusal(error: unknown): boolean {
  const apiError = toAccordApiError(error);
  return apiError.kind === 'server' && !isRetryable(apiError);
}

export function useIdempotentAction<T>() {
  const mutation = useMutation<T>();
  const keys = useRef(new Map<string, string>());
  const { run } = mutation;

  const perform = useCallback(
    async (slot: string, keyPrefix: string, task: (idempotencyKey: string) => Promise<T>): Promise<T | null> => {
      const idempotencyKey = keys.current.get(slot) ?? newIdempotencyKey(keyPrefix);
      keys.current.set(slot, idempotencyKey);
      const result = await run(async () => {
        try {
          return await task(idempotencyKey);
        } catch (error) {
          if (isKnownRefusal(error)) keys.current.delete(slot);
          throw error;
        }
      });
      if (result !== null) keys.current.delete(slot);
      return result;
    },
    [run],
  );

  return { state: mutation.state, perform };
}
