/** American Soundex of a folded word ("robert" → "r163"), used only as a blocking key for misspelt names. */

/** Soundex digit per letter a..z, 0 for letters without one (vowels, h, w, y). */
const CODES = (() => {
  const codes = new Uint8Array(26);
  const groups = ['bfpv', 'cgjkqsxz', 'dt', 'l', 'mn', 'r'];
  groups.forEach((letters, i) => {
    for (const ch of letters) codes[ch.charCodeAt(0) - 97] = i + 1;
  });
  return codes;
})();

/** Only the letters a-z count; anything else in `word` is skipped. */
export function soundex(word: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < word.length && out.length < 4; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) continue;
    const code = CODES[c - 97]!;
    if (out === '') out = word[i]!;
    else if (code !== 0 && code !== last) out += String.fromCharCode(48 + code);
    if (c !== 104 && c !== 119) last = code; // h and w do not separate equal codes
  }
  if (out === '') return '';
  return out.length === 4 ? out : out.padEnd(4, '0');
}
