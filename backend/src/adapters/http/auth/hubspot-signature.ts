/**
 * HubSpot request signature v3: base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp)), with the
 * timestamp in milliseconds and at most five minutes old, compared in constant time. See
 * ../shared/platform/hubspot.md ("Request signature v3"). Pure: the caller passes the public URL and `nowMs`.
 */
import crypto from 'node:crypto';

export const SIGNATURE_MAX_AGE_MS = 5 * 60_000;

/** HubSpot decodes these escapes in the URI before signing (request-validation docs); we must do the same. */
const DECODED_ESCAPES: Readonly<Record<string, string>> = {
  '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$', '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2C': ',', '%3B': ';',
};

export function signatureUri(url: string): string {
  return url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (escape) => DECODED_ESCAPES[escape.toUpperCase()] ?? escape);
}

export function signHubspotRequest(input: { clientSecret: string; method: string; url: string; body: string; timestampMs: number }): string {
  const source = `${input.method.toUpperCase()}${signatureUri(input.url)}${input.body}${input.timestampMs}`;
  return crypto.createHmac('sha256', input.clientSecret).update(source, 'utf8').digest('base64');
}

export type SignatureVerdict = { ok: true } | { ok: false; code: 'UNAUTHENTICATED' | 'SIGNATURE_INVALID' | 'SIGNATURE_STALE'; reason: string };

export function verifyHubspotSignature(input: {
  clientSecret: string;
  method: string;
  url: string;
  body: string;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs: number;
}): SignatureVerdict {
  if (!input.signature || !input.timestamp) return { ok: false, code: 'UNAUTHENTICATED', reason: 'no signature or timestamp header' };
  if (!/^\d{10,16}$/.test(input.timestamp)) return { ok: false, code: 'SIGNATURE_INVALID', reason: 'timestamp is not epoch milliseconds' };
  const timestampMs = Number(input.timestamp);
  // A timestamp far in the future is as suspect as an old one.
  if (Math.abs(input.nowMs - timestampMs) > SIGNATURE_MAX_AGE_MS) return { ok: false, code: 'SIGNATURE_STALE', reason: 'timestamp older than five minutes' };
  const expected = Buffer.from(signHubspotRequest({ clientSecret: input.clientSecret, method: input.method, url: input.url, body: input.body, timestampMs }), 'base64');
  const given = Buffer.from(input.signature, 'base64');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, code: 'SIGNATURE_INVALID', reason: 'signature does not match' };
  return { ok: true };
}
