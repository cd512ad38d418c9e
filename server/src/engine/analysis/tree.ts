import { pointer, type Report } from './findings.js';
import { negateFormula, toFormula, type Formula, type FormulaContext } from './formula.js';
import { solve, type Outcome } from './solver.js';
import { joined, quoted, words, type Words } from './words.js';

type Json = Record<string, unknown>;
type Seed = Parameters<typeof solve>[1];

/**
 * Decision trees, read as compileDecisionTree runs them: a branch is taken when its `when` holds and no
 * earlier sibling's does, `otherwise` when none does. A `when` that cannot hold alone is a `contradiction`;
 * one that cannot hold with the conditions on the path to it, or that earlier siblings always take first,
 * is `unreachable`. Below a branch found so, nothing more is reported.
 */
export function analyseTree(definition: Json, seed: Seed, ctx: FormulaContext, report: Report): void {
  report.examined(
    words(
      'les branches de l’arbre qui ne peuvent jamais être prises, les conditions contradictoires sur un chemin',
      'tree branches that can never be taken, and contradictory conditions on a path',
    ),
  );
  walk(definition['root'] as Json, pointer('definition', 'root'), [], seed, ctx, report);
}

function walk(node: Json, at: string, path: Formula[], seed: Seed, ctx: FormulaContext, report: Report): void {
  const branches = (node['branches'] ?? []) as Json[];
  const earlier: Formula[] = [];
  branches.forEach((branch, i) => {
    const branchAt = `${at}${pointer('branches', i)}`;
    const when = toFormula(branch['when'] as Json, `${branchAt}/when`, ctx);
    const guards = earlier.map(negateFormula);
    earlier.push(when);
    const label = String(branch['label'] ?? (branch['node'] as Json)['id']);
    const branchFr = `la branche ${quoted(label).fr}`;
    const verdict = decide(
      [
        [
          [when],
          'contradiction',
          'error',
          words(
            `${branchFr} ne peut jamais être prise : ses conditions se contredisent`,
            `branch "${label}" can never be taken: its conditions contradict each other`,
          ),
        ],
        [
          [...path, when],
          'unreachable',
          'warning',
          words(
            `${branchFr} ne peut jamais être prise, vu les conditions du chemin qui y mène`,
            `branch "${label}" can never be taken given the conditions on the path to it`,
          ),
        ],
        [
          [...path, when, ...guards],
          'unreachable',
          'warning',
          words(
            `${branchFr} n’est jamais prise : les branches précédentes prennent toutes les entrées qui lui correspondent`,
            `branch "${label}" is never taken: earlier branches take every input it matches`,
          ),
        ],
      ],
      seed,
      `${branchAt}/when`,
      report,
    );
    if (verdict) walk(branch['node'] as Json, `${branchAt}/node`, [...path, when, ...guards], seed, ctx, report);
  });
  if (node['otherwise']) {
    const guards = earlier.map(negateFormula);
    const otherwiseAt = `${at}/otherwise`;
    // A fallback the branches happen to cover is often kept on purpose: info, not warning.
    const verdict = decide(
      [
        [
          [...path, ...guards],
          'unreachable',
          'info',
          words(
            `${quoted('Sinon').fr} n’est jamais pris : les branches précédentes couvrent toutes les entrées`,
            `"otherwise" is never taken: the branches before it cover every input`,
          ),
        ],
      ],
      seed,
      otherwiseAt,
      report,
    );
    if (verdict) walk(node['otherwise'] as Json, otherwiseAt, [...path, ...guards], seed, ctx, report);
  }
}

type Check = [Formula[], 'contradiction' | 'unreachable', 'error' | 'warning' | 'info', Words];

/** Runs the checks in order; the first that proves "never" is reported. True when the branch may be taken. */
function decide(checks: Check[], seed: Seed, at: string, report: Report): boolean {
  for (const [formulas, kind, severity, message] of checks) {
    const outcome: Outcome = solve(formulas, seed);
    if (outcome.result === 'unsat') {
      report.add(kind, severity, at, message);
      return false;
    }
    if (outcome.result === 'unknown') {
      const why = joined(outcome.reasons);
      report.skip(
        at,
        words(
          `on ne sait pas si elle peut être prise : ${why.fr}`,
          `whether it can be taken is not decided: ${why.en}`,
        ),
      );
      return true;
    }
  }
  return true;
}
