/** A tenant is one installed CRM account: a HubSpot portal or a Salesforce org. */
import { crmSchema } from '@accord/shared';
import { z } from 'zod';
import { autoEnrichPolicySchema } from '../batches/auto-approval';
import { creditPolicySchema } from '../credits/credit-policy';
import { mappingSetSchema } from '../enrichment/mapping';

export const tenantStatusSchema = z.enum(['active', 'uninstalled']);

/** Per-tenant settings; every field has a default so an empty object is valid. */
export const tenantSettingsSchema = z.object({
  /** Confidence at or above which a match is applied without review. */
  autoApplyThreshold: z.number().min(0.5).max(1).default(0.95),
  /** Confidence at or above which a match is shown for review rather than as no match. */
  reviewThreshold: z.number().min(0).max(1).default(0.5),
  /** Share of the CRM's API limit Accord may use, in percent (other integrations share the quota). */
  rateLimitSharePercent: z.int().min(1).max(100).default(50),
  /** Default country (ISO 3166-1 alpha-2) for phone numbers without one. */
  defaultCountry: z.string().length(2).default('AU'),
  /** Pricing, caps and refund rules. */
  credits: creditPolicySchema.prefault({}),
  /** Field mappings that replace the defaults for a CRM object. */
  mappings: z.array(mappingSetSchema).max(10).default([]),
  /** CRM user ids who may approve batches and change settings (HubSpot: the installer and whom admins add; Salesforce uses its Custom Permission instead). */
  admins: z.array(z.string().min(1).max(200)).max(100).default([]),
  /** Automatic enrichment of records the scheduled pulls bring in (domain/batches/auto-approval.ts); off by default. */
  autoEnrich: autoEnrichPolicySchema.prefault({}),
});
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export const tenantSchema = z.object({
  id: z.string(),
  crm: crmSchema,
  externalId: z.string().min(1).max(100),
  name: z.string().max(500),
  status: tenantStatusSchema,
  settings: tenantSettingsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Tenant = z.infer<typeof tenantSchema>;
