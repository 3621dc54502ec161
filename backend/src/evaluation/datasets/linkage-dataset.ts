/** A record-linkage benchmark as the evaluation sees it: reference records, CRM records and the true link of each. */
import type { CrmCompany, CrmPerson, ReferenceCompany, ReferencePerson } from '@accord/shared';

export interface LinkageDataset<
  Reference extends ReferenceCompany | ReferencePerson = ReferenceCompany | ReferencePerson,
  Crm extends CrmCompany | CrmPerson = CrmCompany | CrmPerson,
> {
  name: string;
  reference: Reference[];
  crm: Crm[];
  /** CRM record id -> id of the reference record it truly matches, or null when it has no match. */
  truth: Map<string, string | null>;
}
