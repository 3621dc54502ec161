/**
 * Phone numbers to E.164 with libphonenumber-js, using the record's (or tenant's) country for national formats.
 * The parser costs ~20 µs a call, so the shapes that are unambiguous without it take a fast path: numbers already in
 * E.164, and national numbers of the countries in FAST_PLANS whose digit count fits the plan exactly. Anything
 * else goes to libphonenumber. The fast path checks length and leading digit, not libphonenumber's finer validity
 * rules; a test checks that it agrees with libphonenumber on every number libphonenumber calls valid.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { MAX_INPUT_LENGTH } from './text';

const E164 = /^\+[1-9]\d{7,14}$/;
const EXTENSION = /\s*(?:ext\.?|extension|x|#)\s*\d{1,6}\s*$/i;

interface NumberingPlan {
  callingCode: string;
  /** Digits of a national significant number (without the trunk prefix). */
  nationalLength: number;
  /** National significant numbers start with one of these digits. */
  leadingDigits: string;
  trunkPrefix: string;
  /**
   * When set: the national significant numbers of another length than `nationalLength` all start with `digit`
   * and have one of `lengths`, so a national number of any other shape can never be valid (read off
   * libphonenumber's pattern for the country; AU: `1(?:[0-79]\d{7}(?:\d(?:\d{2})?)?|8[0-24-9]\d{7})|[2-478]\d{8}|1\d{4,7}`).
   */
  otherLengths?: { digit: string; lengths: readonly number[] };
}

/** Countries whose national numbers have one fixed length, so a digit count identifies them safely. */
const FAST_PLANS: Partial<Record<CountryCode, NumberingPlan>> = {
  AU: { callingCode: '61', nationalLength: 9, leadingDigits: '23478', trunkPrefix: '0', otherLengths: { digit: '1', lengths: [5, 6, 7, 8, 9, 10, 12] } },
  US: { callingCode: '1', nationalLength: 10, leadingDigits: '23456789', trunkPrefix: '1' },
  CA: { callingCode: '1', nationalLength: 10, leadingDigits: '23456789', trunkPrefix: '1' },
};

/**
 * E.164 for the plain shapes of FAST_PLANS countries, null for national numbers of a length the plan never has (the
 * slowest inputs for libphonenumber, up to ~100 µs), or undefined to let libphonenumber decide.
 */
function fastPath(s: string, country: CountryCode | undefined): string | null | undefined {
  if (!country) return undefined;
  const plan = FAST_PLANS[country];
  if (!plan || !/^[+\d\s().-]+$/.test(s)) return undefined;
  const international = s.startsWith('+');
  let digits = s.replace(/\D/g, '');
  // "+61 (0)2 9876 5432": a trunk zero written inside an international number.
  if (international && digits.startsWith(`${plan.callingCode}0`) && /\(0\)/.test(s)) digits = plan.callingCode + digits.slice(plan.callingCode.length + 1);
  let national: string | undefined;
  if (digits.length === plan.callingCode.length + plan.nationalLength && digits.startsWith(plan.callingCode)) national = digits.slice(plan.callingCode.length);
  else if (!international && digits.length === plan.nationalLength + plan.trunkPrefix.length && digits.startsWith(plan.trunkPrefix)) national = digits.slice(plan.trunkPrefix.length);
  else if (!international && digits.length === plan.nationalLength && plan.trunkPrefix === '1') national = digits;
  if (national === undefined) return isNeverValidNational(digits, { plan, international }) ? null : undefined;
  if (!plan.leadingDigits.includes(national[0]!)) return undefined;
  return `+${plan.callingCode}${national}`;
}

/**
 * A national number (no '+', not starting with the calling code) whose significant number has a length the plan
 * never has: libphonenumber calls it invalid, and the retry as an international number can only succeed for the
 * plan's own calling code, which it does not start with.
 */
function isNeverValidNational(digits: string, at: { plan: NumberingPlan; international: boolean }): boolean {
  const { plan } = at;
  const other = plan.otherLengths;
  if (at.international || other === undefined || digits.startsWith(plan.callingCode)) return false;
  const significant = digits.startsWith(plan.trunkPrefix) ? digits.slice(plan.trunkPrefix.length) : digits;
  if (significant.length === plan.nationalLength) return false;
  return !(significant.charAt(0) === other.digit && other.lengths.includes(significant.length));
}

export function normalisePhone(input: string | null | undefined, defaultCountry: string | null | undefined): string | null {
  if (!input) return null;
  let s = input.trim();
  if (E164.test(s)) return s;
  if (s.length > 40 || s.length > MAX_INPUT_LENGTH) return null;
  s = s.replace(EXTENSION, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  const country = toCountryCode(defaultCountry);
  const fast = fastPath(s, country);
  if (fast !== undefined) return fast;
  const parsed = parsePhoneNumberFromString(s, country ? { defaultCountry: country } : undefined);
  if (!parsed || !parsed.isValid()) {
    // "61 2 9876 5432": an international number typed without its "+".
    const digits = s.replace(/\D/g, '');
    if (!s.startsWith('+') && digits.length >= 10) {
      const retry = parsePhoneNumberFromString(`+${digits}`);
      if (retry?.isValid() && (!country || retry.country === country)) return retry.number;
    }
    return null;
  }
  return parsed.number;
}

/**
 * The phone as the matcher compares it: E.164 when it parses, else a local number typed without its area code
 * ("729-5325", 7 or 8 digits) as bare digits, which can still meet the same local number or the tail of a full one.
 */
export function phoneForMatching(input: string | null | undefined, defaultCountry: string | null | undefined): string | null {
  const e164 = normalisePhone(input, defaultCountry);
  if (e164 !== null || !input || input.length > 40) return e164;
  const s = input.replace(EXTENSION, '').trim();
  if (!/^[\d\s().-]+$/.test(s)) return null;
  const digits = s.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 8 && !/^(\d)\1+$/.test(digits) ? digits : null;
}

/** ISO 3166-1 alpha-2 from a country code or a few common names. */
export function toCountryCode(country: string | null | undefined): CountryCode | undefined {
  if (!country) return undefined;
  const s = country.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(s)) return (s === 'UK' ? 'GB' : s) as CountryCode;
  return COUNTRY_NAMES[s];
}

const COUNTRY_NAMES: Record<string, CountryCode> = {
  AUSTRALIA: 'AU',
  'NEW ZEALAND': 'NZ',
  'UNITED STATES': 'US',
  'UNITED STATES OF AMERICA': 'US',
  USA: 'US',
  'UNITED KINGDOM': 'GB',
  'GREAT BRITAIN': 'GB',
  ENGLAND: 'GB',
  CANADA: 'CA',
  SINGAPORE: 'SG',
  IRELAND: 'IE',
  INDIA: 'IN',
};
