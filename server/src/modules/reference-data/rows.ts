import type { ErrorDetail } from '../../common/errors/domain-errors.js';
import type { ReferenceTable, Row } from './reference-table.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks and converts rows against the table's columns. `raw` rows come from JSON or CSV (all text); each
 * problem names its row and column, e.g. `/rows/4/price`. Duplicate keys are problems too.
 */
export function checkRows(
  table: Pick<ReferenceTable, 'columns' | 'keyColumn'>,
  raw: Record<string, unknown>[],
  fromText: boolean,
  basePath = '/rows',
): { rows: Row[]; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  const known = new Set(table.columns.map((c) => c.name));
  raw.forEach((input, i) => {
    // No prototype: a cell can never reach Object.prototype, whatever a column or a CSV header is named.
    const row: Row = Object.create(null) as Row;
    for (const name of Object.keys(input))
      if (!known.has(name))
        problems.push({ path: `${basePath}/${i}/${name}`, message: 'is not a column of this table' });
    for (const column of table.columns) {
      const value = convert(Object.hasOwn(input, column.name) ? input[column.name] : undefined, column.type, fromText);
      const path = `${basePath}/${i}/${column.name}`;
      if (value === undefined)
        problems.push({
          path,
          message: `must be a ${column.type}${column.type === 'date' ? ' (YYYY-MM-DD)' : ''}`,
          // Not JSON Schema's `type`: a column's types include date, and a table words them its own way.
          keyword: 'cellType',
          params: { type: column.type },
        });
      else if (value === null && (column.required || column.name === table.keyColumn))
        problems.push({ path, message: 'is required', keyword: 'required' });
      else row[column.name] = value;
    }
    const key = row[table.keyColumn];
    if (key !== null && key !== undefined) {
      const first = seen.get(String(key));
      if (first !== undefined)
        problems.push({
          path: `${basePath}/${i}/${table.keyColumn}`,
          message: `repeats the key "${String(key)}" of row ${first}`,
        });
      else seen.set(String(key), i);
    }
    rows.push(row);
  });
  return { rows, problems };
}

/** The value as its column's type; null when empty; undefined when it cannot be one. */
function convert(value: unknown, type: string, fromText: boolean): string | number | boolean | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  if (type === 'string') return typeof value === 'string' ? value : fromText ? String(value) : undefined;
  if (type === 'number') {
    if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
    // CSV from French spreadsheets writes 1 234,56: accept a decimal comma and spaces as thousands separators.
    const text =
      typeof value === 'string' && fromText ? value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.') : undefined;
    return text !== undefined && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
  }
  if (type === 'boolean') {
    if (typeof value === 'boolean') return value;
    const text = typeof value === 'string' && fromText ? value.trim().toLowerCase() : '';
    return ['true', 'oui', 'yes', '1'].includes(text)
      ? true
      : ['false', 'non', 'no', '0'].includes(text)
        ? false
        : undefined;
  }
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
}
