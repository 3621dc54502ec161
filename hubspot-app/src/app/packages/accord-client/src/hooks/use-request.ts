/** React bindings of the request reducer: `useLoad` runs on mount and on `reload`; `useMutation` runs on demand. */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { toAccordApiError } from '../api/accord-api-error';
import { requestReducer, type RequestState } from './request-state';

interface Runner<T> {
  state: RequestState<T>;
  run: (task: () => Promise<T>) => Promise<T | null>;
  replace: (data: T) => void;
  reset: () => void;
}

function useRunner<T>(initial: RequestState<T>): Runner<T> {
  const [state, dispatch] = useReducer(requestReducer<T>, initial);
  const seq = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async (task: () => Promise<T>) => {
    seq.current += 1;
    const mine = seq.current;
    dispatch({ type: 'start', seq: mine });
    try {
      const data = await task();
      if (mounted.current) dispatch({ type: 'resolve', seq: mine, data });
      return mine === seq.current ? data : null;
    } catch (error) {
      if (mounted.current) dispatch({ type: 'reject', seq: mine, error: toAccordApiError(error) });
      return null;
    }
  }, []);
  const replace = useCallback((data: T) => dispatch({ type: 'replace', data }), []);
  const reset = useCallback(() => dispatch({ type: 'reset' }), []);
  return { state, run, replace, reset };
}

/** Loads on mount and whenever `key` changes; `reload` runs the same load again. */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const { state, run, replace } = useRunner<T>({ status: 'loading', seq: 0, previous: null });
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => run(() => loadRef.current()), [run]);
  useEffect(() => {
    void reload();
  }, [key, reload]);
  return { state, reload, replace };
}

/** A request started by a person's action; `idle` until then. */
export function useMutation<T>() {
  return useRunner<T>({ status: 'idle' });
}
