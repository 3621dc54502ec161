/**
 * On install, give the HubSpot portal Accord's own properties (domain/enrichment/accord-fields.ts): the property
 * group `accord` and one property per Accord field, on companies and contacts. Idempotent: what exists is left as
 * it is, so running it again (or in two processes at once) creates nothing new. Salesforce needs no such step: the
 * package ships the fields as custom fields.
 */
import {
  accordFieldDefinitions,
  accordFieldNames,
  accordPropertyGroup,
  type AccordFieldDefinition,
} from '../domain/enrichment/accord-fields';

export type HubspotPropertyObject = 'companies' | 'contacts';

export interface PropertyDefinitionInput {
  name: string;
  label: string;
  type: AccordFieldDefinition['type'];
  groupName: string;
  description: string;
}

/** The part of HubSpot's properties API this needs. `created: false` means it already existed (e.g. a 409). */
export interface CrmPropertyAdmin {
  groupNames(object: HubspotPropertyObject): Promise<string[]>;
  createGroup(object: HubspotPropertyObject, group: { name: string; label: string }): Promise<{ created: boolean }>;
  propertyNames(object: HubspotPropertyObject): Promise<string[]>;
  createProperty(object: HubspotPropertyObject, property: PropertyDefinitionInput): Promise<{ created: boolean }>;
}

export interface EnsureAccordPropertiesResult {
  /** What this run created, e.g. `companies:group:accord`, `contacts:property:accord_reference_id`. */
  created: string[];
}

export async function ensureAccordProperties(
  deps: { admin: CrmPropertyAdmin },
  input: { objects?: readonly HubspotPropertyObject[] } = {},
): Promise<EnsureAccordPropertiesResult> {
  const created: string[] = [];
  for (const object of input.objects ?? (['companies', 'contacts'] as const)) {
    if (!(await deps.admin.groupNames(object)).includes(accordPropertyGroup.name)) {
      const group = await deps.admin.createGroup(object, accordPropertyGroup);
      if (group.created) created.push(`${object}:group:${accordPropertyGroup.name}`);
    }
    const existing = new Set(await deps.admin.propertyNames(object));
    for (const definition of accordFieldDefinitions) {
      const name = accordFieldNames.hubspot[definition.key];
      if (existing.has(name)) continue;
      const property = { name, label: definition.label, type: definition.type, groupName: accordPropertyGroup.name, description: definition.description };
      if ((await deps.admin.createProperty(object, property)).created) created.push(`${object}:property:${name}`);
    }
  }
  return { created };
}
