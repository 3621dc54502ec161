/** Runs the command-line contract exactly as the evaluation does: `npm run --silent accord -- match ...` from the repo root. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');

function accord(args: string[]) {
  return spawnSync('npm', ['run', '--silent', 'accord', '--', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
}

function files(reference: unknown[], crm: unknown[], extraLines: string[] = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-cli-'));
  fs.writeFileSync(path.join(dir, 'ref.jsonl'), reference.map((r) => JSON.stringify(r)).join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'crm.jsonl'), [...crm.map((r) => JSON.stringify(r)), ...extraLines].join('\n') + '\n');
  return { dir, ref: path.join(dir, 'ref.jsonl'), crm: path.join(dir, 'crm.jsonl'), out: path.join(dir, 'out.jsonl') };
}

const reference = [
  { id: 'c1', kind: 'company', name: 'Harbour Plumbing Pty Ltd', domain: 'harbourplumbing.com.au', phone: '+61298765432', city: 'Sydney', state: 'NSW', postcode: '2000', country: 'AU' },
  { id: 'c2', kind: 'company', name: 'Zenith Logistics Limited', domain: 'zenithlogistics.com.au', city: 'Perth', state: 'WA', country: 'AU' },
  { id: 'p1', kind: 'person', companyId: 'c1', firstName: 'Robert', lastName: 'Nguyen', email: 'robert.nguyen@harbourplumbing.com.au', city: 'Sydney', country: 'AU' },
];
const crm = [
  { id: 'x1', kind: 'company', name: 'HARBOUR PLUMBING P/L', website: 'https://www.harbourplumbing.com.au/contact', phone: '(02) 9876 5432' },
  { id: 'x2', kind: 'person', firstName: 'Bob', lastName: 'Nguyen', email: 'Robert.Nguyen@harbourplumbing.com.au' },
  { id: 'x3', kind: 'company', name: 'Completely Unrelated Bakery' },
  { id: 4, kind: 'company', name: 'Zenith Logistics', domain: 'zenithlogistics.com.au' },
];

describe('accord match (command-line contract)', () => {
  it('writes one result line per input record and reports timings on stderr', () => {
    const f = files(reference, crm);
    const result = accord(['match', '--reference', f.ref, '--input', f.crm, '--output', f.out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/indexed 2 companies and 1 people in [\d.]+ s \([\d,]+ records\/s\)/);
    expect(result.stderr).toMatch(/workers ready in [\d.]+ s; self-check: [\d,]+ of [\d,]+ noisy copies of reference records found themselves/);
    expect(result.stderr).toMatch(/matched 4 records in [\d.]+ s \([\d,]+ records\/s\)/);
    const lines = fs.readFileSync(f.out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['x1', 'x2', 'x3', '4']);
    expect(lines[0]).toMatchObject({ matchId: 'c1', band: 'auto' });
    expect(lines[1]).toMatchObject({ matchId: 'p1', band: 'auto' });
    expect(lines[2]).toMatchObject({ matchId: null, band: 'none' });
    expect(lines[3]).toMatchObject({ matchId: 'c2' });
    for (const l of lines) {
      expect(l.confidence).toBeGreaterThanOrEqual(0);
      expect(l.confidence).toBeLessThanOrEqual(1);
      expect(['auto', 'review', 'none']).toContain(l.band);
    }
  });

  it('stops at a bad input line with its line number, and skips it with --skip-invalid', () => {
    const f = files(reference, crm.slice(0, 1), ['{"id":"bad","kind":"planet"}']);
    const refused = accord(['match', '--reference', f.ref, '--input', f.crm, '--output', f.out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/crm\.jsonl:2: .*--skip-invalid/);
    const skipped = accord(['match', '--reference', f.ref, '--input', f.crm, '--output', f.out, '--skip-invalid']);
    expect(skipped.status).toBe(0);
    expect(skipped.stderr).toMatch(/1 invalid lines skipped/);
    expect(fs.readFileSync(f.out, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('explains its usage when arguments are missing or unknown', () => {
    const missing = accord(['match', '--reference', 'x']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/match needs --reference, --input and --output/);
    const unknown = accord(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const badThreshold = accord(['match', '--reference', 'a', '--input', 'b', '--output', 'c', '--auto', '2']);
    expect(badThreshold.status).toBe(2);
    expect(badThreshold.stderr).toMatch(/--auto must be a number from 0 to 1/);
  });

  it('names a missing file', () => {
    const result = accord(['match', '--reference', '/nonexistent/ref.jsonl', '--input', 'b', '--output', '/tmp/out.jsonl']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no such file.*\/nonexistent\/ref\.jsonl/i);
  });
});

describe('accord import-reference', () => {
  function env(dataDir: string) {
    return { ...process.env, ACCORD_DATA_DIR: dataDir, DATABASE_URL: '' };
  }

  function importFile(args: string[], dataDir: string) {
    return spawnSync('npm', ['run', '--silent', 'accord', '--', 'import-reference', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, env: env(dataDir) });
  }

  it('loads a JSON Lines file into the database npm start uses, and refuses a file with bad lines', () => {
    const f = files(reference, []);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-import-'));
    const ok = importFile([f.ref], dataDir);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toMatch(/imported 3 records in [\d.]+ s; SQLite .*accord\.sqlite now holds 2 companies and 1 people/);
    fs.appendFileSync(f.ref, '{"kind":"company","id":"c9"}\n');
    const refused = importFile([f.ref], dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/1 invalid line\(s\), nothing imported .*\n\s+line 4: name/);
    const skipped = importFile([f.ref, '--skip-invalid'], dataDir);
    expect(skipped.status).toBe(0);
    expect(skipped.stderr).toMatch(/skipped .*ref\.jsonl:4: name/);
    expect(skipped.stderr).toMatch(/\(1 invalid lines skipped\); .* now holds 2 companies and 1 people/);
  });
});
