import { compatible, emptyDomain, narrow, satisfiable, type Domain } from './domain.js';
import { canonicalJson } from '../../common/json/canonical.js';
import { pointer, type Report, type Severity } from './findings.js';
import { factKey, negateFormula, toFormula, type Formula } from './formula.js';
import type { FactCatalogue } from './schema.js';
import { budgetSpent, type WorkBudget, type Turns } from './budget.js';
import { solveInSteps } from './solver.js';
import { gaps } from './table-gaps.js';
import { counted, joined, quoted, words, type Words } from './words.js';

type Json = Record<string, unknown>;

/** A cell names no condition: the one context every cell's formula is built in. */
const CELL = { namedConditions: {} };

const MAX_PAIRS = 50;

/**
 * The share of the analysis budget that comparing rows pairwise may take: the rest is kept for shadowed rows
 * and gaps, so that a long table still gets them searched over its first rows.
 */
const PAIR_SHARE = 0.5;

interface Row {
  id: string;
  index: number;
  /** The row's output (event type and params) as canonical JSON, to compare rows under `any` (else empty). */
  output: string;
  formula: Formula;
  /** Each column's domain when every cell is modelled, else undefined. */
  domains?: Map<string, Domain>;
  /** The domains of the modelled cells alone (all of them when `domains` is set). */
  modelled: Map<string, Domain>;
}

/** Whether two rows can match one input: decided on their domains, `unknown` when a cell is not modelled. */
function meets(a: Row, b: Row): 'disjoint' | 'overlap' | 'unknown' {
  for (const [key, d] of b.modelled) {
    const other = a.modelled.get(key);
    if (other && !compatible(other, d)) return 'disjoint';
  }
  return a.domains && b.domains ? 'overlap' : 'unknown';
}

/** The domains a row's modelled cells give (its unmodelled cells left out). */
function atomDomains(cells: Formula[]): Map<string, Domain> {
  const domains = new Map<string, Domain>();
  for (const cell of cells) {
    if (cell.kind === 'atom') domains.set(cell.key, narrow(domains.get(cell.key) ?? emptyDomain(), cell.test));
  }
  return domains;
}

/**
 * Decision tables: rows that can never match (`contradiction`), rows that can both match one input
 * (`overlap`), rows every input of which an earlier row takes under `first` (`unreachable`), and inputs no
 * row takes (`gap`) over enumerated, boolean and numeric columns. An overlap is an error under `unique`, and
 * under `any` when the two rows' outputs differ (docs/adr/0026).
 */
export function* analyseTable(
  definition: Json,
  facts: FactCatalogue,
  report: Report,
  check: LeafCheck,
  budget: WorkBudget,
): Turns {
  const inputs = new Map((definition['inputs'] as Json[]).map((i) => [String(i['id']), i]));
  const policy = String(definition['hitPolicy']);
  const first = policy === 'first';
  // Read from the schema once per column: the search asks at every step (narrowing copies, never changes it).
  const seeds = new Map<string, Domain | undefined>();
  const seed = (key: string) => {
    if (seeds.has(key)) return seeds.get(key);
    const input = [...inputs.values()].find((i) => factKey(String(i['fact']), i['path'] as string | undefined) === key);
    const domain = input && facts.seed(key, String(input['fact']), input['path'] as string | undefined);
    seeds.set(key, domain);
    return domain;
  };
  const rows: Row[] = [];
  // Reading the cells is linear in the table, a few milliseconds per thousand rows: a turn may come between rows.
  for (const [index, row] of (definition['rows'] as Json[]).entries()) {
    yield;
    const cells = Object.entries(row['cells'] as Record<string, Json>).map(([id, cell]) => {
      const input = inputs.get(id) ?? { fact: id };
      const leaf = { fact: input['fact'], ...(input['path'] ? { path: input['path'] } : {}), ...cell };
      const at = pointer('definition', 'rows', index, 'cells', id);
      check(leaf, at);
      return toFormula(leaf, at, CELL);
    });
    const formula: Formula = { kind: 'and', items: cells };
    const domains = cells.every((c) => c.kind === 'atom') ? new Map<string, Domain>() : undefined;
    for (const cell of cells) {
      if (domains && cell.kind === 'atom') {
        domains.set(cell.key, narrow(domains.get(cell.key) ?? seed(cell.key) ?? emptyDomain(), cell.test));
      }
    }
    rows.push({
      id: String(row['id']),
      index,
      output: policy === 'any' ? canonicalJson(row['event']) : '',
      formula,
      domains,
      modelled: domains ?? atomDomains(cells),
    });
  }
  const rowAt = (r: Row) => pointer('definition', 'rows', r.index);

  report.examined(
    words(
      'les lignes qui ne peuvent jamais correspondre, les lignes qui se chevauchent, les lignes masquées par des lignes précédentes (première ligne qui correspond)',
      'table rows that can never match, overlapping rows, rows shadowed by earlier ones (first)',
    ),
  );
  const live = rows.filter((row) => {
    if (!row.domains) return true;
    if ([...row.domains.values()].every(satisfiable)) return true;
    report.add(
      'contradiction',
      'error',
      rowAt(row),
      words(
        `la ligne ${quoted(row.id).fr} ne peut jamais correspondre : ses cellules se contredisent`,
        `row "${row.id}" can never match: its cells contradict each other`,
      ),
    );
    return false;
  });

  // Pairs first, on each row's domains: a row disjoint from another can neither overlap nor shadow it. Their
  // number grows with the square of the rows': past its share of the budget, the later rows are left out.
  let pairs = 0;
  let undecided = 0;
  const defaultOverlaps = new Map<Row, number>();
  const touching = live.map(() => [] as Row[]);
  let pairUnits = budget.remaining * PAIR_SHARE;
  let compared = 0;
  // Comparing a row with each earlier one reads the values of both, column by column.
  const weight = (r: Row) => [...r.modelled.values()].reduce((n, d) => n + 1 + (d.only?.size ?? 0) + d.not.size, 1);
  let earlierWeight = 0;
  for (const b of live) {
    yield;
    const j = compared;
    const w = weight(b);
    const cost = j * w + earlierWeight;
    if (cost > pairUnits) break;
    earlierWeight += w;
    pairUnits -= cost;
    budget.charge(cost);
    compared++;
    for (let i = 0; i < j; i++) {
      const a = live[i]!;
      const meet = meets(a, b);
      if (meet === 'disjoint') continue;
      touching[j]!.push(a);
      if (meet === 'unknown') {
        if (++undecided <= MAX_PAIRS) {
          report.skip(
            rowAt(b),
            words(
              `on ne sait pas si les lignes ${quoted(a.id).fr} et ${quoted(b.id).fr} se chevauchent : une cellule n’est pas modélisée`,
              `overlap of rows "${a.id}" and "${b.id}" is not decided: a cell is not modelled`,
            ),
          );
        }
      } else if (first && constrainsNothing(b)) {
        // The table's default row overlaps every row before it by design: said once, below, not once a row.
        defaultOverlaps.set(b, (defaultOverlaps.get(b) ?? 0) + 1);
      } else if (++pairs <= MAX_PAIRS) {
        const [severity, then] = overlapVerdict(policy, a, b);
        report.add(
          'overlap',
          severity,
          rowAt(b),
          words(
            `les lignes ${quoted(a.id).fr} et ${quoted(b.id).fr} peuvent correspondre à une même entrée${then.fr}`,
            `rows "${a.id}" and "${b.id}" can both match one input${then.en}`,
          ),
        );
      }
    }
  }

  for (const [row, earlier] of defaultOverlaps)
    report.add(
      'default_row',
      'info',
      rowAt(row),
      words(
        `la ligne ${quoted(row.id).fr} ne pose aucune condition : elle prend les entrées qu’aucune des ${earlier} lignes qui la précèdent ne prend (ligne par défaut)`,
        `row "${row.id}" constrains nothing: it takes the inputs none of the ${earlier} rows before it take (the default row)`,
      ),
    );

  // Rows whose shadowing the budget left undecided: named by the first, counted, not listed one by one.
  const unsearched: Row[] = [];
  for (const [j, row] of live.slice(0, compared).entries()) {
    if (!first || touching[j]!.length === 0) continue;
    if (budget.spent) {
      unsearched.push(row);
      continue;
    }
    yield;
    const shadow = yield* solveInSteps(
      [row.formula, ...touching[j]!.map((r) => negateFormula(r.formula))],
      seed,
      budget,
    );
    if (shadow.result === 'unsat') {
      const message = words(
        `la ligne ${quoted(row.id).fr} n’est jamais atteinte : les lignes précédentes prennent toutes les entrées qui lui correspondent (première ligne qui correspond)`,
        `row "${row.id}" is never reached: earlier rows take every input it matches (hit policy first)`,
      );
      report.add('unreachable', 'warning', rowAt(row), message);
    } else if (shadow.result === 'unknown') {
      const why = joined(shadow.reasons);
      report.skip(
        rowAt(row),
        words(
          `on ne sait pas si des lignes précédentes masquent la ligne ${quoted(row.id).fr} : ${why.fr}`,
          `whether earlier rows shadow row "${row.id}" is not decided: ${why.en}`,
        ),
      );
    }
  }
  const [firstUnsearched] = unsearched;
  if (firstUnsearched) {
    const others = unsearched.length - 1;
    const n = counted(others);
    report.skip(
      rowAt(firstUnsearched),
      words(
        `on ne sait pas si des lignes précédentes masquent la ligne ${quoted(firstUnsearched.id).fr}${others > 0 ? ` ni ${n.fr} autres après elle` : ''} : ${budgetSpent.fr}`,
        `whether earlier rows shadow row "${firstUnsearched.id}"${others > 0 ? ` or ${n.en} more after it` : ''} is not decided: ${budgetSpent.en}`,
      ),
    );
  }
  const [firstLeft] = live.slice(compared);
  if (firstLeft) {
    const left = counted(live.length - compared);
    report.skip(
      rowAt(firstLeft),
      words(
        `les lignes à partir de ${quoted(firstLeft.id).fr} (${left.fr}) ne sont pas comparées aux précédentes, ni pour les chevauchements ni pour les lignes masquées : trop de lignes pour une analyse`,
        `rows from "${firstLeft.id}" on (${left.en}) were not compared with earlier rows, for overlaps or shadowing: too many rows for one analysis`,
      ),
    );
  }
  if (undecided > MAX_PAIRS) {
    const more = counted(undecided - MAX_PAIRS);
    report.skip(
      '/definition/rows',
      words(
        `${more.fr} autres paires de lignes dont le chevauchement n’est pas décidé`,
        `${more.en} more pairs of rows whose overlap is not decided`,
      ),
    );
  }
  if (pairs > MAX_PAIRS) {
    const more = counted(pairs - MAX_PAIRS);
    report.skip(
      '/definition/rows',
      words(
        `${more.fr} autres paires de lignes qui se chevauchent ne sont pas énumérées`,
        `${more.en} more overlapping pairs are not listed`,
      ),
    );
  }

  yield;
  yield* gaps(inputs, rows, facts, report, seed, budget);
}

export type LeafCheck = (leaf: Json, at: string) => void;

/** A row with no condition: under `first`, the table's default row, whose whole point is to overlap. */
const constrainsNothing = (row: Row) => row.formula.kind === 'and' && row.formula.items.length === 0;

/**
 * How bad two overlapping rows are under the table's hit policy: `first` lets the earlier win (warning; the default
 * row, which constrains nothing, is said once as `default_row` instead), `collect`
 * fires both (info), `unique` forbids it (error), `any` allows it only when both give the same output.
 */
function overlapVerdict(policy: string, a: Row, b: Row): [Severity, Words] {
  const then = (fr: string, en: string) => words(` ; ${fr}`, `; ${en}`);
  const qa = quoted(a.id).fr;
  switch (policy) {
    case 'first':
      return [
        'warning',
        then(`la première ligne qui correspond décide, donc ${qa} l’emporte`, `under first, "${a.id}" wins`),
      ];
    case 'unique':
      return [
        'error',
        then(
          'une seule ligne peut correspondre selon la politique du tableau',
          'under unique, at most one row may match',
        ),
      ];
    case 'any':
      return a.output === b.output
        ? [
            'info',
            then('elles donnent la même décision, ce que la politique permet', 'under any, they give the same output'),
          ]
        : [
            'error',
            then(
              'les lignes qui correspondent doivent donner la même décision, et celles-ci diffèrent',
              'under any, matching rows must give the same output and these differ',
            ),
          ];
    default:
      return [
        'info',
        then('toutes les lignes qui correspondent s’appliquent, les deux donc', 'under collect, both fire'),
      ];
  }
}
