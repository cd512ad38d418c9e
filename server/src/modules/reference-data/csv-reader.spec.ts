import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../../common/errors/domain-errors.js';
import { MAX_CSV_LINE_CHARS, readCsv } from './csv-reader.js';

const table = {
  columns: [
    { name: 'id', type: 'string' as const },
    { name: 'n', type: 'number' as const },
  ],
};

async function refusal(csv: string): Promise<ValidationError> {
  const err = await readCsv(csv, table).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return err as ValidationError;
}

describe('reading a CSV import', () => {
  it('reads records by column name, numbered by the line they are on in a spreadsheet', async () => {
    const read = await readCsv('\ufeffid;n\n\na;1\n"b\nsuite";2\nc;3', table);
    expect(read.records.map((r) => ({ ...r }))).toEqual([
      { id: 'a', n: '1' },
      { id: 'b\nsuite', n: '2' },
      { id: 'c', n: '3' },
    ]);
    expect(read.lines).toEqual([3, 5, 6]);
  });

  it('reads Windows, Unix and old Mac line endings alike, in one file, numbering the lines an editor shows', async () => {
    // A lone \r had been part of a cell (« 2\rx »), the record refused as five cells « on line 5 » of four.
    const mixed = await readCsv('id,n\na,1\r\nb,2\rc,3\n"d\r\nsuite",4\r', table);
    expect(mixed.records.map((r) => ({ ...r }))).toEqual([
      { id: 'a', n: '1' },
      { id: 'b', n: '2' },
      { id: 'c', n: '3' },
      { id: 'd\nsuite', n: '4' },
    ]);
    expect(mixed.lines).toEqual([2, 3, 4, 6]);
    // A file of old Mac lines alone, with a \r\n split across the reader's slices of 2 048 characters.
    const mac = await readCsv(`id;n\r${'x;1\r'.repeat(510)}${'y'.repeat(3)};2\r\nz;3`, table);
    expect(mac.records).toHaveLength(512);
    expect(mac.lines.slice(-2)).toEqual([512, 513]);
    const wrong = await refusal('id,n\na,1\rb,2,3\n');
    expect(wrong.details.map((d) => d.path)).toEqual(['/csv/line/3']);
  });

  it('finds the header after blank lines or Excel’s « sep=; » line, and reads a quote inside a cell as text', async () => {
    // Guessed from a blank first line, the delimiter had been a comma: the header read as one column « id;n ».
    const blankFirst = await readCsv('\ufeff\r\n\nid;n\na;1,5\n', table);
    expect([blankFirst.delimiter, blankFirst.records.map((r) => ({ ...r })), blankFirst.lines]).toEqual([
      ';',
      [{ id: 'a', n: '1,5' }],
      [4],
    ]);
    const excel = await readCsv('sep=;\r\nid;n\r\na;2\r\n', table);
    expect([excel.delimiter, excel.records.map((r) => ({ ...r })), excel.lines]).toEqual([
      ';',
      [{ id: 'a', n: '2' }],
      [3],
    ]);
    const comma = await readCsv('SEP=,\nid,n\nb,3\n', table);
    expect([comma.delimiter, comma.records.map((r) => ({ ...r }))]).toEqual([',', [{ id: 'b', n: '3' }]]);
    // A first line of spaces or tabs is blank too, and csv-parse is handed it empty, as it skips those.
    const spaces = await readCsv(' \t\r\n  \nid;n\na;2,5\n', table);
    expect([spaces.delimiter, spaces.records.map((r) => ({ ...r })), spaces.lines]).toEqual([
      ';',
      [{ id: 'a', n: '2,5' }],
      [4],
    ]);
    // Blank lines are looked through for 64 KiB, no further: a body of newlines is not walked whole.
    const far = await refusal(`${'\n'.repeat(70_000)}id;n\na;1\n`);
    expect(far.details[0]!.path).toMatch(/^\/csv\/line\/70001/);
    const inches = await readCsv('id;n\ntuyau 12" acier;4\n', table);
    expect(inches.records.map((r) => ({ ...r }))).toEqual([{ id: 'tuyau 12" acier', n: '4' }]);
    // A header problem after blank lines names the header's own line.
    const unknown = await refusal('\n\nid;nope\n');
    expect(unknown.details.map((d) => d.path)).toEqual(['/csv/line/3/nope']);
  });

  it('refuses a header naming a column twice, or naming no column of the table', async () => {
    const twice = await refusal('id,n,n\n1,2,3');
    expect(twice.code).toBe('validation_failed');
    expect(twice.details).toEqual([
      {
        path: '/csv/line/1/n',
        message: 'is named twice in the header (cells 2 and 3)',
        keyword: 'csv',
        params: { reason: 'duplicate_header', column: 'n' },
      },
    ]);
    const empty = await refusal('id,,n\n1,2,3');
    expect(empty.details).toEqual([
      expect.objectContaining({ path: '/csv/line/1', params: { reason: 'empty_header', cell: 2 } }),
    ]);
    const unknown = await refusal('id,__proto__,constructor,a/b~c\n1,2,3,4');
    expect(unknown.details.map((d) => [d.path, d.message, d.keyword, d.params])).toEqual([
      ['/csv/line/1/__proto__', 'is not a column of this table', 'unknownColumn', { column: '__proto__' }],
      ['/csv/line/1/constructor', 'is not a column of this table', 'unknownColumn', { column: 'constructor' }],
      // A JSON Pointer's segment: `/` and `~` escaped, so the path names one header, not a place below another.
      ['/csv/line/1/a~1b~0c', 'is not a column of this table', 'unknownColumn', { column: 'a/b~c' }],
    ]);
  });

  it('says a header without the key column needs it, beside the columns it names that the table lacks', async () => {
    const keyed = { ...table, keyColumn: 'id' };
    const err = await readCsv('foo,bar\n1,2', keyed).then(
      () => undefined,
      (e: unknown) => e as ValidationError,
    );
    expect(err?.details.map((d) => [d.path, d.params])).toEqual([
      ['/csv/line/1/foo', { column: 'foo' }],
      ['/csv/line/1/bar', { column: 'bar' }],
      ['/csv/line/1', { reason: 'missing_key_column', column: 'id' }],
    ]);
    expect((await readCsv('n;id\n1;a', keyed)).records).toHaveLength(1);
  });

  it('refuses a header wider than a table can be before reading on', async () => {
    const wide = await refusal(Array.from({ length: 30_000 }, (_, i) => `c${i}`).join(';') + '\n1');
    expect(wide.details).toEqual([
      expect.objectContaining({
        path: '/csv/line/1',
        keyword: 'csv',
        params: { reason: 'too_many_columns', limit: 50 },
      }),
    ]);
  });

  it('stops at the first record past 20 000 rows: what follows is never read', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => `${i};1`);
    // An unclosed quote at the end would be an unreadable file, if the reader got that far.
    const over = await refusal(['id;n', ...rows, '"never read;1'].join('\n'));
    expect(over.code).toBe('validation_failed');
    expect(over.details).toEqual([
      expect.objectContaining({ path: '/csv/line/20002', params: { reason: 'too_many_rows', limit: 20_000 } }),
    ]);
    expect((await readCsv(['id;n', ...rows.slice(1)].join('\n'), table)).records).toHaveLength(20_000);
  });

  it('refuses a line longer than the limit, naming it, and a file it cannot read', async () => {
    const long = await refusal(`id;n\na;1\nb;${'9'.repeat(MAX_CSV_LINE_CHARS + 10)}\nc;3`);
    expect(long.code).toBe('invalid_csv');
    expect(long.details).toEqual([
      expect.objectContaining({ path: '/csv/line/3', params: expect.objectContaining({ reason: 'line_too_long' }) }),
    ]);
    const unclosed = await refusal('id;n\na;1\n"b;2');
    expect(unclosed.code).toBe('invalid_csv');
    expect(unclosed.details[0]!.path).toMatch(/^\/csv/);
  });
});
