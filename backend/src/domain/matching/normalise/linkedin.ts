/** LinkedIn profile and company URLs in any form become "in/<slug>" or "company/<slug>". */
import { MAX_INPUT_LENGTH } from './text';

const LINKEDIN = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/(in|pub|company|school)\/([^/?#\s]+)/i;

export function normaliseLinkedinUrl(input: string | null | undefined): string | null {
  if (!input) return null;
  const s = input.trim().slice(0, MAX_INPUT_LENGTH);
  const m = LINKEDIN.exec(s);
  if (!m) return null;
  let slug = m[2]!;
  if (slug.includes('%')) {
    try {
      // The pattern stops the slug at the first '/'; only an encoded one ("%2F") can leave a trailing slash.
      slug = decodeURIComponent(slug).replace(/\/+$/, '');
    } catch {
      // not valid percent-encoding: the slug as written
    }
  }
  slug = slug.toLowerCase();
  if (slug === '') return null;
  const kind = m[1]!.toLowerCase() === 'pub' ? 'in' : m[1]!.toLowerCase();
  return `${kind}/${slug}`;
}
