/** Starts the real entry point as a child process, as `npm start` does. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmptyDatabaseUrl } from '../helpers/test-databases';

const backendDir = path.resolve(__dirname, '../..');
const entry = path.join(backendDir, 'src/main.ts');
/**
 * As `npm start` runs it: node with tsx's loader, not the tsx CLI (which relays a signal to its child and SIGKILLs
 * it when the child has not answered within 30 ms, so a busy moment would turn SIGTERM into a kill).
 */
const node = [process.execPath, '--import', 'tsx', entry] as const;

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _d, PORT: _p, ...rest } = process.env;
  return { ...rest, NODE_ENV: 'development', LOG_LEVEL: 'warn', ACCORD_DEMO_COMPANIES: '300', ...extra };
}

describe('start-up', () => {
  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PORT: 'abc' }, 'PORT'],
  ])('stops with one clear line naming the setting for %p', (extra, setting) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-start-'));
    const result = spawnSync(node[0], node.slice(1), { env: baseEnv({ ...extra, ACCORD_DATA_DIR: dataDir }), encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^accord: invalid configuration: ${setting} `));
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('serves /healthz and /readyz with the embedded defaults, then stops on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-start-'));
    const stderr = await runUntilSigterm({ PORT: '0', ACCORD_DATA_DIR: dataDir });
    expect(stderr).toMatch(/Database\s+SQLite .*accord\.sqlite/);
    expect(stderr).toMatch(/Reference\s+300 companies, 600 people \(demo data, generated on this first start\)/);
    expect(fs.existsSync(path.join(dataDir, 'accord.sqlite'))).toBe(true);
    const second = await runUntilSigterm({ PORT: '0', ACCORD_DATA_DIR: dataDir });
    expect(second).toMatch(/Reference\s+300 companies, 600 people; indexed/);
  });

  it('runs on PostgreSQL when DATABASE_URL says so', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-start-'));
    const stderr = await runUntilSigterm({ PORT: '0', ACCORD_DATA_DIR: dataDir, DATABASE_URL: await createEmptyDatabaseUrl('postgres') });
    expect(stderr).toMatch(/Database\s+PostgreSQL 127\.0\.0\.1:\d+\/accord_test_/);
    expect(stderr).not.toContain('accord-test@');
  });
});

/** Starts the backend, checks /healthz and /readyz, sends SIGTERM, expects exit 0; returns what it printed. */
async function runUntilSigterm(env: Record<string, string>): Promise<string> {
  const child = spawn(node[0], node.slice(1), { env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${stderr}`)), 20_000);
      child.stderr.on('data', () => {
        const found = /URL\s+(http:\/\/\S+)/.exec(stderr);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      });
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  return stderr;
}
