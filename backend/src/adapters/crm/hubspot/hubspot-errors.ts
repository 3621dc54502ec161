/**
 * Turns what @hubspot/api-client throws into a CrmError. The client throws `ApiException { code: HTTP status, body,
 * headers }` for every non-2xx answer, and node-fetch's FetchError (`code` like ECONNREFUSED) when no answer came.
 * Anything else (our own bugs, unparseable bodies) is not a CRM failure we understand and is rethrown unchanged.
 */
import { CrmError } from '../crm-error';

const RATE_WINDOW_HEADER = 'x-hubspot-ratelimit-interval-milliseconds';

interface HttpFailure {
  code: number;
  body?: unknown;
  headers?: Record<string, string | undefined>;
}

function isHttpFailure(error: unknown): error is HttpFailure {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number';
}

/** node-fetch FetchError and Node system errors carry a string `code`, sometimes only on `cause`. */
function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; typeof e === 'object' && e !== null && depth < 3; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function field(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function header(headers: HttpFailure['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

function retryAfterMs(failure: HttpFailure): number | undefined {
  if (failure.code !== 429) return undefined;
  const raw = header(failure.headers, RATE_WINDOW_HEADER);
  if (raw !== undefined && /^\d{1,9}$/.test(raw.trim())) return Number(raw.trim());
  const seconds = header(failure.headers, 'retry-after');
  return seconds !== undefined && /^\d{1,6}$/.test(seconds.trim()) ? Number(seconds.trim()) * 1000 : undefined;
}

/** `operation` names the call for the message, e.g. "search companies". */
export function toCrmError(error: unknown, operation: string): unknown {
  if (error instanceof CrmError) return error;
  if (isHttpFailure(error)) {
    const { body } = error;
    const code = error.code === 429 ? (field(body, 'policyName') ?? field(body, 'category')) : field(body, 'category');
    const detail = field(body, 'message') ?? (typeof body === 'string' ? body.slice(0, 300) : 'no message');
    const wait = retryAfterMs(error);
    return new CrmError(
      {
        provider: 'hubspot',
        status: error.code,
        ...(code !== undefined && { code }),
        ...(wait !== undefined && { retryAfterMs: wait }),
        message: `HubSpot ${operation} failed with ${error.code}: ${detail}`,
      },
      { cause: error },
    );
  }
  const code = networkCode(error);
  if (code !== undefined) {
    const detail = error instanceof Error ? error.message : String(error);
    return new CrmError({ provider: 'hubspot', status: 0, code, message: `HubSpot ${operation} failed (${code}): ${detail}` }, { cause: error });
  }
  return error;
}
