import type { ReferencePerson } from '@accord/shared';
import { planPeopleToCreate, type ExistingPerson } from './dedupe-people';

const person = (id: string, p: Partial<ReferencePerson>): ReferencePerson => ({ kind: 'person', id, companyId: 'c1', ...p }) as ReferencePerson;
const existing = (crmRecordId: string, p: Partial<ExistingPerson>): ExistingPerson => ({ crmRecordId, email: null, firstName: null, lastName: null, companyName: null, ...p });

describe('planPeopleToCreate', () => {
  const companyName = 'Harbour Plumbing Pty Ltd';

  it.each([
    ['the same email, differently written', person('p1', { firstName: 'Robert', lastName: 'Nguyen', email: 'Robert.Nguyen+crm@HarbourPlumbing.com.au' }), existing('c-1', { email: 'robert.nguyen@harbourplumbing.com.au' }), 'email'],
    ['a nickname and the same surname at the same company', person('p1', { firstName: 'Robert', lastName: 'Nguyen' }), existing('c-1', { firstName: 'Bob', lastName: 'NGUYEN', companyName: 'HARBOUR PLUMBING P/L' }), 'name_company'],
    ['a compound surname written together', person('p1', { firstName: 'Anna', lastName: 'van der Berg' }), existing('c-1', { firstName: 'Anna', lastName: 'Vanderberg', companyName: 'Harbour Plumbing' }), 'name_company'],
  ] as const)('does not create a person the CRM has by %s', (_why, candidate, crm, by) => {
    expect(planPeopleToCreate({ candidates: [candidate], companyName, existing: [crm] })).toEqual({ create: [], duplicates: [{ referenceId: 'p1', crmRecordId: 'c-1', by }] });
  });

  it.each([
    ['the same name at another company', existing('c-1', { firstName: 'Robert', lastName: 'Nguyen', companyName: 'Zenith Logistics' })],
    ['another person at the same company', existing('c-1', { firstName: 'Mary', lastName: 'Nguyen', companyName: companyName })],
    ['a name without a company', existing('c-1', { firstName: 'Robert', lastName: 'Nguyen' })],
  ])('creates a person when the CRM only has %s', (_why, crm) => {
    const candidate = person('p1', { firstName: 'Robert', lastName: 'Nguyen', email: 'robert@harbourplumbing.com.au' });
    expect(planPeopleToCreate({ candidates: [candidate], companyName, existing: [crm] }).create.map((p) => p.id)).toEqual(['p1']);
  });

  it('creates one of two reference people with the same email in one batch', () => {
    const plan = planPeopleToCreate({
      candidates: [person('p1', { firstName: 'Robert', lastName: 'Nguyen', email: 'rn@harbourplumbing.com.au' }), person('p2', { firstName: 'Rob', lastName: 'Nguyen', email: 'RN@harbourplumbing.com.au' })],
      companyName,
      existing: [],
    });
    expect(plan).toEqual({ create: [expect.objectContaining({ id: 'p1' })], duplicates: [{ referenceId: 'p2', crmRecordId: null, by: 'email' }] });
  });
});
