/** RFC 4180 CSV reading for the evaluation data sets: quoted fields, doubled quotes, line breaks in quotes, CRLF. */

export type CsvObject = Record<string, string>;

const QUOTE = '"';
const COMMA = ',';

/**
 * Splits CSV text into rows of raw (untrimmed) fields. A final line break does not add a row; a blank line in the
 * middle is a row with one empty field, as RFC 4180 reads it. A quote inside an unquoted field is kept as text.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let closedQuote = false;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endField = (): void => {
    row.push(field);
    field = '';
    closedQuote = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
    line += 1;
  };

  while (i < text.length) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === QUOTE && text[i + 1] === QUOTE) {
        field += QUOTE;
        i += 2;
        continue;
      }
      if (ch === QUOTE) {
        inQuotes = false;
        closedQuote = true;
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === COMMA) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
    } else if (closedQuote) {
      throw new Error(`CSV line ${line}: text after a closing quote`);
    } else if (ch === QUOTE && field === '') {
      inQuotes = true;
    } else {
      field += ch;
    }
    i += 1;
  }

  if (inQuotes) throw new Error(`CSV line ${line}: quoted field is never closed`);
  if (field !== '' || closedQuote || row.length > 0) endRow();
  return rows;
}

function isBlankRow(row: readonly string[]): boolean {
  return row.length === 1 && row[0]?.trim() === '';
}

/**
 * Turns parsed rows into objects keyed by the (trimmed) header, with every value trimmed, so FEBRL's ", " separators
 * read cleanly. Blank lines are skipped; a row with a different field count, a repeated header or a missing required
 * column is an error, since the file is then not the one the caller expects.
 */
export function rowsToObjects(
  rows: readonly (readonly string[])[],
  options: { requiredColumns?: readonly string[] } = {},
): CsvObject[] {
  const [headerRow, ...body] = rows;
  if (!headerRow) return [];
  const header = headerRow.map((name) => name.trim());
  const duplicate = header.find((name, index) => header.indexOf(name) !== index);
  if (duplicate !== undefined) throw new Error(`CSV header repeats the column "${duplicate}"`);
  const missing = (options.requiredColumns ?? []).filter((name) => !header.includes(name));
  if (missing.length > 0) throw new Error(`CSV header lacks the columns ${missing.map((m) => `"${m}"`).join(', ')}`);

  const objects: CsvObject[] = [];
  body.forEach((row, index) => {
    if (isBlankRow(row)) return;
    if (row.length !== header.length) {
      throw new Error(`CSV record ${index + 1} has ${row.length} fields; the header has ${header.length}`);
    }
    const object: CsvObject = {};
    header.forEach((name, column) => {
      object[name] = (row[column] ?? '').trim();
    });
    objects.push(object);
  });
  return objects;
}

export function parseCsvObjects(text: string, options: { requiredColumns?: readonly string[] } = {}): CsvObject[] {
  return rowsToObjects(parseCsv(text), options);
}

/** The value of a column, or null when it is empty or absent. */
export function fieldOrNull(object: CsvObject, column: string): string | null {
  const value = object[column];
  return value === undefined || value === '' ? null : value;
}
