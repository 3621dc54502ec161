/**
 * The documented fields of the project files we ship, as zod schemas: hsproject.json, the app, card and App Home
 * page components, and config profiles. Sources: HubSpot/hubspot-project-components (2025.2 templates and
 * AGENTS.md rules) and developers.hubspot.com app-card reference / config-profiles pages. HubSpot's own schema
 * needs an account to download, so this is the offline stand-in that `npm test` enforces.
 */
import { z } from 'zod';

const uid = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, periods, hyphens and underscores (HubSpot validateUid)');
/** A value that may still hold a config-profile placeholder like ${ACCORD_BACKEND_ORIGIN}. */
const withPlaceholders = z.string().min(1);

export const hsProjectSchema = z.strictObject({
  name: z.string().min(1),
  srcDir: z.string().min(1),
  platformVersion: z.enum(['2025.2', '2026.03']),
});

export const scopeSchema = z.string().regex(/^[a-z][a-z0-9._-]*$/);

export const appComponentSchema = z.strictObject({
  uid,
  type: z.literal('app'),
  config: z.strictObject({
    name: z.string().min(1).max(200),
    description: z.string().min(1).max(1_000),
    distribution: z.enum(['marketplace', 'private']),
    auth: z.strictObject({
      type: z.enum(['oauth', 'static']),
      redirectUrls: z.array(withPlaceholders).min(1),
      requiredScopes: z.array(scopeSchema).min(1),
      optionalScopes: z.array(scopeSchema),
      conditionallyRequiredScopes: z.array(scopeSchema),
    }),
    permittedUrls: z.strictObject({
      fetch: z.array(withPlaceholders),
      iframe: z.array(withPlaceholders),
      img: z.array(withPlaceholders),
    }),
    support: z.strictObject({
      supportEmail: withPlaceholders,
      documentationUrl: withPlaceholders,
      supportUrl: withPlaceholders,
      supportPhone: withPlaceholders.optional(),
    }),
  }),
});

export const cardComponentSchema = z.strictObject({
  uid,
  type: z.literal('card'),
  config: z.strictObject({
    name: z.string().min(1).max(100),
    description: z.string().max(500).optional(),
    location: z.enum(['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar']),
    entrypoint: z.string().regex(/^\/app\/cards\/[^/]+\.(tsx|jsx|ts|js)$/, 'a file directly in /app/cards/'),
    objectTypes: z.array(z.enum(['contacts', 'companies', 'deals', 'tickets'])).min(1),
  }),
});

export const pageComponentSchema = z.strictObject({
  uid,
  type: z.literal('page'),
  config: z.strictObject({
    entrypoint: z.string().regex(/^\/app\/pages\/[^/]+\.(tsx|jsx|ts|js)$/, 'a file directly in /app/pages/'),
    location: z.literal('home'),
  }),
});

export const componentSchema = z.discriminatedUnion('type', [appComponentSchema, cardComponentSchema, pageComponentSchema]);
export type Component = z.infer<typeof componentSchema>;

/** Where each component type must live, relative to srcDir (AGENTS.md: "Components can not be in nested subdirectories"). */
export const directoryOfType: Record<Component['type'], string> = { app: 'app', card: 'app/cards', page: 'app/pages' };

export const hsProfileSchema = z.strictObject({
  accountId: z.int().min(0),
  variables: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.union([z.string(), z.number(), z.boolean()])),
});

/** After a profile is applied: the backend origin must be a public https origin (hubspot.fetch refuses localhost). */
export const resolvedOriginSchema = z
  .string()
  .regex(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?$/, 'an https origin without a path')
  .refine((origin) => !/^https:\/\/(localhost|127\.|0\.0\.0\.0|\[::1\])/.test(origin), 'not localhost');
