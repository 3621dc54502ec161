/** The Express application: hardening, request context, routes, and the one error middleware. */
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Database } from '../db/database';
import type { Logger } from '../log/logger';
import { errorMiddleware, notFoundHandler } from './error-middleware';
import { healthRoutes } from './health.routes';
import { requestContext } from './request-context';

export interface HttpDependencies {
  logger: Logger;
  database: Database;
}

/** 1 MB, as hubspot.fetch allows. */
export const BODY_LIMIT = '1mb';

export function createHttpApp(deps: HttpDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestContext(deps.logger));
  app.use(helmet());
  app.use(express.json({ limit: BODY_LIMIT, strict: true }));
  app.use(healthRoutes(deps.database));
  app.use(notFoundHandler);
  app.use(errorMiddleware);
  return app;
}
