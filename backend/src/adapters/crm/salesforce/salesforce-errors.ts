/**
 * Turns whatever jsforce throws (API errors with `errorCode`, OAuth refresh errors named after the OAuth error,
 * Node network errors with `code`) into the one CrmError shape. jsforce 3 does not keep the HTTP status on its
 * errors, so the status is recovered from the error code: a table of the codes the REST API documents, plus
 * jsforce's own `ERROR_HTTP_<status>` fallback code.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
import { CrmError } from '../crm-error';

/** HTTP status per Salesforce errorCode. REQUEST_LIMIT_EXCEEDED is 403, as the org's allocation answers. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  INVALID_SESSION_ID: 401,
  REQUEST_LIMIT_EXCEEDED: 403,
  INSUFFICIENT_ACCESS: 403,
  API_DISABLED_FOR_ORG: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  UNKNOWN_EXCEPTION: 500,
  SERVER_UNAVAILABLE: 503,
};

/** Any other Salesforce errorCode is a request the API refused (MALFORMED_QUERY, INVALID_FIELD, ...). */
const DEFAULT_API_ERROR_STATUS = 400;
/** The token endpoint refusing a refresh means the connection needs re-authorising. */
const OAUTH_ERROR_STATUS = 401;

/**
 * jsforce's SessionRefreshDelegate re-throws a failed refresh as a bare Error with this prefix, dropping the OAuth
 * error name; what is left is an API call that answered 401 and could not be re-authorised.
 */
const REFRESH_FAILED = /^Unable to refresh session due to: /;
const HTTP_FALLBACK_CODE = /^ERROR_HTTP_(\d{3})$/;
const OAUTH_ERROR_NAME = /^[a-z_]+$/;
const NETWORK_CODE = /^(E[A-Z_]+|UND_ERR_[A-Z_]+|ABORT_ERR)$/;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  errorCode?: unknown;
  code?: unknown;
  cause?: unknown;
}

function asErrorLike(value: unknown): ErrorLike {
  return typeof value === 'object' && value !== null ? (value as ErrorLike) : {};
}

function networkCode(error: ErrorLike): string | undefined {
  for (const candidate of [error.code, asErrorLike(error.cause).code]) {
    if (typeof candidate === 'string' && NETWORK_CODE.test(candidate)) return candidate;
  }
  return undefined;
}

export function statusOfSalesforceCode(code: string): number {
  const fallback = HTTP_FALLBACK_CODE.exec(code);
  if (fallback?.[1]) return Number(fallback[1]);
  return STATUS_BY_CODE[code] ?? DEFAULT_API_ERROR_STATUS;
}

/** The CrmError for a failure jsforce reported, or undefined when the error is not a Salesforce/network failure (a bug). */
export function toSalesforceCrmError(error: unknown): CrmError | undefined {
  if (error instanceof CrmError) return error;
  const e = asErrorLike(error);
  const message = typeof e.message === 'string' && e.message !== '' ? e.message : String(error);

  if (typeof e.errorCode === 'string' && e.errorCode !== '') {
    return new CrmError({ provider: 'salesforce', status: statusOfSalesforceCode(e.errorCode), code: e.errorCode, message }, { cause: error });
  }
  const network = networkCode(e);
  if (network) {
    return new CrmError({ provider: 'salesforce', status: 0, code: network, message }, { cause: error });
  }
  if (REFRESH_FAILED.test(message)) {
    return new CrmError({ provider: 'salesforce', status: 401, code: 'INVALID_SESSION_ID', message }, { cause: error });
  }
  // OAuth token endpoint failures outside the refresh delegate: jsforce names the error after the OAuth `error` (invalid_grant) or ERROR_HTTP_<status>.
  if (typeof e.name === 'string' && (HTTP_FALLBACK_CODE.test(e.name) || OAUTH_ERROR_NAME.test(e.name))) {
    const status = HTTP_FALLBACK_CODE.test(e.name) ? statusOfSalesforceCode(e.name) : OAUTH_ERROR_STATUS;
    return new CrmError({ provider: 'salesforce', status, code: e.name, message }, { cause: error });
  }
  return undefined;
}

/** Runs one jsforce call; Salesforce and network failures leave as CrmError, anything else (a bug) unchanged. */
export async function callSalesforce<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toSalesforceCrmError(error) ?? error;
  }
}
