/** Configuration: the environment parsed once with zod. Every setting has a safe local default; a bad value stops start-up. */
import path from 'node:path';
import { z } from 'zod';

const portSchema = z.coerce
  .number({ error: 'must be a whole number from 0 to 65535' })
  .int('must be a whole number from 0 to 65535')
  .min(0, 'must be a whole number from 0 to 65535')
  .max(65_535, 'must be a whole number from 0 to 65535');

const databaseUrlSchema = z
  .string()
  .trim()
  .refine((v) => /^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(v), {
    message: 'must be sqlite:<file>, sqlite::memory: or postgres://user:pass@host:port/db',
  });

const encryptionKeySchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const bytes = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
    if (bytes.length !== 32) {
      ctx.addIssue({ code: 'custom', message: 'must be 32 bytes, as 64 hex characters or base64' });
      return z.NEVER;
    }
    return bytes;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: portSchema.default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  ACCORD_DATA_DIR: z.string().trim().min(1).optional(),
  DATABASE_URL: databaseUrlSchema.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCORD_ENCRYPTION_KEY: encryptionKeySchema.optional(),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  ACCORD_DEMO_DATA: z.enum(['on', 'off'], { error: 'must be on or off' }).optional(),
  ACCORD_DEMO_COMPANIES: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1).max(2_000_000).default(20_000),
  HUBSPOT_CLIENT_ID: z.string().trim().min(1).optional(),
  HUBSPOT_CLIENT_SECRET: z.string().trim().min(8, 'must be the app\'s client secret').optional(),
  HUBSPOT_APP_ID: z.string().regex(/^\d+$/, 'must be the numeric app id').optional(),
  HUBSPOT_API_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://api.hubapi.com'),
  HUBSPOT_AUTHORIZE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://app.hubspot.com/oauth/authorize'),
  SALESFORCE_CLIENT_ID: z.string().trim().min(1).optional(),
  SALESFORCE_CLIENT_SECRET: z.string().trim().min(8, 'must be the connected app\'s consumer secret').optional(),
  SALESFORCE_LOGIN_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://login.salesforce.com'),
  SALESFORCE_API_VERSION: z.string().regex(/^\d{2}\.0$/, 'must look like 62.0').default('62.0'),
  ACCORD_SANDBOX: z.enum(['on', 'off'], { error: 'must be on or off' }).optional(),
  ACCORD_SYNC_INTERVAL_SECONDS: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0).max(86_400).default(300),
});

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** 32-byte key for AES-256-GCM; when absent outside production a local key file under dataDir is used. */
  encryptionKey: Buffer | undefined;
  /** Where CRMs reach us (signatures are over it); null: taken from each request's Host header. */
  publicBaseUrl: string | null;
  shutdownTimeoutMs: number;
  /** Seed a generated demo reference database (companies, and twice as many people) when it is empty. */
  demoData: { enabled: boolean; companies: number };
  hubspot: { clientId: string; clientSecret: string; appId: string | null; apiBaseUrl: string; authorizeUrl: string } | null;
  salesforce: { clientId: string; clientSecret: string; loginUrl: string; apiVersion: string } | null;
  /** How often each tenant's CRM changes are pulled and matched; 0 turns scheduled pulls off. */
  syncIntervalMs: number;
  /** Run the sandbox HubSpot portal and Salesforce org in-process as demo tenants (default: on when no CRM app is configured, outside production). */
  sandbox: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    readonly problem: string,
  ) {
    super(`${setting} ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError naming the first bad setting. `cwd` anchors relative paths. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(blankless);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const setting = String(issue.path[0] ?? 'environment');
    const got = blankless[setting];
    const shown = /KEY|SECRET/.test(setting) || got === undefined ? '' : ` (got "${String(got).slice(0, 80)}")`;
    throw new ConfigError(setting, `${issue.message}${shown}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.ACCORD_ENCRYPTION_KEY) {
    throw new ConfigError('ACCORD_ENCRYPTION_KEY', 'is required when NODE_ENV=production');
  }
  for (const [id, secret] of [['HUBSPOT_CLIENT_ID', 'HUBSPOT_CLIENT_SECRET'], ['SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET']] as const) {
    if (Boolean(e[id]) !== Boolean(e[secret])) throw new ConfigError(e[id] ? secret : id, `is required together with ${e[id] ? id : secret}`);
  }
  const hubspot = e.HUBSPOT_CLIENT_ID && e.HUBSPOT_CLIENT_SECRET
    ? { clientId: e.HUBSPOT_CLIENT_ID, clientSecret: e.HUBSPOT_CLIENT_SECRET, appId: e.HUBSPOT_APP_ID ?? null, apiBaseUrl: e.HUBSPOT_API_BASE_URL.replace(/\/+$/, ''), authorizeUrl: e.HUBSPOT_AUTHORIZE_URL }
    : null;
  const salesforce = e.SALESFORCE_CLIENT_ID && e.SALESFORCE_CLIENT_SECRET
    ? { clientId: e.SALESFORCE_CLIENT_ID, clientSecret: e.SALESFORCE_CLIENT_SECRET, loginUrl: e.SALESFORCE_LOGIN_URL.replace(/\/+$/, ''), apiVersion: e.SALESFORCE_API_VERSION }
    : null;
  const sandbox = (e.ACCORD_SANDBOX ?? (e.NODE_ENV !== 'production' && !hubspot && !salesforce ? 'on' : 'off')) === 'on';
  if (sandbox && e.NODE_ENV === 'production') throw new ConfigError('ACCORD_SANDBOX', 'cannot be on when NODE_ENV=production');
  const dataDir = path.resolve(cwd, e.ACCORD_DATA_DIR ?? 'data');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'accord.sqlite')}`,
    logLevel: e.LOG_LEVEL,
    encryptionKey: e.ACCORD_ENCRYPTION_KEY,
    publicBaseUrl: e.PUBLIC_BASE_URL ? e.PUBLIC_BASE_URL.replace(/\/+$/, '') : null,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    demoData: { enabled: (e.ACCORD_DEMO_DATA ?? (e.NODE_ENV === 'production' ? 'off' : 'on')) === 'on', companies: e.ACCORD_DEMO_COMPANIES },
    hubspot,
    salesforce,
    sandbox,
    syncIntervalMs: e.ACCORD_SYNC_INTERVAL_SECONDS * 1000,
  };
}
