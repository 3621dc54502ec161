import { accordFieldNames, accordStampFor, isAccordField, withAccordStamp } from './accord-fields';

const now = new Date('2026-11-28T03:00:00.000Z');

describe('accordStampFor', () => {
  it.each([
    ['hubspot', { accord_reference_id: 'ref-1', accord_match_confidence: 0.9312, accord_last_enriched_at: '2026-11-28T03:00:00.000Z', accord_last_batch_id: 'b-7' }],
    ['salesforce', { Accord_Reference_Id__c: 'ref-1', Accord_Match_Confidence__c: 0.9312, Accord_Last_Enriched_At__c: '2026-11-28T03:00:00.000Z', Accord_Last_Batch_Id__c: 'b-7' }],
  ] as const)('names the %s fields and rounds the confidence to four decimals', (crm, expected) => {
    expect(accordStampFor({ crm, referenceId: 'ref-1', confidence: 0.931249, now, batchId: 'b-7' })).toEqual(expected);
  });

  it('leaves the last batch id alone for a single-record enrichment', () => {
    const stamp = accordStampFor({ crm: 'hubspot', referenceId: 'ref-1', confidence: 0.5, now });
    expect(Object.keys(stamp)).not.toContain(accordFieldNames.hubspot.lastBatchId);
  });

  it('keeps the confidence within 0..1', () => {
    expect(accordStampFor({ crm: 'hubspot', referenceId: 'r', confidence: 1.2, now }).accord_match_confidence).toBe(1);
    expect(accordStampFor({ crm: 'hubspot', referenceId: 'r', confidence: -0.1, now }).accord_match_confidence).toBe(0);
  });
});

describe('withAccordStamp', () => {
  it('adds the stamp to real changes, and never stamps a write that changes nothing', () => {
    const stamp = { crm: 'salesforce' as const, referenceId: 'ref-1', confidence: 0.9, now };
    expect(withAccordStamp({ Phone: '+61 2 9876 5432' }, stamp)).toEqual({
      Phone: '+61 2 9876 5432',
      Accord_Reference_Id__c: 'ref-1',
      Accord_Match_Confidence__c: 0.9,
      Accord_Last_Enriched_At__c: '2026-11-28T03:00:00.000Z',
    });
    expect(withAccordStamp({}, stamp)).toEqual({});
  });
});

describe('isAccordField', () => {
  it('recognises Accord\'s fields per CRM, in any case, and nothing else', () => {
    expect(isAccordField('hubspot', 'accord_last_enriched_at')).toBe(true);
    expect(isAccordField('salesforce', 'accord_reference_id__c')).toBe(true);
    expect(isAccordField('hubspot', 'Accord_Reference_Id__c')).toBe(false);
    expect(isAccordField('salesforce', 'Phone')).toBe(false);
  });
});
