/** Who may change reference tables: the roles on the server's create, rows, import and delete routes. */
export const EDITOR_ROLES = ['analyst', 'admin'];

export function canEditTables(roles: readonly string[] | undefined): boolean {
  return (roles ?? []).some((role) => EDITOR_ROLES.includes(role));
}
