/**
 * The sandbox Salesforce org: a node:http server the real jsforce Connection can point at
 * (`instanceUrl` and `oauth2.loginUrl` = `sandbox.url`). It authenticates every API call, counts it against the
 * daily allocation (403 REQUEST_LIMIT_EXCEEDED when spent), adds `Sforce-Limit-Info`, applies injected faults,
 * refuses DELETE with 405 and records every request for assertions.
 */
import http from 'node:http';
import { apiError, type ApiReply } from './api-reply';
import type { SandboxSObject } from './describe';
import { SandboxOAuth, type SandboxTokens } from './oauth';
import { QueryCursors } from './query-cursors';
import { toId18 } from './record-ids';
import type { SandboxListView } from './list-views';
import { routeApiCall } from './routes';
import { SandboxStore } from './store';
import { listenOnLoopback } from '../loopback';
import { isDeleteAttempt, recordDeleteAttempt } from '../delete-attempts';

export interface SalesforceSandboxOptions {
  /** Daily API request allocation (default 100,000, an Enterprise Edition base). */
  dailyLimit?: number;
  /** Requests already counted against today's allocation at start, as if other integrations had made them. */
  apiUsageAtStart?: number;
  /** Milliseconds since the epoch; drives CreatedDate/LastModifiedDate and token issued_at. */
  clock?: () => number;
}

export interface SandboxFaults {
  /** The next N API calls answer 503 SERVER_UNAVAILABLE (not counted against the allocation). */
  status5xx?: number;
  /** While true, every API call answers 403 REQUEST_LIMIT_EXCEEDED as if the allocation were spent. */
  requestLimitExceeded?: boolean;
  /** Delay before every response, in milliseconds. */
  delayMs?: number;
  /** Records (15- or 18-character Ids) that fail collection updates with a per-record validation error. */
  failIds?: string[];
}

export interface SandboxRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
}

export interface SalesforceSandbox {
  /** `http://127.0.0.1:PORT`: both the instance URL and the login URL. */
  url: string;
  close(): Promise<void>;
  seed(sobject: SandboxSObject, records: Record<string, unknown>[]): string[];
  get(sobject: SandboxSObject, id: string): Record<string, unknown> | undefined;
  all(sobject: SandboxSObject): Record<string, unknown>[];
  readonly requests: readonly SandboxRequest[];
  readonly automationEvents: number;
  readonly apiUsage: { used: number; limit: number };
  /** A list view (Salesforce's saved segment) of fixed members; returns its 18-character id. */
  createListView(input: { sobject: SandboxSObject; label: string; recordIds: readonly string[] }): string;
  injectFaults(faults: SandboxFaults): void;
  clearFaults(): void;
  issueTokens(): SandboxTokens;
  issueAuthorizationCode(): string;
  expireAccessTokens(): void;
}

const API_PATH = /^\/services\/data\/(v\d+\.\d)(\/.*)?$/;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export async function startSalesforceSandbox(options: SalesforceSandboxOptions = {}): Promise<SalesforceSandbox> {
  const clock = options.clock ?? Date.now;
  const store = new SandboxStore(clock);
  const cursors = new QueryCursors(store);
  const listViews = new Map<string, SandboxListView>();
  const oauth = new SandboxOAuth(clock);
  const usage = { used: options.apiUsageAtStart ?? 0, limit: options.dailyLimit ?? 100_000 };
  const requests: SandboxRequest[] = [];
  let faults: { status5xx: number; requestLimitExceeded: boolean; delayMs: number; failIds: Set<string> } = {
    status5xx: 0, requestLimitExceeded: false, delayMs: 0, failIds: new Set(),
  };
  let baseUrl = '';

  async function handle(req: http.IncomingMessage, url: URL, rawBody: string): Promise<ApiReply> {
    const method = req.method ?? 'GET';
    // Accord never deletes CRM data; refuse loudly so a test can catch any attempt.
    if (method === 'DELETE') return apiError(405, 'METHOD_NOT_ALLOWED', "HTTP Method 'DELETE' not allowed. Allowed are GET,PATCH,POST");
    if (url.pathname === '/services/oauth2/token') {
      if (method !== 'POST') return apiError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are POST`);
      return oauth.token(new URLSearchParams(rawBody), baseUrl);
    }
    const match = url.pathname.match(API_PATH);
    if (!match?.[1]) return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    if (!oauth.isValidAccessToken(req.headers.authorization)) return apiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    if (faults.requestLimitExceeded || usage.used >= usage.limit) return apiError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    if (faults.status5xx > 0) {
      faults.status5xx -= 1;
      return apiError(503, 'SERVER_UNAVAILABLE', 'Service temporarily unavailable (injected fault)');
    }
    usage.used += 1;
    const body = parseJson(rawBody);
    if (!body.ok) return apiError(400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON');
    return routeApiCall(
      { method, resource: match[2] ?? '/', apiBase: `/services/data/${match[1]}`, query: url.searchParams, body: body.value, headers: req.headers },
      { store, cursors, listViews, failIds: faults.failIds, apiUsage: { ...usage } },
    );
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (isDeleteAttempt(req.method ?? 'GET', url.pathname)) recordDeleteAttempt('salesforce', { method: req.method ?? 'GET', path: url.pathname });
    const respond = (reply: ApiReply): void => {
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), status: reply.status });
      res.writeHead(reply.status, {
        'content-type': 'application/json;charset=UTF-8',
        'sforce-limit-info': `api-usage=${usage.used}/${usage.limit}`,
      });
      res.end(JSON.stringify(reply.body));
    };
    readBody(req)
      .then(async (rawBody) => {
        const reply = await handle(req, url, rawBody);
        if (faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
        respond(reply);
      })
      .catch((error: unknown) => respond(apiError(500, 'UNKNOWN_EXCEPTION', error instanceof Error ? error.message : String(error))));
  });

  const listening = await listenOnLoopback(server);
  baseUrl = listening.url;

  return {
    url: baseUrl,
    close: listening.close,
    seed: (sobject, records) => store.seed(sobject, records),
    createListView: ({ sobject, label, recordIds }) => {
      const id = `00B${String(listViews.size + 1).padStart(12, '0')}AAA`;
      listViews.set(id, { id, sobject, label, recordIds: [...recordIds] });
      return id;
    },
    get: (sobject, id) => {
      const found = store.find(id);
      return found && found.sobject === sobject ? store.toApiRecord(sobject, found.record) : undefined;
    },
    all: (sobject) => store.list(sobject).map((record) => store.toApiRecord(sobject, record)),
    requests,
    get automationEvents() {
      return store.automationEvents;
    },
    get apiUsage() {
      return { ...usage };
    },
    injectFaults: (next) => {
      faults = {
        status5xx: next.status5xx ?? faults.status5xx,
        requestLimitExceeded: next.requestLimitExceeded ?? faults.requestLimitExceeded,
        delayMs: next.delayMs ?? faults.delayMs,
        failIds: next.failIds ? new Set(next.failIds.map((id) => toId18(id) ?? id)) : faults.failIds,
      };
    },
    clearFaults: () => {
      faults = { status5xx: 0, requestLimitExceeded: false, delayMs: 0, failIds: new Set() };
    },
    issueTokens: () => oauth.issueTokens(),
    issueAuthorizationCode: () => oauth.issueAuthorizationCode(),
    expireAccessTokens: () => oauth.expireAccessTokens(),
  };
}
