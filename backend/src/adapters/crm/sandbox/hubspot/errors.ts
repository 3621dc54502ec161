/**
 * HubSpot-shaped error replies. Handlers throw `SandboxHttpError`; the server turns it into the status and body.
 * Body shapes follow platform/hubspot.md §6 (`{status:'error', message, correlationId, category}`).
 */
import { randomUUID } from 'node:crypto';

export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
  }
}

export function newCorrelationId(): string {
  return randomUUID();
}

export function hubspotErrorBody(message: string, category: string, extra: Record<string, unknown> = {}) {
  return { status: 'error', message, correlationId: newCorrelationId(), category, ...extra };
}

export function validationError(message: string, extra: Record<string, unknown> = {}): SandboxHttpError {
  return new SandboxHttpError(400, hubspotErrorBody(message, 'VALIDATION_ERROR', extra));
}

export function notFoundError(message: string): SandboxHttpError {
  return new SandboxHttpError(404, hubspotErrorBody(message, 'OBJECT_NOT_FOUND'));
}

export function conflictError(message: string): SandboxHttpError {
  return new SandboxHttpError(409, hubspotErrorBody(message, 'OBJECT_ALREADY_EXISTS'));
}

export function rateLimitBody(message: string, policyName: string) {
  return { status: 'error', message, errorType: 'RATE_LIMIT', correlationId: newCorrelationId(), policyName };
}
