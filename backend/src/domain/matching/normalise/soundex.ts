/** American Soundex of a folded word ("robert" → "r163"), used only as a blocking key for misspelt names. */

const CODES: Readonly<Record<string, string>> = {
  b: '1', f: '1', p: '1', v: '1',
  c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3',
  l: '4',
  m: '5', n: '5',
  r: '6',
};

export function soundex(word: string): string {
  const w = word.replace(/[^a-z]/g, '');
  if (w === '') return '';
  let out = w[0]!;
  let last = CODES[w[0]!] ?? '';
  for (let i = 1; i < w.length && out.length < 4; i++) {
    const ch = w[i]!;
    const code = CODES[ch] ?? '';
    if (code !== '' && code !== last) out += code;
    if (ch !== 'h' && ch !== 'w') last = code;
  }
  return out.padEnd(4, '0');
}
