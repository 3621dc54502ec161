/**
 * Mounts `/api/v1` handlers by the shared route table: each request's params and body are parsed with the route's
 * zod schemas (400 VALIDATION_FAILED with field details otherwise), the admin-only routes check the caller's right,
 * and outside production every reply is checked against its schema so a contract drift fails the tests.
 */
import { apiRoutes, type ApiRouteName, type RouteSpec, type Viewer } from '@accord/shared';
import { Router, type Request } from 'express';
import type { z } from 'zod';
import { AppError } from '../../../app/app-error';
import type { Tenant } from '../../../domain/tenants/tenant';
import { authOf, requireAdmin } from '../auth/authenticate';

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface HandlerContext<R extends RouteSpec> {
  req: Request;
  tenant: Tenant;
  viewer: Viewer;
  params: Infer<R['params']>;
  body: Infer<R['body']>;
  now: Date;
}

export type RouteHandler<K extends ApiRouteName> = (ctx: HandlerContext<(typeof apiRoutes)[K]>) => Promise<z.input<(typeof apiRoutes)[K]['reply']>>;
export type RouteHandlers = { [K in ApiRouteName]?: RouteHandler<K> };

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }));
  throw new AppError('VALIDATION_FAILED', undefined, { details });
}

export function mountApiRoutes(handlers: RouteHandlers, options: { checkReplies: boolean; now?: () => Date }): Router {
  const router = Router();
  const now = options.now ?? (() => new Date());
  for (const name of Object.keys(apiRoutes) as ApiRouteName[]) {
    const spec: RouteSpec = apiRoutes[name];
    const handler = handlers[name] as ((ctx: HandlerContext<RouteSpec>) => Promise<unknown>) | undefined;
    if (!handler) continue;
    router[spec.method](spec.path, async (req, res) => {
      const { tenant, viewer } = authOf(req);
      if (spec.access === 'admin') requireAdmin(req);
      const params = parse(spec.params, req.params, 'params');
      // A GET carries no body; a POST without one is read as {} so optional-only bodies need none.
      const body = spec.body ? parse(spec.body, req.body ?? {}, 'body') : undefined;
      const reply = await handler({ req, tenant, viewer, params, body, now: now() } as HandlerContext<RouteSpec>);
      if (options.checkReplies) {
        const checked = spec.reply.safeParse(reply);
        if (!checked.success) throw new AppError('INTERNAL', undefined, { cause: new Error(`reply of ${name} breaks its contract: ${checked.error.message}`) });
      }
      res.status(spec.status ?? 200).json(reply);
    });
  }
  return router;
}
