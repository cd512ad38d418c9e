import type { ConditionProblem } from './condition-model';

/** Messages by JSON Pointer (relative to the definition), from the live checks and from the API's last answer. */
export type ProblemMap = ReadonlyMap<string, string[]>;

export function mergeProblems(...maps: ProblemMap[]): Map<string, string[]> {
  const merged = new Map<string, string[]>();
  for (const map of maps)
    for (const [path, messages] of map) merged.set(path, [...(merged.get(path) ?? []), ...messages]);
  return merged;
}

/** Live condition problems under a prefix (such as /rules/2/conditions), worded by translate. */
export function conditionProblems(
  problems: ConditionProblem[],
  prefix: string,
  translate: (key: string, args?: object) => string,
): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of problems) {
    const path = `${prefix}${p.path === '/' ? '' : p.path}`;
    map.set(path, [...(map.get(path) ?? []), translate(`gabarit.editors.problems.${p.problem}`, p.args)]);
  }
  return map;
}

/** How many problems lie at or under a path (to flag a collapsed rule or row that needs attention). */
export function countUnder(problems: ProblemMap, prefix: string): number {
  let count = 0;
  for (const [path, messages] of problems)
    if (path === prefix || path.startsWith(`${prefix}/`)) count += messages.length;
  return count;
}
