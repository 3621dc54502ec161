/**
 * Public types of the sandbox HubSpot: the in-memory stand-in for HubSpot's CRM v3 API that tests, benchmarks
 * and the demo point the real `@hubspot/api-client` at.
 */

export type ObjectType = 'companies' | 'contacts';
export const OBJECT_TYPES: readonly ObjectType[] = ['companies', 'contacts'];

export type PropertyValues = Record<string, string | null>;

/** A record exactly as the sandbox serves it over HTTP. */
export interface CrmRecord {
  id: string;
  properties: PropertyValues;
  createdAt: string;
  updatedAt: string;
  archived: false;
}

export interface SeedRecord {
  id?: string;
  properties: PropertyValues;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  bodyBytes: number;
  status: number;
  /** Sandbox clock when the request arrived (ms since epoch). */
  at: number;
  durationMs: number;
}

export interface FaultOptions {
  /** The next N CRM requests answer 429 (TEN_SECONDLY_ROLLING body and headers). */
  status429?: number;
  /** The next N CRM requests answer 500. */
  status5xx?: number;
  /** Every later request waits this long before being answered (0 turns it off). */
  delayMs?: number;
  /** Batch inputs with these ids fail with a per-record error (207 Multi-Status); [] clears. */
  failIds?: string[];
}

export interface RateLimitOptions {
  max: number;
  windowMs: number;
}

export interface HubspotSandboxOptions {
  /** Rolling window per portal; default 110 per 10,000 ms (OAuth apps, platform/hubspot.md §6). */
  rateLimit?: RateLimitOptions;
  /** The CRM search API's own limit; default 5 per 1,000 ms per portal. */
  searchRateLimit?: RateLimitOptions;
  portalId?: number;
  /** Source of "now" for timestamps, token expiry and rate windows; default Date.now. */
  clock?: () => number;
}

export interface IssuedToken {
  accessToken: string;
  refreshToken: string;
  expiresIn: 1800;
}

export interface HubspotSandbox {
  url: string;
  portalId: number;
  close(): Promise<void>;
  seed(objectType: ObjectType, records: SeedRecord[]): CrmRecord[];
  get(objectType: ObjectType, hubspotObjectId: string): CrmRecord | undefined;
  all(objectType: ObjectType): CrmRecord[];
  readonly requests: readonly RecordedRequest[];
  /** +1 per property whose value really changed on create/update through the API (seeding adds 0). */
  readonly automationEvents: number;
  injectFaults(faults: FaultOptions): void;
  clearFaults(): void;
  /** A list (HubSpot's saved segment) of fixed members; returns its id. */
  createList(input: { name: string; objectType: ObjectType; recordIds: readonly string[] }): string;
  /** A user of the portal, as GET /settings/v3/users/{userId} describes them. */
  addUser(user: { id: string; email: string; superAdmin: boolean }): void;
  issueToken(): IssuedToken;
  /** A single-use code for the authorization_code grant of POST /oauth/v1/token. */
  issueAuthorizationCode(): string;
}
