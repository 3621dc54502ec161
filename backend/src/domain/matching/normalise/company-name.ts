/**
 * Company names: "The Smith & Jones Plumbing Pty. Ltd." and "SMITH AND JONES PLUMBING P/L" both become
 * "smith jones plumbing". Legal suffixes, leading "the", "&"/"and" and punctuation go; common abbreviations are
 * expanded to one canonical word.
 */
import { foldText, words } from './text';

const LEGAL_SUFFIXES: readonly (readonly string[])[] = [
  ['proprietary', 'limited'],
  ['pty', 'limited'],
  ['pty', 'ltd'],
  ['pte', 'ltd'],
  ['p', 'l'],
  ['l', 'l', 'c'],
  ['pty'],
  ['limited'],
  ['ltd'],
  ['inc'],
  ['incorporated'],
  ['llc'],
  ['llp'],
  ['corp'],
  ['corporation'],
  ['co'],
  ['company'],
  ['plc'],
  ['gmbh'],
  ['nl'],
];

const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(Object.entries({
  intl: 'international',
  int: 'international',
  svcs: 'services',
  svc: 'services',
  serv: 'services',
  service: 'services',
  bros: 'brothers',
  bro: 'brothers',
  mfg: 'manufacturing',
  aust: 'australia',
  aus: 'australia',
  eng: 'engineering',
  engg: 'engineering',
  tech: 'technologies',
  technology: 'technologies',
  assoc: 'associates',
  assocs: 'associates',
  mgmt: 'management',
  mgt: 'management',
  hldgs: 'holdings',
  grp: 'group',
  natl: 'national',
  dept: 'department',
  ctr: 'centre',
  center: 'centre',
  mt: 'mount',
  st: 'saint',
  sys: 'systems',
  solns: 'solutions',
  ent: 'enterprises',
}));

/** Last words of the legal suffixes, to skip the suffix scan for most names. */
const SUFFIX_ENDINGS = new Set(LEGAL_SUFFIXES.map((s) => s[s.length - 1]!));

const DROPPED = new Set(['and', 'the', 'of']);

export interface NormalisedCompanyName {
  /** Canonical words joined by spaces, legal suffix removed. */
  full: string;
  /** Canonical words without "and", "the", "of". */
  tokens: string[];
}

export function normaliseCompanyName(input: string | null | undefined): NormalisedCompanyName | null {
  if (!input) return null;
  const spelled = input.includes('&') || input.includes('+') ? input.replace(/&/g, ' and ').replace(/\+/g, ' and ') : input;
  const folded = foldText(spelled);
  let ws = words(folded);
  ws = stripLegalSuffix(ws);
  const tokens: string[] = [];
  for (const w of ws) {
    if (DROPPED.has(w)) continue;
    tokens.push(ABBREVIATIONS.get(w) ?? w);
  }
  if (tokens.length === 0) return null;
  return { full: tokens.join(' '), tokens };
}

function stripLegalSuffix(ws: string[]): string[] {
  if (!SUFFIX_ENDINGS.has(ws[ws.length - 1] ?? '')) return ws;
  let end = ws.length;
  let changed = true;
  while (changed && end > 1) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      const n = suffix.length;
      if (end - n < 1) continue;
      let same = true;
      for (let i = 0; i < n; i++) {
        if (ws[end - n + i] !== suffix[i]) {
          same = false;
          break;
        }
      }
      if (same) {
        end -= n;
        changed = true;
        break;
      }
    }
  }
  return end === ws.length ? ws : ws.slice(0, end);
}
