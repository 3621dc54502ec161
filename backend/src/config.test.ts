import path from 'node:path';
import { ConfigError, loadConfig } from './config';

const cwd = '/srv/accord';

function failure(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has a safe local default for every setting', () => {
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.join(cwd, 'data'),
      databaseUrl: `sqlite:${path.join(cwd, 'data', 'accord.sqlite')}`,
      logLevel: 'info',
      publicBaseUrl: null,
      demoData: { enabled: true, companies: 20_000 },
    });
    expect(config.encryptionKey).toBeUndefined();
  });

  it('runs the sandbox CRMs by default, and not once a real CRM app is configured', () => {
    expect(loadConfig({}, cwd)).toMatchObject({ sandbox: true, hubspot: null, salesforce: null, syncIntervalMs: 300_000 });
    const real = loadConfig({ HUBSPOT_CLIENT_ID: 'id', HUBSPOT_CLIENT_SECRET: 'a-long-secret' }, cwd);
    expect(real.sandbox).toBe(false);
    expect(real.hubspot).toMatchObject({ clientId: 'id', apiBaseUrl: 'https://api.hubapi.com', authorizeUrl: 'https://app.hubspot.com/oauth/authorize' });
  });

  it('refuses a CRM client id without its secret, and never echoes a secret it rejects', () => {
    expect(() => loadConfig({ SALESFORCE_CLIENT_ID: 'id' }, cwd)).toThrow(/SALESFORCE_CLIENT_SECRET/);
    let message = '';
    try {
      loadConfig({ HUBSPOT_CLIENT_ID: 'id', HUBSPOT_CLIENT_SECRET: 'short' }, cwd);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/HUBSPOT_CLIENT_SECRET/);
    expect(message).not.toContain('short"');
  });

  it('keeps demo data off in production unless asked for', () => {
    const key = 'ab'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', ACCORD_ENCRYPTION_KEY: key }, cwd).demoData.enabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ACCORD_ENCRYPTION_KEY: key, ACCORD_DEMO_DATA: 'on' }, cwd).demoData.enabled).toBe(true);
    expect(loadConfig({ ACCORD_DEMO_DATA: 'off' }, cwd).demoData.enabled).toBe(false);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }, cwd).port).toBe(3000);
  });

  it('reads PostgreSQL and SQLite URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/accord' }, cwd).databaseUrl).toBe('postgres://u:p@db:5432/accord');
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/accord' }, cwd).databaseUrl).toBe('postgresql://db/accord');
    expect(loadConfig({ DATABASE_URL: 'sqlite::memory:' }, cwd).databaseUrl).toBe('sqlite::memory:');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', /whole number/],
    [{ PORT: '70000' }, 'PORT', /whole number/],
    [{ PORT: '3.5' }, 'PORT', /whole number/],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /sqlite:.*postgres/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /info/],
    [{ ACCORD_ENCRYPTION_KEY: 'short' }, 'ACCORD_ENCRYPTION_KEY', /32 bytes/],
    [{ PUBLIC_BASE_URL: 'ftp://x' }, 'PUBLIC_BASE_URL', /http/],
    [{ NODE_ENV: 'production' }, 'ACCORD_ENCRYPTION_KEY', /required/],
    [{ ACCORD_DEMO_DATA: 'maybe' }, 'ACCORD_DEMO_DATA', /on or off/],
    [{ ACCORD_DEMO_COMPANIES: 'lots' }, 'ACCORD_DEMO_COMPANIES', /whole number/],
  ])('rejects %p naming %s', (env, setting, problem) => {
    const error = failure(env);
    expect(error.setting).toBe(setting);
    expect(error.message).toMatch(problem);
    expect(error.message.startsWith(setting)).toBe(true);
  });

  it('never echoes the encryption key it rejects', () => {
    expect(failure({ ACCORD_ENCRYPTION_KEY: 'my-secret-value' }).message).not.toContain('my-secret-value');
  });

  it('accepts a 32-byte key as hex or base64', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ ACCORD_ENCRYPTION_KEY: hex }, cwd).encryptionKey?.length).toBe(32);
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ ACCORD_ENCRYPTION_KEY: b64 }, cwd).encryptionKey?.equals(Buffer.alloc(32, 7))).toBe(true);
  });
});
