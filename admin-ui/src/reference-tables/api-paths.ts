import type { Problem } from '../common/api-error';
import { cellId, type CellProblems, type GridRow } from './cells';

/**
 * Puts the API's row problems (`/rows/3/rate`) on the grid's cells. Row numbers are positions in the rows
 * that were sent, so they are matched to the grid rows as they were then. Problems that name no cell stay apart.
 */
export function cellProblemsFrom(
  problem: Problem,
  sent: GridRow[],
): { cells: CellProblems; other: Problem['details'] } {
  const cells: CellProblems = new Map();
  const other: Problem['details'] = [];
  for (const detail of problem.details) {
    const match = /^\/rows\/(\d+)\/([^/]+)$/.exec(detail.path);
    const row = match ? sent[Number(match[1])] : undefined;
    if (!match || !row) {
      other.push(detail);
      continue;
    }
    const id = cellId(row.uid, match[2]!);
    cells.set(id, [...(cells.get(id) ?? []), detail.message]);
  }
  return { cells, other };
}

/** One problem of a CSV import as the table shows it: the spreadsheet's line number (header = 1) and the column. */
export interface CsvLineProblem {
  line?: number;
  column?: string;
  message: string;
  /** `en` when no wording in the console's language knew the API's message. */
  lang?: 'en';
}

/** `/csv/line/3/name` → line 3, column name; `/csv/line/7` (unreadable line) → line 7; `/csv` → the file as a whole. */
export function csvLineProblems(problem: Problem): CsvLineProblem[] {
  return problem.details.map((detail) => {
    const match = /^\/csv\/line\/(\d+)(?:\/(.+))?$/.exec(detail.path);
    const said = { message: detail.message, ...(detail.lang && { lang: detail.lang }) };
    if (!match) return said;
    return { line: Number(match[1]), ...(match[2] !== undefined && { column: match[2] }), ...said };
  });
}

/**
 * The form errors react-admin puts on its inputs, from the API's details: `/columns/0/name` → { columns: { 0: { name } } }.
 * Several messages on one field are joined.
 */
export function formErrorsFrom(details: Problem['details']): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  for (const { path, message } of details) {
    const parts = path
      .split('/')
      .slice(1)
      .filter((p) => p !== '');
    if (parts.length === 0) continue;
    let node = errors;
    parts.slice(0, -1).forEach((part) => {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    });
    const last = parts[parts.length - 1]!;
    node[last] = typeof node[last] === 'string' ? `${node[last] as string} ; ${message}` : message;
  }
  return errors;
}
