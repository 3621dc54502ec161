/**
 * Noisy CRM copies of reference records, as HubSpot and Salesforce hold them: legal suffixes changed or dropped,
 * abbreviations, typos, case changes, websites instead of domains, loose phone formats, state names, nicknames,
 * personal emails, missing fields. `noise` scales every probability: 0 gives a faithful copy, 1 a typical CRM.
 */
import type { CrmCompany, CrmPerson, ReferenceCompany, ReferencePerson } from '@accord/shared';
import { nicknameGroups } from '../matching/normalise/nicknames';
import type { Random } from './random';
import { asciiSlug } from './slug';
import { capitalise, formatPhoneLoosely, stripAccents, titleCase, withTypo } from './text-noise';
import { toListContact, transcribePerson } from './transcription-noise';
import {
  australianStateNames, countryNames, crmLegalSuffixes, freeMailDomains, genericWords, jobTitleAbbreviations, legalSuffixes,
  australianCities, nameAbbreviations, streetTypes, usStateNames, type CountryCode, type StateCode,
} from './vocabulary';

export interface NoiseOptions {
  /** The CRM record's id; defaults to "crm-" + the reference id. */
  id?: string;
  /** Multiplies every noise probability: 0 = faithful copy, 1 = typical (default), 2 = very messy. */
  noise?: number;
  /**
   * A company's only: the name of another organisation the record may be filed under, as a parent body before the
   * site's name ("Harbour Health - Kids First") or instead of it (a former or trading name). Without it the name
   * always derives from the reference company's.
   */
  otherOrganisation?: string;
}

type Hit = (probability: number) => boolean;

const NICKNAME_GROUP_OF: ReadonlyMap<string, readonly string[]> = new Map(
  nicknameGroups.flatMap((group) => group.map((name) => [name, group] as const)),
);

const SUFFIXES_LONGEST_FIRST = [...new Set([...legalSuffixes, ...Object.values(crmLegalSuffixes).flat(), 'Corporation', 'Pty Limited'])]
  .filter((s) => s !== '')
  .sort((a, b) => b.length - a.length);

const GENERIC_WORDS = genericWords.filter((w) => w !== 'Australia');

const WEBSITE_PREFIXES = ['https://www.', 'https://www.', 'http://www.', 'www.', 'www.', 'https://', 'http://', ''] as const;
const WEBSITE_PATHS = ['', '', '', '/', '/', '/about', '/contact-us', '/index.html', '/?utm_source=crm'] as const;

export function noisyCrmCompany(random: Random, ref: ReferenceCompany, options: NoiseOptions = {}): CrmCompany {
  const hit = hitter(random, options.noise);
  const country = countryCodeOf(ref.country);
  const crm: CrmCompany = { kind: 'company', id: options.id ?? `crm-${ref.id}`, name: noisyCompanyName(random, { company: ref, hit }) };
  if (options.otherOrganisation && hit(0.06)) crm.name = filedUnder(random, { name: crm.name!, other: options.otherOrganisation });
  if (ref.domain && !hit(0.1)) {
    // Domain only (HubSpot), website only (Salesforce) or both; a faithful copy keeps the plain domain.
    const form = (options.noise ?? 1) > 0 ? random.next() : 0;
    if (form < 0.55) crm.domain = noisyDomain(ref.domain, hit);
    if (form >= 0.45) crm.website = websiteOf(random, ref.domain, hit);
  }
  assign(crm, 'phone', ref.phone && !hit(0.2) ? noisyPhone(random, ref.phone, hit) : blank(random, ref.phone));
  assign(crm, 'street', ref.street && !hit(0.3) ? noisyStreet(random, ref.street, hit) : blank(random, ref.street));
  Object.assign(crm, noisyLocality(random, { ref, country, hit }));
  if (ref.abn && !hit(0.7)) crm.abn = hit(0.5) ? spacedAbn(random, ref.abn) : ref.abn;
  if (ref.industry && !hit(0.5)) crm.industry = hit(0.4) ? ref.industry.toUpperCase().replace(/[^A-Z]+/g, '_') : ref.industry;
  if (ref.employeeCount != null && !hit(0.5)) {
    crm.employeeCount = hit(0.4) ? Math.max(1, Math.round(ref.employeeCount * (0.6 + random.next() * 0.9))) : ref.employeeCount;
  }
  if (ref.linkedinUrl && !hit(0.65)) crm.linkedinUrl = hit(0.4) ? looseLinkedinUrl(random, ref.linkedinUrl) : ref.linkedinUrl;
  if (ref.description && !hit(0.7)) crm.description = ref.description;
  return crm;
}

export function noisyCrmPerson(
  random: Random,
  ref: ReferencePerson,
  company: ReferenceCompany | undefined,
  options: NoiseOptions = {},
): CrmPerson {
  const hit = hitter(random, options.noise);
  const country = countryCodeOf(ref.country ?? company?.country);
  let firstName = ref.firstName ? noisyFirstName(random, ref.firstName, hit) : undefined;
  let lastName = ref.lastName ? noisyLastName(random, ref.lastName, hit) : undefined;
  if (hit(0.03)) firstName = undefined;
  if (hit(0.02)) lastName = undefined;
  if (!firstName && !lastName) {
    firstName = ref.firstName ?? undefined;
    lastName = ref.lastName ?? undefined;
  }
  if (hit(0.02)) [firstName, lastName] = [lastName, firstName];
  if (hit(0.08)) {
    const upper = random.chance(0.6);
    const recase = (s: string | undefined) => (s === undefined ? s : upper ? s.toUpperCase() : s.toLowerCase());
    [firstName, lastName] = [recase(firstName), recase(lastName)];
  }
  const crm: CrmPerson = { kind: 'person', id: options.id ?? `crm-${ref.id}` };
  const isListContact = hit(0.08);
  if (firstName) crm.firstName = firstName;
  if (lastName) crm.lastName = lastName;
  if (hit(0.12) && ref.firstName && ref.lastName) crm.email = personalEmail(random, ref.firstName, ref.lastName);
  else if (ref.email && !hit(0.12)) crm.email = hit(0.08) ? recasedEmail(random, ref.email) : ref.email;
  assign(crm, 'phone', ref.phone && !hit(0.3) ? noisyPhone(random, ref.phone, hit) : blank(random, ref.phone));
  if (ref.jobTitle && !hit(0.25)) crm.jobTitle = noisyJobTitle(random, ref.jobTitle, hit);
  if (company && !hit(0.2)) crm.companyName = noisyCompanyName(random, { company, hit });
  if (company?.domain && !hit(0.6)) crm.companyDomain = hit(0.1) ? websiteOf(random, company.domain, hit) : company.domain;
  if (ref.linkedinUrl && !hit(0.7)) crm.linkedinUrl = hit(0.3) ? looseLinkedinUrl(random, ref.linkedinUrl) : ref.linkedinUrl;
  if (ref.street && !hit(isListContact ? 0.1 : 0.6)) crm.street = noisyStreet(random, ref.street, hit);
  Object.assign(crm, noisyLocality(random, { ref, country, hit }));
  if (isListContact) toListContact(crm);
  if (hit(0.15)) transcribePerson(random, crm, hit);
  if (!crm.firstName && !crm.lastName && !crm.email) crm.lastName = ref.lastName ?? ref.firstName ?? 'Unknown';
  return crm;
}

/** The company's name as someone typed it: another legal suffix or none, '&'/'and', abbreviations, typos, case. */
function noisyCompanyName(random: Random, options: { company: ReferenceCompany; hit: Hit }): string {
  const { company, hit } = options;
  const country = countryCodeOf(company.country);
  const tradingName = company.tradingNames?.[0];
  const full = tradingName && hit(0.3) ? tradingName : company.name;
  let { base, suffix } = splitLegalSuffix(full);
  if (hit(0.5)) suffix = random.pick(crmLegalSuffixes[country]);
  if (base.includes(' & ') && hit(0.3)) base = base.replace(' & ', ' and ');
  else if (base.includes(' and ') && hit(0.3)) base = base.replace(' and ', ' & ');
  for (const [long, short] of nameAbbreviations) {
    if (base.includes(long) && hit(0.2)) base = base.replace(new RegExp(`\\b${long}\\b`), random.chance(0.3) ? `${short}.` : short);
  }
  if (base.startsWith('The ') && hit(0.3)) base = base.slice(4);
  // The generic word left off ("Harbour Plumbing" for "Harbour Plumbing Services"), or the site named after it.
  const generic = GENERIC_WORDS.find((w) => base.endsWith(` ${w}`));
  if (generic && hit(0.08)) base = base.slice(0, -generic.length - 1);
  if (company.city && hit(0.03)) base = `${base} - ${company.city}`;
  if (hit(0.2)) base = stripAccents(base);
  if (hit(0.06)) base = withTypo(random, base);
  let name = suffix ? `${base} ${suffix}` : base;
  if (hit(0.08)) name = name.toUpperCase();
  else if (hit(0.04)) name = name.toLowerCase();
  else if (hit(0.04)) name = titleCase(name);
  if (hit(0.02)) name = random.chance(0.5) ? `${name} ` : name.replace(' ', '  ');
  return name;
}

/** A site filed under its parent body ("Parent - Site"), or under a name unrelated to the reference one. */
function filedUnder(random: Random, options: { name: string; other: string }): string {
  if (random.chance(0.5)) return options.other;
  return `${splitLegalSuffix(options.other).base}${random.pick([' - ', ' ', ': '])}${options.name}`;
}

function hitter(random: Random, noise = 1): Hit {
  if (noise <= 0) return () => false;
  return (probability) => random.chance(probability * noise > 0.95 ? 0.95 : probability * noise);
}

/** How a CRM leaves a field empty: absent most often, sometimes null, sometimes ''. */
function blank(random: Random, original: string | null | undefined): string | null | undefined {
  if (!original) return undefined;
  const x = random.next();
  return x < 0.85 ? undefined : x < 0.95 ? null : '';
}

function assign<T extends object, K extends keyof T>(record: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) record[key] = value;
}

function countryCodeOf(country: string | null | undefined): CountryCode {
  return country === 'US' || country === 'GB' || country === 'NZ' ? country : 'AU';
}

function splitLegalSuffix(name: string): { base: string; suffix: string } {
  for (const suffix of SUFFIXES_LONGEST_FIRST) {
    if (name.length > suffix.length && name.endsWith(` ${suffix}`)) return { base: name.slice(0, -suffix.length - 1), suffix };
  }
  return { base: name, suffix: '' };
}

function noisyDomain(domain: string, hit: Hit): string {
  if (hit(0.04)) return `www.${domain}`;
  if (hit(0.03)) return domain.toUpperCase();
  if (hit(0.02)) return domain.endsWith('.com.au') ? domain.replace(/\.com\.au$/, '.com') : domain.replace(/\.[a-z.]+$/, '.com.au');
  return domain;
}

function websiteOf(random: Random, domain: string, hit: Hit): string {
  const url = `${random.pick(WEBSITE_PREFIXES)}${domain}${random.pick(WEBSITE_PATHS)}`;
  if (hit(0.04)) return url.toUpperCase();
  if (hit(0.04)) return capitalise(url);
  return url;
}

function noisyPhone(random: Random, phone: string, hit: Hit): string {
  if (hit(0.03)) {
    const local = localPart(phone);
    if (local) return local;
  }
  // Another line of the same organisation: a direct line beside the switchboard, or a site's own number.
  let number = phone;
  if (hit(0.05)) number = withOtherDigits(random, { phone, count: 2 });
  else if (hit(0.04)) number = withOtherDigits(random, { phone, count: 7 });
  const formatted = hit(0.8) ? formatPhoneLoosely(random, number) : number;
  return hit(0.01) ? withSwappedDigits(random, formatted) : formatted;
}

/** The number as dialled inside its area, without the area code: "9876 5432" (AU landline), "729-5325" (US). */
function localPart(phone: string): string | null {
  const au = /^\+61[235789](\d{4})(\d{4})$/.exec(phone);
  if (au) return `${au[1]} ${au[2]}`;
  const us = /^\+1\d{3}(\d{3})(\d{4})$/.exec(phone);
  return us ? `${us[1]}-${us[2]}` : null;
}

/** The number with its last `count` digits drawn afresh (extension text left alone). */
function withOtherDigits(random: Random, options: { phone: string; count: number }): string {
  const { phone, count } = options;
  const positions = [...phone.replace(/ ext \d+$/, '').matchAll(/\d/g)].map((m) => m.index);
  if (positions.length <= count + 2) return phone;
  let out = phone;
  for (const at of positions.slice(-count)) out = out.slice(0, at) + String(random.int(0, 9)) + out.slice(at + 1);
  return out;
}

/** A mistyped number: two neighbouring digits among the last five swapped. */
function withSwappedDigits(random: Random, phone: string): string {
  const positions = [...phone.matchAll(/\d/g)].map((m) => m.index);
  if (positions.length < 6) return phone;
  const k = random.int(positions.length - 5, positions.length - 2);
  const a = positions[k] as number;
  const b = positions[k + 1] as number;
  return phone.slice(0, a) + phone.charAt(b) + phone.slice(a + 1, b) + phone.charAt(a) + phone.slice(b + 1);
}

function noisyStreet(random: Random, street: string, hit: Hit): string {
  let s = street;
  if (/^(Level|Suite|Unit) \d+, /.test(s) && hit(0.35)) s = s.replace(/^(Level|Suite|Unit) \d+, /, '');
  if (hit(0.5)) {
    for (const [full, short] of streetTypes) {
      if (s.endsWith(` ${full}`)) {
        s = `${s.slice(0, -full.length)}${short}${random.chance(0.2) ? '.' : ''}`;
        break;
      }
    }
  }
  if (hit(0.05)) s = s.toUpperCase();
  if (hit(0.08)) s = withTypo(random, s);
  if (hit(0.04)) s = s.replace(/^(\d+)/, (n) => String(Number(n) + random.int(1, 9)));
  return s;
}

function noisyLocality(
  random: Random,
  options: { ref: { city?: string | null; state?: string | null; postcode?: string | null; country?: string | null }; country: CountryCode; hit: Hit },
): Pick<CrmCompany, 'city' | 'state' | 'postcode' | 'country'> {
  const { ref, country, hit } = options;
  const out: Pick<CrmCompany, 'city' | 'state' | 'postcode' | 'country'> = {};
  if (ref.city && !hit(0.12)) {
    let city = ref.city;
    if (hit(0.05)) city = city.toUpperCase();
    else if (hit(0.03)) city = city.toLowerCase();
    if (hit(0.05)) city = withTypo(random, city);
    // Moved, or the CRM holds another office's city.
    if (country === 'AU' && hit(0.04)) city = random.pick(australianCities).city;
    out.city = city;
  }
  if (ref.state && !hit(0.15)) {
    let state = ref.state;
    if (hit(0.35)) state = country === 'AU' ? (australianStateNames[state as StateCode] ?? state) : (usStateNames[state] ?? state);
    if (hit(0.04)) state = state.toLowerCase();
    out.state = state;
  }
  if (ref.postcode && !hit(0.3)) {
    let postcode = ref.postcode.startsWith('0') && hit(0.3) ? ref.postcode.slice(1) : ref.postcode;
    if (hit(0.05)) postcode = postcodeTypo(random, postcode);
    out.postcode = postcode;
  }
  if (ref.country && !hit(0.25)) out.country = hit(0.6) ? random.pick(countryNames[country]) : ref.country;
  return out;
}

function spacedAbn(random: Random, abn: string): string {
  const spaced = `${abn.slice(0, 2)} ${abn.slice(2, 5)} ${abn.slice(5, 8)} ${abn.slice(8)}`;
  return random.chance(0.2) ? `ABN ${random.chance(0.5) ? spaced : abn}` : spaced;
}

function looseLinkedinUrl(random: Random, url: string): string {
  const path = url.replace(/^https:\/\/www\.linkedin\.com/, '');
  switch (random.int(0, 3)) {
    case 0: return `linkedin.com${path}`;
    case 1: return `http://au.linkedin.com${path}/`;
    case 2: return `https://www.linkedin.com${path}/`;
    default: return `www.linkedin.com${path}`;
  }
}

function noisyFirstName(random: Random, name: string, hit: Hit): string {
  let first = name;
  const group = NICKNAME_GROUP_OF.get(name.toLowerCase());
  if (group && hit(0.18)) {
    const others = group.filter((n) => n !== name.toLowerCase());
    if (others.length > 0) first = capitalise(random.pick(others));
  }
  if (hit(0.02)) return `${first.charAt(0)}${random.chance(0.5) ? '.' : ''}`;
  if (hit(0.5)) first = stripAccents(first);
  if (hit(0.08)) first = withTypo(random, first);
  if (hit(0.02)) first = withTypo(random, first);
  return first;
}

function noisyLastName(random: Random, name: string, hit: Hit): string {
  let last = name;
  if (last.includes("'") && hit(0.3)) last = last.replace("'", random.chance(0.5) ? '' : ' ');
  if (/^Ma?c[A-Z]/.test(last) && hit(0.2)) last = last.charAt(0) + last.slice(1).toLowerCase();
  if (last.includes('-') && hit(0.3)) last = last.replace('-', ' ');
  if (hit(0.5)) last = stripAccents(last);
  if (hit(0.08)) last = withTypo(random, last);
  if (hit(0.02)) last = withTypo(random, last);
  return last;
}

function personalEmail(random: Random, firstName: string, lastName: string): string {
  const first = asciiSlug(firstName);
  const last = asciiSlug(lastName);
  const number = random.chance(0.5) ? String(random.int(1, 99)) : random.chance(0.3) ? String(random.int(1960, 2005)) : '';
  const local = [
    `${first}.${last}${number}`, `${first}${last}${number}`, `${first.charAt(0)}${last}${number}`,
    `${first}_${last}${number}`, `${last}${first.charAt(0)}${number}`,
  ];
  return `${random.pick(local)}@${random.pick(freeMailDomains)}`;
}

function recasedEmail(random: Random, email: string): string {
  if (random.chance(0.3)) return email.toUpperCase();
  const [local = '', domain = ''] = email.split('@');
  return `${local.split('.').map(capitalise).join('.')}@${random.chance(0.5) ? capitalise(domain) : domain}`;
}

function noisyJobTitle(random: Random, title: string, hit: Hit): string {
  let t = title;
  if (hit(0.35)) {
    for (const [long, short] of jobTitleAbbreviations) {
      if (t.includes(long)) {
        t = t.replace(long, short);
        break;
      }
    }
  }
  if (t.includes(' and ') && hit(0.3)) t = t.replace(' and ', ' & ');
  if (hit(0.05)) t = t.toLowerCase();
  else if (hit(0.03)) t = t.toUpperCase();
  if (hit(0.02)) t = withTypo(random, t);
  return t;
}

/** One mistyped digit, or two adjacent digits swapped, never in the leading (region) digit. */
function postcodeTypo(random: Random, postcode: string): string {
  if (postcode.length < 3 || !/^\d+$/.test(postcode)) return postcode;
  const i = random.int(1, postcode.length - 1);
  if (random.chance(0.5) && i < postcode.length - 1) return postcode.slice(0, i) + postcode[i + 1] + postcode[i] + postcode.slice(i + 2);
  const digit = String((Number(postcode[i]) + random.int(1, 9)) % 10);
  return postcode.slice(0, i) + digit + postcode.slice(i + 1);
}
