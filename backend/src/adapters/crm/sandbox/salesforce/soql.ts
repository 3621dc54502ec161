/**
 * The SOQL subset Accord sends, parsed strictly:
 *   SELECT f[, f…] FROM Account|Contact|Lead
 *   [WHERE <cond> [AND <cond>…]]   cond: <datetime field> (=|!=|<|<=|>|>=) 2026-01-01T00:00:00Z | Id = '…'
 *                                   | <id, reference or text field> IN ('…', …)  (text compares case-insensitively, as SOQL does)
 *   [ORDER BY f [ASC|DESC][, …]] [LIMIT n]
 * Anything else is a MALFORMED_QUERY (or INVALID_FIELD / INVALID_TYPE, as Salesforce answers) error value.
 */
import { findField, isSandboxSObject, type SandboxSObject } from './describe';
import { toId18 } from './record-ids';
import { readField, type StoredRecord } from './store';

export interface SoqlError {
  errorCode: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE' | 'INVALID_QUERY_FILTER_OPERATOR';
  message: string;
}

type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';
type Condition =
  | { kind: 'date'; field: string; op: Comparison; ms: number }
  | { kind: 'ids'; ids: Set<string> }
  | { kind: 'in'; field: string; values: Set<string> };

export interface SoqlQuery {
  sobject: SandboxSObject;
  fields: string[];
  where: Condition[];
  orderBy: { field: string; descending: boolean }[];
  limit?: number;
}

const TOKEN = /\s*(?:('(?:[^'\\]|\\.)*')|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2}))|(\d{4}-\d{2}-\d{2})|(\d+)|([A-Za-z_][A-Za-z0-9_]*)|(>=|<=|!=|=|<|>|,|\(|\)))/y;

interface Token {
  kind: 'string' | 'datetime' | 'date' | 'number' | 'word' | 'symbol';
  text: string;
}

function tokenize(soql: string): Token[] | SoqlError {
  const kinds: Token['kind'][] = ['string', 'datetime', 'date', 'number', 'word', 'symbol'];
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < soql.length) {
    if (/^\s*$/.test(soql.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(soql);
    if (!match) return malformed(`unexpected token: '${soql.slice(at).trim().split(/\s+/)[0] ?? ''}'`);
    const group = match.slice(1).findIndex((g) => g !== undefined);
    tokens.push({ kind: kinds[group] ?? 'symbol', text: match[group + 1] ?? '' });
  }
  return tokens;
}

function malformed(message: string): SoqlError {
  return { errorCode: 'MALFORMED_QUERY', message };
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  peekWord(word: string): boolean {
    const t = this.tokens[this.at];
    return t?.kind === 'word' && t.text.toUpperCase() === word;
  }
  next(): Token | undefined {
    const t = this.tokens[this.at];
    this.at += 1;
    return t;
  }
  expectWord(word: string): SoqlError | undefined {
    const t = this.next();
    return t?.kind === 'word' && t.text.toUpperCase() === word ? undefined : unexpected(t);
  }
  expectSymbol(symbol: string): SoqlError | undefined {
    const t = this.next();
    return t?.kind === 'symbol' && t.text === symbol ? undefined : unexpected(t);
  }
  peekSymbol(symbol: string): boolean {
    const t = this.tokens[this.at];
    return t?.kind === 'symbol' && t.text === symbol;
  }
  done(): boolean {
    return this.at >= this.tokens.length;
  }
}

function unexpected(t: Token | undefined): SoqlError {
  return malformed(t ? `unexpected token: '${t.text}'` : 'unexpected token: <EOF>');
}

function isError<T>(value: T | SoqlError): value is SoqlError {
  return typeof value === 'object' && value !== null && 'errorCode' in value;
}

function fieldName(sobject: SandboxSObject, t: Token | undefined): string | SoqlError {
  if (t?.kind !== 'word') return unexpected(t);
  const field = findField(sobject, t.text);
  if (!field) {
    return { errorCode: 'INVALID_FIELD', message: `No such column '${t.text}' on entity '${sobject}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.` };
  }
  return field.name;
}

export function parseSoql(soql: string): SoqlQuery | SoqlError {
  const tokens = tokenize(soql);
  if (isError(tokens)) return tokens;
  const p = new Parser(tokens);
  const selectError = p.expectWord('SELECT');
  if (selectError) return selectError;
  const rawFields: Token[] = [];
  do {
    const t = p.next();
    if (t?.kind !== 'word' || t.text.toUpperCase() === 'FROM') return unexpected(t);
    rawFields.push(t);
  } while (p.peekSymbol(',') && p.next());
  const fromError = p.expectWord('FROM');
  if (fromError) return fromError;
  const typeToken = p.next();
  if (typeToken?.kind !== 'word') return unexpected(typeToken);
  const sobject = ['Account', 'Contact', 'Lead'].find((s) => s.toLowerCase() === typeToken.text.toLowerCase());
  if (!sobject || !isSandboxSObject(sobject)) {
    return { errorCode: 'INVALID_TYPE', message: `sObject type '${typeToken.text}' is not supported.` };
  }
  const fields: string[] = [];
  for (const t of rawFields) {
    const name = fieldName(sobject, t);
    if (isError(name)) return name;
    if (fields.includes(name)) return malformed(`duplicate field selected: ${name}`);
    fields.push(name);
  }
  const query: SoqlQuery = { sobject, fields, where: [], orderBy: [] };
  if (p.peekWord('WHERE')) {
    p.next();
    do {
      const condition = parseCondition(p, sobject);
      if (isError(condition)) return condition;
      query.where.push(condition);
    } while (p.peekWord('AND') && p.next());
  }
  if (p.peekWord('ORDER')) {
    p.next();
    const byError = p.expectWord('BY');
    if (byError) return byError;
    do {
      const name = fieldName(sobject, p.next());
      if (isError(name)) return name;
      const descending = p.peekWord('DESC');
      if (descending || p.peekWord('ASC')) p.next();
      query.orderBy.push({ field: name, descending });
    } while (p.peekSymbol(',') && p.next());
  }
  if (p.peekWord('LIMIT')) {
    p.next();
    const n = p.next();
    if (n?.kind !== 'number') return unexpected(n);
    query.limit = Number(n.text);
  }
  return p.done() ? query : unexpected(p.next());
}

function parseCondition(p: Parser, sobject: SandboxSObject): Condition | SoqlError {
  const name = fieldName(sobject, p.next());
  if (isError(name)) return name;
  const op = p.next();
  if (op?.kind === 'word' && op.text.toUpperCase() === 'IN') return parseIn(p, sobject, name);
  if (op?.kind !== 'symbol' || !['=', '!=', '<', '<=', '>', '>='].includes(op.text)) return unexpected(op);
  const value = p.next();
  if (name === 'Id' && op.text === '=' && value?.kind === 'string') {
    const id18 = toId18(value.text.slice(1, -1));
    if (!id18) return { errorCode: 'INVALID_QUERY_FILTER_OPERATOR', message: `invalid ID field: ${value.text.slice(1, -1)}` };
    return { kind: 'ids', ids: new Set([id18]) };
  }
  if (name !== 'LastModifiedDate' && name !== 'CreatedDate') return malformed(`unsupported filter on ${name} in the sandbox SOQL subset`);
  if (value?.kind !== 'datetime') {
    return { errorCode: 'INVALID_FIELD', message: `value of filter criterion for field '${name}' must be of type dateTime and should not be enclosed in quotes` };
  }
  return { kind: 'date', field: name, op: op.text as Comparison, ms: Date.parse(value.text) };
}

/** `<field> IN ('…', …)`: ids (Id and reference fields) normalised to 18 characters, text lower-cased. */
function parseIn(p: Parser, sobject: SandboxSObject, name: string): Condition | SoqlError {
  const type = findField(sobject, name)?.type;
  const isId = type === 'id' || type === 'reference';
  if (!isId && !['string', 'email', 'phone', 'url', 'picklist'].includes(type ?? '')) return malformed(`unsupported IN filter on ${name} in the sandbox SOQL subset`);
  const open = p.expectSymbol('(');
  if (open) return open;
  const values = new Set<string>();
  do {
    const t = p.next();
    if (t?.kind !== 'string') return unexpected(t);
    const text = unquote(t.text);
    if (isId) {
      const id18 = toId18(text);
      if (!id18) return { errorCode: 'INVALID_QUERY_FILTER_OPERATOR', message: `invalid ID field: ${text}` };
      values.add(id18);
    } else {
      values.add(text.toLowerCase());
    }
  } while (p.peekSymbol(',') && p.next());
  const close = p.expectSymbol(')');
  if (close) return close;
  return name === 'Id' ? { kind: 'ids', ids: values } : { kind: 'in', field: name, values };
}

/** A SOQL string literal's text: quotes removed, backslash escapes resolved. */
function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/g, '$1');
}

function compare(a: number, op: Comparison, b: number): boolean {
  switch (op) {
    case '=': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
  }
}

function matches(record: StoredRecord, condition: Condition): boolean {
  if (condition.kind === 'ids') return condition.ids.has(record.id);
  if (condition.kind === 'in') {
    const value = readField(record, condition.field);
    return typeof value === 'string' && (condition.values.has(value) || condition.values.has(value.toLowerCase()));
  }
  const ms = condition.field === 'CreatedDate' ? record.createdMs : record.modifiedMs;
  return compare(ms, condition.op, condition.ms);
}

function sortKey(record: StoredRecord, field: string): string | number | null {
  if (field === 'CreatedDate') return record.createdMs;
  if (field === 'LastModifiedDate') return record.modifiedMs;
  const value = readField(record, field);
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

/** Filters, orders (nulls first, as SOQL does by default for ASC) and limits; without ORDER BY, insertion order. */
export function runSoql(query: SoqlQuery, records: StoredRecord[]): StoredRecord[] {
  const selected = records.filter((r) => query.where.every((c) => matches(r, c)));
  if (query.orderBy.length > 0) {
    selected.sort((a, b) => {
      for (const { field, descending } of query.orderBy) {
        const x = sortKey(a, field);
        const y = sortKey(b, field);
        if (x === y) continue;
        const order = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
        return descending ? -order : order;
      }
      return 0;
    });
  }
  return query.limit === undefined ? selected : selected.slice(0, query.limit);
}

export { isError as isSoqlError };
