import type { ErrorDetail } from '../../common/errors/domain-errors.js';
import { timeSlices } from '../../common/async/time-slices.js';
import { ambiguousComma, convertCell, FIRST_DATE, inexactInteger, LAST_DATE } from './cells.js';
import type { ReferenceTable, Row } from './reference-table.js';
import { pointerSegment } from '../../common/json/json-pointer.js';

/** Where the first row of a repeated key is: its index in the rows sent, or its line in the CSV file. */
export type RowPlace = { row: number } | { line: number };

/** A cell or header naming no column of the table; `params.column` lets a client word it. */
export function unknownColumn(path: string, column: string): ErrorDetail {
  return { path, message: 'is not a column of this table', keyword: 'unknownColumn', params: { column } };
}

/**
 * Checks and converts rows against the table's columns, a slice at a time (20 000 rows would hold the event loop).
 * `raw` rows come from JSON or CSV (all text); each problem names its row and column, e.g. `/rows/4/price`, or the
 * CSV line through `rowPath`. Duplicate keys are problems too.
 */
export async function checkRows(
  table: Pick<ReferenceTable, 'columns' | 'keyColumn'>,
  raw: Record<string, unknown>[],
  fromText: boolean,
  rowPath: (index: number) => string = (i) => `/rows/${i}`,
  /** How a problem names another row: `{row: 3}` (its index) in JSON, `{line: 5}` (as a spreadsheet numbers it) in CSV. */
  place: (index: number) => RowPlace = (i) => ({ row: i }),
  /** Text from a CSV separated by commas: « 1,000 » is refused as ambiguous (cells.ts AMBIGUOUS_COMMA). */
  commaMayGroup = false,
): Promise<{ rows: Row[]; problems: ErrorDetail[] }> {
  const problems: ErrorDetail[] = [];
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  const known = new Set(table.columns.map((c) => c.name));
  const slice = timeSlices();
  for (const [i, input] of raw.entries()) {
    await slice();
    // No prototype: a cell can never reach Object.prototype, whatever a column or a CSV header is named.
    const row: Row = Object.create(null) as Row;
    for (const name of Object.keys(input))
      if (!known.has(name)) problems.push(unknownColumn(`${rowPath(i)}/${pointerSegment(name)}`, name));
    for (const column of table.columns) {
      const value = convertCell(
        Object.hasOwn(input, column.name) ? input[column.name] : undefined,
        column.type,
        fromText,
        commaMayGroup,
      );
      const path = `${rowPath(i)}/${column.name}`;
      const raw = input[column.name];
      if (
        value === undefined &&
        column.type === 'number' &&
        typeof raw === 'string' &&
        inexactInteger(raw.replace(/[\s\u00a0\u202f]/g, ''))
      )
        problems.push({
          path,
          message: 'is an integer of more digits than a number holds exactly: keep such identifiers in a text column',
          keyword: 'inexactNumber',
        });
      else if (
        value === undefined &&
        fromText &&
        column.type === 'number' &&
        typeof raw === 'string' &&
        ambiguousComma(raw)
      )
        problems.push({
          path,
          message: `is ambiguous in a file separated by commas: "${raw.trim()}" is a decimal with a comma in French and a thousands separator in English; write it without the comma (1000), or with a decimal point (1.0)`,
          keyword: 'ambiguousNumber',
          params: { text: raw.trim() },
        });
      else if (value === undefined)
        problems.push({
          path,
          message: `must be a ${column.type}${column.type === 'date' ? ` YYYY-MM-DD, from ${FIRST_DATE} to ${LAST_DATE}` : ''}`,
          // Not JSON Schema's `type`: a column's types include date, and a table words them its own way.
          keyword: 'cellType',
          params: { type: column.type },
        });
      else if (value === null && (column.required || column.name === table.keyColumn))
        problems.push({ path, message: 'is required', keyword: 'required' });
      else row[column.name] = value;
    }
    const key = row[table.keyColumn];
    if (typeof key === 'string' && key !== key.trim())
      // A CSV import trims its cells: merging " a " and "a" would make two rows of one key.
      problems.push({
        path: `${rowPath(i)}/${table.keyColumn}`,
        message: 'begins or ends with spaces: write the key without them, as a CSV import reads it',
        keyword: 'keySpaces',
      });
    else if (key !== null && key !== undefined) {
      const first = seen.get(String(key));
      if (first !== undefined) {
        const other = place(first);
        const named = 'row' in other ? `row ${other.row}` : `line ${other.line}`;
        problems.push({
          path: `${rowPath(i)}/${table.keyColumn}`,
          message: `repeats the key "${String(key)}" of ${named}`,
          keyword: 'repeatedKey',
          params: { key: String(key), ...other },
        });
      } else seen.set(String(key), i);
    }
    rows.push(row);
  }
  return { rows, problems };
}
