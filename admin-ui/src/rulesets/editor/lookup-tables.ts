/** A reference table as the list of tables gives it: what a lookup's check needs of it. */
export interface TableSummary {
  key: string;
  columns: { name: string }[];
}

/** A lookup that will find no row whatever the facts: its table does not exist, or has no such column. */
export interface LookupTableProblem {
  fact: string;
  table: string;
  column?: string;
}

/**
 * The lookups, as the analyst wrote them, that name a table not in `tables`, or a `column` their table lacks. A
 * version may be saved and published so (its table may be created later, as a change an approver sees), and the
 * lookup then finds no row: nothing on the server says so while the table is missing, so the editor does. Entries
 * that are not lookups yet (text being typed) are left to the server's checks.
 */
export function lookupTableProblems(lookups: unknown, tables: readonly TableSummary[]): LookupTableProblem[] {
  if (!Array.isArray(lookups)) return [];
  const byKey = new Map(tables.map((table) => [table.key, table]));
  const problems: LookupTableProblem[] = [];
  for (const lookup of lookups as unknown[]) {
    if (lookup === null || typeof lookup !== 'object') continue;
    const { fact, table, column } = lookup as Record<string, unknown>;
    if (typeof fact !== 'string' || typeof table !== 'string') continue;
    const found = byKey.get(table);
    if (!found) problems.push({ fact, table });
    else if (typeof column === 'string' && !found.columns.some((c) => c.name === column))
      problems.push({ fact, table, column });
  }
  return problems;
}
