/** The column types a reference table knows (server: reference-data/reference-table.ts). */
export const COLUMN_TYPES = ['string', 'number', 'boolean', 'date'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export type CellValue = string | number | boolean | null;
export interface Column {
  name: string;
  type: ColumnType;
  required?: boolean;
}

/** What a cell's text means for its column: a value (null when empty) or why it cannot be one. */
export type ParsedCell = { value: CellValue } | { error: ColumnType | 'number_ambiguous' };

/** « 1,000 »: 1 to a French reader, 1000 to an English one (server: reference-data/cells.ts AMBIGUOUS_COMMA). */
const AMBIGUOUS_COMMA = /^-?[1-9]\d{0,2},\d{3}$/;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FIRST_DATE = '1900-01-01';
const TRUE_WORDS = ['true', 'oui', 'yes', '1', 'vrai'];
const FALSE_WORDS = ['false', 'non', 'no', '0', 'faux'];

/**
 * Reads a cell's text as its column's type; French numbers (1 234,56) are accepted like the CSV import. In English,
 * where the comma groups thousands, « 1,000 » is refused as ambiguous: it was saved as 1 (a console review).
 */
export function parseCell(text: string, type: ColumnType, locale = 'fr'): ParsedCell {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  if (type === 'string') return { value: trimmed };
  if (type === 'number') {
    const compact = trimmed.replace(/[\s\u00a0\u202f]/g, '');
    if (locale === 'en' && AMBIGUOUS_COMMA.test(compact)) return { error: 'number_ambiguous' };
    const normalised = compact.replace(',', '.');
    return /^-?\d+(\.\d+)?$/.test(normalised) ? { value: Number(normalised) } : { error: 'number' };
  }
  if (type === 'boolean') {
    const word = trimmed.toLowerCase();
    return TRUE_WORDS.includes(word)
      ? { value: true }
      : FALSE_WORDS.includes(word)
        ? { value: false }
        : { error: 'boolean' };
  }
  // A real calendar day: 2026-02-30 is refused rather than rolled over to March. From 1900, as the server
  // (reference-data/cells.ts): an earlier year is a typo, and year 0000 is none.
  const day = new Date(`${trimmed}T00:00:00Z`);
  return ISO_DATE.test(trimmed) &&
    trimmed >= FIRST_DATE &&
    !Number.isNaN(day.getTime()) &&
    day.toISOString().startsWith(trimmed)
    ? { value: trimmed }
    : { error: 'date' };
}

// Thousands apart with a no-break space in both languages: SI's grouping, which parseCell reads back in either
// (an English comma would be read back as a decimal comma, the CSV import's French one).
const THOUSANDS = new Intl.NumberFormat('fr-CA', { useGrouping: true });

/**
 * A stored value as the text its cell shows: 250 000 rather than 250000, a decimal comma in French, booleans as
 * true/false for the select. The digits are the number's shortest exact form (String), only grouped: formatting
 * the whole number would show binary noise (0,1000000000000000055…) or round it.
 */
export function formatCell(value: CellValue | undefined, type: ColumnType, locale: string): string {
  if (value === null || value === undefined) return '';
  if (type === 'number' && typeof value === 'number') {
    const parts = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(value));
    // 1e+21 and beyond keep their exponent: there are no digits to group.
    if (!parts) return String(value);
    const [, sign, whole, fraction] = parts;
    const grouped = THOUSANDS.format(BigInt(whole!)).replace(/\s/g, '\u00a0');
    return `${sign}${grouped}${fraction === undefined ? '' : (locale === 'fr' ? ',' : '.') + fraction}`;
  }
  return String(value);
}

/** One row of the grid: a stable id (so deleting a row keeps the others' inputs) and each cell's text. */
export interface GridRow {
  uid: number;
  cells: Record<string, string>;
}

/** Cell problems keyed by `${uid}/${column}`; the message is a translation key or the server's text. */
export type CellProblems = Map<string, string[]>;

export const cellId = (uid: number, column: string) => `${uid}/${column}`;

/** Turns the grid into rows for the API, or says which cells cannot be read (nothing is sent then). */
export function gridToRows(
  grid: GridRow[],
  columns: Column[],
  locale = 'fr',
): { rows: Record<string, CellValue>[]; problems: CellProblems } {
  const problems: CellProblems = new Map();
  const rows = grid.map((row) => {
    const out: Record<string, CellValue> = {};
    for (const column of columns) {
      const parsed = parseCell(row.cells[column.name] ?? '', column.type, locale);
      if ('error' in parsed)
        problems.set(cellId(row.uid, column.name), [`gabarit.reference_tables.cell_errors.${parsed.error}`]);
      else out[column.name] = parsed.value;
    }
    return out;
  });
  return { rows, problems };
}

/** The grid for a table's rows; uids continue from `firstUid`. */
export function rowsToGrid(
  rows: Record<string, CellValue>[],
  columns: Column[],
  locale: string,
  firstUid = 0,
): GridRow[] {
  return rows.map((row, i) => ({
    uid: firstUid + i,
    cells: Object.fromEntries(columns.map((c) => [c.name, formatCell(row[c.name], c.type, locale)])),
  }));
}
