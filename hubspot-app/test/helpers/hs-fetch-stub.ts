/**
 * A stand-in for HubSpot's `hsFetch` worker global. Replies are queued per route name and validated against the
 * shared schemas before they are served: a success reply must parse with the route's reply schema, an error reply
 * with `errorReplySchema`. So a contract change breaks these tests instead of passing silently.
 */
import { apiRoutes, errorReplySchema, type ApiRouteName, type ErrorCode, type RouteSpec } from '@accord/shared';
import type { z } from 'zod';

export type StubReply =
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'network-error'; message: string }
  | { kind: 'hang' }
  | { kind: 'deferred'; promise: Promise<StubReply> };

export interface RecordedCall {
  url: URL;
  method: string;
  body: unknown;
  timeout: number | undefined;
  route: ApiRouteName;
}

export interface HsFetchStub {
  /** Queue a success reply for a route; the data is parsed with the route's reply schema first. */
  reply<N extends ApiRouteName>(route: N, data: z.input<(typeof apiRoutes)[N]['reply']>): HsFetchStub;
  /** Queue an Accord error reply `{ error: { code, message } }` with an HTTP status. */
  fail(route: ApiRouteName, status: number, code: ErrorCode, message: string): HsFetchStub;
  /** Queue any other reply (network error, non-Accord body, a reply that never comes, one released later). */
  raw(route: ApiRouteName, reply: StubReply): HsFetchStub;
  /** Queue a reply the test releases itself; resolves the returned function's argument when called. */
  defer(route: ApiRouteName): (reply: StubReply) => void;
  calls: RecordedCall[];
  callsTo(route: ApiRouteName): RecordedCall[];
}

const routeEntries = Object.entries(apiRoutes) as [ApiRouteName, (typeof apiRoutes)[ApiRouteName]][];

function routeOf(method: string, pathname: string): ApiRouteName {
  for (const [name, route] of routeEntries) {
    if (route.method.toUpperCase() !== method) continue;
    const pattern = new RegExp(`^/api/v1${route.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`);
    if (pattern.test(pathname)) return name;
  }
  throw new Error(`no route in apiRoutes for ${method} ${pathname}`);
}

function toResponse(reply: StubReply): Promise<Response> {
  switch (reply.kind) {
    case 'json':
      return Promise.resolve({
        ok: reply.status >= 200 && reply.status < 300,
        status: reply.status,
        json: () => Promise.resolve(reply.body),
      } as Response);
    case 'network-error':
      return Promise.reject(new TypeError(reply.message));
    case 'hang':
      return new Promise<Response>(() => undefined);
    case 'deferred':
      return reply.promise.then(toResponse);
  }
}

export function stubHsFetch(): HsFetchStub {
  const queues = new Map<ApiRouteName, StubReply[]>();
  const calls: RecordedCall[] = [];
  const enqueue = (route: ApiRouteName, reply: StubReply) => {
    queues.set(route, [...(queues.get(route) ?? []), reply]);
  };
  const stub: HsFetchStub = {
    reply(route, data) {
      const spec: RouteSpec = apiRoutes[route];
      enqueue(route, { kind: 'json', status: spec.status ?? 200, body: apiRoutes[route].reply.parse(data) });
      return stub;
    },
    fail(route, status, code, message) {
      enqueue(route, { kind: 'json', status, body: errorReplySchema.parse({ error: { code, message } }) });
      return stub;
    },
    raw(route, reply) {
      enqueue(route, reply);
      return stub;
    },
    defer(route) {
      let release: (reply: StubReply) => void = () => undefined;
      enqueue(route, { kind: 'deferred', promise: new Promise<StubReply>((resolve) => (release = resolve)) });
      return (reply) => release(reply);
    },
    calls,
    callsTo: (route) => calls.filter((call) => call.route === route),
  };
  (globalThis as unknown as { hsFetch: unknown }).hsFetch = (input: string, options: { method?: string; body?: unknown; timeout?: number } = {}) => {
    const url = new URL(input);
    const method = options.method ?? 'GET';
    const route = routeOf(method, url.pathname);
    calls.push({ url, method, body: options.body, timeout: options.timeout, route });
    const next = queues.get(route)?.shift();
    if (!next) return Promise.reject(new Error(`no reply queued for ${route} (${method} ${url.pathname})`));
    return toResponse(next);
  };
  return stub;
}

/** Queue a success reply produced by the route's own schema from a fixture builder. */
export function jsonReply(status: number, body: unknown): StubReply {
  return { kind: 'json', status, body };
}
