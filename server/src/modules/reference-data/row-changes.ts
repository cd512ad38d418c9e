import { timeSlices } from '../../common/async/time-slices.js';
import {
  MAX_SHOWN_CHANGES,
  type PendingChange,
  type ReferenceTable,
  type Row,
  type RowChange,
} from './reference-table.js';

/**
 * The rows added, removed or changed by key (the first ones, for a reviewer), and how many of each. Two tables
 * of 20 000 rows take longer than the event loop may be held: the comparison goes a slice at a time.
 */
export async function rowChanges(
  table: Pick<ReferenceTable, 'columns' | 'keyColumn' | 'rows'>,
  rows: Row[],
): Promise<{ changes: RowChange[]; counts: PendingChange['counts'] }> {
  const slice = timeSlices();
  const before = new Map<string, Row>();
  for (const row of table.rows) {
    before.set(String(row[table.keyColumn]), row);
    await slice();
  }
  const changes: RowChange[] = [];
  const counts = { added: 0, removed: 0, changed: 0 };
  const note = (key: string, was: Row | null, is: Row | null) => {
    counts[!was ? 'added' : !is ? 'removed' : 'changed'] += 1;
    if (changes.length < MAX_SHOWN_CHANGES) changes.push({ key, before: was, after: is });
  };
  const kept = new Set<string>();
  for (const row of rows) {
    const key = String(row[table.keyColumn]);
    const was = before.get(key) ?? null;
    kept.add(key);
    if (!was || !sameCells(table, was, row)) note(key, was, row);
    await slice();
  }
  for (const [key, was] of before) if (!kept.has(key)) note(key, was, null);
  return { changes, counts };
}

/** Cell by cell, so that the order a row's cells were stored in does not count as a change. */
function sameCells(table: Pick<ReferenceTable, 'columns'>, a: Row, b: Row): boolean {
  return table.columns.every((c) => (a[c.name] ?? null) === (b[c.name] ?? null));
}
