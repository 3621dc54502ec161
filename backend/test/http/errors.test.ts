import { errorReplySchema } from '@accord/shared';
import request from 'supertest';
import { createHttpApp } from '../../src/adapters/http/app';
import { openDatabase } from '../../src/adapters/db/database';
import { captureLogs } from '../helpers/capture-logger';

describe('HTTP error handling', () => {
  const database = openDatabase('sqlite::memory:');
  const logs = captureLogs();
  const app = createHttpApp({ logger: logs.logger, database });
  afterAll(() => database.destroy());

  it('answers unknown routes with a NOT_FOUND error reply', async () => {
    const res = await request(app).get('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(errorReplySchema.parse(res.body).error.code).toBe('NOT_FOUND');
  });

  it('sets a request id and security headers, and hides the framework', async () => {
    const res = await request(app).get('/healthz').set('x-request-id', 'client-req-12345');
    expect(res.headers['x-request-id']).toBe('client-req-12345');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('ignores request ids that could forge log lines', async () => {
    const res = await request(app).get('/healthz').set('x-request-id', 'bad id\nwith newline'.replace('\n', ' '));
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one JSON line per request with its id', async () => {
    await request(app).get('/healthz').set('x-request-id', 'trace-me-123456');
    const line = logs.lines().map((l) => JSON.parse(l)).find((l) => l.requestId === 'trace-me-123456' && l.msg === 'request');
    expect(line).toMatchObject({ method: 'GET', path: '/healthz', status: 200, level: 'info' });
  });
});
