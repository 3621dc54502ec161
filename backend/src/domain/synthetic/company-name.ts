/**
 * Company names by index: the distinctive words ("Harbour Plumbing", "Smith & Jones", "Kovatex"), an optional
 * generic word ("Services") and the sector. A look-alike reuses another company's distinctive words with a
 * different generic word; brand words are a bijection of the index, so a brand is never used twice.
 */
import { createRandom, deriveSeed, hashUnit } from './random';
import { surnameSlugs } from './slug';
import { companyWords, genericWords, placeWords, sectors, surnames, type Sector } from './vocabulary';

export interface NameParts {
  /** The distinctive words a look-alike shares, e.g. "Harbour Plumbing". */
  core: string;
  /** '' or one of the generic words, e.g. "Services". */
  generic: string;
  sector: Sector;
  /** The core as lowercase ASCII words, for domains and profile URLs. */
  slugWords: readonly string[];
  /** The invented brand word when the name is built on one. */
  brand: string | null;
  isLookAlike: boolean;
}

const NAME_SALT = 0x6e616d65;
const LOOK_ALIKE_SALT = 0x6c6f6f6b;
/** A look-alike never follows a look-alike, so slightly more than 5% are drawn to end up with about 5%. */
const RAW_LOOK_ALIKE_SHARE = 0.0527;
const ACRONYM_LETTERS = 'ABCDEFGHJKLMNPRSTW'.split('');

/** The index whose distinctive name words company `index` borrows, or null when it has its own. */
export function lookAlikeSourceIndex(seed: number, index: number): number | null {
  if (index <= 0) return null;
  const lookSeed = deriveSeed(seed, LOOK_ALIKE_SALT);
  return hashUnit(lookSeed, index) < RAW_LOOK_ALIKE_SHARE && hashUnit(lookSeed, index - 1) >= RAW_LOOK_ALIKE_SHARE ? index - 1 : null;
}

export function companyNameParts(seed: number, index: number): NameParts {
  const source = lookAlikeSourceIndex(seed, index);
  if (source === null) return ownNameParts(seed, index);
  return lookAlikeNameParts({ seed, index, source: ownNameParts(seed, source) });
}

/** The source's distinctive words and sector with a different generic word (or none). */
export function lookAlikeNameParts(options: { seed: number; index: number; source: NameParts }): NameParts {
  const { source } = options;
  const r = createRandom(deriveSeed(deriveSeed(options.seed, NAME_SALT), options.index));
  const others = genericWords.filter((w) => w !== source.generic && !source.core.includes(w));
  const generic = source.generic !== '' && r.chance(0.5) ? '' : r.pick(others);
  return { ...source, generic, isLookAlike: true };
}

function ownNameParts(seed: number, index: number): NameParts {
  const r = createRandom(deriveSeed(deriveSeed(seed, NAME_SALT), index));
  const sector = r.pick(sectors);
  const noun = r.pick(sector.nouns);
  const nounSlug = noun.toLowerCase();
  const x = r.next();
  let core: string;
  let slugWords: string[];
  let brand: string | null = null;
  let takesGeneric = true;
  if (x < 0.12) {
    const first = r.int(0, surnames.length - 1);
    let second = r.int(0, surnames.length - 1);
    if (second === first) second = (first + 1) % surnames.length;
    core = `${at(surnames, first)} & ${at(surnames, second)}`;
    slugWords = [at(surnameSlugs, first), at(surnameSlugs, second)];
    if (r.chance(0.5)) {
      core += ` ${noun}`;
      slugWords.push(nounSlug);
    }
  } else if (x < 0.18) {
    const surname = r.int(0, surnames.length - 1);
    const isAssociates = r.chance(0.6);
    core = isAssociates ? `${at(surnames, surname)} & Associates` : `${at(surnames, surname)} Brothers ${noun}`;
    slugWords = isAssociates ? [at(surnameSlugs, surname), 'associates'] : [at(surnameSlugs, surname), 'brothers', nounSlug];
    takesGeneric = false;
  } else if (x < 0.3) {
    const surname = r.int(0, surnames.length - 1);
    core = `${at(surnames, surname)} ${noun}`;
    slugWords = [at(surnameSlugs, surname), nounSlug];
  } else if (x < 0.46) {
    const word = r.pick(companyWords);
    core = `${word} ${noun}`;
    slugWords = [word.toLowerCase(), nounSlug];
  } else if (x < 0.52) {
    const word = r.pick(companyWords);
    const second = r.pick(companyWords);
    core = `${word} ${second} ${noun}`;
    slugWords = [word.toLowerCase(), second.toLowerCase(), nounSlug];
  } else if (x < 0.64) {
    const place = r.pick(placeWords);
    const word = r.pick(companyWords);
    core = `${place} ${word} ${noun}`;
    slugWords = [...place.toLowerCase().split(' '), word.toLowerCase(), nounSlug];
  } else if (x < 0.72) {
    let letters = '';
    for (let i = r.int(2, 3); i > 0; i--) letters += r.pick(ACRONYM_LETTERS);
    core = `${letters} ${noun}`;
    slugWords = [letters.toLowerCase(), nounSlug];
  } else if (x < 0.78) {
    const word = r.pick(companyWords);
    core = `The ${word} Group`;
    slugWords = [word.toLowerCase(), 'group'];
    takesGeneric = false;
  } else {
    brand = brandWord(index);
    const withNoun = r.chance(0.5);
    core = withNoun ? `${brand} ${noun}` : brand;
    slugWords = withNoun ? [brand.toLowerCase(), nounSlug] : [brand.toLowerCase()];
  }
  const generic = takesGeneric && r.chance(0.25) ? r.pick(genericWords) : '';
  return { core, generic, sector, slugWords, brand, isLookAlike: false };
}

function at(words: readonly string[], i: number): string {
  return words[i] as string;
}

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
const CODAS = ['', 'n', 'x', 'l', 'r', 's'] as const;
const SYLLABLE_COUNT = CONSONANTS.length * VOWELS.length;
/** Prime, so coprime with every level size (6 · 70^k): multiplying by it permutes a level. */
const PERMUTING_MULTIPLIER = 1_000_003;

/**
 * An invented brand ("Kovatex") that no other index gets: indexes are laid out in levels of 3, 4, 5... syllables,
 * and within the 3- and 4-syllable levels an affine permutation scatters neighbouring indexes.
 */
export function brandWord(index: number): string {
  let n = index;
  let syllables = 3;
  let size = SYLLABLE_COUNT ** 3 * CODAS.length;
  while (n >= size) {
    n -= size;
    syllables++;
    size *= SYLLABLE_COUNT;
  }
  if (syllables <= 4) n = (n * PERMUTING_MULTIPLIER + 7_777) % size;
  let word: string = CODAS[n % CODAS.length] ?? '';
  n = (n - (n % CODAS.length)) / CODAS.length;
  for (let i = 0; i < syllables; i++) {
    const s = n % SYLLABLE_COUNT;
    n = (n - s) / SYLLABLE_COUNT;
    word = `${CONSONANTS[(s - (s % VOWELS.length)) / VOWELS.length]}${VOWELS[s % VOWELS.length]}${word}`;
  }
  return word.charAt(0).toUpperCase() + word.slice(1);
}
