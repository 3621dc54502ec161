/**
 * Every attempt to delete or archive a record that reached a sandbox CRM, from any sandbox in this process.
 * The test setup fails any suite in which Accord code made one (test/helpers/no-crm-deletes.ts). A test that sends
 * a DELETE on purpose, to check the sandbox refuses it, acknowledges it with `acknowledgeDeleteProbes`.
 */

export interface DeleteAttempt {
  crm: 'hubspot' | 'salesforce';
  method: string;
  path: string;
  /** Sent on purpose by a test to check the refusal, and acknowledged as such. */
  probe: boolean;
}

const attempts: DeleteAttempt[] = [];

export function isDeleteAttempt(method: string, path: string): boolean {
  return method === 'DELETE' || /\/batch\/archive\/?$/.test(path) || /\/gdpr-delete\/?$/.test(path);
}

export function recordDeleteAttempt(crm: DeleteAttempt['crm'], input: { method: string; path: string }): void {
  attempts.push({ crm, method: input.method, path: input.path, probe: false });
}

/** Marks the attempts made so far against `crm` as deliberate probes; returns how many were marked. */
export function acknowledgeDeleteProbes(crm: DeleteAttempt['crm']): number {
  let marked = 0;
  for (const a of attempts) {
    if (a.crm === crm && !a.probe) {
      a.probe = true;
      marked++;
    }
  }
  return marked;
}

export function deleteAttempts(): readonly DeleteAttempt[] {
  return attempts;
}
