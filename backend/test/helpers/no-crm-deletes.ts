/**
 * Runs after every test file (jest setupFilesAfterEnv): fails the suite if any request in it tried to delete or
 * archive a record in a sandbox CRM, except the refusal probes that sandbox tests send on purpose.
 */
import { deleteAttempts } from '../../src/adapters/crm/sandbox/delete-attempts';

afterAll(() => {
  const real = deleteAttempts().filter((a) => !a.probe);
  if (real.length > 0) {
    throw new Error(`Accord must never delete CRM records, but this suite sent: ${real.map((a) => `${a.crm} ${a.method} ${a.path}`).join('; ')}`);
  }
});
