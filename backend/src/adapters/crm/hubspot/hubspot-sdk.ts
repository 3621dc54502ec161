/**
 * The one way this folder calls @hubspot/api-client: an SDK Client per current access token (asked before every
 * request), retries off (Accord retries in one place, decide-retry.ts; the SDK's retry settings are process-wide
 * anyway, platform/hubspot.md §6), and every failure turned into a CrmError.
 */
import { Client } from '@hubspot/api-client';
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
 * The SDK cannot parse a body without Content-Type and then throws a plain Error that has lost the HTTP status
 * (seen with bare 502/504s). Labelling such bodies text/plain makes it throw ApiException with the status instead.
 * In 13.5 the Client's `middleware` option is ignored by the generated APIs (they only run call-time middleware),
 * so this goes into every call's options.
 */
export const CALL_OPTIONS = {
  middlewareMergeStrategy: 'append' as const,
  middleware: [
    {
      pre: <T>(context: T) => Promise.resolve(context),
      post: <T extends { headers: Record<string, string> }>(context: T) => {
        if (context.headers['content-type'] === undefined) context.headers['content-type'] = 'text/plain';
        return Promise.resolve(context);
      },
    },
  ],
};

export type HubspotCaller = <T>(operation: string, run: (client: Client) => Promise<T>) => Promise<T>;

export function createHubspotCaller(options: HubspotClientOptions): HubspotCaller {
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

  return async function call<T>(operation: string, run: (client: Client) => Promise<T>): Promise<T> {
    const client = await sdk();
    try {
      return await run(client);
    } catch (error) {
      throw toCrmError(error, `${operation}${where}`);
    }
  };
}
