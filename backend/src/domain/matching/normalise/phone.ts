/**
 * Phone numbers to E.164 with libphonenumber-js, using the record's (or tenant's) country for national formats.
 * Numbers already in E.164 skip the parser: reference data arrives that way and the parser costs ~20 µs a call.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { MAX_INPUT_LENGTH } from './text';

const E164 = /^\+[1-9]\d{7,14}$/;
const EXTENSION = /\s*(?:ext\.?|extension|x|#)\s*\d{1,6}\s*$/i;

export function normalisePhone(input: string | null | undefined, defaultCountry: string | null | undefined): string | null {
  if (!input) return null;
  let s = input.trim();
  if (E164.test(s)) return s;
  if (s.length > 40 || s.length > MAX_INPUT_LENGTH) return null;
  s = s.replace(EXTENSION, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  const country = toCountryCode(defaultCountry);
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
