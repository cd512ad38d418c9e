import { ValidationError, type ErrorDetail } from '../../common/errors/domain-errors.js';
import { isReservedName } from '../../common/json/reserved-names.js';
import type { ReferenceTable } from './reference-table.js';

/**
 * A column named `__proto__` (or `constructor`, `prototype`) is refused: as a property of a row it reaches the
 * object's prototype instead of holding a cell, and every key then reads "[object Object]".
 */
export function reservedColumnName(path: string, name: string): ErrorDetail {
  return {
    path,
    message: `"${name}" is reserved by JavaScript objects; name this column otherwise`,
    keyword: 'reservedName',
    params: { name },
  };
}

/** A new table's columns: none reserved, each its own name, the key column among them. */
export function checkColumns(table: Pick<ReferenceTable, 'columns' | 'keyColumn'>): void {
  const reserved = table.columns.flatMap((c, i) =>
    isReservedName(c.name) ? [reservedColumnName(`/columns/${i}/name`, c.name)] : [],
  );
  if (isReservedName(table.keyColumn)) reserved.push(reservedColumnName('/keyColumn', table.keyColumn));
  if (reserved.length > 0)
    throw new ValidationError('A column cannot be named __proto__, constructor or prototype.', reserved);
  if (!table.columns.some((c) => c.name === table.keyColumn)) {
    throw new ValidationError('The key column must be one of the columns.', [
      { path: '/keyColumn', message: `"${table.keyColumn}" is not among the columns` },
    ]);
  }
  const duplicate = table.columns.findIndex((c, i) => table.columns.findIndex((d) => d.name === c.name) !== i);
  if (duplicate >= 0)
    throw new ValidationError('Each column needs its own name.', [
      {
        path: `/columns/${duplicate}/name`,
        message: 'is used twice',
        keyword: 'duplicate',
        params: { value: table.columns[duplicate]!.name },
      },
    ]);
}
