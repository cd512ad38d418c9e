import { pointer, type Report } from './findings.js';
import { negateFormula, toFormula, type Formula, type FormulaContext } from './formula.js';
import { solve } from './solver.js';
import { joined, quoted, quotedList, words } from './words.js';

type Json = Record<string, unknown>;
type Seed = Parameters<typeof solve>[1];

const SUBSUMPTION_STEPS = 300_000;

/**
 * `rules`: a rule whose conditions can never hold (`contradiction`), and a rule another rule with the same
 * event always accompanies (`subsumed`: whenever it fires, the other fires too, so it adds nothing).
 */
export function analyseRules(definition: Json, seed: Seed, ctx: FormulaContext, report: Report): void {
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
  const rules = (definition['rules'] as Json[]).map((rule, index) => ({
    name: String(rule['name']),
    at: pointer('definition', 'rules', index),
    event: JSON.stringify(rule['event']),
    formula: toFormula(rule['conditions'] as Json, pointer('definition', 'rules', index, 'conditions'), ctx),
  }));
  const possible: typeof rules = [];
  for (const rule of rules) {
    const outcome = solve([rule.formula], seed);
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
  // Subsumption compares rules pairwise: a shared step budget keeps 500 rules with one event within a second.
  const budget = { left: SUBSUMPTION_STEPS };
  const implies = (a: Formula, b: Formula) => {
    const outcome = solve([a, negateFormula(b)], seed, 1, Math.max(1, budget.left));
    budget.left -= outcome.steps;
    return outcome.result === 'unsat';
  };
  const unsearched: string[] = [];
  possible.forEach((rule, j) => {
    for (const other of possible) {
      if (other === rule || other.event !== rule.event) continue;
      if (budget.left <= 0) {
        unsearched.push(rule.name);
        return;
      }
      if (!implies(rule.formula, other.formula)) continue;
      // Two equivalent rules: only the later one is reported.
      if (possible.indexOf(other) > j && implies(other.formula, rule.formula)) continue;
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
  });
  if (unsearched.length > 0) {
    const names = quotedList(unsearched.slice(0, 5));
    const more = unsearched.length > 5 ? '…' : '';
    const n = unsearched.length;
    report.skip(
      '/definition/rules',
      words(
        `on ne sait pas si ${n === 1 ? 'la règle' : `les ${n} règles`} (${names.fr}${more}) ${n === 1 ? 'est englobée' : 'sont englobées'} par une autre : le budget d’analyse est épuisé`,
        `subsumption of ${n} ${n === 1 ? 'rule' : 'rules'} (${names.en}${more}) is not decided: the budget is spent`,
      ),
    );
  }
}
