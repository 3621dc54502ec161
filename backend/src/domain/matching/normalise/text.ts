/** Text folding shared by every normaliser: bounded length, no accents, lowercase ASCII words separated by single spaces. */

/** Longest input any normaliser looks at; a 10,000-character "name" is cut here so work stays bounded. */
export const MAX_INPUT_LENGTH = 300;

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_WORD = /[^a-z0-9]+/g;

/** Lowercase, strip accents and punctuation, collapse spaces. Keeps digits. Empty string when nothing is left. */
export function foldText(input: string | null | undefined): string {
  if (!input) return '';
  let s = input.length > MAX_INPUT_LENGTH ? input.slice(0, MAX_INPUT_LENGTH) : input;
  s = s.toLowerCase();
  // Fast path: plain ASCII needs no Unicode normalisation.
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFKD').replace(COMBINING_MARKS, '');
  return s.replace(NON_WORD, ' ').trim();
}

/** The words of a folded string. */
export function words(folded: string): string[] {
  return folded === '' ? [] : folded.split(' ');
}

/** Digits only, or '' when there are none. */
export function digitsOnly(input: string | null | undefined): string {
  if (!input) return '';
  const s = input.length > MAX_INPUT_LENGTH ? input.slice(0, MAX_INPUT_LENGTH) : input;
  return s.replace(/\D+/g, '');
}
