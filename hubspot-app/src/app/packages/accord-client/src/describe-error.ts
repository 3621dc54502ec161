/** What a person should read for an AccordApiError: a title, the server's own message, and whether retrying helps. */
import { errorMessages } from '@accord/shared';
import { isRetryable, type AccordApiError } from './api/accord-api-error';

export interface ErrorDescription {
  title: string;
  message: string;
  /** `lock` for permission problems, `error` otherwise (ErrorState types). */
  type: 'error' | 'lock';
  canRetry: boolean;
}

export function describeError(error: AccordApiError): ErrorDescription {
  switch (error.kind) {
    case 'not_configured':
      return { title: 'Accord is not set up yet', message: `${error.message} Ask your HubSpot admin to reinstall the app.`, type: 'error', canRetry: false };
    case 'unreachable':
    case 'timeout':
      return { title: 'Accord can’t be reached', message: `${error.message} Check your connection and try again.`, type: 'error', canRetry: true };
    case 'invalid_reply':
      return { title: 'Accord sent an unexpected answer', message: `${error.message} Try again; if it keeps happening, contact support.`, type: 'error', canRetry: true };
    case 'server':
      break;
  }
  const message = error.message || (error.code ? errorMessages[error.code] : 'Something went wrong.');
  switch (error.code) {
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
      return { title: 'You don’t have permission', message, type: 'lock', canRetry: false };
    case 'INSUFFICIENT_CREDITS':
      return { title: 'Not enough credits', message, type: 'error', canRetry: false };
    case 'CAP_EXCEEDED':
      return { title: 'Spending cap reached', message, type: 'error', canRetry: false };
    case 'MATCH_NEEDS_REVIEW':
      return { title: 'Confirm the match first', message, type: 'error', canRetry: false };
    case 'NOT_FOUND':
      return { title: 'Not found in Accord', message, type: 'error', canRetry: true };
    default:
      return { title: 'Accord couldn’t do that', message, type: 'error', canRetry: isRetryable(error) || error.code === 'CONFLICT' };
  }
}
