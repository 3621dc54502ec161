/**
 * The sandbox HubSpot HTTP server (node:http on 127.0.0.1, port 0). Order per request, as HubSpot answers:
 * DELETE/archive refused (405) → injected faults → OAuth bearer check (401) → per-portal rate limit (429)
 * → route. Every request, refused or not, is recorded in `requests`.
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { runBatch, type BatchAction, type Reply } from './batch';
import { hubspotErrorBody, rateLimitBody, SandboxHttpError, validationError } from './errors';
import { createObject, getObject, listObjects, searchObjects, updateObject } from './objects';
import { TokenStore } from './oauth';
import { routeLists, type SandboxList } from './lists';
import { routeUsers, type SandboxUser } from './users';
import { createGroup, createProperty, getProperty, listGroups, listProperties } from './properties';
import { RollingWindowLimiter, type RateDecision } from './rate-limit';
import { SandboxStore } from './store';
import type { HubspotSandbox, HubspotSandboxOptions, ObjectType, RecordedRequest } from './types';
import { listenOnLoopback } from '../loopback';
import { isDeleteAttempt, recordDeleteAttempt } from '../delete-attempts';

const DEFAULT_RATE_LIMIT = { max: 110, windowMs: 10_000 };
const DEFAULT_SEARCH_RATE_LIMIT = { max: 5, windowMs: 1_000 };
const DEFAULT_PORTAL_ID = 62_000_001;

interface FullReply extends Reply {
  headers?: Record<string, string>;
}

interface FaultState {
  status429: number;
  status5xx: number;
  delayMs: number;
  failIds: Set<string>;
}

export async function startHubspotSandbox(options: HubspotSandboxOptions = {}): Promise<HubspotSandbox> {
  const clock = options.clock ?? Date.now;
  const portalId = options.portalId ?? DEFAULT_PORTAL_ID;
  const store = new SandboxStore(clock);
  const tokens = new TokenStore(portalId, clock);
  const limiter = new RollingWindowLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, clock);
  const searchLimiter = new RollingWindowLimiter(options.searchRateLimit ?? DEFAULT_SEARCH_RATE_LIMIT, clock);
  const faults: FaultState = { status429: 0, status5xx: 0, delayMs: 0, failIds: new Set() };
  const requests: RecordedRequest[] = [];
  let baseUrl = '';

  const dispatch = async (method: string, url: URL, raw: Buffer, authorization: string | undefined): Promise<FullReply> => {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (method === 'DELETE' || path.endsWith('/batch/archive')) {
      const message = `${method} ${path} is refused by the sandbox: Accord never deletes or archives CRM records.`;
      return { status: 405, body: hubspotErrorBody(message, 'METHOD_NOT_ALLOWED'), headers: { Allow: 'GET, POST, PATCH' } };
    }
    if (faults.delayMs > 0) await sleep(faults.delayMs);
    if (method === 'POST' && path === '/oauth/v1/token') {
      return { status: 200, body: tokens.exchange(new URLSearchParams(raw.toString('utf8'))) };
    }
    const tokenInfo = method === 'GET' ? /^\/oauth\/v1\/access-tokens\/([^/]+)$/.exec(path) : null;
    if (tokenInfo) {
      const info = tokens.describe(decodeURIComponent(tokenInfo[1] ?? ''));
      return info ? { status: 200, body: info } : { status: 404, body: hubspotErrorBody('The access token does not exist.', 'NOT_FOUND') };
    }
    const isSearch = /^\/crm\/v3\/objects\/[^/]+\/search$/.test(path);
    if (faults.status429 > 0) {
      faults.status429 -= 1;
      const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
      return tooManyRequests({ allowed: false, max: limit.max, remaining: 0, windowMs: limit.windowMs }, isSearch);
    }
    if (faults.status5xx > 0) {
      faults.status5xx -= 1;
      return { status: 500, body: hubspotErrorBody('internal error', 'INTERNAL_ERROR') };
    }
    const auth = tokens.verify(authorization);
    if (!auth.ok) return { status: auth.error.status, body: auth.error.body };
    const decision = (isSearch ? searchLimiter : limiter).take(String(auth.portalId));
    if (!decision.allowed) return tooManyRequests(decision, isSearch);
    // Search responses carry no rate-limit headers (platform/hubspot.md §6).
    const headers = isSearch ? {} : rateHeaders(decision);
    try {
      return { ...route(method, path, url.searchParams, raw), headers };
    } catch (error) {
      if (error instanceof SandboxHttpError) return { status: error.status, body: error.body, headers };
      throw error;
    }
  };

  const lists = new Map<string, SandboxList>();
  const users = new Map<string, SandboxUser>();
  const route = (method: string, path: string, query: URLSearchParams, raw: Buffer): Reply => {
    const objects = /^\/crm\/v3\/objects\/(companies|contacts)(?:\/(.+))?$/.exec(path);
    const props = /^\/crm\/v3\/properties\/(companies|contacts)(?:\/(.+))?$/.exec(path);
    const type = (objects?.[1] ?? props?.[1]) as ObjectType | undefined;
    const rest = objects?.[2] ?? props?.[2];
    const now = () => new Date(clock()).toISOString();
    if (objects && type) {
      const batch = /^batch\/(read|create|update|upsert)$/.exec(rest ?? '')?.[1] as BatchAction | undefined;
      if (rest === undefined && method === 'GET') return listObjects(store, type, query, baseUrl);
      if (rest === undefined && method === 'POST') return createObject(store, type, json(raw));
      if (rest === 'search' && method === 'POST') return searchObjects(store, type, json(raw));
      if (batch && method === 'POST') {
        return runBatch(batch, { store, type, body: json(raw), failIds: faults.failIds, now });
      }
      if (rest !== undefined && !rest.includes('/') && method === 'GET') return getObject(store, type, rest, query);
      if (rest !== undefined && !rest.includes('/') && method === 'PATCH') {
        return updateObject(store, type, rest, query, json(raw));
      }
    }
    if (props && type) {
      if (rest === undefined && method === 'GET') return listProperties(store.catalog, type);
      if (rest === undefined && method === 'POST') return createProperty(store.catalog, type, json(raw), now());
      if (rest === 'groups' && method === 'GET') return listGroups(store.catalog, type);
      if (rest === 'groups' && method === 'POST') return createGroup(store.catalog, type, json(raw));
      if (rest !== undefined && !rest.includes('/') && method === 'GET') return getProperty(store.catalog, type, rest);
    }
    const other = routeLists(lists, method, path, query) ?? routeUsers(users, method, path);
    if (other) return other;
    return { status: 404, body: hubspotErrorBody(`No route for ${method} ${path} in the sandbox`, 'OBJECT_NOT_FOUND') };
  };

  const server = http.createServer((req, res) => {
    const at = clock();
    const started = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://sandbox.local');
      const method = req.method ?? 'GET';
      if (isDeleteAttempt(method, url.pathname)) recordDeleteAttempt('hubspot', { method, path: url.pathname });
      dispatch(method, url, raw, req.headers.authorization)
        .catch((error: unknown): FullReply => {
          if (error instanceof SandboxHttpError) return { status: error.status, body: error.body };
          const message = `sandbox failure: ${error instanceof Error ? error.message : String(error)}`;
          return { status: 500, body: hubspotErrorBody(message, 'INTERNAL_ERROR') };
        })
        .then((reply: FullReply) => {
          requests.push({
            method,
            path: url.pathname,
            query: queryRecord(url.searchParams),
            bodyBytes: raw.length,
            status: reply.status,
            at,
            durationMs: performance.now() - started,
          });
          res.writeHead(reply.status, { 'Content-Type': 'application/json;charset=utf-8', ...reply.headers });
          res.end(JSON.stringify(reply.body));
        });
    });
  });

  const listening = await listenOnLoopback(server);
  baseUrl = listening.url;

  return {
    url: baseUrl,
    portalId,
    close: listening.close,
    seed: (type, records) => store.seed(type, records).map((r) => store.view(type, r, Object.keys(r.properties))),
    get: (type, id) => {
      const record = store.get(type, id);
      return record && store.view(type, record, Object.keys(record.properties));
    },
    all: (type) => store.sorted(type).map((r) => store.view(type, r, Object.keys(r.properties))),
    get requests() {
      return requests;
    },
    get automationEvents() {
      return store.automationEvents;
    },
    injectFaults: (f) => {
      if (f.status429 !== undefined) faults.status429 = f.status429;
      if (f.status5xx !== undefined) faults.status5xx = f.status5xx;
      if (f.delayMs !== undefined) faults.delayMs = f.delayMs;
      if (f.failIds !== undefined) faults.failIds = new Set(f.failIds);
    },
    clearFaults: () => {
      Object.assign(faults, { status429: 0, status5xx: 0, delayMs: 0, failIds: new Set<string>() });
    },
    createList: ({ name, objectType, recordIds }) => {
      const listId = String(lists.size + 1);
      lists.set(listId, { listId, name, objectType, recordIds: [...recordIds], createdAt: new Date(clock()).toISOString() });
      return listId;
    },
    addUser: (user) => {
      users.set(user.id, { ...user });
    },
    issueToken: () => tokens.issue(),
    issueAuthorizationCode: () => tokens.issueAuthorizationCode(),
  };
}

function json(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw validationError('Invalid input JSON: the request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw validationError('Invalid input JSON: expected an object');
  }
  return parsed as Record<string, unknown>;
}

function rateHeaders(d: RateDecision): Record<string, string> {
  return {
    'X-HubSpot-RateLimit-Max': String(d.max),
    'X-HubSpot-RateLimit-Remaining': String(d.remaining),
    'X-HubSpot-RateLimit-Interval-Milliseconds': String(d.windowMs),
  };
}

function tooManyRequests(decision: RateDecision, isSearch: boolean): FullReply {
  if (isSearch) {
    return { status: 429, body: rateLimitBody('You have reached your secondly limit.', 'SECONDLY') };
  }
  return {
    status: 429,
    body: rateLimitBody('You have reached your ten_secondly_rolling limit.', 'TEN_SECONDLY_ROLLING'),
    headers: rateHeaders(decision),
  };
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}
