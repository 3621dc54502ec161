/**
 * The only caller of `hubspot.fetch` in Accord's HubSpot app. It builds URLs from the shared route table, adds the
 * viewer's identity from the extension context to the query string (HubSpot signs the whole URL with
 * X-HubSpot-Signature-v3; we sign nothing), bounds every call with a timeout, validates request bodies and parses
 * every reply with the shared zod schemas, and turns every failure into one AccordApiError.
 * Limits: https://developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensibility/fetching-data
 */
import { hubspot } from '@hubspot/ui-extensions';
import { apiPath, apiRoutes, errorReplySchema, type ApiRouteName } from '@accord/shared';
import type { z } from 'zod';
import { AccordApiError } from './accord-api-error';

type RouteOf<N extends ApiRouteName> = (typeof apiRoutes)[N];
export type ReplyOf<N extends ApiRouteName> = z.infer<RouteOf<N>['reply']>;
type BodyOf<N extends ApiRouteName> = RouteOf<N> extends { body: infer B extends z.ZodType } ? z.input<B> : never;
type HasParams<N extends ApiRouteName> = RouteOf<N> extends { params: z.ZodType } ? true : false;

export type CallInput<N extends ApiRouteName> = (HasParams<N> extends true ? { params: Record<string, string> } : { params?: undefined }) &
  ([BodyOf<N>] extends [never] ? { body?: undefined } : { body: BodyOf<N> });

/** Who is asking, from the extension context; the backend checks it against the signature and its own records. */
export interface RequestIdentity {
  portalId: number;
  userId: number;
  objectId?: number;
  /** HubSpot's object type id from the context, e.g. '0-2' for companies. */
  objectType?: string;
}

export interface AccordApiOptions {
  /** Backend origin, e.g. `https://api.accord.example`; it must also be listed in `permittedUrls.fetch`. */
  origin: string | undefined;
  identity: RequestIdentity;
  /** HubSpot's default is 15 s; Accord's card calls are short, so we give up sooner. */
  timeoutMs?: number;
}

export interface AccordApi {
  call<N extends ApiRouteName>(name: N, input: CallInput<N>): Promise<ReplyOf<N>>;
}

export const defaultTimeoutMs = 10_000;

const originPattern = /^https:\/\/[A-Za-z0-9.-]+(:\d+)?$/;

export function createAccordApi(options: AccordApiOptions): AccordApi {
  const origin = options.origin?.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  return {
    async call(name, input) {
      if (!origin || !originPattern.test(origin)) {
        throw new AccordApiError({ kind: 'not_configured', message: 'The Accord backend address is not configured for this HubSpot account.' });
      }
      const route = apiRoutes[name];
      const url = `${origin}${apiPath(route.path, input.params ?? {})}?${identityQuery(options.identity)}`;
      const method = route.method.toUpperCase() as 'GET' | 'POST' | 'PUT';
      // A POST without a body schema (rematch) still sends `{}`, so every mutation arrives as JSON.
      const body = 'body' in route && input.body !== undefined ? (route.body.parse(input.body) as Record<string, unknown>) : method === 'GET' ? undefined : {};
      const response = await fetchWithTimeout(url, { method, body, timeoutMs });
      return parseReply(response, route.reply) as Promise<ReplyOf<typeof name>>;
    },
  };
}

export function identityQuery(identity: RequestIdentity): string {
  const query = new URLSearchParams({ portalId: String(identity.portalId), userId: String(identity.userId) });
  if (identity.objectId !== undefined) query.set('objectId', String(identity.objectId));
  if (identity.objectType !== undefined) query.set('objectType', identity.objectType);
  return query.toString();
}

interface FetchInput {
  method: 'GET' | 'POST' | 'PUT';
  body: Record<string, unknown> | undefined;
  timeoutMs: number;
}

async function fetchWithTimeout(url: string, { method, body, timeoutMs }: FetchInput): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AccordApiError({ kind: 'timeout', message: `Accord did not answer within ${Math.round(timeoutMs / 1000)} seconds.` })),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([hubspot.fetch(url, { method, timeout: timeoutMs, ...(body ? { body } : {}) }), timeout]);
  } catch (error) {
    if (error instanceof AccordApiError) throw error;
    throw new AccordApiError({ kind: 'unreachable', message: 'Accord could not be reached.', cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * HubSpot's fetch proxy reports an app server's 3xx-5xx as its own error envelope
 * `{ status: 'error', responseBody, context: { appServerStatusCode: ['409'] } }` (mirrored by
 * @hubspot/ui-extensions-dev-server's AppProxyService). Unwrap it so Accord's own error reply is read either way.
 */
function unwrapProxyEnvelope(json: unknown, status: number): { body: unknown; status: number } {
  if (typeof json !== 'object' || json === null || !('responseBody' in json) || !('context' in json)) return { body: json, status };
  const context = (json as { context?: { appServerStatusCode?: unknown } }).context;
  const code = Array.isArray(context?.appServerStatusCode) ? Number(context.appServerStatusCode[0]) : NaN;
  return { body: (json as { responseBody: unknown }).responseBody, status: Number.isInteger(code) ? code : status };
}

async function parseReply(response: Response, schema: z.ZodType): Promise<unknown> {
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  const { body, status } = unwrapProxyEnvelope(json, response.status);
  if (!response.ok || status >= 300) {
    const reply = errorReplySchema.safeParse(body);
    if (reply.success) {
      const { code, message, details } = reply.data.error;
      throw new AccordApiError({ kind: 'server', code, message, details, status });
    }
    // No Accord error body: a proxy, gateway or HubSpot itself answered, so Accord was not reached.
    throw new AccordApiError({ kind: 'unreachable', message: `Accord could not be reached (HTTP ${status}).`, status });
  }
  const reply = schema.safeParse(body);
  if (!reply.success) {
    throw new AccordApiError({
      kind: 'invalid_reply',
      message: 'Accord answered with data this version of the app does not understand.',
      status,
      details: reply.error.issues.slice(0, 5).map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  return reply.data;
}
