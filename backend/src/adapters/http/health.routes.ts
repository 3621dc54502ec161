/** Liveness (/healthz: the process answers) and readiness (/readyz: the database answers and is migrated). */
import { Router } from 'express';
import type { Database } from '../db/database';
import { isMigrated } from '../db/migrate';

export function healthRoutes(database: Database): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    try {
      await database.ping();
      if (!(await isMigrated(database))) throw new Error('migrations pending');
      res.json({ status: 'ready', checks: { database: 'ok' } });
    } catch (error) {
      req.log.warn({ err: error }, 'not ready');
      res.status(503).json({ error: { code: 'NOT_READY', message: 'The database is not ready.' } });
    }
  });
  return router;
}
