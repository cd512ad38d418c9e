import type { Evaluate, Node } from './condition-nodes.js';
import type { FactSource } from './fact-read.js';

// How json-rules-engine evaluates an all/any group: by priority sets, short-circuiting only between sets.

/** Rule.prioritizeConditions, literally: a condition's own priority, else its fact's (always 1 here). */
export function prioritize(children: Node[]): Node[][] {
  const sets: Record<string, Node[]> = {};
  for (const child of children) (sets[String(child.priority || 1)] ??= []).push(child);
  return Object.keys(sets)
    .sort((a, b) => (Number(a) > Number(b) ? -1 : 1))
    .map((p) => sets[p]!);
}
// prioritizeAndRun: every condition of a set is evaluated; the next set only if the result is still open.
export function groupEvaluator(kind: 'all' | 'any', children: Node[], sets: Node[][]): Evaluate {
  if (children.length === 0) return () => true; // the library's answer for an empty `any` too
  if (children.length === 1) return children[0]!.run;
  // Functions, not nodes, in the loops: node shapes differ, a closure call does not.
  const runs = sets.map((set) => set.map((c) => c.run));
  const all = kind === 'all';
  if (runs.length === 1) {
    const set = runs[0]!;
    if (set.length === 2) {
      const [first, second] = set as [Evaluate, Evaluate];
      // Both run whatever the first gives: no short-circuit inside a set.
      return all
        ? (s, rec, base) => {
            const a = first(s, rec, base) === true;
            return second(s, rec, base) === true && a;
          }
        : (s, rec, base) => {
            const a = first(s, rec, base) === true;
            return second(s, rec, base) === true || a;
          };
    }
    return (s, rec, base) => evaluateSet(set, all, s, rec, base);
  }
  return (s, rec, base) => {
    for (let i = 0; i < runs.length; i++) {
      const met = evaluateSet(runs[i]!, all, s, rec, base);
      if (all ? !met : met) return met;
    }
    return all;
  };
}
/** `every`/`some` over a set whose conditions all run (Promise.all in the library: no short-circuit inside a set). */
function evaluateSet(set: Evaluate[], all: boolean, s: FactSource, rec: unknown[], base: number): boolean {
  let met = all;
  for (let i = 0; i < set.length; i++) {
    const r = set[i]!(s, rec, base) === true;
    if (all ? !r : r) met = !all;
  }
  return met;
}
