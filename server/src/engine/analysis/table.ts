import { describeDomain } from './domain.js';
import { pointer, type Report } from './findings.js';
import { factKey, negateFormula, toFormula, type Formula } from './formula.js';
import type { FactCatalogue } from './schema.js';
import { solve } from './solver.js';

type Json = Record<string, unknown>;

const MAX_PAIRS = 50;
const GAP_EXAMPLES = 3;

interface Row {
  id: string;
  index: number;
  formula: Formula;
}

/**
 * Decision tables: rows that can never match (`contradiction`), rows that can both match one input
 * (`overlap`), rows every input of which an earlier row takes under `first` (`unreachable`), and inputs no
 * row takes (`gap`) over enumerated, boolean and numeric columns.
 */
export function analyseTable(definition: Json, facts: FactCatalogue, report: Report, check: LeafCheck): void {
  const inputs = new Map((definition['inputs'] as Json[]).map((i) => [String(i['id']), i]));
  const first = definition['hitPolicy'] === 'first';
  const seed = (key: string) => {
    const input = [...inputs.values()].find((i) => factKey(String(i['fact']), i['path'] as string | undefined) === key);
    return input && facts.seed(key, String(input['fact']), input['path'] as string | undefined);
  };
  const rows: Row[] = (definition['rows'] as Json[]).map((row, index) => {
    const cells = Object.entries(row['cells'] as Record<string, Json>).map(([id, cell]) => {
      const input = inputs.get(id) ?? { fact: id };
      const leaf = { fact: input['fact'], ...(input['path'] ? { path: input['path'] } : {}), ...cell };
      const at = pointer('definition', 'rows', index, 'cells', id);
      check(leaf, at);
      return toFormula(leaf, at, { namedConditions: {} });
    });
    return { id: String(row['id']), index, formula: { kind: 'and', items: cells } };
  });
  const rowAt = (r: Row) => pointer('definition', 'rows', r.index);

  report.checked.push('table rows that can never match, overlapping rows, rows shadowed by earlier ones (first)');
  const live: Row[] = [];
  for (const row of rows) {
    const alone = solve([row.formula], seed);
    if (alone.result === 'unsat') {
      report.add(
        'contradiction',
        'error',
        rowAt(row),
        `row "${row.id}" can never match: its cells contradict each other`,
      );
      continue;
    }
    if (first && live.length > 0) {
      const shadow = solve([row.formula, ...live.map((r) => negateFormula(r.formula))], seed);
      if (shadow.result === 'unsat') {
        report.add(
          'unreachable',
          'warning',
          rowAt(row),
          `row "${row.id}" is never reached: earlier rows take every input it matches (hit policy first)`,
        );
      } else if (shadow.result === 'unknown') {
        report.skip(
          rowAt(row),
          `whether earlier rows shadow row "${row.id}" is not decided: ${shadow.reasons.join('; ')}`,
        );
      }
    }
    live.push(row);
  }

  let pairs = 0;
  for (let j = 1; j < live.length; j++) {
    for (let i = 0; i < j; i++) {
      const [a, b] = [live[i]!, live[j]!];
      const both = solve([a.formula, b.formula], seed);
      if (both.result === 'sat' && ++pairs <= MAX_PAIRS) {
        const severity = first ? 'warning' : 'info';
        const then = first ? `; under first, "${a.id}" wins` : '; under collect, both fire';
        report.add('overlap', severity, rowAt(b), `rows "${a.id}" and "${b.id}" can both match one input${then}`);
      } else if (both.result === 'unknown') {
        report.skip(rowAt(b), `overlap of rows "${a.id}" and "${b.id}" is not decided: ${both.reasons.join('; ')}`);
      }
    }
  }
  if (pairs > MAX_PAIRS) report.skip('/definition/rows', `${pairs - MAX_PAIRS} more overlapping pairs are not listed`);

  gaps(inputs, rows, facts, report, seed);
}

export type LeafCheck = (leaf: Json, at: string) => void;

/** Inputs no row takes: searched only when every column is enumerated, boolean or numeric. */
function gaps(
  inputs: Map<string, Json>,
  rows: Row[],
  facts: FactCatalogue,
  report: Report,
  seed: (key: string) => ReturnType<FactCatalogue['seed']>,
): void {
  for (const [id, input] of inputs) {
    const fact = String(input['fact']);
    const schema = facts.schemaOf(fact, input['path'] as string | undefined);
    const types = schema ? ([] as string[]).concat((schema['type'] as string | string[]) ?? []) : [];
    const bounded = schema && (Array.isArray(schema['enum']) || ['boolean', 'number', 'integer'].includes(types[0]!));
    if (!bounded || types.length > 1) {
      const why = facts.isDerived(fact)
        ? 'a computed fact or lookup, whose values are not known'
        : 'not enumerated, boolean or numeric in the input schema';
      report.skip(
        pointer('definition', 'inputs', [...inputs.keys()].indexOf(id)),
        `gaps are not searched: column "${id}" is ${why}`,
      );
      return;
    }
  }
  const outcome = solve(
    rows.map((r) => negateFormula(r.formula)),
    seed,
    GAP_EXAMPLES,
  );
  report.checked.push("gaps: inputs that no row matches, over the columns' enums, booleans and numeric ranges");
  if (outcome.result === 'unknown') {
    report.skip('/definition/rows', `gaps are not decided: ${outcome.reasons.join('; ')}`);
    return;
  }
  for (const witness of outcome.witnesses) {
    const parts = [...inputs].map(([id, input]) => {
      const d = witness.get(factKey(String(input['fact']), input['path'] as string | undefined));
      return `${id} ${d ? describeDomain(d) : 'any value'}`;
    });
    report.add('gap', 'warning', '/definition/rows', `no row matches inputs where ${parts.join(', ')}`);
  }
}
