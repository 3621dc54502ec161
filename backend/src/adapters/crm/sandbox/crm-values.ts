/** Canonical CRM records (from the synthetic generator) as a sandbox CRM stores them: the inverse of crm-record-fields. */
import type { CrmCompany, CrmPerson } from '@accord/shared';
import type { CrmObject } from '../../../domain/enrichment/mapping';
import { matchingFieldsByObject } from '../../../domain/sync/crm-record-fields';

export function toCrmValues(object: CrmObject, record: CrmCompany | CrmPerson): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [canonical, crmField] of Object.entries(matchingFieldsByObject[object].fields)) {
    const value = (record as Record<string, unknown>)[canonical];
    if (value !== null && value !== undefined && value !== '') values[crmField as string] = String(value);
  }
  return values;
}
