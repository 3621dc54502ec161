/**
 * Blocking: the keys under which a record is filed, so a query only compares records that share at least one.
 * Each key kind has a weight used to rank candidates before full scoring, and very large blocks are skipped.
 */
import type { CompanyFeatures, PersonFeatures } from './features';
import { streetNumber } from './normalise/address';
import { soundex } from './normalise/soundex';

export interface BlockingKey {
  key: string;
  /** How much sharing this key suggests a match, for ranking candidates (not a model weight). */
  strength: number;
}

/** Words too common in company names to block on alone. */
const GENERIC_TOKENS = new Set([
  'services', 'group', 'australia', 'company', 'international', 'holdings', 'solutions', 'consulting', 'management',
  'trust', 'partners', 'associates', 'enterprises', 'industries', 'systems', 'technologies', 'the', 'and', 'of', 'centre',
]);

export function companyBlockingKeys(f: CompanyFeatures): BlockingKey[] {
  const keys: BlockingKey[] = [];
  if (f.domain) keys.push({ key: `d:${f.domain}`, strength: 8 });
  if (f.phone) keys.push({ key: `p:${f.phone}`, strength: 6 });
  if (f.abn) keys.push({ key: `a:${f.abn}`, strength: 10 });
  if (f.linkedin) keys.push({ key: `l:${f.linkedin}`, strength: 10 });
  const place = f.postcode ?? f.city;
  const seen = new Set<string>();
  for (const name of f.names) {
    keys.push({ key: `n:${name}`, strength: 5 });
    const tokens = name.split(' ');
    for (const t of tokens) {
      if (t.length < 2 || GENERIC_TOKENS.has(t) || seen.has(t)) continue;
      seen.add(t);
      keys.push({ key: `t:${t}`, strength: 1 });
      if (place) keys.push({ key: `tp:${t}|${place}`, strength: 3 });
    }
  }
  // The same street address under another name ("Beethoven" vs "Chicago Public Schools Beethoven").
  const address = streetKey(f.street);
  if (address) keys.push({ key: `sa:${address}`, strength: 2 });
  return keys;
}

/**
 * House number and street name ("12|george"), or null when the street has no number or no name word: the part of
 * an address that survives unit and level prefixes, street-type spellings and a dropped second line. `number` is the
 * street's house number when the caller already has it.
 */
export function streetKey(street: string | null, number: string | null = streetNumber(street)): string | null {
  if (!number || !street) return null;
  for (const w of street.split(' ')) {
    // Numbered streets ("59th") are names; house and unit numbers ("12", "12a") are not.
    if (w.length >= 3 && !/^\d+[a-z]?$/.test(w) && !STREET_WORDS.has(w)) return `${number}|${w}`;
  }
  return null;
}

/** Street types, directions and unit words: never the street's name. */
const STREET_WORDS = new Set([
  'st', 'rd', 'ave', 'dr', 'pl', 'ct', 'cres', 'pde', 'hwy', 'ln', 'tce', 'blvd', 'cct', 'cl', 'sq', 'esp', 'gr', 'way',
  'lvl', 'ste', 'unit', 'shop', 'flat', 'apt', 'the', 'level', 'suite',
]);

export function personBlockingKeys(f: PersonFeatures): BlockingKey[] {
  const keys: BlockingKey[] = [];
  if (f.email) keys.push({ key: `e:${f.email}`, strength: 10 });
  if (f.phone) keys.push({ key: `p:${f.phone}`, strength: 6 });
  if (f.linkedin) keys.push({ key: `l:${f.linkedin}`, strength: 10 });
  const last = f.last === null ? null : f.last.includes(' ') ? f.last.replace(/ /g, '') : f.last;
  const first = f.firstCanonical;
  const lastSound = last ? soundex(last) : '';
  if (last) {
    if (first) {
      // Either order, so a first and last name typed into each other's fields still meet.
      keys.push({ key: last < first ? `nf:${last}|${first}` : `nf:${first}|${last}`, strength: 4 });
      keys.push({ key: `sx:${soundex(first)}|${lastSound}`, strength: 1 });
    }
    if (f.companyDomain) keys.push({ key: `dl:${f.companyDomain}|${last}`, strength: 6 });
    if (f.postcode) keys.push({ key: `lp:${last}|${f.postcode}`, strength: 3 });
    if (f.city) keys.push({ key: `lc:${last}|${f.city}`, strength: 2 });
  }
  if (first) {
    if (f.postcode) keys.push({ key: `fp:${first}|${f.postcode}`, strength: 2 });
    if (f.companyDomain) keys.push({ key: `df:${f.companyDomain}|${first}`, strength: 3 });
  }
  if (f.street && f.postcode) keys.push({ key: `ap:${f.street}|${f.postcode}`, strength: 2 });
  // Misspelt surnames: the sound of the name, or the house number, within one postcode or suburb.
  if (f.postcode && last) keys.push({ key: `ps:${f.postcode}|${lastSound}`, strength: 2 });
  if (f.city && last) keys.push({ key: `cs:${f.city}|${lastSound}`, strength: 1 });
  const number = streetNumber(f.street);
  if (f.postcode && number) keys.push({ key: `pn:${f.postcode}|${number}`, strength: 2 });
  // Both names mistyped or changed, postcode mistyped: the given name or the house in the suburb.
  if (f.city && first) keys.push({ key: `fc:${first}|${f.city}`, strength: 1 });
  if (f.city && number) keys.push({ key: `cn:${f.city}|${number}`, strength: 1 });
  const address = streetKey(f.street, number);
  if (address) keys.push({ key: `sa:${address}`, strength: 2 });
  return keys;
}
