import { budgetSpent, type WorkBudget, type Turns } from './budget.js';
import { pointer, type Report } from './findings.js';
import { negateFormula, toFormula, type Formula, type FormulaContext } from './formula.js';
import { solveInSteps, type Outcome } from './solver.js';
import type { Steps } from '../../common/async/steps.js';
import { counted, joined, quoted, words, type Words } from './words.js';

type Json = Record<string, unknown>;
type Seed = Parameters<typeof solveInSteps>[1];

/** What the walk shares: the analysis budget, and the branches left unexamined once it is spent. */
interface Walk {
  seed: Seed;
  ctx: FormulaContext;
  report: Report;
  budget: WorkBudget;
  unexamined: string[];
}

/**
 * Decision trees, read as compileDecisionTree runs them: a branch is taken when its `when` holds and no
 * earlier sibling's does, `otherwise` when none does. A `when` that cannot hold alone is a `contradiction`;
 * one that cannot hold with the conditions on the path to it, or that earlier siblings always take first,
 * is `unreachable`. Below a branch found so, nothing more is reported.
 */
export function* analyseTree(
  definition: Json,
  seed: Seed,
  ctx: FormulaContext,
  report: Report,
  budget: WorkBudget,
): Turns {
  report.examined(
    words(
      'les branches de l’arbre qui ne peuvent jamais être prises, les conditions contradictoires sur un chemin',
      'tree branches that can never be taken, and contradictory conditions on a path',
    ),
  );
  const w: Walk = { seed, ctx, report, budget, unexamined: [] };
  yield* walk(definition['root'] as Json, pointer('definition', 'root'), [], w);
  // Once the budget is spent, the branches left are named by the first of them and counted, not listed.
  const [first, ...others] = w.unexamined;
  if (first) {
    const n = counted(others.length);
    report.skip(
      first,
      words(
        others.length > 0
          ? `on ne sait pas si cette branche et ${n.fr} autres après elle peuvent être prises : ${budgetSpent.fr}`
          : `on ne sait pas si cette branche peut être prise : ${budgetSpent.fr}`,
        `whether this branch${others.length > 0 ? ` and ${n.en} more after it` : ''} can be taken is not decided: ${budgetSpent.en}`,
      ),
    );
  }
}

function* walk(node: Json, at: string, path: Formula[], w: Walk): Turns {
  const { ctx } = w;
  const branches = (node['branches'] ?? []) as Json[];
  const earlier: Formula[] = [];
  for (const [i, branch] of branches.entries()) {
    yield;
    const branchAt = `${at}${pointer('branches', i)}`;
    const when = toFormula(branch['when'] as Json, `${branchAt}/when`, ctx);
    // Past the budget nothing is searched, so the guards (as many as earlier siblings) are not built either.
    const guards = w.budget.spent ? [] : earlier.map(negateFormula);
    earlier.push(when);
    const label = String(branch['label'] ?? (branch['node'] as Json)['id']);
    const verdict = yield* decide(
      [
        [
          [when],
          'contradiction',
          'error',
          () =>
            words(
              `la branche ${quoted(label).fr} ne peut jamais être prise : ses conditions se contredisent`,
              `branch "${label}" can never be taken: its conditions contradict each other`,
            ),
        ],
        [
          [...path, when],
          'unreachable',
          'warning',
          () =>
            words(
              `la branche ${quoted(label).fr} ne peut jamais être prise, vu les conditions du chemin qui y mène`,
              `branch "${label}" can never be taken given the conditions on the path to it`,
            ),
        ],
        [
          [...path, when, ...guards],
          'unreachable',
          'warning',
          () =>
            words(
              `la branche ${quoted(label).fr} n’est jamais prise : les branches précédentes prennent toutes les entrées qui lui correspondent`,
              `branch "${label}" is never taken: earlier branches take every input it matches`,
            ),
        ],
      ],
      `${branchAt}/when`,
      w,
    );
    if (verdict) yield* walk(branch['node'] as Json, `${branchAt}/node`, [...path, when, ...guards], w);
  }
  if (node['otherwise']) {
    const guards = w.budget.spent ? [] : earlier.map(negateFormula);
    const otherwiseAt = `${at}/otherwise`;
    // A fallback the branches happen to cover is often kept on purpose: info, not warning.
    const verdict = yield* decide(
      [
        [
          [...path, ...guards],
          'unreachable',
          'info',
          () =>
            words(
              `${quoted('Sinon').fr} n’est jamais pris : les branches précédentes couvrent toutes les entrées`,
              `"otherwise" is never taken: the branches before it cover every input`,
            ),
        ],
      ],
      otherwiseAt,
      w,
    );
    if (verdict) yield* walk(node['otherwise'] as Json, otherwiseAt, [...path, ...guards], w);
  }
}

// The message is written only when the check proves its point: a wide tree has thousands of branches, few dead.
type Check = [Formula[], 'contradiction' | 'unreachable', 'error' | 'warning' | 'info', () => Words];

/** Runs the checks in order; the first that proves "never" is reported. True when the branch may be taken. */
function* decide(checks: Check[], at: string, w: Walk): Steps<boolean> {
  const { report } = w;
  if (w.budget.spent) {
    w.unexamined.push(at);
    return true;
  }
  for (const [formulas, kind, severity, message] of checks) {
    const outcome: Outcome = yield* solveInSteps(formulas, w.seed, w.budget);
    if (outcome.result === 'unsat') {
      report.add(kind, severity, at, message());
      return false;
    }
    if (outcome.result === 'unknown') {
      const why = joined(outcome.reasons);
      report.skip(
        at,
        words(
          `on ne sait pas si cette branche peut être prise : ${why.fr}`,
          `whether this branch can be taken is not decided: ${why.en}`,
        ),
      );
      return true;
    }
  }
  return true;
}
