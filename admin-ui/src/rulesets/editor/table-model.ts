import { moveAt, removeAt, setAt } from './json-pointer';

/** A decision table as the server stores it (server/src/engine: hit policy first, collect, unique or any; rows in order). */
export interface TableInput {
  id: string;
  label?: string;
  fact: string;
  path?: string;
}
export interface TableCell {
  operator: string;
  value: unknown;
}
export interface TableRow {
  id: string;
  cells: Record<string, TableCell | undefined>;
  event: { type: string; params?: Record<string, unknown> };
  explanation?: { fr?: string; en?: string };
}
export interface DecisionTable {
  hitPolicy: 'first' | 'collect' | 'unique' | 'any';
  inputs: TableInput[];
  rows: TableRow[];
}

/** A fresh id that none of the existing ones uses: row-3, input-2… */
export function freshId(prefix: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

/**
 * A new row, last, or just before a last row that matches everything when the first matching row decides: after
 * that default row it could never match (a console review saw « Jamais atteinte » only after saving).
 */
export function addRow(table: DecisionTable): DecisionTable {
  const id = freshId(
    'row',
    table.rows.map((r) => r.id),
  );
  const last = table.rows[table.rows.length - 1];
  const beforeDefault = table.hitPolicy === 'first' && last !== undefined && Object.keys(last.cells).length === 0;
  const at = beforeDefault ? table.rows.length - 1 : table.rows.length;
  const previous = table.rows[at - 1];
  const row = { id, cells: {}, event: { type: previous?.event.type ?? '' } };
  return { ...table, rows: [...table.rows.slice(0, at), row, ...table.rows.slice(at)] };
}

export function moveRow(table: DecisionTable, index: number, by: -1 | 1): DecisionTable {
  return moveAt(table, ['rows', index], by);
}

export function removeRow(table: DecisionTable, index: number): DecisionTable {
  return removeAt(table, ['rows', index]);
}

export function addInput(table: DecisionTable, input: Omit<TableInput, 'id'> & { id?: string }): DecisionTable {
  const id =
    input.id ||
    freshId(
      'input',
      table.inputs.map((i) => i.id),
    );
  return { ...table, inputs: [...table.inputs, { ...input, id }] };
}

export function moveInput(table: DecisionTable, index: number, by: -1 | 1): DecisionTable {
  return moveAt(table, ['inputs', index], by);
}

/** Removing a column also removes its cells, so no row keeps a test on an input that no longer exists. */
export function removeInput(table: DecisionTable, index: number): DecisionTable {
  const id = table.inputs[index]?.id;
  const rows = table.rows.map((row) => {
    const { [id ?? '']: _dropped, ...cells } = row.cells;
    return { ...row, cells };
  });
  return { ...removeAt(table, ['inputs', index]), rows };
}

/** Sets one cell; an empty operator means "any value" and removes the cell. */
export function setCell(
  table: DecisionTable,
  rowIndex: number,
  inputId: string,
  cell: TableCell | undefined,
): DecisionTable {
  return cell
    ? setAt(table, ['rows', rowIndex, 'cells', inputId], cell)
    : removeAt(table, ['rows', rowIndex, 'cells', inputId]);
}
