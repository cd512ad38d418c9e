import { ValidationError, type ErrorDetail } from '../../common/errors/domain-errors.js';
import { checkColumns } from './columns.js';
import type { ReferenceTable, Row } from './reference-table.js';
import type { ChangeDefinitionRequest } from './reference-tables.contract.js';
import { checkRows } from './rows.js';

type Column = ReferenceTable['columns'][number];

/** A table's definition as a change leaves it, and its rows rebuilt when the columns changed. */
export interface DefinitionChange {
  columns: Column[];
  keyColumn: string;
  /** Names, types, required flags, order or key column changed: the rows were rebuilt for the new columns. */
  columnsChanged: boolean;
  rows: Row[];
  /** What the audit event names: old name → new name, and the columns added, removed or given another type. */
  renamed: Record<string, string>;
  added: string[];
  removed: string[];
  retyped: string[];
}

/** Values refused by a change of columns, listed at most: 20 000 rows of text made numbers would list them all. */
const MAX_LISTED = 50;

/**
 * The columns a definition change asks for, and the rows made to fit them: a column takes the values of the one it
 * was `renamedFrom`, or of the column of its name; a new column starts empty; a removed one takes its values with
 * it. Values of a column given another type are read again from their text (« 12 » becomes 12, 12 becomes « 12 »),
 * as an import reads a cell; « 1,000 » and « 9,975 », a thousand or one, are refused as ambiguous. Nothing is
 * changed when any value does not fit: each is named by its column and row.
 */
export async function changedDefinition(
  table: ReferenceTable,
  request: ChangeDefinitionRequest,
): Promise<DefinitionChange> {
  const columns: Column[] = request.columns.map(({ name, type, required }) => ({
    name,
    type,
    ...(required && { required: true }),
  }));
  checkColumns({ columns, keyColumn: request.keyColumn });
  const sources = sourcesOf(table, request);
  const columnsChanged =
    columns.length !== table.columns.length ||
    request.keyColumn !== table.keyColumn ||
    columns.some((column, j) => {
      const old = table.columns[j]!;
      return (
        sources[j] !== old.name ||
        column.name !== old.name ||
        column.type !== old.type ||
        !!column.required !== !!old.required
      );
    });
  const oldType = new Map(table.columns.map((c) => [c.name, c.type]));
  const kept = new Set(sources.filter((s): s is string => s !== undefined));
  const said = {
    renamed: Object.fromEntries(
      columns.flatMap((c, j) => (sources[j] !== undefined && sources[j] !== c.name ? [[sources[j], c.name]] : [])),
    ),
    added: columns.filter((_, j) => sources[j] === undefined).map((c) => c.name),
    removed: table.columns.filter((c) => !kept.has(c.name)).map((c) => c.name),
    retyped: columns
      .filter((c, j) => sources[j] !== undefined && oldType.get(sources[j]) !== c.type)
      .map((c) => c.name),
  };
  if (!columnsChanged)
    return { columns: table.columns, keyColumn: table.keyColumn, columnsChanged, rows: table.rows, ...said };

  const raw = table.rows.map((row) => {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    columns.forEach((column, j) => {
      const from = sources[j];
      const value = from === undefined ? null : row[from];
      if (value === null || value === undefined) return;
      out[column.name] = oldType.get(from!) === column.type ? value : String(value);
    });
    return out;
  });
  const definition = { columns, keyColumn: request.keyColumn };
  // Text made numbers: « 1,000 » is a thousand or one, as in a CSV separated by commas; refused, never guessed.
  const { rows, problems } = await checkRows(definition, raw, true, (i) => String(i), undefined, true);
  if (problems.length > 0) throw refusal(table, columns, problems);
  return { ...definition, columnsChanged, rows, ...said };
}

/**
 * Where each requested column takes its values from: the column it was `renamedFrom` first, then the column of its
 * own name when no rename took that one (renaming « taux » to « taux_tps » and adding a new « taux » is two columns).
 */
function sourcesOf(table: ReferenceTable, request: ChangeDefinitionRequest): (string | undefined)[] {
  const existing = new Set(table.columns.map((c) => c.name));
  const problems: ErrorDetail[] = [];
  const renamedBy = new Map<string, number>();
  request.columns.forEach((column, j) => {
    const from = column.renamedFrom;
    if (from === undefined) return;
    if (!existing.has(from))
      problems.push({
        path: `/columns/${j}/renamedFrom`,
        message: `names no column of the table`,
        keyword: 'unknownColumn',
        params: { column: from },
      });
    else if (renamedBy.has(from))
      problems.push({
        path: `/columns/${j}/renamedFrom`,
        message: `renames "${from}", which column ${renamedBy.get(from)! + 1} renames too`,
        keyword: 'renamedTwice',
        params: { column: from, other: renamedBy.get(from)! + 1 },
      });
    else renamedBy.set(from, j);
  });
  if (problems.length > 0)
    throw new ValidationError('The columns cannot be changed so; nothing was changed.', problems);
  return request.columns.map(
    (column) =>
      column.renamedFrom ?? (existing.has(column.name) && !renamedBy.has(column.name) ? column.name : undefined),
  );
}

/** The rows' problems (`3/taux`) as problems of the columns that cause them, each naming its row by its key. */
function refusal(table: ReferenceTable, columns: Column[], problems: ErrorDetail[]): ValidationError {
  const details = problems.slice(0, MAX_LISTED).map((problem) => {
    const [index, name] = problem.path.split('/') as [string, string];
    const key = String(table.rows[Number(index)]?.[table.keyColumn] ?? '');
    return {
      ...problem,
      path: `/columns/${columns.findIndex((c) => c.name === name)}`,
      message: `row "${key}": ${problem.message}`,
      params: { ...problem.params, rowKey: key },
    };
  });
  const more = problems.length > MAX_LISTED ? ` (the first ${MAX_LISTED} are listed)` : '';
  return new ValidationError(
    `${problems.length} value(s) of the rows do not fit the new columns${more}; nothing was changed.`,
    details,
  );
}
