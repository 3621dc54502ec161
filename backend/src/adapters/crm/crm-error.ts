/** The one shape a failed CRM call takes once it leaves a provider adapter; retries are decided from it alone. */
import type { Crm } from '@accord/shared';

export interface CrmErrorDetails {
  provider: Crm;
  /** HTTP status, or 0 for a network failure (no response). */
  status: number;
  /** Provider error code: HubSpot `policyName`/`category`, Salesforce `errorCode`, or a network code like ECONNRESET. */
  code?: string;
  /** What the response said to wait, in ms (Retry-After, or the rate-limit window), if anything. */
  retryAfterMs?: number;
  message: string;
}

export class CrmError extends Error {
  readonly provider: Crm;
  readonly status: number;
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(details: CrmErrorDetails, options?: { cause?: unknown }) {
    super(details.message, options);
    this.name = 'CrmError';
    this.provider = details.provider;
    this.status = details.status;
    this.code = details.code;
    this.retryAfterMs = details.retryAfterMs;
  }
}
