/**
 * The "create people" batch type, pure parts: which CRM object new people go into for a selected company object,
 * the values a new person gets (the name fields, then the tenant's person mapping as on an empty record, so
 * per-field "never" rules hold), and one company's plan: whom to create, who is in the CRM already, and whom an
 * earlier attempt of this very batch created before it could record it (found by Accord's stamp, so a crash
 * between the CRM's answer and our bookkeeping never creates a person twice).
 */
import type { Crm, FieldChange, ReferencePerson } from '@accord/shared';
import { accordFieldNames } from '../enrichment/accord-fields';
import type { CrmObject, FieldMapping } from '../enrichment/mapping';
import { planEnrichment } from '../enrichment/plan-enrichment';
import { planPeopleToCreate, type ExistingPerson, type PeopleToCreate } from './dedupe-people';

/** Most reference people created for one company in one batch. */
export const MAX_PEOPLE_PER_COMPANY = 50;

interface PeopleTarget {
  object: CrmObject;
  companyName: string;
  firstName: string;
  lastName: string;
  email: string;
}

/** Per selected company object: where its people go and the fields that identify them. Data, not branches. */
const peopleTargets: Partial<Record<CrmObject, PeopleTarget>> = {
  companies: { object: 'contacts', companyName: 'name', firstName: 'firstname', lastName: 'lastname', email: 'email' },
  Account: { object: 'Contact', companyName: 'Name', firstName: 'FirstName', lastName: 'LastName', email: 'Email' },
};

export function peopleTargetOf(companyObject: CrmObject): PeopleTarget | undefined {
  return peopleTargets[companyObject];
}

/** The fields of a new person: first and last name, then every mapped field the reference has a value for. */
export function newPersonChanges(input: { target: PeopleTarget; person: ReferencePerson; mapping: readonly FieldMapping[]; defaultCountry: string }): FieldChange[] {
  const { target, person } = input;
  const names: FieldChange[] = [
    [target.firstName, person.firstName],
    [target.lastName, person.lastName],
  ].flatMap(([field, value]) => (value ? [{ field: field!, current: null, proposed: value, action: 'fill' as const, reason: 'crm_empty' as const }] : []));
  const mapped = planEnrichment({ current: {}, reference: person, mapping: input.mapping, lastWritten: {}, ctx: { defaultCountry: input.defaultCountry } });
  return [...names, ...mapped.filter((c) => c.action !== 'skip' && !names.some((n) => n.field === c.field))];
}

/** A CRM person as the plan needs it: who they are, where they belong, and Accord's stamp if they carry it. */
export interface CrmPerson {
  crmRecordId: string;
  companyRecordId: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  stampedReferenceId: string | null;
  stampedBatchId: string | null;
}

export type CompanyPeoplePlan = PeopleToCreate & {
  /** Created by an earlier attempt of this batch (stamped with its id), not yet recorded. */
  recovered: { referenceId: string; crmRecordId: string }[];
};

export function planCompanyPeople(input: {
  batchId: string;
  /** `sameCompany`: every CRM company of the chunk matched to the same reference company (duplicate records). */
  company: { crmRecordId: string; name: string; sameCompany: ReadonlySet<string> };
  candidates: readonly ReferencePerson[];
  /** People the CRM has with a candidate's email or at any company of the chunk. */
  crmPeople: readonly CrmPerson[];
}): CompanyPeoplePlan {
  const ours = new Map(
    input.crmPeople.filter((p) => p.stampedBatchId === input.batchId && p.stampedReferenceId !== null).map((p) => [p.stampedReferenceId!, p.crmRecordId]),
  );
  const recovered = input.candidates.flatMap((c) => (ours.has(c.id) ? [{ referenceId: c.id, crmRecordId: ours.get(c.id)! }] : []));
  const existing: ExistingPerson[] = input.crmPeople.map((p) => ({
    crmRecordId: p.crmRecordId,
    email: p.email,
    firstName: p.firstName,
    lastName: p.lastName,
    // A name counts as a duplicate only at this company (or a duplicate record of it); elsewhere only the email does.
    companyName: p.companyRecordId !== null && input.company.sameCompany.has(p.companyRecordId) ? input.company.name : null,
  }));
  const plan = planPeopleToCreate({
    candidates: input.candidates.filter((c) => !ours.has(c.id)).slice(0, MAX_PEOPLE_PER_COMPANY),
    companyName: input.company.name,
    existing: existing.filter((e) => !recovered.some((r) => r.crmRecordId === e.crmRecordId)),
  });
  return { ...plan, recovered };
}

/** The CRM fields findPeople reads to build CrmPerson values. */
export function crmPersonFields(crm: Crm, target: PeopleTarget): string[] {
  return [target.email, target.firstName, target.lastName, accordFieldNames[crm].referenceId, accordFieldNames[crm].lastBatchId];
}

export function toCrmPerson(crm: Crm, target: PeopleTarget, record: { id: string; companyRecordId: string | null; values: Readonly<Record<string, unknown>> }): CrmPerson {
  const text = (field: string) => {
    const v = record.values[field];
    return typeof v === 'string' && v.trim() !== '' ? v : null;
  };
  return {
    crmRecordId: record.id,
    companyRecordId: record.companyRecordId,
    email: text(target.email),
    firstName: text(target.firstName),
    lastName: text(target.lastName),
    stampedReferenceId: text(accordFieldNames[crm].referenceId),
    stampedBatchId: text(accordFieldNames[crm].lastBatchId),
  };
}
