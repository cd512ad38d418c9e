import { stringify } from 'csv-stringify/sync';
import { mapInTurns } from '../../common/async/time-slices.js';
import type { ReferenceTable, Row } from './reference-table.js';

/** Rows written in one piece at most: 20 000 rows of 50 columns in one go held the loop too long. */
const ROWS_PER_PIECE = 1000;

/** A number as a French spreadsheet writes it in a `;` file: a decimal comma, no grouping, never an exponent. */
const plain = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });

/**
 * A text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `@`, or `-` before anything but a plain
 * number): a leading quote makes it text there. `-` before a digit is a formula too when more follows: Excel runs
 * « -2+3+cmd|' /C calc'!A0 » (an API review). Numbers are written as numbers: a negative limit stays -5, and so
 * does a text « -1 000,50 ».
 */
const FORMULA = /^[=+@\t\r]/;
const NEGATIVE_NUMBER = /^-\d[\d \u00a0\u202f]*(?:[.,]\d+)?$/;

function runsAsFormula(text: string): boolean {
  return FORMULA.test(text) || (text.startsWith('-') && !NEGATIVE_NUMBER.test(text));
}

/** Whether a text, its leading quotes set aside, would run as a formula: such a text is written with one more. */
const quotedForSpreadsheets = (text: string) => runsAsFormula(text.replace(/^'+/, ''));

/**
 * A cell as the import reads it: the quote the export put before a text that would run as a formula taken off, so
 * that an export imported again is the same table (« '=HYPERLINK(…) » had come back with its quote, a change to
 * approve). A text of the table starting with quotes before such a text was written with one more, so it comes
 * back whole too.
 */
export function withoutFormulaQuote(cell: string): string {
  return cell.startsWith("'") && quotedForSpreadsheets(cell) ? cell.slice(1) : cell;
}

function cellText(value: Row[string] | undefined, type: string): string {
  if (value === null || value === undefined) return '';
  if (type === 'boolean') return value ? 'oui' : 'non';
  if (type === 'number' && typeof value === 'number') return plain.format(value).replace('.', ',');
  const text = String(value);
  return quotedForSpreadsheets(text) ? `'${text}` : text;
}

/**
 * A table's rows as CSV that its own import reads back to the same rows: separated by semicolons with a decimal
 * comma (what a French spreadsheet opens and saves), booleans oui/non, dates YYYY-MM-DD, a byte-order mark for the
 * accents, and texts that would run as formulas quoted (withoutFormulaQuote takes the quote off on import). Replacing rows by CSV
 * needs the whole table; it could only be typed out again from the grid (a console review).
 */
export async function tableCsv(table: Pick<ReferenceTable, 'columns' | 'rows'>): Promise<string> {
  const names = table.columns.map((c) => c.name);
  const pieces: Row[][] = [];
  for (let at = 0; at < table.rows.length; at += ROWS_PER_PIECE) pieces.push(table.rows.slice(at, at + ROWS_PER_PIECE));
  const written = await mapInTurns(pieces, (rows) =>
    stringify(
      rows.map((row) => table.columns.map((c) => cellText(row[c.name], c.type))),
      { delimiter: ';' },
    ),
  );
  return `\uFEFF${stringify([names.map((name) => cellText(name, 'string'))], { delimiter: ';' })}${written.join('')}`;
}
