/**
 * The one way this folder calls @hubspot/api-client: an SDK Client per current access token (asked before every
 * request), retries off (Accord retries in one place, decide-retry.ts; the SDK's retry settings are process-wide
 * anyway, platform/hubspot.md §6), and every failure turned into a CrmError.
 */
import { Client } from '@hubspot/api-client';
import { readHubspotQuota, type QuotaReading } from '../rate-limit-headers';
import { toCrmError } from './hubspot-errors';

export interface HubspotClientOptions {
  /** A fixed token, or a function returning the current one (called before every request). */
  accessToken: string | (() => Promise<string>);
  /** Defaults to https://api.hubapi.com. */
  basePath?: string;
  /** Only used to say whose portal failed in error messages. */
  portalId?: string;
}

/**
 * Call-time middleware (in 13.5 the Client's `middleware` option is ignored by the generated APIs, so it goes into
 * every call's options). It reads the quota headers of every response, and labels a body without Content-Type as
 * text/plain: the SDK cannot parse such a body (seen with bare 502/504s) and would throw a plain Error that has lost
 * the HTTP status, instead of ApiException with it.
 */
function callOptions(onHeaders: (headers: Record<string, string>) => void) {
  return {
    middlewareMergeStrategy: 'append' as const,
    middleware: [
      {
        pre: <T>(context: T) => Promise.resolve(context),
        post: <T extends { headers: Record<string, string> }>(context: T) => {
          onHeaders(context.headers);
          if (context.headers['content-type'] === undefined) context.headers['content-type'] = 'text/plain';
          return Promise.resolve(context);
        },
      },
    ],
  };
}

export interface HubspotCaller {
  /** `run` gets the SDK client and the options to pass as every SDK call's last argument. */
  <T>(operation: string, run: (client: Client, options: ReturnType<typeof callOptions>) => Promise<T>): Promise<T>;
  /** The quota headers of the latest response that had them (search responses have none). */
  quota(): QuotaReading | undefined;
}

export function createHubspotCaller(options: HubspotClientOptions): HubspotCaller {
  let quota: QuotaReading | undefined;
  const perCall = callOptions((headers) => {
    quota = readHubspotQuota(headers) ?? quota;
  });
  const tokenSource = options.accessToken;
  let cached: { token: string; client: Client } | undefined;
  const where = options.portalId ? ` (portal ${options.portalId})` : '';

  async function sdk(): Promise<Client> {
    const token = typeof tokenSource === 'string' ? tokenSource : await tokenSource();
    if (cached?.token !== token) {
      const config = { accessToken: token, numberOfApiCallRetries: 0, ...(options.basePath !== undefined && { basePath: options.basePath }) };
      cached = { token, client: new Client(config) };
    }
    return cached.client;
  };

  async function call<T>(operation: string, run: (client: Client, callOptions: typeof perCall) => Promise<T>): Promise<T> {
    const client = await sdk();
    try {
      return await run(client, perCall);
    } catch (error) {
      throw toCrmError(error, `${operation}${where}`);
    }
  }
  return Object.assign(call, { quota: () => quota });
}
