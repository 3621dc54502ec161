/**
 * The index's self-check: reference records sampled evenly across the index, written back as CRM records with the
 * noise real CRMs have, should nearly all come back as their own best candidate. A matching worker runs it when it
 * is handed an index. It shows that the shared index reads back whole on that thread, and it has the JIT compile the
 * matching code before the first customer record arrives: with two workers busy on two cores the compiler threads wait for a core, and the first
 * ~10,000 records were measured to match 2 to 6 times slower than the rest.
 */
import type { CrmCompany, CrmPerson, ReferenceCompany, ReferencePerson } from '@accord/shared';
import { noisyCrmCompany, noisyCrmPerson } from '../synthetic/crm-noise';
import { createRandom, type Random } from '../synthetic/random';
import type { AddressFeatures, FeatureContext } from './features';
import type { Matcher, MatchThresholds } from './matcher';
import type { ReferenceIndex } from './reference-index';

export interface SelfCheck {
  checked: number;
  /** Records whose best candidate was the reference record they were written from. */
  foundThemselves: number;
}

/**
 * Reference record `record` of `kind` as a CRM would hold it: its normalised values, with the noise of CRM data
 * (crm-noise.ts; `noise` 0 copies them faithfully).
 */
export function crmCopyOf(
  index: ReferenceIndex,
  request: { kind: 'company' | 'person'; record: number; random: Random; noise: number },
): CrmCompany | CrmPerson {
  const { kind, record, random, noise } = request;
  const referenceId = index.idOf(kind, record);
  const id = `self-check:${referenceId}`;
  if (kind === 'company') {
    const f = index.companyFeatures(record);
    const company: ReferenceCompany = {
      kind,
      id: referenceId,
      name: f.names[0] ?? index.labelOf(kind, record),
      tradingNames: f.names.slice(1),
      domain: f.domain,
      phone: f.phone,
      abn: f.abn,
      linkedinUrl: linkedinUrlOf(f.linkedin),
      ...addressOf(f),
    };
    return noisyCrmCompany(random, company, { id, noise });
  }
  const f = index.personFeatures(record);
  const person: ReferencePerson = {
    kind,
    id: referenceId,
    firstName: f.first,
    lastName: f.last,
    email: f.email,
    phone: f.phone,
    linkedinUrl: linkedinUrlOf(f.linkedin),
    ...addressOf(f),
  };
  const employer = f.companyName ?? f.companyDomain;
  const company: ReferenceCompany | undefined = employer === null ? undefined : { kind: 'company', id: '', name: employer, domain: f.companyDomain };
  return noisyCrmPerson(random, person, company, { id, noise });
}

function addressOf(f: AddressFeatures): Pick<ReferenceCompany, 'street' | 'city' | 'state' | 'postcode' | 'country'> {
  return { street: f.street, city: f.city, state: f.state, postcode: f.postcode, country: f.country?.toUpperCase() };
}

/** A normalised LinkedIn path ("in/jane-doe") as the URL it was read from. */
function linkedinUrlOf(path: string | null): string | null {
  return path === null ? null : `https://www.linkedin.com/${path}`;
}

/**
 * Matches CRM copies of up to `records` reference records, half companies and half people, spread evenly over each
 * kind, and counts those that found themselves. `noise` is crm-noise.ts's (default 1, a typical CRM), from a seeded random.
 */
export function runSelfCheck(
  matcher: Matcher,
  index: ReferenceIndex,
  request: { records: number; ctx: FeatureContext; thresholds: MatchThresholds; now: Date; noise?: number; seed?: number },
): SelfCheck {
  const random = createRandom(request.seed ?? 1);
  const noise = request.noise ?? 1;
  let checked = 0;
  let foundThemselves = 0;
  // Each record once at most: a small index is checked whole.
  const perKind = Math.ceil(request.records / 2);
  const counts = { company: index.companyCount(), person: index.personCount() };
  const sample = { company: Math.min(perKind, counts.company), person: Math.min(perKind, counts.person) };
  for (let i = 0; i < perKind; i++) {
    for (const kind of ['company', 'person'] as const) {
      if (i >= sample[kind] || checked === request.records) continue;
      const record = Math.floor((i * counts[kind]) / sample[kind]);
      const crm = crmCopyOf(index, { kind, record, random, noise });
      const result = matcher.match({ record: crm, ctx: request.ctx, thresholds: request.thresholds, now: request.now });
      const best = result.candidate ?? result.runnersUp[0];
      checked++;
      if (best?.referenceId === index.idOf(kind, record)) foundThemselves++;
    }
  }
  return { checked, foundThemselves };
}

/** Several workers' checks added up. */
export function totalOf(checks: readonly SelfCheck[]): SelfCheck {
  let checked = 0;
  let foundThemselves = 0;
  for (const c of checks) {
    checked += c.checked;
    foundThemselves += c.foundThemselves;
  }
  return { checked, foundThemselves };
}
