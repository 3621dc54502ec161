/**
 * OAuth for the sandbox portal: access tokens that expire after 1800 s on the injected clock, long-lived
 * refresh tokens, single-use authorization codes, and POST /oauth/v1/token (form body, platform/hubspot.md §5).
 */
import { randomBytes } from 'node:crypto';
import { hubspotErrorBody, newCorrelationId, SandboxHttpError } from './errors';
import type { IssuedToken } from './types';

const EXPIRES_IN_S = 1800;

/** The sandbox user who "installs" the app (the first Accord admin of the portal). */
export const SANDBOX_INSTALLER = { id: 7001, email: 'admin@sandbox.hubspot.test' } as const;

interface AccessToken {
  portalId: number;
  expiresAt: number;
}

export type TokenCheck = { ok: true; portalId: number } | { ok: false; error: SandboxHttpError };

export class TokenStore {
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, number>();
  private readonly codes = new Set<string>();

  constructor(
    private readonly portalId: number,
    private readonly clock: () => number,
  ) {}

  issue(): IssuedToken {
    const refreshToken = `sandbox-refresh-${randomBytes(16).toString('hex')}`;
    this.refresh.set(refreshToken, this.portalId);
    return { accessToken: this.newAccessToken(), refreshToken, expiresIn: EXPIRES_IN_S };
  }

  issueAuthorizationCode(): string {
    const code = `sandbox-code-${randomBytes(12).toString('hex')}`;
    this.codes.add(code);
    return code;
  }

  /** GET /oauth/v1/access-tokens/:token: who installed, which portal, which scopes (undefined for an unknown token). */
  describe(token: string): Record<string, unknown> | undefined {
    const found = this.access.get(token);
    if (!found) return undefined;
    return {
      token,
      user: SANDBOX_INSTALLER.email,
      user_id: SANDBOX_INSTALLER.id,
      hub_id: found.portalId,
      hub_domain: `sandbox-${found.portalId}.hubspot.test`,
      app_id: 1,
      scopes: ['oauth', 'crm.objects.companies.read', 'crm.objects.companies.write', 'crm.objects.contacts.read', 'crm.objects.contacts.write'],
      token_type: 'access',
      expires_in: Math.max(0, Math.floor((found.expiresAt - this.clock()) / 1000)),
    };
  }

  /** Checks `Authorization: Bearer <token>`; HubSpot answers 401 with these categories. */
  verify(authorization: string | undefined): TokenCheck {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const found = token === undefined ? undefined : this.access.get(token);
    if (!found) {
      const message =
        'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';
      return { ok: false, error: new SandboxHttpError(401, hubspotErrorBody(message, 'INVALID_AUTHENTICATION')) };
    }
    const now = this.clock();
    if (now >= found.expiresAt) {
      const minutes = Math.floor((now - found.expiresAt) / 60_000);
      const message = `The OAuth token used to make this call expired ${minutes} minute(s) ago.`;
      return { ok: false, error: new SandboxHttpError(401, hubspotErrorBody(message, 'EXPIRED_AUTHENTICATION')) };
    }
    return { ok: true, portalId: found.portalId };
  }

  /** POST /oauth/v1/token: grant_type authorization_code or refresh_token. */
  exchange(form: URLSearchParams): Record<string, unknown> {
    if (!form.get('client_id') || !form.get('client_secret')) throw oauthError('BAD_CLIENT_ID', 'missing client_id or client_secret');
    const grant = form.get('grant_type');
    let refreshToken: string;
    if (grant === 'refresh_token') {
      refreshToken = form.get('refresh_token') ?? '';
      if (!this.refresh.has(refreshToken)) throw oauthError('BAD_REFRESH_TOKEN', 'missing or unknown refresh token');
    } else if (grant === 'authorization_code') {
      const code = form.get('code') ?? '';
      if (!form.get('redirect_uri')) throw oauthError('BAD_REDIRECT_URI', 'missing redirect_uri');
      if (!this.codes.delete(code)) throw oauthError('BAD_AUTH_CODE', 'missing or unknown auth code');
      refreshToken = this.issue().refreshToken;
    } else {
      throw oauthError('BAD_GRANT_TYPE', `unsupported grant_type: ${grant ?? '(none)'}`);
    }
    return {
      access_token: this.newAccessToken(),
      refresh_token: refreshToken,
      expires_in: EXPIRES_IN_S,
      token_type: 'bearer',
    };
  }

  private newAccessToken(): string {
    const token = `sandbox-access-${randomBytes(24).toString('hex')}`;
    this.access.set(token, { portalId: this.portalId, expiresAt: this.clock() + EXPIRES_IN_S * 1000 });
    return token;
  }
}

function oauthError(status: string, message: string): SandboxHttpError {
  return new SandboxHttpError(400, { status, message, correlationId: newCorrelationId() });
}
