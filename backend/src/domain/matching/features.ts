/**
 * Matching features: a CRM or reference record reduced to the normalised values the comparators read.
 * Reference features are packed into one string per record (fields joined by \x1f) so a million records stay small.
 */
import type { CrmCompany, CrmPerson, ReferenceCompany, ReferencePerson } from '@accord/shared';
import { normaliseAbn } from './normalise/abn';
import { normaliseCity, normalisePostcode, normaliseState, normaliseStreet } from './normalise/address';
import { normaliseCompanyName } from './normalise/company-name';
import { isFreeMailDomain, normaliseDomain } from './normalise/domain';
import { normaliseEmail } from './normalise/email';
import { normaliseLinkedinUrl } from './normalise/linkedin';
import { canonicalGivenName, normalisePersonName } from './normalise/person-name';
import { phoneForMatching, toCountryCode } from './normalise/phone';
import { foldText, MAX_INPUT_LENGTH } from './normalise/text';

export interface FeatureContext {
  /** Country assumed for national phone formats when the record has none (tenant setting). */
  defaultCountry: string;
}

export interface AddressFeatures {
  street: string | null;
  city: string | null;
  state: string | null;
  postcode: string | null;
  country: string | null;
}

export interface CompanyFeatures extends AddressFeatures {
  /** Canonical names: the legal name first, then trading names. */
  names: string[];
  domain: string | null;
  phone: string | null;
  abn: string | null;
  linkedin: string | null;
}

export interface PersonFeatures extends AddressFeatures {
  first: string | null;
  /** Canonical given name (nicknames folded). */
  firstCanonical: string | null;
  last: string | null;
  email: string | null;
  /** Local part of the email, for "same mailbox name at another domain". */
  emailLocal: string | null;
  emailIsFreeMail: boolean;
  /** Employer's registrable domain: the CRM's company domain, else a work email's domain. */
  companyDomain: string | null;
  companyName: string | null;
  phone: string | null;
  linkedin: string | null;
}

/*
 * The feature objects below are written out field by field rather than spread from an address object: under our
 * build an object spread costs ~20 µs, more than all the normalisers of a record together.
 */

export function companyFeatures(record: CrmCompany | ReferenceCompany, ctx: FeatureContext): CompanyFeatures {
  const names: string[] = [];
  const legal = normaliseCompanyName(record.name);
  if (legal) names.push(legal.full);
  const alsoKnownAs = 'tradingNames' in record && record.tradingNames ? [...record.tradingNames] : [];
  const site = record.name ? siteName(record.name) : null;
  if (site !== null) alsoKnownAs.push(site);
  for (const t of alsoKnownAs) {
    const n = normaliseCompanyName(t);
    if (n && !names.includes(n.full)) names.push(n.full);
  }
  const website = 'website' in record ? record.website : undefined;
  const country = toCountryCode(record.country);
  return {
    street: normaliseStreet(record.street),
    city: normaliseCity(record.city),
    state: normaliseState(record.state),
    postcode: normalisePostcode(record.postcode),
    country: country?.toLowerCase() ?? null,
    names,
    domain: normaliseDomain(record.domain) ?? normaliseDomain(website),
    phone: phoneForMatching(record.phone, phoneCountry(country, ctx)),
    abn: normaliseAbn(record.abn),
    linkedin: normaliseLinkedinUrl(record.linkedinUrl),
  };
}

/**
 * The site of a "Parent - Site" or "Parent: Site" name ("Chicago Public Schools - Beethoven" → "Beethoven"), when it
 * has four letters or digits or more: how multi-site organisations file their sites, and what a CRM often keeps alone.
 */
export function siteName(name: string): string | null {
  const m = SITE_SUFFIX.exec(name.length > MAX_INPUT_LENGTH ? name.slice(0, MAX_INPUT_LENGTH) : name);
  const site = m?.[1]?.trim();
  return site !== undefined && foldText(site).replace(/ /g, '').length >= 4 ? site : null;
}

const SITE_SUFFIX = /(?:\s-|:)\s+(.+)$/;

/** The record's country, else the tenant's, else Australia: the country national phone formats are read in. */
function phoneCountry(recordCountry: string | undefined, ctx: FeatureContext): string {
  return recordCountry ?? toCountryCode(ctx.defaultCountry) ?? 'AU';
}

export function personFeatures(
  record: CrmPerson | ReferencePerson,
  ctx: FeatureContext,
  company?: { domain: string | null; name: string | null },
): PersonFeatures {
  const first = normalisePersonName(record.firstName) || null;
  const last = normalisePersonName(record.lastName) || null;
  const email = normaliseEmail(record.email);
  const crmCompanyDomain = 'companyDomain' in record ? normaliseDomain(record.companyDomain) : null;
  const workDomain = email && !email.isFreeMail ? email.domain : null;
  const declaredDomain = crmCompanyDomain && !isFreeMailDomain(crmCompanyDomain) ? crmCompanyDomain : null;
  const crmCompanyName = 'companyName' in record ? normaliseCompanyName(record.companyName)?.full ?? null : null;
  const country = toCountryCode(record.country);
  return {
    street: normaliseStreet(record.street),
    city: normaliseCity(record.city),
    state: normaliseState(record.state),
    postcode: normalisePostcode(record.postcode),
    country: country?.toLowerCase() ?? null,
    first,
    firstCanonical: first ? canonicalGivenName(first) : null,
    last,
    email: email?.address ?? null,
    emailLocal: email?.local ?? null,
    emailIsFreeMail: email?.isFreeMail ?? false,
    companyDomain: declaredDomain ?? company?.domain ?? workDomain,
    companyName: crmCompanyName ?? company?.name ?? null,
    phone: phoneForMatching(record.phone, phoneCountry(country, ctx)),
    linkedin: normaliseLinkedinUrl(record.linkedinUrl),
  };
}

const SEP = '\x1f';
const LIST_SEP = '\x1e';
const dec = (v: string | undefined) => (v === undefined || v === '' ? null : v);

/*
 * Packing joins an array rather than concatenating: join gives one flat string, where `+` would leave a rope of
 * ~20 nodes per record in memory until something flattens it.
 */
export function packCompany(f: CompanyFeatures): string {
  // join writes null as ''.
  return [f.names.join(LIST_SEP), f.domain, f.phone, f.abn, f.linkedin, f.street, f.city, f.state, f.postcode, f.country].join(SEP);
}

export function unpackCompany(packed: string): CompanyFeatures {
  const p = packed.split(SEP);
  return {
    names: p[0] ? p[0].split(LIST_SEP) : [],
    domain: dec(p[1]),
    phone: dec(p[2]),
    abn: dec(p[3]),
    linkedin: dec(p[4]),
    street: dec(p[5]),
    city: dec(p[6]),
    state: dec(p[7]),
    postcode: dec(p[8]),
    country: dec(p[9]),
  };
}

/** Packs a reference person; the company's domain and name are resolved at match time from `companyId`. */
export function packPerson(f: PersonFeatures): string {
  return [
    f.first, f.firstCanonical, f.last, f.email, f.emailLocal, f.emailIsFreeMail ? '1' : '', f.companyDomain, f.companyName,
    f.phone, f.linkedin, f.street, f.city, f.state, f.postcode, f.country,
  ].join(SEP);
}

export function unpackPerson(packed: string): PersonFeatures {
  const p = packed.split(SEP);
  return {
    first: dec(p[0]),
    firstCanonical: dec(p[1]),
    last: dec(p[2]),
    email: dec(p[3]),
    emailLocal: dec(p[4]),
    emailIsFreeMail: p[5] === '1',
    companyDomain: dec(p[6]),
    companyName: dec(p[7]),
    phone: dec(p[8]),
    linkedin: dec(p[9]),
    street: dec(p[10]),
    city: dec(p[11]),
    state: dec(p[12]),
    postcode: dec(p[13]),
    country: dec(p[14]),
  };
}

/** A packed company's registrable domain and first (legal) name, without unpacking the rest. */
export function companyDomainAndName(packed: string): { domain: string | null; name: string | null } {
  const namesEnd = packed.indexOf(SEP);
  const domainEnd = packed.indexOf(SEP, namesEnd + 1);
  const listEnd = packed.indexOf(LIST_SEP);
  const nameEnd = listEnd >= 0 && listEnd < namesEnd ? listEnd : namesEnd;
  return { domain: dec(packed.slice(namesEnd + 1, domainEnd)), name: dec(packed.slice(0, nameEnd)) };
}
