import { AccordApiError } from '../api/accord-api-error';
import { lastData, requestReducer, type RequestState } from './request-state';

const failure = new AccordApiError({ kind: 'unreachable', message: 'down' });

describe('request state reducer', () => {
  it('moves loading → success and keeps the previous data while reloading', () => {
    let state: RequestState<string> = { status: 'idle' };
    state = requestReducer(state, { type: 'start', seq: 1 });
    state = requestReducer(state, { type: 'resolve', seq: 1, data: 'first' });
    state = requestReducer(state, { type: 'start', seq: 2 });
    expect(state).toEqual({ status: 'loading', seq: 2, previous: 'first' });
    expect(lastData(state)).toBe('first');
  });

  it('drops a reply to an older request than the latest one started', () => {
    let state: RequestState<string> = requestReducer<string>({ status: 'idle' }, { type: 'start', seq: 1 });
    state = requestReducer(state, { type: 'start', seq: 2 });
    state = requestReducer(state, { type: 'resolve', seq: 2, data: 'new' });
    expect(requestReducer(state, { type: 'resolve', seq: 1, data: 'old' })).toBe(state);
    expect(requestReducer(state, { type: 'reject', seq: 1, error: failure })).toBe(state);
  });

  it('keeps the last data next to an error', () => {
    let state: RequestState<string> = requestReducer<string>({ status: 'idle' }, { type: 'start', seq: 1 });
    state = requestReducer(state, { type: 'resolve', seq: 1, data: 'shown' });
    state = requestReducer(state, { type: 'start', seq: 2 });
    state = requestReducer(state, { type: 'reject', seq: 2, error: failure });
    expect(state).toEqual({ status: 'error', seq: 2, error: failure, previous: 'shown' });
  });

  it('replaces the data with a newer answer from a mutation', () => {
    const state = requestReducer<string>({ status: 'loading', seq: 3, previous: null }, { type: 'replace', data: 'decided' });
    expect(state).toEqual({ status: 'success', seq: 3, data: 'decided' });
  });
});
