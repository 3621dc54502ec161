/** Australian Business Numbers: 11 digits whose weighted checksum is divisible by 89. */
import { digitsOnly } from './text';

const WEIGHTS = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19] as const;

export function isValidAbn(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 11; i++) {
    const d = digits.charCodeAt(i) - 48 - (i === 0 ? 1 : 0);
    sum += d * WEIGHTS[i]!;
  }
  return sum % 89 === 0;
}

/** The 11 ABN digits when the input ("51 824 753 556", "ABN 51824753556") holds a valid ABN, else null. */
export function normaliseAbn(input: string | null | undefined): string | null {
  const digits = digitsOnly(input);
  return isValidAbn(digits) ? digits : null;
}
