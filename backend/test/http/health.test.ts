import request from 'supertest';
import { createHttpApp } from '../../src/adapters/http/app';
import { openDatabase } from '../../src/adapters/db/database';
import { captureLogs } from '../helpers/capture-logger';
import { describeEachDatabase } from '../helpers/test-databases';

describeEachDatabase('health endpoints', (ctx) => {
  it('answers /healthz', async () => {
    const app = createHttpApp({ logger: captureLogs().logger, database: ctx.database });
    const res = await request(app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers /readyz when the database is up and migrated', async () => {
    const app = createHttpApp({ logger: captureLogs().logger, database: ctx.database });
    const res = await request(app).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });
});

describe('readiness without a usable database', () => {
  it('answers 503 NOT_READY when migrations have not run', async () => {
    const database = openDatabase('sqlite::memory:');
    try {
      const res = await request(createHttpApp({ logger: captureLogs().logger, database })).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('NOT_READY');
    } finally {
      await database.destroy();
    }
  });

  it('answers 503 NOT_READY when PostgreSQL cannot be reached', async () => {
    const database = openDatabase('postgres://nobody:nothing@127.0.0.1:1/none');
    try {
      const res = await request(createHttpApp({ logger: captureLogs().logger, database })).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ error: { code: 'NOT_READY', message: 'The database is not ready.' } });
    } finally {
      await database.destroy();
    }
  });
});
