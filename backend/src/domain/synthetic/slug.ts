/** ASCII slugs of names for domains, emails and profile URLs. */
import { firstNames, surnames } from './vocabulary';

const SPECIAL_LETTERS: Readonly<Record<string, string>> = { ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', đ: 'd' };

/** Lowercase a-z and digits only: "O'Brien" → "obrien", "Müller" → "muller", "Ji-woo" → "jiwoo". */
export function asciiSlug(text: string): string {
  let s = text.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s)) {
    s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[øłßæđ]/g, (c) => SPECIAL_LETTERS[c] ?? '');
  }
  return s.replace(/[^a-z0-9]/g, '');
}

/** Slugs of the name lists, position for position, so hot paths skip the Unicode work. */
export const firstNameSlugs: readonly string[] = firstNames.map(asciiSlug);
export const surnameSlugs: readonly string[] = surnames.map(asciiSlug);
