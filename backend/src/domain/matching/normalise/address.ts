/** Address parts: states as codes, postcodes trimmed, streets with canonical street types. */
import { foldText, words } from './text';

const AU_STATES: Readonly<Record<string, string>> = {
  'new south wales': 'nsw',
  victoria: 'vic',
  queensland: 'qld',
  'western australia': 'wa',
  'south australia': 'sa',
  tasmania: 'tas',
  'australian capital territory': 'act',
  'northern territory': 'nt',
};

const US_STATES: Readonly<Record<string, string>> = {
  illinois: 'il',
  california: 'ca',
  'new york': 'ny',
  texas: 'tx',
  florida: 'fl',
  washington: 'wa',
  massachusetts: 'ma',
  colorado: 'co',
  georgia: 'ga',
  virginia: 'va',
};

/** Lowercase state or province code: "New South Wales" → "nsw", "NSW" → "nsw", "Illinois" → "il". */
export function normaliseState(input: string | null | undefined): string | null {
  const s = foldText(input);
  if (s === '') return null;
  return (Object.hasOwn(AU_STATES, s) ? AU_STATES[s] : Object.hasOwn(US_STATES, s) ? US_STATES[s] : undefined) ?? (s.includes(' ') ? s.replace(/ /g, '') : s);
}

/** Postcode without spaces, lowercase; US ZIP+4 cut to five digits. */
export function normalisePostcode(input: string | null | undefined): string | null {
  const s = foldText(input).replace(/ /g, '');
  if (s === '') return null;
  return /^\d{9}$/.test(s) ? s.slice(0, 5) : s;
}

const STREET_TYPES: ReadonlyMap<string, string> = new Map(Object.entries({
  street: 'st',
  str: 'st',
  road: 'rd',
  avenue: 'ave',
  av: 'ave',
  drive: 'dr',
  place: 'pl',
  court: 'ct',
  crescent: 'cres',
  cresent: 'cres',
  parade: 'pde',
  highway: 'hwy',
  lane: 'ln',
  terrace: 'tce',
  boulevard: 'blvd',
  circuit: 'cct',
  close: 'cl',
  square: 'sq',
  esplanade: 'esp',
  grove: 'gr',
  way: 'way',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  level: 'lvl',
  suite: 'ste',
  unit: 'u',
}));

/** "Level 3, 12 George Street" → "lvl 3 12 george st". */
export function normaliseStreet(input: string | null | undefined): string | null {
  const ws = words(foldText(input));
  if (ws.length === 0) return null;
  return ws.map((w) => STREET_TYPES.get(w) ?? w).join(' ');
}

const UNIT_WORDS = new Set(['lvl', 'ste', 'u', 'shop', 'flat', 'apt']);

/**
 * The house number of a street line: "12a george st" → "12", "lvl 3 12 george st" → "12",
 * "7 45 smith rd" (from "7/45") → "45". Level, suite and unit numbers are skipped.
 */
export function streetNumber(normalisedStreet: string | null): string | null {
  if (!normalisedStreet) return null;
  const ws = normalisedStreet.split(' ');
  for (let i = 0; i < ws.length; i++) {
    const digits = houseNumberDigits(ws[i]!);
    if (digits === 0) continue;
    if (i > 0 && UNIT_WORDS.has(ws[i - 1]!)) continue;
    if (i + 1 < ws.length && houseNumberDigits(ws[i + 1]!) > 0) continue;
    return ws[i]!.slice(0, digits);
  }
  return null;
}

/** For a word shaped like a house number (1-6 digits, then at most one letter a-z): its digit count; else 0. */
function houseNumberDigits(w: string): number {
  let digits = 0;
  while (digits < w.length && digits < 7) {
    const c = w.charCodeAt(digits);
    if (c < 48 || c > 57) break;
    digits++;
  }
  if (digits === 0 || digits > 6) return 0;
  if (digits === w.length) return digits;
  const c = w.charCodeAt(digits);
  return digits + 1 === w.length && c >= 97 && c <= 122 ? digits : 0;
}

/** City / suburb folded: "St Kilda" and "ST. KILDA" → "st kilda". */
export function normaliseCity(input: string | null | undefined): string | null {
  const s = foldText(input);
  return s === '' ? null : s;
}
