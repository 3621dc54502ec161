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

/**
 * One candidate pair's comparison as level codes, field by field (in `companyFields` / `personFields` order): what
 * scoring reads. Rows are reused from candidate to candidate, so comparing allocates nothing; Comparison objects
 * are made only for the candidates a person will see (`comparisonsOf`).
 */
export class ComparisonRow {
  readonly levels: Uint8Array;
  /** For an exact agreement on a term-frequency field, the value's reference share; NaN otherwise. */
  readonly termShares: Float64Array;
  /** Which of the reference company's names the name level came from. */
  nameIndex = 0;

  constructor(fields: number) {
    this.levels = new Uint8Array(fields);
    this.termShares = new Float64Array(fields);
  }
}

/** Level codes in a row, best first (a lower code is a better level). */
export const levelsByCode: readonly Level[] = ['exact', 'strong', 'fuzzy', 'disagree', 'missing'];

function levelCode(level: Level): number {
  switch (level) {
    case 'exact':
      return 0;
    case 'strong':
      return 1;
    case 'fuzzy':
      return 2;
    case 'disagree':
      return 3;
    default:
      return 4;
  }
}

/**
 * Writes a level; an exact agreement on a term-frequency field also gets the value's share, so a rare value can weigh
 * more. The share is looked up by the CRM value, which an exact agreement equals: the CRM string meets every
 * candidate, so the map hashes it once, where each reference string is fresh from unpacking.
 */
function put(row: ComparisonRow, field: { index: number; name: string; terms: TermShares | null }, level: Level, crmValue: string | null): void {
  row.levels[field.index] = levelCode(level);
  let share: number | undefined;
  if (level === 'exact' && field.terms !== null && crmValue !== null) share = field.terms.share(field.name, crmValue);
  row.termShares[field.index] = share ?? Number.NaN;
}

export const companyFields = ['name', 'domain', 'phone', 'abn', 'linkedin', 'street', 'city', 'state', 'postcode', 'country'] as const;
export const personFields = [
  'firstName', 'lastName', 'email', 'companyDomain', 'companyName', 'phone', 'linkedin', 'street', 'city', 'state', 'postcode',
] as const;

type Level = FieldComparison;

/** Field name → position in a row of that kind. */
const companyIndex = indexOf(companyFields);
const personIndex = indexOf(personFields);

function indexOf(fields: readonly string[]): Record<string, number> {
  return Object.fromEntries(fields.map((f, i) => [f, i]));
}

function exactOnly(a: string | null, b: string | null): Level {
  if (!a || !b) return 'missing';
  return a === b ? 'exact' : 'disagree';
}

/**
 * A one-entry memo for the CRM side of a comparison: a CRM record's value meets each of its candidates in turn, so
 * what is derived from it alone is worked out once per record rather than once per candidate.
 */
class LastValue<T> {
  private key: string | undefined;
  private value: T | undefined;

  constructor(private readonly derive: (s: string) => T) {}

  of(s: string): T {
    if (s !== this.key) {
      this.value = this.derive(s);
      this.key = s;
    }
    return this.value!;
  }
}

const crmNameWords = new LastValue((name) => name.split(' '));

/** Company names (and a person's employer name): token order, suffixes and small typos tolerated. `a` is the CRM side. */
export function compareNames(a: string | null, b: string | null): Level {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  const ta = crmNameWords.of(a);
  const tb = b.split(' ');
  // The same words in another order (only possible when the lengths agree).
  if (a.length === b.length && ta.length === tb.length && ta.slice().sort().join(' ') === tb.slice().sort().join(' ')) return 'strong';
  // Every word has its twin (typos allowed): "smith jones plumbng" ~ "smith jones plumbing", not "hughes l" ~ "hughes c".
  // (Overlap is symmetric unless the word counts agree, so the second direction is only needed then.)
  const overlap = tokenOverlap(ta, tb);
  const together = overlap === 1 && (ta.length !== tb.length || tokenOverlap(tb, ta) === 1);
  if (together) {
    const jw = jaroWinkler(a, b);
    if (jw >= 0.95) return 'strong';
    if (jw >= 0.88) return 'fuzzy';
  }
  // Shared words over all words, so a shared generic prefix ("chicago public schools ...") is not enough.
  if (tokenJaccard(overlap, ta, tb) >= 0.5) return 'fuzzy';
  // A short name inside a longer one ("beethoven" in "chicago public schools beethoven ludwig v"), when the short
  // one has a word of substance: how CRMs abbreviate a site or drop a parent organisation.
  const short = ta.length <= tb.length ? ta : tb;
  if (overlap === 1 && short.some((t) => t.length >= 4)) return 'fuzzy';
  return 'disagree';
}

/** Words in common (exactly or nearly) over words in either name, given their `tokenOverlap`. */
function tokenJaccard(overlap: number, ta: string[], tb: string[]): number {
  const shared = overlap * Math.min(ta.length, tb.length);
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

/** The best level of a CRM name against any of a reference company's names; `row.nameIndex` says which name. */
function bestNameLevel(crmName: string | null, referenceNames: string[], row: ComparisonRow): Level {
  row.nameIndex = 0;
  if (!crmName || referenceNames.length === 0) return 'missing';
  let best: Level = 'disagree';
  for (let i = 0; i < referenceNames.length; i++) {
    const level = compareNames(crmName, referenceNames[i]!);
    if (levelCode(level) < levelCode(best)) {
      best = level;
      row.nameIndex = i;
    }
    if (best === 'exact') break;
  }
  return best;
}

/** Phones in E.164, or bare local digits when the area code was left off (see phoneForMatching). */
export function comparePhones(a: string | null, b: string | null): Level {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  // Same subscriber digits with a different or mis-parsed country prefix.
  if (a.length >= 9 && b.length >= 9 && a.slice(-8) === b.slice(-8)) return 'strong';
  // A local number without its area code, and the full number it ends.
  if (isLocalPhone(a) !== isLocalPhone(b) && (isLocalPhone(a) ? b.endsWith(a) : a.endsWith(b))) return 'strong';
  return 'disagree';
}

/** No '+': bare local digits. (A module function: a closure made per call costs more than the comparison.) */
function isLocalPhone(p: string): boolean {
  return p.charCodeAt(0) !== 43;
}

function compareDomains(a: string | null, b: string | null): Level {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  // acme.com vs acme.com.au: the same brand under another suffix.
  const la = a.indexOf('.');
  const label = la < 0 ? a.length : la;
  const lb = b.indexOf('.');
  return label >= 3 && (lb < 0 ? b.length : lb) === label && b.startsWith(a.slice(0, label)) ? 'strong' : 'disagree';
}

/** Street words that say little on their own: directions and street types. */
const STREET_NOISE = new Set(['n', 's', 'e', 'w', 'st', 'rd', 'ave', 'dr', 'pl', 'ct', 'ln', 'hwy', 'blvd', 'lvl', 'ste', 'u', 'unit']);

const crmStreetParts = new LastValue((street) => ({ number: streetNumber(street), words: streetWords(street) }));

/**
 * Street lines: the house number and the words are compared apart, so "12 smith st, kinross" still meets "12 smith st".
 * `a` is the CRM side.
 */
function compareStreets(a: string | null, b: string | null): Level {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  const crm = crmStreetParts.of(a);
  const na = crm.number;
  const nb = streetNumber(b);
  const numbersAgree = na !== null && na === nb;
  const numbersClash = na !== null && nb !== null && na !== nb;
  const wordsA = crm.words;
  const wordsB = streetWords(b);
  const overlap = wordsA.length && wordsB.length ? tokenOverlap(wordsA, wordsB) : 0;
  // The string similarity is only worked out where the word overlap alone does not decide.
  if (!numbersClash && overlap === 1) return 'strong';
  if (numbersAgree && overlap >= 0.5) return 'strong';
  const jw = jaroWinkler(a, b);
  if (!numbersClash && jw >= 0.93) return 'strong';
  if (numbersAgree && jw >= 0.75) return 'strong';
  // Another house number on the same street is a neighbour, unless the rest is nearly identical (a typo).
  if (numbersClash) return jw >= 0.9 && overlap === 1 ? 'fuzzy' : 'disagree';
  if (jw >= 0.85 || overlap >= 0.5 || numbersAgree) return 'fuzzy';
  return 'disagree';
}

/** A street line's name words: no numbers, directions or street types. */
function streetWords(street: string): string[] {
  const out: string[] = [];
  for (const w of street.split(' ')) {
    const c = w.charCodeAt(0);
    if (!(c >= 48 && c <= 57) && !STREET_NOISE.has(w)) out.push(w);
  }
  return out;
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

interface AddressIndex {
  street: number;
  city: number;
  state: number;
  postcode: number;
}

function compareAddressInto(crm: AddressFeatures, ref: AddressFeatures, at: { fields: AddressIndex; terms: TermShares }, row: ComparisonRow): void {
  const { fields, terms } = at;
  put(row, { index: fields.street, name: 'street', terms: null }, compareStreets(crm.street, ref.street), null);
  put(row, { index: fields.city, name: 'city', terms }, compareCities(crm.city, ref.city), crm.city);
  put(row, { index: fields.state, name: 'state', terms: null }, exactOnly(crm.state, ref.state), null);
  put(row, { index: fields.postcode, name: 'postcode', terms }, comparePostcodes(crm.postcode, ref.postcode), crm.postcode);
}

/** Compares a CRM company with a reference company into `row` (levels in `companyFields` order). */
export function compareCompaniesInto(crm: CompanyFeatures, ref: CompanyFeatures, terms: TermShares, row: ComparisonRow): void {
  const f = companyIndex;
  put(row, { index: f.name!, name: 'name', terms: null }, bestNameLevel(crm.names[0] ?? null, ref.names, row), null);
  put(row, { index: f.domain!, name: 'domain', terms: null }, compareDomains(crm.domain, ref.domain), null);
  put(row, { index: f.phone!, name: 'phone', terms: null }, comparePhones(crm.phone, ref.phone), null);
  put(row, { index: f.abn!, name: 'abn', terms: null }, exactOnly(crm.abn, ref.abn), null);
  put(row, { index: f.linkedin!, name: 'linkedin', terms: null }, exactOnly(crm.linkedin, ref.linkedin), null);
  compareAddressInto(crm, ref, { fields: companyAddress, terms }, row);
  put(row, { index: f.country!, name: 'country', terms: null }, exactOnly(crm.country, ref.country), null);
}

const companyAddress: AddressIndex = { street: companyIndex.street!, city: companyIndex.city!, state: companyIndex.state!, postcode: companyIndex.postcode! };
const personAddress: AddressIndex = { street: personIndex.street!, city: personIndex.city!, state: personIndex.state!, postcode: personIndex.postcode! };

export function compareCompanies(crm: CompanyFeatures, ref: CompanyFeatures, terms: TermShares = noTermShares): Comparison[] {
  const row = new ComparisonRow(companyFields.length);
  compareCompaniesInto(crm, ref, terms, row);
  return comparisonsOf({ kind: 'company', crm, ref, row });
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

/** Compares a CRM person with a reference person into `row` (levels in `personFields` order). */
export function comparePeopleInto(crm: PersonFeatures, ref: PersonFeatures, terms: TermShares, row: ComparisonRow): void {
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
  const f = personIndex;
  put(row, { index: f.firstName!, name: 'firstName', terms }, first, crm.first);
  put(row, { index: f.lastName!, name: 'lastName', terms }, last, crm.last);
  put(row, { index: f.email!, name: 'email', terms: null }, compareEmails(crm, ref), null);
  put(row, { index: f.companyDomain!, name: 'companyDomain', terms: null }, compareDomains(crm.companyDomain, ref.companyDomain), null);
  put(row, { index: f.companyName!, name: 'companyName', terms: null }, compareNames(crm.companyName, ref.companyName), null);
  put(row, { index: f.phone!, name: 'phone', terms: null }, comparePhones(crm.phone, ref.phone), null);
  put(row, { index: f.linkedin!, name: 'linkedin', terms: null }, exactOnly(crm.linkedin, ref.linkedin), null);
  compareAddressInto(crm, ref, { fields: personAddress, terms }, row);
  row.nameIndex = 0;
}

export function comparePeople(crm: PersonFeatures, ref: PersonFeatures, terms: TermShares = noTermShares): Comparison[] {
  const row = new ComparisonRow(personFields.length);
  comparePeopleInto(crm, ref, terms, row);
  return comparisonsOf({ kind: 'person', crm, ref, row });
}

/** The values each field compared, per kind: what a person sees beside the level. */
const companyValue: readonly ((f: CompanyFeatures, nameIndex: number) => string | null)[] = [
  (f, n) => f.names[n] ?? null,
  (f) => f.domain,
  (f) => f.phone,
  (f) => f.abn,
  (f) => f.linkedin,
  (f) => f.street,
  (f) => f.city,
  (f) => f.state,
  (f) => f.postcode,
  (f) => f.country,
];
const personValue: readonly ((f: PersonFeatures) => string | null)[] = [
  (f) => f.first,
  (f) => f.last,
  (f) => f.email,
  (f) => f.companyDomain,
  (f) => f.companyName,
  (f) => f.phone,
  (f) => f.linkedin,
  (f) => f.street,
  (f) => f.city,
  (f) => f.state,
  (f) => f.postcode,
];

/** A compared pair: the two records' features and their row. */
export type ComparedPair =
  | { kind: 'company'; crm: CompanyFeatures; ref: CompanyFeatures; row: ComparisonRow }
  | { kind: 'person'; crm: PersonFeatures; ref: PersonFeatures; row: ComparisonRow };

/** The CRM value field `i` of a pair compared. */
export function crmValueOf(pair: ComparedPair, i: number): string | null {
  return pair.kind === 'company' ? companyValue[i]!(pair.crm, 0) : personValue[i]!(pair.crm);
}

/** The reference value field `i` of a pair compared (for a company's name, the name that compared best). */
export function referenceValueOf(pair: ComparedPair, i: number): string | null {
  return pair.kind === 'company' ? companyValue[i]!(pair.ref, pair.row.nameIndex) : personValue[i]!(pair.ref);
}

/** A row as Comparison objects, with the values compared (for training and tests). */
export function comparisonsOf(pair: ComparedPair): Comparison[] {
  const { row } = pair;
  const fields = pair.kind === 'company' ? companyFields : personFields;
  const out: Comparison[] = [];
  for (let i = 0; i < fields.length; i++) {
    const c: Comparison = { field: fields[i]!, level: levelsByCode[row.levels[i]!]!, crmValue: crmValueOf(pair, i), referenceValue: referenceValueOf(pair, i) };
    const share = row.termShares[i]!;
    if (!Number.isNaN(share)) c.termShare = share;
    out.push(c);
  }
  return out;
}
