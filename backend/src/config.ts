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
  publicBaseUrl: string;
  shutdownTimeoutMs: number;
  /** Seed a generated demo reference database (companies, and twice as many people) when it is empty. */
  demoData: { enabled: boolean; companies: number };
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
    const shown = setting === 'ACCORD_ENCRYPTION_KEY' || got === undefined ? '' : ` (got "${String(got).slice(0, 80)}")`;
    throw new ConfigError(setting, `${issue.message}${shown}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.ACCORD_ENCRYPTION_KEY) {
    throw new ConfigError('ACCORD_ENCRYPTION_KEY', 'is required when NODE_ENV=production');
  }
  const dataDir = path.resolve(cwd, e.ACCORD_DATA_DIR ?? 'data');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'accord.sqlite')}`,
    logLevel: e.LOG_LEVEL,
    encryptionKey: e.ACCORD_ENCRYPTION_KEY,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    demoData: { enabled: (e.ACCORD_DEMO_DATA ?? (e.NODE_ENV === 'production' ? 'off' : 'on')) === 'on', companies: e.ACCORD_DEMO_COMPANIES },
  };
}
