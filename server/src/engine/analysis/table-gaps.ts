import { budgetSpent, type WorkBudget } from './budget.js';
import { describeDomain, finiteValues, onlyNonNumbers, type Domain, type Test } from './domain.js';
import { pointer, type Report } from './findings.js';
import { factKey, negateFormula, type Formula } from './formula.js';
import type { FactCatalogue } from './schema.js';
import type { Steps } from '../../common/async/steps.js';
import { solveInSteps } from './solver.js';
import { joined, quoted, words } from './words.js';

type Json = Record<string, unknown>;

const GAP_EXAMPLES = 3;

/** Steps the search for one gap may take (within what is left of the analysis budget). */
const GAP_STEPS = 200_000;

/** What the gap search reads of a row: its cells as one formula. */
interface Row {
  formula: Formula;
}

/**
 * Inputs no row takes: searched only when every column is enumerated, boolean or numeric. The search yields as it
 * goes (`solveInSteps`), as the other searches of the analysis do.
 */
export function* gaps(
  inputs: Map<string, Json>,
  rows: Row[],
  facts: FactCatalogue,
  report: Report,
  seed: (key: string) => ReturnType<FactCatalogue['seed']>,
  budget: WorkBudget,
): Steps<void> {
  for (const [id, input] of inputs) {
    const fact = String(input['fact']);
    const schema = facts.schemaOf(fact, input['path'] as string | undefined);
    const types = schema ? ([] as string[]).concat((schema['type'] as string | string[]) ?? []) : [];
    const bounded = schema && (Array.isArray(schema['enum']) || ['boolean', 'number', 'integer'].includes(types[0]!));
    if (!bounded || types.length > 1) {
      const why = facts.isDerived(fact)
        ? words(
            'est un fait calculé ou consulté, dont les valeurs ne sont pas connues',
            'is a computed fact or lookup, whose values are not known',
          )
        : words(
            'n’est ni une énumération, ni un booléen, ni un nombre dans le schéma d’entrée',
            'is not enumerated, boolean or numeric in the input schema',
          );
      report.skip(
        pointer('definition', 'inputs', [...inputs.keys()].indexOf(id)),
        words(
          `les trous ne sont pas cherchés : la colonne ${quoted(id).fr} ${why.fr}`,
          `gaps are not searched: column "${id}" ${why.en}`,
        ),
      );
      return;
    }
  }
  report.examined(
    words(
      'les trous, entrées qu’aucune ligne ne prend, sur les énumérations, booléens et intervalles numériques des colonnes',
      "gaps: inputs that no row matches, over the columns' enums, booleans and numeric ranges",
    ),
  );
  if (budget.spent) {
    report.skip(
      '/definition/rows',
      words(`on ne sait pas s’il y a des trous : ${budgetSpent.fr}`, `gaps are not decided: ${budgetSpent.en}`),
    );
    return;
  }
  // Each example is searched outside the earlier ones, so the examples are distinct gaps, not one gap thrice.
  const open: Formula[] = rows.map((r) => negateFormula(r.formula));
  for (let n = 0; n < GAP_EXAMPLES; n++) {
    const outcome = yield* solveInSteps(open, seed, budget, { maxSteps: GAP_STEPS });
    if (outcome.result === 'unknown') {
      const why = joined(outcome.reasons);
      report.skip(
        '/definition/rows',
        words(`on ne sait pas s’il y a des trous : ${why.fr}`, `gaps are not decided: ${why.en}`),
      );
      return;
    }
    const witness = outcome.witnesses[0];
    if (!witness) return;
    const parts = [...inputs].map(([id, input]) => {
      const d = witness.get(factKey(String(input['fact']), input['path'] as string | undefined));
      const domain = d ? describeDomain(d) : words('toute valeur', 'any value');
      return words(`${id} ${domain.fr}`, `${id} ${domain.en}`);
    });
    report.add(
      'gap',
      'warning',
      '/definition/rows',
      words(
        `aucune ligne ne prend les entrées où ${parts.map((p) => p.fr).join(', ')}`,
        `no row matches inputs where ${parts.map((p) => p.en).join(', ')}`,
      ),
    );
    open.push(negateFormula({ kind: 'and', items: [...witness].flatMap(([key, d]) => domainAtoms(key, d)) }));
  }
}

/** A domain as atoms on its key (the region an example gap covers). */
function domainAtoms(key: string, d: Domain): Formula[] {
  const atom = (test: Test): Formula => ({ kind: 'atom', key, fact: key, test, at: '/definition/rows' });
  const finite = finiteValues(d);
  if (finite) return [atom({ op: 'in', values: finite })];
  // "Not a number": the negation of `> -Infinity`, which every number passes and nothing else does.
  if (onlyNonNumbers(d)) return [atom({ op: 'lessThanInclusive', n: -Infinity, negated: true })];
  const atoms: Formula[] = [];
  if (d.lo) atoms.push(atom({ op: d.lo.closed ? 'greaterThanInclusive' : 'greaterThan', n: d.lo.value }));
  if (d.hi) atoms.push(atom({ op: d.hi.closed ? 'lessThanInclusive' : 'lessThan', n: d.hi.value }));
  if (d.not.size > 0) atoms.push(atom({ op: 'notIn', values: [...d.not].map((k) => JSON.parse(k) as unknown) }));
  return atoms;
}
