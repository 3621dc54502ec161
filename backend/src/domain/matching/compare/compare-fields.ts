/**
 * Field comparators: each turns a pair of normalised values into one comparison level
 * (exact / strong / fuzzy / disagree / missing). The Fellegi-Sunter model gives each level its weight.
 */
import type { FieldComparison } from '@accord/shared';
import type { AddressFeatures, CompanyFeatures, PersonFeatures } from '../features';
import { streetNumber } from '../normalise/address';
import { noTermShares, type TermShares } from '../term-frequencies';
import { jaroWinkler } from './jaro-winkler';

export interface Comparison {
  field: string;
  level: FieldComparison;
  crmValue: string | null;
  referenceValue: string | null;
  /** For an exact agreement on a term-frequency field: the share of reference records holding the value. */
  termShare?: number;
}

/** Adds the value's reference share to an exact agreement, so a rare value can weigh more than a common one. */
function withTermShare(c: Comparison, terms: TermShares): Comparison {
  if (c.level === 'exact' && c.referenceValue !== null) {
    const share = terms.share(c.field, c.referenceValue);
    if (share !== undefined) c.termShare = share;
  }
  return c;
}

export const companyFields = ['name', 'domain', 'phone', 'abn', 'linkedin', 'street', 'city', 'state', 'postcode', 'country'] as const;
export const personFields = [
  'firstName', 'lastName', 'email', 'companyDomain', 'companyName', 'phone', 'linkedin', 'street', 'city', 'state', 'postcode',
] as const;

type Level = FieldComparison;

function exactOnly(a: string | null, b: string | null): Level {
  if (!a || !b) return 'missing';
  return a === b ? 'exact' : 'disagree';
}

/** Company names (and a person's employer name): token order, suffixes and small typos tolerated. */
export function compareNames(a: string | null, b: string | null): Level {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  const ta = a.split(' ');
  const tb = b.split(' ');
  // The same words in another order (only possible when the lengths agree).
  if (a.length === b.length && ta.length === tb.length && ta.slice().sort().join(' ') === tb.slice().sort().join(' ')) return 'strong';
  const jw = jaroWinkler(a, b);
  // Every word has its twin (typos allowed): "smith jones plumbng" ~ "smith jones plumbing", not "hughes l" ~ "hughes c".
  const together = tokenOverlap(ta, tb) === 1 && tokenOverlap(tb, ta) === 1;
  if (jw >= 0.95 && together) return 'strong';
  // Shared words over all words, so a shared generic prefix ("chicago public schools ...") is not enough.
  if ((jw >= 0.88 && together) || tokenJaccard(ta, tb) >= 0.5) return 'fuzzy';
  // A short name inside a longer one ("beethoven" in "chicago public schools beethoven ludwig v"), when the short
  // one has a word of substance: how CRMs abbreviate a site or drop a parent organisation.
  const short = ta.length <= tb.length ? ta : tb;
  if (tokenOverlap(ta, tb) === 1 && short.some((t) => t.length >= 4)) return 'fuzzy';
  return 'disagree';
}

/** Words in common (exactly or nearly) over words in either name. */
function tokenJaccard(ta: string[], tb: string[]): number {
  const shared = tokenOverlap(ta, tb) * Math.min(ta.length, tb.length);
  const union = ta.length + tb.length - shared;
  return union === 0 ? 0 : shared / union;
}

/** Share of the shorter list's tokens found (exactly or nearly) in the other. */
function tokenOverlap(ta: string[], tb: string[]): number {
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  let hits = 0;
  for (const t of short) {
    for (const u of long) {
      if (t === u) {
        hits++;
        break;
      }
      // Jaro-Winkler >= 0.92 needs a shared first letter and similar lengths; skip the rest cheaply.
      if (t.length >= 4 && u.length >= 4 && t.charCodeAt(0) === u.charCodeAt(0) && Math.abs(t.length - u.length) <= 2 && jaroWinkler(t, u) >= 0.92) {
        hits++;
        break;
      }
    }
  }
  return short.length === 0 ? 0 : hits / short.length;
}

function bestNameLevel(crmName: string | null, referenceNames: string[]): { level: Level; referenceValue: string | null } {
  if (!crmName || referenceNames.length === 0) return { level: 'missing', referenceValue: referenceNames[0] ?? null };
  let best: Level = 'disagree';
  let value = referenceNames[0]!;
  for (const n of referenceNames) {
    const level = compareNames(crmName, n);
    if (levelRank[level] < levelRank[best]) {
      best = level;
      value = n;
    }
    if (best === 'exact') break;
  }
  return { level: best, referenceValue: value };
}

const levelRank: Record<Level, number> = { exact: 0, strong: 1, fuzzy: 2, disagree: 3, missing: 4 };

/** Phones in E.164, or bare local digits when the area code was left off (see phoneForMatching). */
export function comparePhones(a: string | null, b: string | null): Level {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  // Same subscriber digits with a different or mis-parsed country prefix.
  if (a.length >= 9 && b.length >= 9 && a.slice(-8) === b.slice(-8)) return 'strong';
  // A local number without its area code, and the full number it ends.
  const isLocal = (p: string) => p.charCodeAt(0) !== 43; // no '+'
  if (isLocal(a) !== isLocal(b) && (isLocal(a) ? b.endsWith(a) : a.endsWith(b))) return 'strong';
  return 'disagree';
}

function compareDomains(a: string | null, b: string | null): Level {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  // acme.com vs acme.com.au: the same brand under another suffix.
  const la = a.split('.', 1)[0];
  return la !== undefined && la.length >= 3 && la === b.split('.', 1)[0] ? 'strong' : 'disagree';
}

/** Street lines: the house number and the words are compared apart, so "12 smith st, kinross" still meets "12 smith st". */
/** Street words that say little on their own: directions and street types. */
const STREET_NOISE = new Set(['n', 's', 'e', 'w', 'st', 'rd', 'ave', 'dr', 'pl', 'ct', 'ln', 'hwy', 'blvd', 'lvl', 'ste', 'u', 'unit']);

/** Street lines: the house number and the words are compared apart, so "12 smith st, kinross" still meets "12 smith st". */
function compareStreets(a: string | null, b: string | null): Level {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  const na = streetNumber(a);
  const nb = streetNumber(b);
  const numbersAgree = na !== null && na === nb;
  const numbersClash = na !== null && nb !== null && na !== nb;
  const words = (s: string) => s.split(' ').filter((w) => !/^\d/.test(w) && !STREET_NOISE.has(w));
  const wordsA = words(a);
  const wordsB = words(b);
  const overlap = wordsA.length && wordsB.length ? tokenOverlap(wordsA, wordsB) : 0;
  const jw = jaroWinkler(a, b);
  if (!numbersClash && (jw >= 0.93 || overlap === 1)) return 'strong';
  if (numbersAgree && (jw >= 0.75 || overlap >= 0.5)) return 'strong';
  // Another house number on the same street is a neighbour, unless the rest is nearly identical (a typo).
  if (numbersClash) return jw >= 0.9 && overlap === 1 ? 'fuzzy' : 'disagree';
  if (jw >= 0.85 || overlap >= 0.5 || numbersAgree) return 'fuzzy';
  return 'disagree';
}

function compareCities(a: string | null, b: string | null): Level {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  return jaroWinkler(a, b) >= 0.9 ? 'fuzzy' : 'disagree';
}

function comparePostcodes(a: string | null, b: string | null): Level {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  // A typo in the last digits; the leading digits name the region, so a difference there is another place.
  if (a.length === b.length && a.length >= 4 && a.charCodeAt(0) === b.charCodeAt(0)) {
    let diff = 0;
    for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) diff++;
    if (diff === 1) return 'fuzzy';
    // Two adjacent digits swapped.
    if (diff === 2 && a.split('').sort().join('') === b.split('').sort().join('')) return 'fuzzy';
  }
  return 'disagree';
}

function compareAddress(crm: AddressFeatures, ref: AddressFeatures, out: Comparison[], terms: TermShares): void {
  out.push({ field: 'street', level: compareStreets(crm.street, ref.street), crmValue: crm.street, referenceValue: ref.street });
  out.push(withTermShare({ field: 'city', level: compareCities(crm.city, ref.city), crmValue: crm.city, referenceValue: ref.city }, terms));
  out.push({ field: 'state', level: exactOnly(crm.state, ref.state), crmValue: crm.state, referenceValue: ref.state });
  out.push(
    withTermShare({ field: 'postcode', level: comparePostcodes(crm.postcode, ref.postcode), crmValue: crm.postcode, referenceValue: ref.postcode }, terms),
  );
}

export function compareCompanies(crm: CompanyFeatures, ref: CompanyFeatures, terms: TermShares = noTermShares): Comparison[] {
  const name = bestNameLevel(crm.names[0] ?? null, ref.names);
  const out: Comparison[] = [
    { field: 'name', level: name.level, crmValue: crm.names[0] ?? null, referenceValue: name.referenceValue },
    { field: 'domain', level: compareDomains(crm.domain, ref.domain), crmValue: crm.domain, referenceValue: ref.domain },
    { field: 'phone', level: comparePhones(crm.phone, ref.phone), crmValue: crm.phone, referenceValue: ref.phone },
    { field: 'abn', level: exactOnly(crm.abn, ref.abn), crmValue: crm.abn, referenceValue: ref.abn },
    { field: 'linkedin', level: exactOnly(crm.linkedin, ref.linkedin), crmValue: crm.linkedin, referenceValue: ref.linkedin },
  ];
  compareAddress(crm, ref, out, terms);
  out.push({ field: 'country', level: exactOnly(crm.country, ref.country), crmValue: crm.country, referenceValue: ref.country });
  return out;
}

function compareGivenNames(crm: PersonFeatures, ref: PersonFeatures): Level {
  const a = crm.first;
  const b = ref.first;
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  if (crm.firstCanonical && crm.firstCanonical === ref.firstCanonical) return 'strong';
  const a0 = a.split(' ', 1)[0]!;
  const b0 = b.split(' ', 1)[0]!;
  if (a0 === b0) return 'strong';
  if ((a0.length === 1 || b0.length === 1) && a0[0] === b0[0]) return 'fuzzy';
  // One name extending the other is usually another name (Robert, Roberta; Jo, Joan), not a typo.
  if (a.startsWith(b) || b.startsWith(a)) return jaroWinkler(a, b) >= GIVEN_NAME.fuzzy ? 'fuzzy' : 'disagree';
  return compareNameSpellings(a, b, GIVEN_NAME);
}

/** Similarity thresholds for names with no canonical form in common (typos, transpositions, stray spaces). */
const GIVEN_NAME = { strong: 0.94, fuzzy: 0.88 };
const SURNAME = { strong: 0.94, fuzzy: 0.85 };

/** Two spellings of one name with no canonical form in common: a stray space ("sachi n"), typos, transpositions. */
function compareNameSpellings(a: string, b: string, thresholds: { strong: number; fuzzy: number }): Level {
  const ca = a.includes(' ') ? a.replace(/ /g, '') : a;
  const cb = b.includes(' ') ? b.replace(/ /g, '') : b;
  if (ca === cb) return 'strong';
  const jw = jaroWinkler(ca, cb);
  if (jw >= thresholds.strong) return 'strong';
  return jw >= thresholds.fuzzy ? 'fuzzy' : 'disagree';
}

function compareSurnames(a: string | null, b: string | null): Level {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  return compareNameSpellings(a, b, SURNAME);
}

function compareEmails(crm: PersonFeatures, ref: PersonFeatures): Level {
  if (!crm.email || !ref.email) return 'missing';
  if (crm.email === ref.email) return 'exact';
  if (crm.emailLocal && crm.emailLocal === ref.emailLocal && crm.emailLocal.length >= 4) return 'strong';
  // A personal mailbox says nothing about the work one.
  if (crm.emailIsFreeMail !== ref.emailIsFreeMail) return 'missing';
  return 'disagree';
}

export function comparePeople(crm: PersonFeatures, ref: PersonFeatures, terms: TermShares = noTermShares): Comparison[] {
  let first = compareGivenNames(crm, ref);
  let last = compareSurnames(crm.last, ref.last);
  // First and last name typed into each other's fields (typos allowed): never better than 'strong'.
  if (first === 'disagree' && last === 'disagree' && crm.first && crm.last && ref.first && ref.last) {
    const swappedFirst = crm.first === ref.last ? 'strong' : compareNameSpellings(crm.first, ref.last, SURNAME);
    const swappedLast = crm.last === ref.first ? 'strong' : compareNameSpellings(crm.last, ref.first, GIVEN_NAME);
    if (swappedFirst !== 'disagree' && swappedLast !== 'disagree') {
      first = swappedFirst;
      last = swappedLast;
    }
  }
  const out: Comparison[] = [
    withTermShare({ field: 'firstName', level: first, crmValue: crm.first, referenceValue: ref.first }, terms),
    withTermShare({ field: 'lastName', level: last, crmValue: crm.last, referenceValue: ref.last }, terms),
    { field: 'email', level: compareEmails(crm, ref), crmValue: crm.email, referenceValue: ref.email },
    {
      field: 'companyDomain',
      level: compareDomains(crm.companyDomain, ref.companyDomain),
      crmValue: crm.companyDomain,
      referenceValue: ref.companyDomain,
    },
    { field: 'companyName', level: compareNames(crm.companyName, ref.companyName), crmValue: crm.companyName, referenceValue: ref.companyName },
    { field: 'phone', level: comparePhones(crm.phone, ref.phone), crmValue: crm.phone, referenceValue: ref.phone },
    { field: 'linkedin', level: exactOnly(crm.linkedin, ref.linkedin), crmValue: crm.linkedin, referenceValue: ref.linkedin },
  ];
  compareAddress(crm, ref, out, terms);
  return out;
}
