/**
 * The CrmPropertyAdmin port (app/ensure-accord-properties.ts) over HubSpot's properties API: list and create
 * property groups and properties. A 409 (someone created it first, e.g. another process installing) counts as
 * "already there", which keeps the install idempotent.
 */
import { PropertyCreateFieldTypeEnum, PropertyCreateTypeEnum } from '@hubspot/api-client/lib/codegen/crm/properties';
import type { CrmPropertyAdmin, PropertyDefinitionInput } from '../../../app/ensure-accord-properties';
import { CrmError } from '../crm-error';
import { createHubspotCaller, type HubspotClientOptions } from './hubspot-sdk';

const TYPES: Readonly<Record<PropertyDefinitionInput['type'], { type: PropertyCreateTypeEnum; fieldType: PropertyCreateFieldTypeEnum }>> = {
  string: { type: PropertyCreateTypeEnum.String, fieldType: PropertyCreateFieldTypeEnum.Text },
  number: { type: PropertyCreateTypeEnum.Number, fieldType: PropertyCreateFieldTypeEnum.Number },
  datetime: { type: PropertyCreateTypeEnum.Datetime, fieldType: PropertyCreateFieldTypeEnum.Date },
};

async function unlessExists(create: () => Promise<unknown>): Promise<{ created: boolean }> {
  try {
    await create();
    return { created: true };
  } catch (error) {
    if (error instanceof CrmError && error.status === 409) return { created: false };
    throw error;
  }
}

export function createHubspotPropertyAdmin(
  options: HubspotClientOptions & {
    /** Runs each call within the tenant's rate budget (the rate governor); calls go straight out without it. */
    governed?: <T>(call: () => Promise<T>) => Promise<T>;
  },
): CrmPropertyAdmin {
  const call = createHubspotCaller(options);
  const governed = options.governed ?? (<T>(run: () => Promise<T>) => run());

  return {
    groupNames: (object) =>
      governed(() => call(`list ${object} property groups`, (c, callOptions) => c.crm.properties.groupsApi.getAll(object, callOptions))).then((r) => r.results.map((g) => g.name)),
    propertyNames: (object) =>
      governed(() => call(`list ${object} properties`, (c, callOptions) => c.crm.properties.coreApi.getAll(object, false, undefined, callOptions))).then((r) => r.results.map((p) => p.name)),
    createGroup: (object, group) =>
      unlessExists(() => governed(() => call(`create ${object} property group`, (c, callOptions) => c.crm.properties.groupsApi.create(object, { name: group.name, label: group.label }, callOptions)))),
    createProperty: (object, property) =>
      unlessExists(() =>
        governed(() =>
          call(`create ${object} property ${property.name}`, (c, callOptions) =>
            c.crm.properties.coreApi.create(
              object,
              { name: property.name, label: property.label, groupName: property.groupName, description: property.description, ...TYPES[property.type] },
              callOptions,
            ),
          ),
        ),
      ),
  };
}
