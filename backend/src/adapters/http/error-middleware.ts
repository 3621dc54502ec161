/**
 * Turns anything thrown in a route into `{ error: { code, message, details? } }`. Known errors keep their message;
 * unknown ones are logged once here and answered with a generic INTERNAL message (no stack, no internals).
 */
import type { ErrorReply } from '@accord/shared';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError, isAppError } from '../../app/app-error';
import { CrmError } from '../crm/crm-error';
import { statusByCode } from './status';

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) {
    const details = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return new AppError('VALIDATION_FAILED', undefined, { details, cause: error });
  }
  if (error instanceof CrmError) {
    // What the rate governor could not ride out: tell the card to try again shortly, never the CRM's internals.
    const code = error.status === 429 ? 'CRM_RATE_LIMITED' : error.status === 404 ? 'NOT_FOUND' : 'CRM_UNAVAILABLE';
    return new AppError(code, undefined, { cause: error });
  }
  const bodyParserType = (error as { type?: string } | null)?.type;
  if (bodyParserType === 'entity.parse.failed') return new AppError('MALFORMED_JSON', undefined, { cause: error });
  if (bodyParserType === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', undefined, { cause: error });
  if (bodyParserType === 'encoding.unsupported' || bodyParserType === 'charset.unsupported') {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, { cause: error });
  }
  return new AppError('INTERNAL', undefined, { cause: error });
}

export const errorMiddleware: ErrorRequestHandler = (error, req, res, _next) => {
  const appError = toAppError(error);
  const status = statusByCode[appError.code];
  if (status >= 500) req.log.error({ err: appError.cause ?? appError, code: appError.code }, 'request failed');
  else req.log.info({ code: appError.code }, 'request rejected');
  if (res.headersSent) return;
  const body: ErrorReply = { error: { code: appError.code, message: appError.message } };
  if (appError.details !== undefined) body.error.details = appError.details;
  res.status(status).json(body);
};

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new AppError('NOT_FOUND', 'No such endpoint.'));
};
