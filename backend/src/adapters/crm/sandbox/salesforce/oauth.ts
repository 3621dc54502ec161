/**
 * The org's OAuth 2.0 token endpoint (`POST /services/oauth2/token`, form-encoded) for the refresh_token and
 * authorization_code grants, and the access-token registry the API checks. Expiring tokens on demand makes the
 * next API call answer 401 INVALID_SESSION_ID, which jsforce answers by refreshing and retrying.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { ApiReply } from './api-reply';

/** The sandbox org and the user its tokens belong to. */
export const SANDBOX_ORG_ID = '00D5g00000SBXorgAA';
export const SANDBOX_USER_ID = '0055g00000INTusrAA';

export interface SandboxTokens {
  accessToken: string;
  refreshToken: string;
}

function oauthError(error: string, description: string): ApiReply {
  return { status: 400, body: { error, error_description: description } };
}

export class SandboxOAuth {
  private readonly activeAccessTokens = new Set<string>();
  private readonly refreshTokens = new Set<string>();
  private readonly authorizationCodes = new Set<string>();

  constructor(private readonly clock: () => number) {}

  /** A fresh access + refresh token pair, as if a user had just connected the org. */
  issueTokens(): SandboxTokens {
    const refreshToken = `5Aep861${randomBytes(24).toString('base64url')}`;
    this.refreshTokens.add(refreshToken);
    return { accessToken: this.newAccessToken(), refreshToken };
  }

  /** A one-time code for the authorization_code grant (what the browser redirect would carry). */
  issueAuthorizationCode(): string {
    const code = `aPrx${randomBytes(18).toString('base64url')}`;
    this.authorizationCodes.add(code);
    return code;
  }

  /** Every access token issued so far stops working; refresh tokens stay valid. */
  expireAccessTokens(): void {
    this.activeAccessTokens.clear();
  }

  revokeRefreshToken(refreshToken: string): void {
    this.refreshTokens.delete(refreshToken);
  }

  isValidAccessToken(authorization: string | undefined): boolean {
    const match = authorization?.match(/^(?:Bearer|OAuth)\s+(.+)$/i);
    return match?.[1] !== undefined && this.activeAccessTokens.has(match[1]);
  }

  /** Handles the token endpoint; `instanceUrl` is this server's base URL. */
  token(params: URLSearchParams, instanceUrl: string): ApiReply {
    const clientId = params.get('client_id');
    if (!clientId) return oauthError('invalid_client_id', 'client identifier invalid');
    const grant = params.get('grant_type');
    let refreshToken: string | undefined;
    if (grant === 'refresh_token') {
      const given = params.get('refresh_token') ?? '';
      if (!this.refreshTokens.has(given)) return oauthError('invalid_grant', 'expired access/refresh token');
    } else if (grant === 'authorization_code') {
      const code = params.get('code') ?? '';
      if (!this.authorizationCodes.delete(code)) return oauthError('invalid_grant', 'invalid authorization code');
      refreshToken = this.issueTokens().refreshToken;
    } else {
      return oauthError('unsupported_grant_type', 'grant type not supported');
    }
    const issuedAt = String(this.clock());
    const id = `${instanceUrl}/id/${SANDBOX_ORG_ID}/${SANDBOX_USER_ID}`;
    // Salesforce signs id + issued_at with the consumer secret (HMAC-SHA256, base64).
    const signature = createHmac('sha256', params.get('client_secret') ?? '').update(id + issuedAt).digest('base64');
    return {
      status: 200,
      body: {
        access_token: this.newAccessToken(),
        ...(refreshToken ? { refresh_token: refreshToken } : {}),
        signature,
        scope: 'api refresh_token',
        instance_url: instanceUrl,
        id,
        token_type: 'Bearer',
        issued_at: issuedAt,
      },
    };
  }

  private newAccessToken(): string {
    const token = `${SANDBOX_ORG_ID}!AQ${randomBytes(30).toString('base64url')}`;
    this.activeAccessTokens.add(token);
    return token;
  }
}
