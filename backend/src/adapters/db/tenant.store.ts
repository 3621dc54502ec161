/** Tenants: one row per installed HubSpot portal or Salesforce org. */
import crypto from 'node:crypto';
import type { Crm } from '@accord/shared';
import { tenantSettingsSchema, type Tenant, type TenantSettings } from '../../domain/tenants/tenant';
import type { Database } from './database';
import type { TenantsTable } from './schema';

export interface TenantStore {
  /** Creates the tenant on first install, re-activates and renames it on reinstall. */
  install(input: { crm: Crm; externalId: string; name: string; now: Date }): Promise<Tenant>;
  findById(tenantId: string): Promise<Tenant | undefined>;
  findByExternalId(crm: Crm, externalId: string): Promise<Tenant | undefined>;
  updateSettings(tenantId: string, patch: Partial<TenantSettings>, now: Date): Promise<Tenant | undefined>;
  markUninstalled(tenantId: string, now: Date): Promise<void>;
  list(): Promise<Tenant[]>;
}

export function createTenantStore({ db }: Database): TenantStore {
  const byId = async (tenantId: string) =>
    toTenant(await db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst());

  return {
    async install({ crm, externalId, name, now }) {
      const at = now.toISOString();
      await db
        .insertInto('tenants')
        .values({
          id: crypto.randomUUID(),
          crm,
          external_id: externalId,
          name,
          status: 'active',
          settings_json: '{}',
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.columns(['crm', 'external_id']).doUpdateSet({ name, status: 'active', updated_at: at }))
        .execute();
      const tenant = await this.findByExternalId(crm, externalId);
      if (!tenant) throw new Error('tenant vanished right after install');
      return tenant;
    },
    findById: byId,
    async findByExternalId(crm, externalId) {
      return toTenant(
        await db
          .selectFrom('tenants')
          .selectAll()
          .where('crm', '=', crm)
          .where('external_id', '=', externalId)
          .executeTakeFirst(),
      );
    },
    async updateSettings(tenantId, patch, now) {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();
        if (!row) return undefined;
        const settings = tenantSettingsSchema.parse({ ...JSON.parse(row.settings_json), ...patch });
        const changes = { settings_json: JSON.stringify(settings), updated_at: now.toISOString() };
        await trx.updateTable('tenants').set(changes).where('id', '=', tenantId).execute();
        return toTenant({ ...row, ...changes });
      });
    },
    async markUninstalled(tenantId, now) {
      await db
        .updateTable('tenants')
        .set({ status: 'uninstalled', updated_at: now.toISOString() })
        .where('id', '=', tenantId)
        .execute();
    },
    async list() {
      const rows = await db.selectFrom('tenants').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map((r) => toTenant(r)!);
    },
  };
}

function toTenant(row: TenantsTable | undefined): Tenant | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    crm: row.crm,
    externalId: row.external_id,
    name: row.name,
    status: row.status,
    settings: tenantSettingsSchema.parse(JSON.parse(row.settings_json)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
