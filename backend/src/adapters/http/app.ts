/** The Express application: hardening, request context, metrics, docs, install flows, the signed API, and the one error middleware. */
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { AppError } from '../../app/app-error';
import type { Database } from '../db/database';
import type { Logger } from '../log/logger';
import { authenticate, type AuthDeps } from './auth/authenticate';
import { mountApiRoutes, type RouteHandlers } from './api/mount-routes';
import { renderDocsPage } from './docs-page';
import { errorMiddleware, notFoundHandler } from './error-middleware';
import { healthRoutes } from './health.routes';
import { installRoutes, type InstallDeps } from './install.routes';
import { observeRequests, type Metrics } from './metrics';
import { buildOpenApiDocument } from './openapi';
import { requestContext } from './request-context';
import { DEFAULT_TENANT_RATE_LIMIT, limitPerTenant, type TenantRateLimit } from './tenant-rate-limit';

export interface HttpDependencies {
  logger: Logger;
  database: Database;
  metrics?: Metrics;
  api?: { auth: AuthDeps; handlers: RouteHandlers; checkReplies: boolean; rateLimit?: TenantRateLimit };
  install?: InstallDeps;
  publicBaseUrl?: string;
  version?: string;
}

/** 1 MB, as hubspot.fetch allows. */
export const BODY_LIMIT = '1mb';

/** A body that is not JSON is refused before anything reads it. */
const jsonOnly: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json')) return next(new AppError('UNSUPPORTED_MEDIA_TYPE'));
  next();
};

export function createHttpApp(deps: HttpDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('query parser', 'simple');
  // Cards never revalidate with If-None-Match; hashing every reply for an ETag is wasted work.
  app.set('etag', false);
  app.use(requestContext(deps.logger));
  if (deps.metrics) app.use(observeRequests(deps.metrics));
  app.use(helmet());
  app.use(healthRoutes(deps.database));
  if (deps.metrics) {
    const registry = deps.metrics.registry;
    app.get('/metrics', async (_req, res) => {
      res.type(registry.contentType).send(await registry.metrics());
    });
  }
  const openapi = () => buildOpenApiDocument({ version: deps.version ?? '0.0.0', serverUrl: deps.publicBaseUrl ?? '/' });
  let document: ReturnType<typeof openapi> | undefined;
  app.get('/openapi.json', (_req, res) => {
    res.json((document ??= openapi()));
  });
  app.get('/docs', (_req, res) => {
    res.type('html').send(renderDocsPage((document ??= openapi()) as Parameters<typeof renderDocsPage>[0]));
  });
  if (deps.install) app.use(installRoutes(deps.install));
  if (deps.api) {
    const api = deps.api;
    app.use(
      '/api/v1',
      jsonOnly,
      // Keep the raw bytes: the HubSpot signature is over the body exactly as sent.
      express.json({ limit: BODY_LIMIT, strict: true, verify: (req, _res, buf) => void ((req as express.Request).rawBody = buf) }),
      authenticate(api.auth),
      limitPerTenant(api.rateLimit ?? DEFAULT_TENANT_RATE_LIMIT),
      mountApiRoutes(api.handlers, { checkReplies: api.checkReplies }),
    );
  }
  app.use(notFoundHandler);
  app.use(errorMiddleware);
  return app;
}
