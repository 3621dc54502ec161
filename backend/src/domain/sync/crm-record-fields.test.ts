import { crmRecordSchema } from '@accord/shared';
import { matchingFieldsOf, toCrmRecord } from './crm-record-fields';

describe('toCrmRecord', () => {
  it('reads a HubSpot company into the canonical shape the matcher takes', () => {
    const record = toCrmRecord('companies', '42', { name: 'Harbour Plumbing', website: 'https://www.harbour.com.au/x', numberofemployees: '12', zip: '' });
    expect(crmRecordSchema.parse(record)).toMatchObject({ kind: 'company', id: '42', name: 'Harbour Plumbing', website: 'https://www.harbour.com.au/x', employeeCount: 12, postcode: null });
  });

  it('reads a Salesforce Lead as a person with its company name', () => {
    const record = toCrmRecord('Lead', '00Q1', { FirstName: 'Bob', LastName: 'Smith', Company: 'Acme', Email: 'bob@acme.com.au' });
    expect(record).toMatchObject({ kind: 'person', firstName: 'Bob', lastName: 'Smith', companyName: 'Acme', email: 'bob@acme.com.au', phone: null });
  });

  it('drops an employee count that is not a whole number', () => {
    expect(toCrmRecord('Account', '001', { NumberOfEmployees: 'about ten' })).toMatchObject({ employeeCount: null });
  });

  it.each(['companies', 'contacts', 'Account', 'Contact', 'Lead'] as const)('asks %s for distinct fields only', (object) => {
    const fields = matchingFieldsOf(object);
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields.length).toBeGreaterThan(5);
  });
});
