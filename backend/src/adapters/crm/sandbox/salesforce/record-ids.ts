/**
 * Salesforce-shaped record Ids: a 15-character case-sensitive Id (3-character key prefix + body) plus the
 * 3-character case-safe checksum suffix that makes the 18-character form the REST API returns.
 */
import { KEY_PREFIXES, SANDBOX_SOBJECTS, type SandboxSObject } from './describe';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-5]{3})?$/;

function base62(n: number, width: number): string {
  let out = '';
  let rest = n;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

/** The documented suffix: for each 5-character chunk, a bit per uppercase letter, mapped to A-Z0-5. */
function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const ch = id15.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** Builds the 18-character Id of the n-th record of an object ('001' + '5g' + '0' + 9 base-62 digits + suffix). */
export function makeSalesforceId(sobject: SandboxSObject, sequence: number): string {
  const id15 = `${KEY_PREFIXES[sobject]}5g0${base62(sequence, 9)}`;
  return id15 + checksumSuffix(id15);
}

/** 15- or 18-character Id → canonical 18-character form; undefined when it is not Id-shaped. */
export function toId18(id: string): string | undefined {
  if (!ID_PATTERN.test(id)) return undefined;
  const id15 = id.slice(0, 15);
  return id15 + checksumSuffix(id15);
}

export function sobjectOfId(id18: string): SandboxSObject | undefined {
  return SANDBOX_SOBJECTS.find((s) => id18.startsWith(KEY_PREFIXES[s]));
}
