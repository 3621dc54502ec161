/** The one error vocabulary shared by the backend and every card: codes, default messages, and the reply shape. */
import { z } from 'zod';

export const errorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'SIGNATURE_INVALID',
  'SIGNATURE_STALE',
  'SIGNATURE_REPLAYED',
  'FORBIDDEN',
  'CONFLICT',
  'ILLEGAL_TRANSITION',
  'IDEMPOTENCY_CONFLICT',
  'INSUFFICIENT_CREDITS',
  'CAP_EXCEEDED',
  'MATCH_NEEDS_REVIEW',
  'RATE_LIMITED',
  'CRM_UNAVAILABLE',
  'CRM_RATE_LIMITED',
  'NOT_READY',
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** Default human message per code; exhaustive so a new code cannot ship without one. */
export const errorMessages: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request is not valid.',
  MALFORMED_JSON: 'The request body is not valid JSON.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body must be application/json.',
  NOT_FOUND: 'Not found.',
  UNAUTHENTICATED: 'The request is not authenticated.',
  SIGNATURE_INVALID: 'The request signature is not valid.',
  SIGNATURE_STALE: 'The request signature has expired.',
  SIGNATURE_REPLAYED: 'The request was already received.',
  FORBIDDEN: 'You do not have permission to do this.',
  CONFLICT: 'The request conflicts with the current state.',
  ILLEGAL_TRANSITION: 'That action is not allowed in the current state.',
  IDEMPOTENCY_CONFLICT: 'This idempotency key was already used for a different request.',
  INSUFFICIENT_CREDITS: 'Not enough credits.',
  CAP_EXCEEDED: 'A spending cap would be exceeded.',
  MATCH_NEEDS_REVIEW: 'The match must be confirmed by a person first.',
  RATE_LIMITED: 'Too many requests; try again shortly.',
  CRM_UNAVAILABLE: 'The CRM did not answer; try again shortly.',
  CRM_RATE_LIMITED: 'The CRM rate limit was reached; try again shortly.',
  NOT_READY: 'The service is not ready.',
  INTERNAL: 'Something went wrong on our side.',
};

export const errorReplySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorReply = z.infer<typeof errorReplySchema>;

/** Field-level detail carried by VALIDATION_FAILED replies. */
export const validationIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;
