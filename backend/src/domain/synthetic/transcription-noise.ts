/**
 * Transcription noise: a contact keyed in from a paper form, a badge scan or an event list rather than typed by its
 * owner. Several errors per record (keyboard slips, OCR confusions, stray or lost spaces), names typed into each
 * other's fields, a surname changed by marriage, a move to another suburb, postcode digits slipped or swapped, a
 * wrong state, another house number, a dropped second address line. Also "list" contacts that hold nothing but a
 * name and a postal address. Error kinds follow the corruption model of the FEBRL generator (Christen 2005); the
 * rates are ours.
 */
import type { CrmPerson } from '@accord/shared';
import type { Random } from './random';
import { withTypo } from './text-noise';
import { australianCities, surnames, type StateCode } from './vocabulary';

type Hit = (probability: number) => boolean;

/** Characters OCR and hand-writing readers confuse, both ways. */
const OCR_PAIRS: readonly (readonly [string, string])[] = [
  ['rn', 'm'], ['cl', 'd'], ['li', 'h'], ['vv', 'w'], ['l', 'i'], ['e', 'c'], ['o', 'a'], ['n', 'h'], ['u', 'v'], ['g', 'q'],
];
const STATES: readonly StateCode[] = ['NSW', 'VIC', 'QLD', 'WA', 'SA', 'TAS', 'ACT', 'NT'];

/** One OCR-style confusion (somewhere after the first letter), or the text unchanged when none applies. */
export function withOcrError(random: Random, text: string): string {
  const options: { at: number; from: string; to: string }[] = [];
  const lower = text.toLowerCase();
  for (const [a, b] of OCR_PAIRS) {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const at = lower.indexOf(from, 1);
      if (at > 0) options.push({ at, from, to });
    }
  }
  if (options.length === 0) return text;
  const { at, from, to } = random.pick(options);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** A space typed inside a word ("isabe lla"), or the space between two words lost ("pinehill"). */
export function withStraySpace(random: Random, text: string): string {
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length > 0 && random.chance(0.4)) {
    const at = random.pick(spaces);
    return text.slice(0, at) + text.slice(at + 1);
  }
  if (text.length < 4) return text;
  const at = random.int(1, text.length - 2);
  return text.charAt(at) === ' ' || text.charAt(at - 1) === ' ' ? text : `${text.slice(0, at)} ${text.slice(at)}`;
}

/** One to three transcription errors in a value. */
export function transcribed(random: Random, text: string): string {
  let out = text;
  const errors = random.chance(0.7) ? 1 : random.chance(0.7) ? 2 : 3;
  for (let i = 0; i < errors; i++) {
    const x = random.next();
    out = x < 0.6 ? withTypo(random, out) : x < 0.85 ? withOcrError(random, out) : withStraySpace(random, out);
  }
  return out;
}

/** A postcode with one digit mistyped or two digits swapped anywhere after the first. */
export function slippedPostcode(random: Random, postcode: string): string {
  if (!/^\d{4,5}$/.test(postcode)) return postcode;
  const i = random.int(1, postcode.length - 1);
  const j = i === postcode.length - 1 ? i - 1 : i + 1;
  if (random.chance(0.5) && postcode[i] !== postcode[j]) {
    const [lo, hi] = i < j ? [i, j] : [j, i];
    return postcode.slice(0, lo) + postcode[hi] + postcode[lo] + postcode.slice(hi + 1);
  }
  return postcode.slice(0, i) + String((Number(postcode[i]) + random.int(1, 9)) % 10) + postcode.slice(i + 1);
}

/** Applies transcription errors to a noisy CRM person in place. `hit` scales with the data set's noise level. */
export function transcribePerson(random: Random, crm: CrmPerson, hit: Hit): void {
  if (crm.firstName && hit(0.3)) crm.firstName = transcribed(random, crm.firstName);
  if (crm.lastName && hit(0.3)) crm.lastName = transcribed(random, crm.lastName);
  if (crm.lastName && hit(0.03)) crm.lastName = random.pick(surnames);
  if (hit(0.05)) [crm.firstName, crm.lastName] = [crm.lastName ?? undefined, crm.firstName ?? undefined];
  if (crm.street) {
    if (hit(0.3)) crm.street = transcribed(random, crm.street);
    if (hit(0.1)) crm.street = crm.street.replace(/^(\d+\/)?\d+/, (_whole, unit: string | undefined) => `${unit ?? ''}${random.int(1, 250)}`);
    if (hit(0.05)) crm.street = crm.street.replace(/^(\d+\/)?\d+ /, '');
  }
  if (crm.city) {
    if (hit(0.05)) crm.city = random.pick(australianCities).city;
    else if (hit(0.2)) crm.city = transcribed(random, crm.city);
  }
  if (crm.postcode && hit(0.15)) crm.postcode = slippedPostcode(random, crm.postcode);
  if (crm.state && hit(0.04)) crm.state = random.pick(STATES);
}

/** Keeps only a name and a postal address: a contact from a mailing or event list. */
export function toListContact(crm: CrmPerson): void {
  for (const key of ['email', 'phone', 'jobTitle', 'companyName', 'companyDomain', 'linkedinUrl'] as const) delete crm[key];
}
