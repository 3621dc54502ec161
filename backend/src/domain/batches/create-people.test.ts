import type { ReferencePerson } from '@accord/shared';
import { defaultMappingFor } from '../enrichment/mapping';
import { aggregateCreateEstimate } from './aggregate-estimate';
import { newPersonChanges, peopleTargetOf, planCompanyPeople, type CrmPerson } from './create-people';

const robert: ReferencePerson = { kind: 'person', id: 'p1', companyId: 'c1', firstName: 'Robert', lastName: 'Nguyen', email: 'robert@harbour.com.au', jobTitle: 'Director' };
const mary: ReferencePerson = { kind: 'person', id: 'p2', companyId: 'c1', firstName: 'Mary', lastName: 'Okafor' };
const crmPerson = (crmRecordId: string, p: Partial<CrmPerson>): CrmPerson => ({
  crmRecordId,
  companyRecordId: null,
  email: null,
  firstName: null,
  lastName: null,
  stampedReferenceId: null,
  stampedBatchId: null,
  ...p,
});
const company = { crmRecordId: 'co-1', name: 'Harbour Plumbing', sameCompany: new Set(['co-1', 'co-1-dup']) };

describe('planCompanyPeople', () => {
  it('records people an earlier attempt of this batch created (stamped) instead of creating them again', () => {
    const plan = planCompanyPeople({ batchId: 'b1', company, candidates: [robert, mary], crmPeople: [crmPerson('crm-9', { email: 'robert@harbour.com.au', stampedReferenceId: 'p1', stampedBatchId: 'b1' })] });
    expect(plan).toEqual({ create: [mary], duplicates: [], recovered: [{ referenceId: 'p1', crmRecordId: 'crm-9' }] });
  });

  it('treats a person stamped by another batch as a person the CRM has', () => {
    const plan = planCompanyPeople({ batchId: 'b2', company, candidates: [robert], crmPeople: [crmPerson('crm-9', { email: 'robert@harbour.com.au', stampedReferenceId: 'p1', stampedBatchId: 'b1' })] });
    expect(plan).toEqual({ create: [], duplicates: [{ referenceId: 'p1', crmRecordId: 'crm-9', by: 'email' }], recovered: [] });
  });

  it.each([
    ['at this company', 'co-1', []],
    ['at a duplicate record of this company', 'co-1-dup', []],
    ['at another company (only an email would make them one)', 'co-7', ['p2']],
  ])('a namesake %s', (_where, companyRecordId, created) => {
    const plan = planCompanyPeople({ batchId: 'b1', company, candidates: [mary], crmPeople: [crmPerson('crm-1', { firstName: 'Mary', lastName: 'OKAFOR', companyRecordId })] });
    expect(plan.create.map((p) => p.id)).toEqual(created);
  });
});

describe('newPersonChanges', () => {
  const target = peopleTargetOf('companies')!;
  const mapping = defaultMappingFor('hubspot', 'contacts')!.fields;

  it('writes the names and every mapped field with a reference value, all from empty', () => {
    const changes = newPersonChanges({ target, person: robert, mapping, defaultCountry: 'AU' });
    expect(changes.map((c) => [c.field, c.proposed, c.current, c.action])).toEqual([
      ['firstname', 'Robert', null, 'fill'],
      ['lastname', 'Nguyen', null, 'fill'],
      ['email', 'robert@harbour.com.au', null, 'fill'],
      ['jobtitle', 'Director', null, 'fill'],
    ]);
  });

  it('leaves out a field the admin set to never be written', () => {
    const never = mapping.map((m) => (m.target === 'jobtitle' ? { ...m, policy: 'never' as const } : m));
    expect(newPersonChanges({ target, person: robert, mapping: never, defaultCountry: 'AU' }).map((c) => c.field)).not.toContain('jobtitle');
  });

  it('knows people go under companies only', () => {
    expect(peopleTargetOf('Account')?.object).toBe('Contact');
    expect(peopleTargetOf('contacts')).toBeUndefined();
    expect(peopleTargetOf('Lead')).toBeUndefined();
  });
});

describe('aggregateCreateEstimate', () => {
  it('counts companies by band and people by field and price', () => {
    const auto = { band: 'auto' as const, confidence: 0.99, candidate: null };
    const change = (field: string) => ({ field, current: null, proposed: 'x', action: 'fill' as const, reason: 'crm_empty' as const });
    const estimate = aggregateCreateEstimate({
      companies: [
        { recordId: 'co-1', match: auto, people: [{ changes: [change('firstname'), change('email')], cost: 1 }, { changes: [change('firstname')], cost: 1 }], alreadyInCrm: 1 },
        { recordId: 'co-2', match: auto, people: [], alreadyInCrm: 2 },
        { recordId: 'co-3', match: { band: 'review', confidence: 0.7, candidate: null }, people: [], alreadyInCrm: 0 },
      ],
      available: 1,
      caps: { perBatchCap: null, monthlyCap: null, spentThisMonth: 0 },
      rate: { limit: 100, windowMs: 10_000, sharePercent: 50, batchLimit: 100 },
      recordsPerMinute: null,
    });
    expect(estimate).toMatchObject({
      records: 3,
      byBand: { auto: 2, review: 1, none: 0 },
      recordsChanging: 1,
      fieldChanges: [{ field: 'firstname', count: 2 }, { field: 'email', count: 1 }],
      maxCredits: 2,
      withinCaps: false,
      people: { toCreate: 2, alreadyInCrm: 3 },
    });
  });
});
