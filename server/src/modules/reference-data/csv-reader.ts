import { parse, type Options, type Parser } from 'csv-parse';
import { ValidationError, type ErrorDetail } from '../../common/errors/domain-errors.js';
import { timeSlices } from '../../common/async/time-slices.js';
import { MAX_COLUMNS, MAX_ROWS, type ReferenceTable } from './reference-table.js';
import { unknownColumn } from './rows.js';
import { withoutFormulaQuote } from './csv-export.js';
import { pointerSegment } from '../../common/json/json-pointer.js';

/**
 * A record whose cells hold more characters than this is refused as it is read (csv-parse's max_record_size):
 * 50 columns of 600 characters fit; a runaway quote swallowing the rest of the file does not.
 */
export const MAX_CSV_LINE_CHARS = 32_768;
/** How far blank lines before the header are looked through (64 KiB): past them, the first line is the header. */
const HEADER_SEARCH_CHARS = 65_536;
/** Text handed to the parser at a time: small enough that the time-slice check runs often (csv-parse ~1 MB/s). */
const CHUNK_CHARS = 2_048;

interface NumberedRecord {
  record: string[];
  line: number;
}

/** The cells of a CSV by column name (no prototype), with the spreadsheet line each record ends on. */
export interface CsvRecords {
  records: Record<string, string>[];
  lines: number[];
  /** `;` (a French spreadsheet: a comma in a number is its decimal point) or `,`. */
  delimiter: string;
}

/**
 * Reads a CSV whose header names the table's columns, a slice at a time (timeSlices), and stops at the first
 * limit it passes: a header of more than MAX_COLUMNS cells, a line over MAX_CSV_LINE_CHARS, more than MAX_ROWS
 * records. A 60 000-row file is refused after its 20 001st record, not after reading it all.
 */
export async function readCsv(
  text: string,
  table: Pick<ReferenceTable, 'columns'> & Partial<Pick<ReferenceTable, 'keyColumn'>>,
): Promise<CsvRecords> {
  const header = checkHeaderLine(text);
  const delimiter = header.delimiter;
  text = header.text;
  const options: Options<NumberedRecord, string[]> = {
    delimiter,
    bom: true,
    skip_empty_lines: true,
    trim: true,
    // « 12" pipe » in a cell not in quotes is that text, as spreadsheets read it; it had been refused in English only.
    relax_quotes: true,
    max_record_size: MAX_CSV_LINE_CHARS,
    // The line each record ends on, as a spreadsheet numbers it (header = 1), to name it in problems.
    on_record: (record, { lines }) => ({ record, line: lines }),
  };
  // csv-parse's overloads type a parser by plain records; on_record makes them NumberedRecord.
  const parser = parse(options as unknown as Options);
  const reading = collect(parser, new Set(table.columns.map((c) => c.name)), table.keyColumn);
  // Handled here too: a refusal can come while the loop waits for its next slice, before the caller awaits it.
  reading.result.catch(() => undefined);
  const slice = timeSlices();
  const lineEnds = new LineEnds();
  for (let at = 0; at < text.length && !reading.stopped(); at += CHUNK_CHARS) {
    parser.write(lineEnds.asNewlines(text.slice(at, at + CHUNK_CHARS)));
    await slice();
  }
  if (!reading.stopped()) parser.end(lineEnds.rest());
  return { ...(await reading.result), delimiter };
}

/**
 * Every line end (`\r\n`, `\n`, an old Mac's lone `\r`) as `\n`, one slice at a time. csv-parse takes the first
 * line's end for the whole file: a lone `\r` later became part of a cell (« 2\rx »), the record refused as five
 * cells on a line the analyst could not find. A slice ending in `\r` keeps it for the next, which may start `\n`.
 */
class LineEnds {
  private held = '';

  asNewlines(slice: string): string {
    let text = this.held + slice;
    this.held = '';
    if (text.endsWith('\r')) {
      this.held = '\r';
      text = text.slice(0, -1);
    }
    return text.replace(/\r\n?/g, '\n');
  }

  rest(): string {
    return this.held === '' ? '' : '\n';
  }
}

/**
 * The delimiter the header uses (`;` from French spreadsheets, or `,`); a header too wide is refused unread. The
 * header is the first line that is not blank, as csv-parse reads it: guessed from a blank first line, a `;` file
 * was read with commas and its header refused as one unknown column « code;amount » (an API review). Excel's
 * `sep=;` line before the header names the delimiter, and is taken out (its line left empty, so lines keep their
 * numbers).
 */
function checkHeaderLine(text: string): { delimiter: ',' | ';'; text: string } {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  let { start, text: blanked } = headerStart(text, bom);
  let line = readLine(blanked, start);
  const named = /^sep=([;,])$/i.exec(line.trim())?.[1] as ',' | ';' | undefined;
  if (named) {
    // The sep= line left empty, and the lines after it read again for the header.
    blanked = blanked.slice(0, start) + blanked.slice(start + line.length);
    ({ start, text: blanked } = headerStart(blanked, start));
    line = readLine(blanked, start);
  }
  text = blanked;
  const semicolons = line.split(';').length - 1;
  const commas = line.split(',').length - 1;
  const delimiter = named ?? (semicolons > commas ? ';' : ',');
  const lineNumber = lineEndsIn(text.slice(0, start)) + 1;
  const cells = Math.max(semicolons, commas) + 1;
  if (cells > MAX_COLUMNS)
    throw new ValidationError('The header names more cells than a table has columns; nothing was imported.', [
      {
        path: `/csv/line/${lineNumber}`,
        message: `has more than ${MAX_COLUMNS} cells; a table has at most ${MAX_COLUMNS} columns`,
        keyword: 'csv',
        params: { reason: 'too_many_columns', limit: MAX_COLUMNS },
      },
    ]);
  if (line.length > MAX_CSV_LINE_CHARS) throw unreadable(lineTooLong(lineNumber));
  return { delimiter, text };
}

/**
 * Where the header starts, from `from`: the first line with anything but spaces, looked for in the next
 * HEADER_SEARCH_CHARS characters (bounded: a body of newlines had been walked whole). The lines of spaces before it
 * are left empty in the text returned, so csv-parse skips them as it skips empty lines.
 */
function headerStart(text: string, from: number): { start: number; text: string } {
  const window = text.slice(from, from + HEADER_SEARCH_CHARS);
  const found = /[^\s]/.exec(window);
  if (!found) return { start: from, text };
  const lineStart = Math.max(window.lastIndexOf('\n', found.index), window.lastIndexOf('\r', found.index)) + 1;
  const blank = window.slice(0, lineStart).replace(/[^\r\n]/g, '');
  return { start: from + blank.length, text: text.slice(0, from) + blank + text.slice(from + lineStart) };
}

/** Line ends in a text, `\r\n` counting once. */
function lineEndsIn(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) count++;
  }
  return count;
}

/** The line starting at `start`, without its end; only the first MAX_CSV_LINE_CHARS + 1 characters, to stay bounded. */
function readLine(text: string, start: number): string {
  const rest = text.slice(start, start + MAX_CSV_LINE_CHARS + 2);
  const end = rest.search(/[\r\n]/);
  return rest.slice(0, end < 0 ? MAX_CSV_LINE_CHARS + 1 : Math.min(end, MAX_CSV_LINE_CHARS + 1));
}

/** Gathers the parser's records into rows; `stopped` once a limit or a problem ends the reading. */
function collect(parser: Parser, known: Set<string>, keyColumn: string | undefined) {
  let header: string[] | undefined;
  let stop = false;
  const out: Omit<CsvRecords, 'delimiter'> = { records: [], lines: [] };
  const result = new Promise<Omit<CsvRecords, 'delimiter'>>((resolve, reject) => {
    const fail = (err: unknown) => {
      stop = true;
      parser.destroy();
      reject(err instanceof ValidationError ? err : unreadable(parserProblem(err)));
    };
    parser.on('data', ({ record, line }: NumberedRecord) => {
      if (stop) return;
      if (!header) {
        const problems = headerProblems(record, line, known, keyColumn);
        if (problems.length > 0)
          return fail(new ValidationError(`${problems.length} problem(s) in the header.`, problems));
        header = record;
        return;
      }
      if (out.records.length === MAX_ROWS)
        return fail(
          new ValidationError(`A table holds at most ${MAX_ROWS} rows; nothing was imported.`, [
            {
              path: `/csv/line/${line}`,
              message: `is past the ${MAX_ROWS} rows a table holds`,
              keyword: 'csv',
              params: { reason: 'too_many_rows', limit: MAX_ROWS },
            },
          ]),
        );
      // No prototype: whatever the header says, a cell never reaches Object.prototype.
      const row = Object.create(null) as Record<string, string>;
      // What the export quoted to keep a spreadsheet from running it is read without the quote (csv-export.ts).
      header.forEach((name, i) => (row[name] = withoutFormulaQuote(record[i]!)));
      out.records.push(row);
      out.lines.push(line);
    });
    parser.on('error', fail);
    parser.on('end', () => (header ? resolve(out) : fail(new Error('the CSV has no header line'))));
  });
  return { result, stopped: () => stop };
}

/**
 * Each header cell must name a column of the table, once, and the key column must be among them: without it
 * every row would be refused for a missing key, and a file with another table's header said only that its
 * columns were unknown.
 */
function headerProblems(
  names: string[],
  line: number,
  known: Set<string>,
  keyColumn: string | undefined,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  names.forEach((name, i) => {
    const path = `/csv/line/${line}/${pointerSegment(name)}`;
    if (name === '')
      problems.push({
        path: `/csv/line/${line}`,
        message: `cell ${i + 1} of the header is empty; name its column`,
        keyword: 'csv',
        params: { reason: 'empty_header', cell: i + 1 },
      });
    else if (!known.has(name)) problems.push(unknownColumn(path, name));
    else if (names.indexOf(name) < i)
      problems.push({
        path,
        message: `is named twice in the header (cells ${names.indexOf(name) + 1} and ${i + 1})`,
        keyword: 'csv',
        params: { reason: 'duplicate_header', column: name },
      });
  });
  if (keyColumn !== undefined && !names.includes(keyColumn))
    problems.push({
      path: `/csv/line/${line}`,
      message: `names no key column: the header needs "${keyColumn}"`,
      keyword: 'csv',
      params: { reason: 'missing_key_column', column: keyColumn },
    });
  return problems;
}

function lineTooLong(line: number): ErrorDetail {
  return {
    path: `/csv/line/${line}`,
    message: `is longer than ${MAX_CSV_LINE_CHARS} characters`,
    keyword: 'csv',
    params: { reason: 'line_too_long', limit: MAX_CSV_LINE_CHARS },
  };
}

/** csv-parse's mistakes a person makes in a CSV file, by the reason a client words (keyword `syntax`). */
const CSV_SYNTAX_REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'quote_not_closed',
  CSV_INVALID_CLOSING_QUOTE: 'after_closing_quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'after_closing_quote',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'field_count',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'field_count',
};

/**
 * csv-parse's error as a detail naming its line. Its message is English only: `keyword: syntax` with the kind of
 * mistake lets a client word it (the line limit has its own reason).
 */
function parserProblem(err: unknown): ErrorDetail {
  const { code, lines } = err as { code?: string; lines?: number };
  if (code === 'CSV_MAX_RECORD_SIZE' && lines) return lineTooLong(lines);
  const reason = code ? CSV_SYNTAX_REASONS[code] : undefined;
  return {
    path: lines ? `/csv/line/${lines}` : '/csv',
    message: (err as Error).message,
    keyword: 'syntax',
    params: { ...(lines && { line: lines }), ...(reason && { reason }) },
  };
}

function unreadable(detail: ErrorDetail): ValidationError {
  return new ValidationError('The CSV cannot be read; nothing was imported.', [detail], 'invalid_csv');
}
