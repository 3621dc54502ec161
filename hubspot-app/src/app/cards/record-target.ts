/** Which Accord record a HubSpot card context points at; null for object types Accord does not handle. */
import type { RecordParams } from '@accord/shared';

const objectOfTypeId: Record<string, RecordParams['object']> = { '0-1': 'contacts', '0-2': 'companies' };

export function recordTargetOf(crm: { objectId: number; objectTypeId: string }): RecordParams | null {
  const object = objectOfTypeId[crm.objectTypeId];
  return object ? { object, recordId: String(crm.objectId) } : null;
}
