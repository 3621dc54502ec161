/**
 * Request state as one union, driven by a pure reducer. Each request carries a sequence number; a reply for an
 * older request than the latest one started is dropped, so a slow first load can never overwrite a newer answer.
 */
import type { AccordApiError } from '../api/accord-api-error';

export type RequestState<T> =
  | { status: 'idle' }
  | { status: 'loading'; seq: number; previous: T | null }
  | { status: 'success'; seq: number; data: T }
  | { status: 'error'; seq: number; error: AccordApiError; previous: T | null };

export type RequestAction<T> =
  | { type: 'start'; seq: number }
  | { type: 'resolve'; seq: number; data: T }
  | { type: 'reject'; seq: number; error: AccordApiError }
  | { type: 'replace'; data: T }
  | { type: 'reset' };

export function lastData<T>(state: RequestState<T>): T | null {
  if (state.status === 'success') return state.data;
  if (state.status === 'idle') return null;
  return state.previous;
}

function currentSeq<T>(state: RequestState<T>): number {
  return state.status === 'idle' ? 0 : state.seq;
}

export function requestReducer<T>(state: RequestState<T>, action: RequestAction<T>): RequestState<T> {
  switch (action.type) {
    case 'start':
      return { status: 'loading', seq: action.seq, previous: lastData(state) };
    case 'resolve':
      if (action.seq !== currentSeq(state)) return state;
      return { status: 'success', seq: action.seq, data: action.data };
    case 'reject':
      if (action.seq !== currentSeq(state)) return state;
      return { status: 'error', seq: action.seq, error: action.error, previous: lastData(state) };
    case 'replace':
      return { status: 'success', seq: currentSeq(state), data: action.data };
    case 'reset':
      return { status: 'idle' };
  }
}
