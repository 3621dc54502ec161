/**
 * Who is calling: every `/api/v1` request is either signed by HubSpot (signature v3 over the public URL, the tenant
 * and user from the signed query string) or carries a Salesforce org's API key (sent by the package's Named
 * Credential; the Apex layer adds the user id and whether the user holds the approval Custom Permission). The tenant
 * never comes from a request body. A replayed HubSpot signature is refused, except HubSpot's own retry after a 5xx.
 */
import crypto from 'node:crypto';
import type { Viewer } from '@accord/shared';
import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../../../app/app-error';
import type { Tenant } from '../../../domain/tenants/tenant';
import type { CredentialStore } from '../../db/credential.store';
import type { SignatureStore } from '../../db/signature.store';
import type { TenantStore } from '../../db/tenant.store';
import { SIGNATURE_MAX_AGE_MS, verifyHubspotSignature } from './hubspot-signature';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Raw request body bytes, kept for signature checks. */
      rawBody?: Buffer;
      auth?: { tenant: Tenant; viewer: Viewer };
    }
  }
}

export interface AuthConfig {
  hubspot: { clientSecret: string; appId: string | null } | null;
  /** Public origin (and path prefix) the CRMs call us at, e.g. https://accord.example.com; null: from the Host header. */
  publicBaseUrl: string | null;
}

export interface AuthDeps {
  config: AuthConfig;
  tenants: TenantStore;
  credentials: CredentialStore;
  signatures: SignatureStore;
  /**
   * HubSpot decides who administers a portal: whether the user is a Super Admin there (cached by the caller).
   * Accord's admin list (seeded with the installer) adds people to that; without this, only the list counts.
   */
  isHubspotAdmin?: (tenant: Tenant, userId: string) => Promise<boolean>;
  nowMs?: () => number;
}

export const API_KEY_HEADER = 'x-accord-api-key';
export const SALESFORCE_USER_HEADER = 'x-accord-user-id';
export const SALESFORCE_CAN_APPROVE_HEADER = 'x-accord-can-approve';

const hubspotQuerySchema = z.object({
  portalId: z.string().regex(/^\d{1,20}$/),
  userId: z.string().regex(/^\d{1,20}$/),
  appId: z.string().regex(/^\d{1,20}$/).optional(),
});
const salesforceUserSchema = z.string().regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/);

export function publicUrlOf(req: Request, publicBaseUrl: string | null): string {
  if (publicBaseUrl) return `${publicBaseUrl.replace(/\/+$/, '')}${req.originalUrl}`;
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;
}

export function authenticate(deps: AuthDeps): RequestHandler {
  const nowMs = deps.nowMs ?? Date.now;
  let lastPurgeMs = 0;

  async function fromHubspot(req: Request, res: Parameters<RequestHandler>[1]): Promise<{ tenant: Tenant; viewer: Viewer }> {
    const hubspot = deps.config.hubspot;
    if (!hubspot) throw new AppError('UNAUTHENTICATED', 'HubSpot requests are not accepted by this deployment.');
    const now = nowMs();
    const verdict = verifyHubspotSignature({
      clientSecret: hubspot.clientSecret,
      method: req.method,
      url: publicUrlOf(req, deps.config.publicBaseUrl),
      body: req.rawBody ? req.rawBody.toString('utf8') : '',
      signature: req.get('x-hubspot-signature-v3'),
      timestamp: req.get('x-hubspot-request-timestamp'),
      nowMs: now,
    });
    if (!verdict.ok) throw new AppError(verdict.code, undefined, { details: [{ path: 'signature', message: verdict.reason }] });
    const query = hubspotQuerySchema.safeParse(req.query);
    if (!query.success) throw new AppError('UNAUTHENTICATED', 'The signed URL must carry portalId and userId.');
    if (hubspot.appId && query.data.appId && query.data.appId !== hubspot.appId) throw new AppError('FORBIDDEN', 'This request is for another app.');

    const signatureHash = crypto.createHash('sha256').update(req.get('x-hubspot-signature-v3') ?? '').digest('hex');
    if (!(await deps.signatures.remember(signatureHash, now))) throw new AppError('SIGNATURE_REPLAYED');
    // HubSpot retries a request once after a 5xx with the same signature: let that one retry through.
    res.on('finish', () => {
      if (res.statusCode >= 500) void deps.signatures.forget(signatureHash).catch(() => undefined);
    });
    if (now - lastPurgeMs > 60_000) {
      lastPurgeMs = now;
      void deps.signatures.purge(now - 2 * SIGNATURE_MAX_AGE_MS).catch(() => undefined);
    }

    const tenant = await deps.tenants.findByExternalId('hubspot', query.data.portalId);
    if (!tenant || tenant.status !== 'active') throw new AppError('FORBIDDEN', 'Accord is not installed in this HubSpot account.');
    const userId = query.data.userId;
    const isAdmin = tenant.settings.admins.includes(userId) || ((await deps.isHubspotAdmin?.(tenant, userId)) ?? false);
    return { tenant, viewer: { tenantId: tenant.id, crm: 'hubspot', userId, isAdmin } };
  }

  async function fromSalesforce(req: Request, apiKey: string): Promise<{ tenant: Tenant; viewer: Viewer }> {
    const tenantId = /^[A-Za-z0-9_-]{20,200}$/.test(apiKey) ? await deps.credentials.findTenantIdByApiKey(apiKey) : undefined;
    if (!tenantId) throw new AppError('SIGNATURE_INVALID', 'The API key is not valid.');
    const tenant = await deps.tenants.findById(tenantId);
    if (!tenant || tenant.status !== 'active' || tenant.crm !== 'salesforce') throw new AppError('FORBIDDEN', 'This Salesforce org is not connected.');
    const userId = salesforceUserSchema.safeParse(req.get(SALESFORCE_USER_HEADER));
    if (!userId.success) throw new AppError('UNAUTHENTICATED', `The ${SALESFORCE_USER_HEADER} header must hold a Salesforce user id.`);
    const canApprove = req.get(SALESFORCE_CAN_APPROVE_HEADER) === 'true';
    return { tenant, viewer: { tenantId: tenant.id, crm: 'salesforce', userId: userId.data, isAdmin: canApprove } };
  }

  return (req, res, next) => {
    const apiKey = req.get(API_KEY_HEADER);
    const identify = apiKey !== undefined ? fromSalesforce(req, apiKey) : req.get('x-hubspot-signature-v3') !== undefined || req.get('x-hubspot-request-timestamp') !== undefined ? fromHubspot(req, res) : Promise.reject(new AppError('UNAUTHENTICATED'));
    identify.then(
      (auth) => {
        req.auth = auth;
        req.log = req.log.child({ tenantId: auth.tenant.id, userId: auth.viewer.userId });
        next();
      },
      next,
    );
  };
}

/** The authenticated caller; routes behind `authenticate` only. */
export function authOf(req: Request): { tenant: Tenant; viewer: Viewer } {
  if (!req.auth) throw new AppError('UNAUTHENTICATED');
  return req.auth;
}

export function requireAdmin(req: Request): void {
  if (!authOf(req).viewer.isAdmin) throw new AppError('FORBIDDEN', 'Only an Accord admin of this account may do this.');
}
