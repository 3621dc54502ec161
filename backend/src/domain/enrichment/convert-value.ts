/**
 * Converts a reference value to what a CRM property of a given type should hold, and decides whether two values
 * are the same once normalised (so "+61 2 9876 5432" and "(02) 9876 5432" count as equal and cause no write).
 */
import type { FieldValue } from '@accord/shared';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { normaliseDomain } from '../matching/normalise/domain';
import { normaliseEmail } from '../matching/normalise/email';
import { normalisePhone } from '../matching/normalise/phone';
import type { FieldMapping, ValueType } from './mapping';

/** Formatting an E.164 number is pure and costs a full parse; record pages ask for the same few numbers again and again. */
const formatted = new Map<string, string>();
const FORMAT_CACHE_SIZE = 10_000;

function internationalFormat(e164: string): string {
  let value = formatted.get(e164);
  if (value === undefined) {
    value = parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
    if (formatted.size >= FORMAT_CACHE_SIZE) formatted.clear();
    formatted.set(e164, value);
  }
  return value;
}

export type Converted = { ok: true; value: FieldValue } | { ok: false };

export function convertValue(mapping: Pick<FieldMapping, 'type' | 'valueMap'>, raw: unknown, ctx: { defaultCountry: string }): Converted {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null };
  switch (mapping.type) {
    case 'text': {
      const s = String(raw).trim().replace(/\s+/g, ' ');
      return { ok: true, value: s === '' ? null : s };
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).replace(/[,\s]/g, ''));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
    }
    case 'phone': {
      const e164 = normalisePhone(String(raw), ctx.defaultCountry);
      if (!e164) return { ok: false };
      return { ok: true, value: internationalFormat(e164) };
    }
    case 'domain': {
      const d = normaliseDomain(String(raw));
      return d ? { ok: true, value: d } : { ok: false };
    }
    case 'url': {
      const s = String(raw).trim();
      if (/^https?:\/\//i.test(s)) return { ok: true, value: s };
      return normaliseDomain(s) ? { ok: true, value: `https://${s.replace(/^\/+/, '')}` } : { ok: false };
    }
    case 'email': {
      const e = normaliseEmail(String(raw));
      return e ? { ok: true, value: String(raw).trim().toLowerCase() } : { ok: false };
    }
    case 'enumeration': {
      const mapped = mapping.valueMap?.[String(raw)];
      return mapped === undefined ? { ok: false } : { ok: true, value: mapped };
    }
  }
}

/** True when a CRM's current value already says what we would write. */
export function isSameValue(type: ValueType, current: FieldValue, proposed: FieldValue, ctx: { defaultCountry: string }): boolean {
  if (isEmpty(current) || isEmpty(proposed)) return isEmpty(current) && isEmpty(proposed);
  const a = String(current);
  const b = String(proposed);
  switch (type) {
    case 'number':
      return Number(a.replace(/[,\s]/g, '')) === Number(b.replace(/[,\s]/g, ''));
    case 'phone': {
      const pa = normalisePhone(a, ctx.defaultCountry);
      return pa !== null && pa === normalisePhone(b, ctx.defaultCountry);
    }
    case 'domain':
    case 'url': {
      const da = normaliseDomain(a);
      const rest = (s: string) => s.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/^[^/]*/, '').replace(/\/+$/, '');
      return da !== null && da === normaliseDomain(b) && rest(a) === rest(b);
    }
    case 'email':
      return a.trim().toLowerCase() === b.trim().toLowerCase();
    case 'enumeration':
      return a.toLowerCase() === b.toLowerCase();
    case 'text':
      return a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();
  }
}

export function isEmpty(value: FieldValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
