import crypto from 'node:crypto';
import { signatureUri, signHubspotRequest, verifyHubspotSignature } from './hubspot-signature';

const secret = 'client-secret-for-tests';
const now = 1_800_000_000_000;
const url = 'https://accord.example.com/api/v1/records/companies/42?portalId=123&userId=7';
const base = { clientSecret: secret, method: 'POST', url, body: '{"a":1}', nowMs: now };
const sign = (over: Partial<{ method: string; url: string; body: string; timestampMs: number; clientSecret: string }> = {}) =>
  signHubspotRequest({ clientSecret: secret, method: 'POST', url, body: '{"a":1}', timestampMs: now, ...over });

describe('HubSpot signature v3', () => {
  it('matches an HMAC computed independently from the documented source string', () => {
    const source = `POST${url}{"a":1}${now}`;
    expect(sign()).toBe(crypto.createHmac('sha256', secret).update(source).digest('base64'));
  });

  it('accepts a fresh, correct signature', () => {
    expect(verifyHubspotSignature({ ...base, signature: sign(), timestamp: String(now) })).toEqual({ ok: true });
  });

  it.each([
    ['another body', { body: '{"a":2}' }],
    ['another method', { method: 'GET' }],
    ['another URL', { url: url.replace('portalId=123', 'portalId=124') }],
    ['another secret', { clientSecret: 'someone-else' }],
  ])('refuses a signature made over %s', (_, over) => {
    const verdict = verifyHubspotSignature({ ...base, signature: sign(over), timestamp: String(now) });
    expect(verdict).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' });
  });

  it.each([
    ['six minutes old', now - 6 * 60_000],
    ['six minutes ahead', now + 6 * 60_000],
  ])('refuses a timestamp %s as stale', (_, timestampMs) => {
    expect(verifyHubspotSignature({ ...base, signature: sign({ timestampMs }), timestamp: String(timestampMs) })).toMatchObject({ ok: false, code: 'SIGNATURE_STALE' });
  });

  it('accepts a timestamp four minutes old', () => {
    const timestampMs = now - 4 * 60_000;
    expect(verifyHubspotSignature({ ...base, signature: sign({ timestampMs }), timestamp: String(timestampMs) })).toEqual({ ok: true });
  });

  it.each([
    ['no signature', undefined, String(now), 'UNAUTHENTICATED'],
    ['no timestamp', 'abc', undefined, 'UNAUTHENTICATED'],
    ['a timestamp in seconds', 'abc', 'soon', 'SIGNATURE_INVALID'],
    ['a truncated signature', 'AAAA', String(now), 'SIGNATURE_INVALID'],
  ])('refuses a request with %s', (_, signature, timestamp, code) => {
    expect(verifyHubspotSignature({ ...base, signature, timestamp })).toMatchObject({ ok: false, code });
  });

  it('decodes the escapes HubSpot decodes before signing, and only those', () => {
    expect(signatureUri('https://x.io/a%3Ab%2Fc?q=%40me%20you%2a')).toBe('https://x.io/a:b/c?q=@me%20you*');
  });
});
