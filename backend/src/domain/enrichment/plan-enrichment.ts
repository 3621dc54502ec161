/**
 * The enrichment plan: a pure function of (CRM record values, matched reference record, mapping, our write
 * history) → the change for each mapped field and why. Only `fill` and `overwrite` changes are ever written, so a
 * value equal after normalisation, a `never` field, or one a person edited since our last write causes no write.
 */
import type { FieldChange, FieldValue, ReferenceRecord } from '@accord/shared';
import { convertValue, isEmpty, isSameValue } from './convert-value';
import type { FieldMapping } from './mapping';

export interface PlanInput {
  /** Current CRM values by property name (missing = empty). */
  current: Readonly<Record<string, FieldValue | undefined>>;
  reference: ReferenceRecord;
  mapping: readonly FieldMapping[];
  /** The value we last wrote to each property of this record, if we ever did. */
  lastWritten: Readonly<Record<string, FieldValue | undefined>>;
  ctx: { defaultCountry: string };
}

export function planEnrichment(input: PlanInput): FieldChange[] {
  const changes: FieldChange[] = [];
  const seen = new Set<string>();
  for (const m of input.mapping) {
    if (seen.has(m.target)) continue;
    seen.add(m.target);
    changes.push(planField(m, input));
  }
  return changes;
}

function planField(m: FieldMapping, input: PlanInput): FieldChange {
  const current = input.current[m.target] ?? null;
  const base = { field: m.target, ...(m.label ? { label: m.label } : {}), current };
  const raw = (input.reference as Record<string, unknown>)[m.source];
  const converted = convertValue(m, raw, input.ctx);
  if (!converted.ok) return { ...base, proposed: null, action: 'skip', reason: 'invalid_value' };
  const proposed = converted.value;
  if (isEmpty(proposed)) return { ...base, proposed: null, action: 'skip', reason: 'no_reference_value' };
  if (isSameValue(m.type, current, proposed, input.ctx)) return { ...base, proposed, action: 'skip', reason: 'same_value' };
  if (m.policy === 'never') return { ...base, proposed, action: 'skip', reason: 'policy_never' };
  const ours = input.lastWritten[m.target];
  if (ours !== undefined && !isSameValue(m.type, current, ours, input.ctx)) {
    return { ...base, proposed, action: 'skip', reason: 'edited_by_person' };
  }
  if (isEmpty(current)) return { ...base, proposed, action: 'fill', reason: 'crm_empty' };
  if (m.policy === 'overwrite') return { ...base, proposed, action: 'overwrite', reason: 'policy_overwrite' };
  return { ...base, proposed, action: 'skip', reason: 'policy_fill_empty' };
}

/** The CRM values to send: only the fields that really change. */
export function valuesToWrite(changes: readonly FieldChange[]): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const c of changes) if (c.action !== 'skip') out[c.field] = c.proposed;
  return out;
}
