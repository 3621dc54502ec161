/**
 * The one error the card and the App Home page see from Accord's API: a server error reply, a network failure,
 * a timeout, a reply that breaks the contract, or a project that has no backend origin configured.
 */
import type { ErrorCode } from '@accord/shared';

export type AccordApiErrorKind = 'server' | 'unreachable' | 'timeout' | 'invalid_reply' | 'not_configured';

export interface AccordApiErrorInit {
  kind: AccordApiErrorKind;
  message: string;
  /** The server's code, when Accord itself answered with an error reply. */
  code?: ErrorCode | null;
  status?: number | null;
  details?: unknown;
  cause?: unknown;
}

export class AccordApiError extends Error {
  readonly kind: AccordApiErrorKind;
  readonly code: ErrorCode | null;
  readonly status: number | null;
  readonly details: unknown;

  constructor(init: AccordApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AccordApiError';
    this.kind = init.kind;
    this.code = init.code ?? null;
    this.status = init.status ?? null;
    this.details = init.details;
  }
}

/** Anything a request threw, as an AccordApiError (a bug in our own code counts as "unreachable" with its message). */
export function toAccordApiError(error: unknown): AccordApiError {
  if (error instanceof AccordApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AccordApiError({ kind: 'unreachable', message, cause: error });
}

/** Whether trying the same request again may help: transient failures yes, a refusal no. */
export function isRetryable(error: AccordApiError): boolean {
  if (error.kind === 'unreachable' || error.kind === 'timeout') return true;
  if (error.kind !== 'server') return false;
  return error.code === 'RATE_LIMITED' || error.code === 'CRM_UNAVAILABLE' || error.code === 'CRM_RATE_LIMITED' || error.code === 'NOT_READY' || error.code === 'INTERNAL';
}
