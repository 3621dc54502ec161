/** The suite-wide scan (test/helpers/no-crm-deletes.ts) fails any suite that sent a DELETE to a sandbox CRM. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const backendDir = path.resolve(__dirname, '../..');

it('fails a suite that deletes a CRM record, naming the request', () => {
  const jest = path.resolve(backendDir, '../node_modules/.bin/jest');
  const result = spawnSync(jest, ['--ci', '--testMatch', '**/test/fixtures/deletes-a-record.fixture.ts', '--testPathIgnorePatterns', '/node_modules/'], {
    cwd: backendDir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = result.stdout + result.stderr;
  expect(result.status).not.toBe(0);
  expect(output).toMatch(/Accord must never delete CRM records, but this suite sent: salesforce DELETE \/services\/data\/v62\.0\/sobjects\/Account\//);
});
