/** Person names: folded, with given names mapped to one canonical form (Bob, Rob, Bobby → robert). */
import { nicknameGroups } from './nicknames';
import { foldText, words } from './text';

const CANONICAL: ReadonlyMap<string, string> = buildCanonical();

function buildCanonical(): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of nicknameGroups) {
    const canonical = group[0];
    if (!canonical) continue;
    for (const name of group) if (!map.has(name)) map.set(name, canonical);
  }
  return map;
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'jr', 'sr', 'ii', 'iii', 'phd']);

/** Folded name without titles: "Dr. Mary-Jane O'Neil" → "mary jane o neil". */
export function normalisePersonName(input: string | null | undefined): string {
  const folded = foldText(input);
  // Most names are one word: no list to split, filter and join.
  if (!folded.includes(' ')) return TITLES.has(folded) ? '' : folded;
  const ws = words(folded).filter((w) => !TITLES.has(w));
  return ws.join(' ');
}

/** First word of a given name, mapped to its canonical form: "Bob" → "robert", "J." → "j". */
export function canonicalGivenName(folded: string): string {
  const first = folded.split(' ', 1)[0] ?? '';
  return CANONICAL.get(first) ?? first;
}

/** Surname with spaces removed so "van der berg", "vanderberg" and "o neil"/"oneil" agree. */
export function compactSurname(folded: string): string {
  return folded.replace(/ /g, '');
}
