/**
 * The "create people" batch type: which reference people of a matched company may be created as new CRM contacts.
 * A person already in the CRM, by email or by name at the same company, is not created again; nor is a second
 * reference person with the same email or name in one batch. Names compare by canonical given name ("Bob" is
 * "Robert") and compact surname; companies by their normalised name without legal suffix. Pure.
 */
import type { ReferencePerson } from '@accord/shared';
import { normaliseCompanyName } from '../matching/normalise/company-name';
import { normaliseEmail } from '../matching/normalise/email';
import { canonicalGivenName, compactSurname, normalisePersonName } from '../matching/normalise/person-name';

export interface ExistingPerson {
  crmRecordId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
}

export type PeopleToCreate = {
  create: ReferencePerson[];
  duplicates: { referenceId: string; crmRecordId: string | null; by: 'email' | 'name_company' }[];
};

export function planPeopleToCreate(input: { candidates: readonly ReferencePerson[]; companyName: string; existing: readonly ExistingPerson[] }): PeopleToCreate {
  const byEmail = new Map<string, string | null>();
  const byName = new Map<string, string | null>();
  for (const e of input.existing) {
    const email = emailKey(e.email);
    if (email) byEmail.set(email, e.crmRecordId);
    const name = nameKey(e.firstName, e.lastName, e.companyName);
    if (name) byName.set(name, e.crmRecordId);
  }
  const out: PeopleToCreate = { create: [], duplicates: [] };
  for (const person of input.candidates) {
    const email = emailKey(person.email ?? null);
    const name = nameKey(person.firstName ?? null, person.lastName ?? null, input.companyName);
    if (email && byEmail.has(email)) {
      out.duplicates.push({ referenceId: person.id, crmRecordId: byEmail.get(email)!, by: 'email' });
      continue;
    }
    if (name && byName.has(name)) {
      out.duplicates.push({ referenceId: person.id, crmRecordId: byName.get(name)!, by: 'name_company' });
      continue;
    }
    // Later candidates are checked against this one too (crmRecordId null: created by this batch).
    if (email) byEmail.set(email, null);
    if (name) byName.set(name, null);
    out.create.push(person);
  }
  return out;
}

function emailKey(email: string | null): string | null {
  return normaliseEmail(email)?.address ?? null;
}

/** Given name, surname and company; null when any is missing (a name alone is not enough to call two people one). */
function nameKey(firstName: string | null, lastName: string | null, companyName: string | null): string | null {
  const given = canonicalGivenName(normalisePersonName(firstName));
  const surname = compactSurname(normalisePersonName(lastName));
  const company = normaliseCompanyName(companyName)?.full;
  if (!given || !surname || !company) return null;
  return `${given}|${surname}|${company}`;
}
