import type { Steps } from '../../common/async/steps.js';
import { budgetSpent, type WorkBudget, type Turns } from './budget.js';
import { pointer, type Report } from './findings.js';
import { negateFormula, toFormula, type Formula, type FormulaContext } from './formula.js';
import { solve, solveInSteps } from './solver.js';
import { joined, quoted, quotedList, words, type Words } from './words.js';

type Json = Record<string, unknown>;
type Seed = Parameters<typeof solve>[1];

/**
 * `rules`: a rule whose conditions can never hold (`contradiction`), and a rule another rule with the same
 * event always accompanies (`subsumed`: whenever it fires, the other fires too, so it adds nothing).
 */
export function* analyseRules(
  definition: Json,
  seed: Seed,
  ctx: FormulaContext,
  report: Report,
  budget: WorkBudget,
): Turns {
  const named = (definition['conditions'] ?? {}) as Record<string, Json>;
  // Named conditions' leaves are checked once, where they are written.
  for (const [name, condition] of Object.entries(named))
    toFormula(condition, pointer('definition', 'conditions', name), ctx);
  report.examined(
    words(
      'les règles dont les conditions ne peuvent jamais être remplies, les règles qu’une autre au même événement englobe',
      'rules whose conditions can never hold, rules subsumed by another with the same event',
    ),
  );
  const rules: { name: string; at: string; event: string; formula: Formula }[] = [];
  for (const [index, rule] of (definition['rules'] as Json[]).entries()) {
    // A rule at the size limit holds thousands of conditions: each is read in a step of its own.
    yield;
    rules.push({
      name: String(rule['name']),
      at: pointer('definition', 'rules', index),
      event: JSON.stringify(rule['event']),
      formula: toFormula(rule['conditions'] as Json, pointer('definition', 'rules', index, 'conditions'), ctx),
    });
  }
  const possible: typeof rules = [];
  const unsolved: string[] = [];
  for (const rule of rules) {
    // Past the budget a rule is not searched, and kept as possible (never read as "can fire").
    if (budget.spent) {
      unsolved.push(rule.name);
      possible.push(rule);
      continue;
    }
    yield;
    const outcome = yield* solveInSteps([rule.formula], seed, budget);
    if (outcome.result === 'unsat') {
      report.add(
        'contradiction',
        'error',
        rule.at,
        words(
          `la règle ${quoted(rule.name).fr} ne peut jamais s’appliquer : ses conditions se contredisent`,
          `rule "${rule.name}" can never fire: its conditions contradict each other`,
        ),
      );
    } else {
      if (outcome.result === 'unknown') {
        const why = joined(outcome.reasons);
        report.skip(
          rule.at,
          words(
            `on ne sait pas si la règle ${quoted(rule.name).fr} peut s’appliquer : ${why.fr}`,
            `whether rule "${rule.name}" can fire is not decided: ${why.en}`,
          ),
        );
      }
      possible.push(rule);
    }
  }
  if (unsolved.length > 0) {
    report.skip(
      '/definition/rules',
      words(
        `on ne sait pas si ${ruleList(unsolved).fr} ${unsolved.length === 1 ? 'peut' : 'peuvent'} s’appliquer : ${budgetSpent.fr}`,
        `whether ${ruleList(unsolved).en} can fire is not decided: ${budgetSpent.en}`,
      ),
    );
  }
  // Subsumption compares rules pairwise, on what is left of the analysis budget.
  function* implies(a: Formula, b: Formula): Steps<boolean> {
    return (yield* solveInSteps([a, negateFormula(b)], seed, budget, { onlyUnsat: true })).result === 'unsat';
  }
  const unsearched: string[] = [];
  // Only rules with one event are compared: grouped first, so that rules which all differ cost no pairs.
  const sameEvent = new Map<string, { rule: (typeof possible)[number]; index: number }[]>();
  possible.forEach((rule, index) => {
    const group = sameEvent.get(rule.event) ?? [];
    group.push({ rule, index });
    sameEvent.set(rule.event, group);
  });
  for (const [j, rule] of possible.entries()) {
    yield;
    for (const { rule: other, index } of sameEvent.get(rule.event)!) {
      if (other === rule) continue;
      if (budget.spent) {
        unsearched.push(rule.name);
        break;
      }
      // Comparing two rules at the size limit takes 10–20 ms: the search yields as it goes.
      yield;
      if (!(yield* implies(rule.formula, other.formula))) continue;
      // Two equivalent rules: only the later one is reported.
      if (index > j && (yield* implies(other.formula, rule.formula))) continue;
      report.add(
        'subsumed',
        'info',
        rule.at,
        words(
          `la règle ${quoted(rule.name).fr} n’ajoute rien : chaque fois qu’elle s’applique, ${quoted(other.name).fr} s’applique avec le même événement`,
          `rule "${rule.name}" adds nothing: whenever it fires, "${other.name}" fires with the same event`,
        ),
      );
      break;
    }
  }
  if (unsearched.length > 0) {
    const n = unsearched.length;
    const names = ruleList(unsearched);
    report.skip(
      '/definition/rules',
      words(
        `on ne sait pas si ${names.fr} ${n === 1 ? 'est englobée' : 'sont englobées'} par une autre : ${budgetSpent.fr}`,
        `subsumption of ${names.en} is not decided: ${budgetSpent.en}`,
      ),
    );
  }
}

/** Rules named in a message, the first five quoted: « les 7 règles (« a », « b »…) », "7 rules ("a", "b"…)". */
function ruleList(names: string[]): Words {
  const n = names.length;
  const listed = quotedList(names.slice(0, 5));
  const more = n > 5 ? '…' : '';
  return words(
    `${n === 1 ? 'la règle' : `les ${n} règles`} (${listed.fr}${more})`,
    `${n} ${n === 1 ? 'rule' : 'rules'} (${listed.en}${more})`,
  );
}
