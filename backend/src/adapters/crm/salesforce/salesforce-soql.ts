/**
 * The SOQL Accord sends and the value conversions around it. Field names are checked against the API-name
 * grammar before they reach a query string: nothing unchecked is ever interpolated into SOQL.
 */
import type { CrmObject } from '../../../domain/enrichment/mapping';

export const SALESFORCE_OBJECTS = ['Account', 'Contact', 'Lead'] as const;
export type SalesforceObject = (typeof SALESFORCE_OBJECTS)[number];

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Salesforce renders `2026-01-01T00:00:00.000+0000`; Date.parse wants the offset as `+00:00`. */
const COMPACT_OFFSET = /([+-]\d{2})(\d{2})$/;

export function toSalesforceObject(object: CrmObject): SalesforceObject {
  const found = SALESFORCE_OBJECTS.find((o) => o === object);
  if (!found) throw new Error(`Salesforce has no object ${object}; expected one of ${SALESFORCE_OBJECTS.join(', ')}`);
  return found;
}

export function assertFieldNames(fields: readonly string[]): void {
  const bad = fields.filter((f) => !FIELD_NAME.test(f));
  if (bad.length > 0) throw new Error(`Not Salesforce field API names: ${bad.map((f) => JSON.stringify(f)).join(', ')}`);
}

/** Id and LastModifiedDate first, then the requested fields without case-insensitive duplicates. */
export function selectList(fields: readonly string[]): string[] {
  assertFieldNames(fields);
  const out = ['Id', 'LastModifiedDate'];
  for (const f of fields) {
    if (!out.some((o) => o.toLowerCase() === f.toLowerCase())) out.push(f);
  }
  return out;
}

/**
 * A SOQL datetime literal (`2026-11-27T10:00:00Z`). Milliseconds are dropped, which only widens a `>=` filter:
 * a record may come again, never go missing.
 */
export function toSoqlDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Not an ISO-8601 timestamp: ${JSON.stringify(iso)}`);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function buildChangedSinceSoql(input: { object: SalesforceObject; fields: readonly string[]; since: string | null }): string {
  const where = input.since === null ? '' : ` WHERE LastModifiedDate >= ${toSoqlDateTime(input.since)}`;
  return `SELECT ${selectList(input.fields).join(', ')} FROM ${input.object}${where} ORDER BY LastModifiedDate, Id`;
}

/** A Salesforce datetime (`…+0000` or ISO) as ISO-8601 UTC with `Z`. */
export function toIsoUtc(salesforceDateTime: string): string {
  const ms = Date.parse(salesforceDateTime.replace(COMPACT_OFFSET, '$1:$2'));
  if (Number.isNaN(ms)) throw new Error(`Salesforce returned an unreadable datetime: ${JSON.stringify(salesforceDateTime)}`);
  return new Date(ms).toISOString();
}

/** A SOQL string literal: backslashes and quotes escaped, so any value is safe inside the query. */
export function toSoqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `SELECT … FROM object WHERE field IN (…)` over values that are quoted, never interpolated raw. */
export function buildInSoql(input: { object: SalesforceObject; fields: readonly string[]; field: string; values: readonly string[] }): string {
  assertFieldNames([input.field]);
  return `SELECT ${selectList(input.fields).join(', ')} FROM ${input.object} WHERE ${input.field} IN (${input.values.map(toSoqlString).join(', ')})`;
}
