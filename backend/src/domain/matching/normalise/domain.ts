/**
 * Web domains: any of "acme.com.au", "https://www.Acme.com.au/about", "shop.acme.com.au", "info@acme.com.au"
 * becomes the registrable domain "acme.com.au" (public-suffix aware, via tldts). Free-mail domains never identify
 * a company.
 */
import { parse } from 'tldts';
import { MAX_INPUT_LENGTH } from './text';

/** Mail providers whose addresses say nothing about the employer. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'live.com.au', 'msn.com',
  'yahoo.com', 'yahoo.com.au', 'yahoo.co.uk', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com',
  'bigpond.com', 'bigpond.net.au', 'bigpond.com.au', 'optusnet.com.au', 'iinet.net.au', 'tpg.com.au', 'internode.on.net',
  'westnet.com.au', 'dodo.com.au', 'ozemail.com.au', 'protonmail.com', 'proton.me', 'gmx.com', 'gmx.net', 'mail.com',
  'zoho.com', 'yandex.com', 'qq.com', '163.com', 'xtra.co.nz', 'btinternet.com', 'comcast.net', 'att.net', 'verizon.net',
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain);
}

/**
 * Registrable domain (lowercase) of a domain, URL or email, or null when there is none (IPs, localhost, junk).
 * (A memo of answers by input was measured slower than tldts itself: reference domains rarely repeat.)
 */
export function normaliseDomain(input: string | null | undefined): string | null {
  if (!input) return null;
  let s = input.trim().toLowerCase();
  if (s === '') return null;
  if (s.length > MAX_INPUT_LENGTH) s = s.slice(0, MAX_INPUT_LENGTH);
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1);
  // A bare host ("acme.com.au", most inputs) needs none of the trimming below.
  if (!isBareHost(s)) {
    s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
    const end = s.search(/[/?#:\s,;]/);
    if (end >= 0) s = s.slice(0, end);
    s = s.replace(/\.+$/, '');
  }
  if (s === '' || !s.includes('.')) return null;
  const parsed = parse(s, { allowPrivateDomains: false, extractHostname: false, validateHostname: true });
  if (parsed.isIp || !parsed.domain || !parsed.isIcann) return null;
  return parsed.domain;
}

/** Only [a-z0-9.-], not ending in a dot: what the scheme, path and trailing-dot trimming would leave unchanged. */
function isBareHost(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45)) return false;
  }
  return s.charCodeAt(s.length - 1) !== 46;
}
