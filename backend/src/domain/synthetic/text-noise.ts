/** Small text corruptions people make when typing into a CRM: keyboard typos, case changes, phone formats. */
import type { Random } from './random';

const KEYBOARD_NEIGHBOURS: Readonly<Record<string, string>> = {
  q: 'wa', w: 'qes', e: 'wrd', r: 'etf', t: 'ryg', y: 'tuh', u: 'yij', i: 'uok', o: 'ipl', p: 'ol',
  a: 'qsz', s: 'adwx', d: 'sfec', f: 'dgrv', g: 'fhtb', h: 'gjyn', j: 'hkum', k: 'jli', l: 'ko',
  z: 'asx', x: 'zsdc', c: 'xdfv', v: 'cfgb', b: 'vghn', n: 'bhjm', m: 'njk',
};

/** One insertion, deletion, keyboard-neighbour substitution or transposition, never on the first letter. */
export function withTypo(random: Random, text: string): string {
  const letters: number[] = [];
  for (let i = 1; i < text.length; i++) if (/[a-z]/i.test(text.charAt(i))) letters.push(i);
  if (text.length < 4 || letters.length === 0) return text;
  const at = random.pick(letters);
  const char = text.charAt(at);
  const neighbours = KEYBOARD_NEIGHBOURS[char.toLowerCase()] ?? 'e';
  let neighbour = neighbours.charAt(Math.floor(random.next() * neighbours.length));
  if (char !== char.toLowerCase()) neighbour = neighbour.toUpperCase();
  switch (random.int(0, 3)) {
    case 0: return text.slice(0, at) + neighbour + text.slice(at + 1);
    case 1: return text.slice(0, at) + text.slice(at + 1);
    case 2: return text.slice(0, at) + (random.chance(0.5) ? char : neighbour) + text.slice(at);
    default: {
      const next = text.charAt(at + 1);
      if (next === '' || next === ' ') {
        // Swapping backwards from the second letter would move the first one: substitute instead.
        if (at === 1) return text.slice(0, at) + neighbour + text.slice(at + 1);
        return text.slice(0, at - 1) + char + text.charAt(at - 1) + text.slice(at + 1);
      }
      return text.slice(0, at) + next + char + text.slice(at + 2);
    }
  }
}

export function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s'-])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}

export function stripAccents(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

interface DialPlan {
  countryCode: string;
  trunk: string;
  groups(nationalNumber: string): readonly number[];
  /** Whether the area code may be written in brackets, "(02) 9876 5432" (landlines, not mobiles). */
  bracketsArea(nationalNumber: string): boolean;
  localSeparator: string;
}

/** Grouping of national numbers per country; the differences are data, the formatting is one function. */
const DIAL_PLANS: readonly DialPlan[] = [
  { countryCode: '61', trunk: '0', bracketsArea: (n) => !n.startsWith('4'), localSeparator: ' ', groups: (n) => (n.startsWith('4') ? [3, 3, 3] : [1, 4, 4]) },
  { countryCode: '1', trunk: '', bracketsArea: () => true, localSeparator: '-', groups: () => [3, 3, 4] },
  { countryCode: '44', trunk: '0', bracketsArea: () => false, localSeparator: ' ', groups: (n) => (n.startsWith('20') ? [2, 4, 4] : n.startsWith('7') ? [4, 6] : [3, 3, 4]) },
  { countryCode: '64', trunk: '0', bracketsArea: (n) => !n.startsWith('2'), localSeparator: ' ', groups: (n) => (n.startsWith('2') ? [2, 3, n.length - 5] : [1, 3, 4]) },
];

const EXTENSION_STYLES = [' ext ', ' ext. ', ' x', ' x ', ' #', ' extension '] as const;

/**
 * An E.164 number ("+61298765432", optionally with " ext 204") as someone might have typed it:
 * "(02) 9876 5432", "02 9876 5432", "0298765432", "+61 2 9876 5432", "61 2 9876 5432", "0412 345 678", ...
 */
export function formatPhoneLoosely(random: Random, e164: string): string {
  const match = /^\+\d+(?: ext (\d+))?$/.exec(e164);
  const plan = match ? DIAL_PLANS.find((p) => e164.startsWith(`+${p.countryCode}`)) : undefined;
  if (!match || !plan) return e164;
  const withoutExtension = e164.replace(/ ext \d+$/, '');
  const national = withoutExtension.slice(1 + plan.countryCode.length);
  const extension = match[1] ? `${random.pick(EXTENSION_STYLES)}${match[1]}` : '';
  const parts: string[] = [];
  let at = 0;
  for (const size of plan.groups(national)) {
    parts.push(national.slice(at, at + size));
    at += size;
  }
  if (at < national.length) parts.push(national.slice(at));
  const [area = '', ...rest] = parts;
  const local = rest.join(plan.localSeparator);
  const trunkArea = `${plan.trunk}${area}`;
  const bracketed = plan.bracketsArea(national) ? `(${trunkArea}) ${local}` : `${trunkArea} ${local}`;
  let formatted: string;
  switch (random.int(0, 9)) {
    case 0: formatted = bracketed; break;
    case 1: formatted = `${trunkArea} ${local}`; break;
    case 2: formatted = `${trunkArea}${rest.join('')}`; break;
    case 3: formatted = `+${plan.countryCode} ${area} ${local}`; break;
    case 4: formatted = withoutExtension; break;
    case 5: formatted = `${plan.countryCode} ${area} ${local}`; break;
    case 6: formatted = plan.trunk ? `+${plan.countryCode} (${plan.trunk})${area} ${local}` : `${plan.countryCode}-${area}-${rest.join('-')}`; break;
    case 7: formatted = `${trunkArea}-${rest.join('-')}`; break;
    case 8: formatted = `${plan.countryCode}${national}`; break;
    default: formatted = bracketed;
  }
  return formatted + extension;
}
