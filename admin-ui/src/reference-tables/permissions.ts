import { may } from '../layout/access';

/** Who may change reference tables: the roles on the server's create, rows, import and delete routes. */
export function canEditTables(roles: readonly string[] | undefined): boolean {
  return may('editReferenceTables', roles);
}
