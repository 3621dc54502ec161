/**
 * jsforce 3.10 retries GET/PUT/HEAD/OPTIONS/DELETE on 420/429/5xx and on network errors, up to 5 times with
 * 0.5–8 s backoff (node_modules/jsforce/src/request.ts), and no Connection option turns that off. Accord retries
 * in exactly one place (decide-retry + its loop), so this switches jsforce's own loop off for one Connection by
 * passing `retry.maxRetries: 0` on every transport call. `_transport` is internal but typed public in 3.10.
 */
import type { Connection } from 'jsforce';

export function disableJsforceRetries(conn: Connection): void {
  const transport = conn._transport;
  const httpRequest = transport.httpRequest.bind(transport);
  transport.httpRequest = (request, options) => httpRequest(request, { ...options, retry: { ...options?.retry, maxRetries: 0 } });
}
