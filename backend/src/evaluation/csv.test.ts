import { fieldOrNull, parseCsv, parseCsvObjects, rowsToObjects } from './csv';

describe('parseCsv', () => {
  it.each([
    { title: 'splits plain fields and rows', text: 'a,b\nc,d', rows: [['a', 'b'], ['c', 'd']] },
    { title: 'ignores one final line break', text: 'a,b\n', rows: [['a', 'b']] },
    { title: 'reads CRLF line breaks', text: 'a,b\r\nc,d\r\n', rows: [['a', 'b'], ['c', 'd']] },
    { title: 'reads a lone CR as a line break', text: 'a\rb', rows: [['a'], ['b']] },
    { title: 'keeps commas inside quotes', text: '"a,b",c', rows: [['a,b', 'c']] },
    { title: 'turns doubled quotes into one', text: '"say ""hi""",x', rows: [['say "hi"', 'x']] },
    { title: 'keeps LF inside quotes', text: '"line 1\nline 2",x\ny,z', rows: [['line 1\nline 2', 'x'], ['y', 'z']] },
    { title: 'keeps CRLF inside quotes', text: '"a\r\nb"\r\nc', rows: [['a\r\nb'], ['c']] },
    { title: 'reads empty fields, quoted or not', text: ',"",x,', rows: [['', '', 'x', '']] },
    { title: 'reads a quoted empty field at the end of the text', text: 'a,""', rows: [['a', '']] },
    { title: 'keeps a quote inside an unquoted field as text', text: 'ab"c,d', rows: [['ab"c', 'd']] },
    { title: 'keeps spaces around fields', text: 'a, b ,c', rows: [['a', ' b ', 'c']] },
    { title: 'reads a blank line in the middle as one empty field', text: 'a\n\nb', rows: [['a'], [''], ['b']] },
    { title: 'drops a byte-order mark', text: '\ufeffa,b', rows: [['a', 'b']] },
    { title: 'returns no rows for empty text', text: '', rows: [] },
  ])('$title', ({ text, rows }) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it.each([
    { title: 'an unclosed quote', text: 'a,"b\nc', message: /line 2: quoted field is never closed/ },
    { title: 'text after a closing quote', text: 'x\n"a"b,c', message: /line 2: text after a closing quote/ },
  ])('rejects $title with the line number', ({ text, message }) => {
    expect(() => parseCsv(text)).toThrow(message);
  });
});

describe('rowsToObjects', () => {
  it('keys each row by the trimmed header and trims the values (FEBRL ", " separators)', () => {
    const text = 'rec_id, given_name, surname\r\nrec-1-org, michaela ,  \r\n';
    expect(parseCsvObjects(text)).toEqual([{ rec_id: 'rec-1-org', given_name: 'michaela', surname: '' }]);
  });

  it('keeps line breaks inside a quoted value but trims its ends', () => {
    expect(parseCsvObjects('name,zip\n" Chicago Commons\nAssociation ",60601')).toEqual([
      { name: 'Chicago Commons\nAssociation', zip: '60601' },
    ]);
  });

  it('skips blank lines', () => {
    expect(rowsToObjects([['a'], ['1'], [''], ['2']])).toEqual([{ a: '1' }, { a: '2' }]);
  });

  it('returns nothing for no rows and for a header alone', () => {
    expect(rowsToObjects([])).toEqual([]);
    expect(rowsToObjects([['a', 'b']])).toEqual([]);
  });

  it.each([
    {
      title: 'a row with too few fields',
      rows: [['a', 'b'], ['1']],
      message: /record 1 has 1 fields; the header has 2/,
    },
    { title: 'a row with too many fields', rows: [['a'], ['1'], ['2', '3']], message: /record 2 has 2 fields/ },
    { title: 'a repeated column', rows: [['a', ' a']], message: /repeats the column "a"/ },
  ])('rejects $title', ({ rows, message }) => {
    expect(() => rowsToObjects(rows)).toThrow(message);
  });

  it('names the required columns the header lacks', () => {
    expect(() => rowsToObjects([['Id', 'Zip']], { requiredColumns: ['Id', 'Site name', 'Phone'] })).toThrow(
      'CSV header lacks the columns "Site name", "Phone"',
    );
  });
});

describe('fieldOrNull', () => {
  it.each([
    { value: 'x', expected: 'x' },
    { value: '', expected: null },
  ])('reads "$value" as $expected', ({ value, expected }) => {
    expect(fieldOrNull({ column: value }, 'column')).toBe(expected);
  });

  it('reads an absent column as null', () => {
    expect(fieldOrNull({}, 'column')).toBeNull();
  });
});
