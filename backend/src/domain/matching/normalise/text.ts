/** Text folding shared by every normaliser: bounded length, no accents, lowercase ASCII words separated by single spaces. */

/** Longest input any normaliser looks at; a 10,000-character "name" is cut here so work stays bounded. */
export const MAX_INPUT_LENGTH = 300;

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_WORD = /[^a-z0-9]+/g;

/** Lowercase, strip accents and punctuation, collapse spaces. Keeps digits. Empty string when nothing is left. */
export function foldText(input: string | null | undefined): string {
  if (!input) return '';
  const s = input.length > MAX_INPUT_LENGTH ? input.slice(0, MAX_INPUT_LENGTH) : input;
  const shape = asciiShape(s);
  // Most values are already ASCII words separated by single spaces: no regex, and no copy when already lowercase.
  if (shape === PLAIN) return s;
  if (shape === PLAIN_WITH_UPPER) return s.toLowerCase();
  if (shape === ASCII) return asciiWords(s.toLowerCase());
  return foldSlow(s);
}

/** Lowercase ASCII: the runs of [a-z0-9] joined by single spaces (what the NON_WORD replace and trim give). */
function asciiWords(lower: string): string {
  let out = '';
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const isWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (isWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out = out === '' ? lower.slice(start, i) : `${out} ${lower.slice(start, i)}`;
      start = -1;
    }
  }
  return out;
}

function foldSlow(input: string): string {
  let s = input.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFKD').replace(COMBINING_MARKS, '');
  return s.replace(NON_WORD, ' ').trim();
}

const PLAIN = 0;
const PLAIN_WITH_UPPER = 1;
const ASCII = 2;
const OTHER = 3;

/**
 * PLAIN when `s` is ASCII letters and digits in words separated by single spaces, all lowercase (so it is its own
 * folding); PLAIN_WITH_UPPER when the same holds after lowercasing; ASCII for any other ASCII text; OTHER when there
 * is a non-ASCII character (accents need Unicode normalisation).
 */
function asciiShape(s: string): number {
  let upper = false;
  let plain = true;
  let lastSpace = true; // a leading space is not plain
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return OTHER;
    if (c === 32) {
      if (lastSpace) plain = false;
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (c >= 65 && c <= 90) upper = true;
    else plain = false;
  }
  if (lastSpace || !plain) return ASCII; // empty, a trailing space, or punctuation
  return upper ? PLAIN_WITH_UPPER : PLAIN;
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
