/**
 * An in-memory CRM behind the CrmRecordPort, for use-case tests before the real HubSpot and Salesforce adapters
 * exist. It counts writes and "automation events" (one per field whose value really changes), and can be told to
 * fail the next writes.
 */
import type { FieldValue } from '@accord/shared';
import type { CrmRecordPort, CrmRecordRef, CrmWriteOutcome } from '../../src/app/crm-port';

export class InMemoryCrm implements CrmRecordPort {
  readonly records = new Map<string, Record<string, FieldValue>>();
  writes = 0;
  automationEvents = 0;
  private failures: CrmWriteOutcome[] = [];

  put(ref: CrmRecordRef, values: Record<string, FieldValue>): void {
    this.records.set(key(ref), { ...values });
  }

  get(ref: CrmRecordRef): Record<string, FieldValue> | undefined {
    return this.records.get(key(ref));
  }

  /** The next writes fail with these outcomes, in order. */
  failNext(...outcomes: CrmWriteOutcome[]): void {
    this.failures.push(...outcomes);
  }

  async read(ref: CrmRecordRef, fields: readonly string[]) {
    const record = this.records.get(key(ref));
    if (!record) return undefined;
    return Object.fromEntries(fields.map((f) => [f, record[f] ?? null]));
  }

  async write(ref: CrmRecordRef, values: Readonly<Record<string, FieldValue>>): Promise<CrmWriteOutcome> {
    const failure = this.failures.shift();
    if (failure) return failure;
    const record = this.records.get(key(ref));
    if (!record) return { ok: false, retryable: false, message: 'record not found' };
    this.writes++;
    for (const [field, value] of Object.entries(values)) {
      if ((record[field] ?? null) !== value) this.automationEvents++;
      record[field] = value;
    }
    return { ok: true };
  }
}

const key = (ref: CrmRecordRef) => `${ref.kind}:${ref.recordId}`;
