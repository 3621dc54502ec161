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
 * Results of normaliseDomain by raw input. The public-suffix lookup costs a few µs and the same hosts come back again
 * and again (every person of a company, every CRM record of a tenant), so a bounded memo pays for itself. The function
 * is pure, so the memo cannot change a result; it is emptied when full to keep memory bounded.
 */
const domainMemo = new Map<string, string | null>();
const DOMAIN_MEMO_SIZE = 100_000;

/** Registrable domain (lowercase) of a domain, URL or email, or null when there is none (IPs, localhost, junk). */
export function normaliseDomain(input: string | null | undefined): string | null {
  if (!input) return null;
  const known = domainMemo.get(input);
  if (known !== undefined) return known;
  const domain = registrableDomain(input);
  if (domainMemo.size >= DOMAIN_MEMO_SIZE) domainMemo.clear();
  domainMemo.set(input, domain);
  return domain;
}

function registrableDomain(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (s === '') return null;
  if (s.length > MAX_INPUT_LENGTH) s = s.slice(0, MAX_INPUT_LENGTH);
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1);
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const end = s.search(/[/?#:\s,;]/);
  if (end >= 0) s = s.slice(0, end);
  s = s.replace(/\.+$/, '');
  if (s === '' || !s.includes('.')) return null;
  const parsed = parse(s, { allowPrivateDomains: false, extractHostname: false, validateHostname: true });
  if (parsed.isIp || !parsed.domain || !parsed.isIcann) return null;
  return parsed.domain;
}
