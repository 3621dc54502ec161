/**
 * What the use cases need from a CRM: read some fields of a record, and write some fields of a record.
 * There is deliberately no way to delete anything: Accord never deletes CRM records. The HubSpot and Salesforce
 * adapters implement this port.
 */
import type { FieldValue, RecordKind } from '@accord/shared';

export interface CrmRecordRef {
  kind: RecordKind;
  recordId: string;
}

export type CrmWriteOutcome = { ok: true } | { ok: false; retryable: boolean; message: string };

export interface CrmRecordPort {
  /** Current values of `fields`, or undefined when the record does not exist. */
  read(ref: CrmRecordRef, fields: readonly string[]): Promise<Record<string, FieldValue> | undefined>;
  /** Updates only the given fields. */
  write(ref: CrmRecordRef, values: Readonly<Record<string, FieldValue>>): Promise<CrmWriteOutcome>;
}
