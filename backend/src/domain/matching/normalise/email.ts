/** Email addresses: validated, lowercased, with the registrable domain and whether it is a free-mail address. */
import { isFreeMailDomain, normaliseDomain } from './domain';

export interface NormalisedEmail {
  /** Comparable address: lowercase; "+tag" dropped; dots dropped in the local part of Gmail addresses. */
  address: string;
  local: string;
  /** Registrable domain of the mailbox host. */
  domain: string;
  isFreeMail: boolean;
}

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$/;

export function normaliseEmail(input: string | null | undefined): NormalisedEmail | null {
  if (!input) return null;
  const lower = input.trim().toLowerCase();
  const s = lower.startsWith('mailto:') ? lower.slice(7) : lower;
  if (s.length > 320) return null;
  const at = s.indexOf('@');
  if (at <= 0 || at !== s.lastIndexOf('@')) return null;
  let local = s.slice(0, at);
  const host = s.slice(at + 1);
  if (!LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  if (!/^[a-z0-9.-]+$/.test(host)) return null;
  const domain = normaliseDomain(host);
  if (!domain) return null;
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if ((domain === 'gmail.com' || domain === 'googlemail.com') && local.includes('.')) local = local.replace(/\./g, '');
  return { address: `${local}@${host}`, local, domain, isFreeMail: isFreeMailDomain(domain) };
}
