import { negate, type Test } from './domain.js';
import { pointer } from './findings.js';
import { quoted, words, type Words } from './words.js';

type Json = Record<string, unknown>;

/** One condition leaf the analysis models: a test on a fact path. */
export interface Atom {
  kind: 'atom';
  /** The fact and its JSONPath, `invoice|$.total`: tests on the same key constrain the same value. */
  key: string;
  fact: string;
  path?: string;
  test: Test;
  /** JSON pointer of the leaf in the content. */
  at: string;
}

/** A leaf the analysis does not model (operator, fact-valued comparison, decorator): it never closes a branch. */
export interface Opaque {
  kind: 'opaque';
  at: string;
  reason: Words;
}

/** Conditions in negation normal form: negations are pushed into the atoms. */
export type Formula = Atom | Opaque | { kind: 'and' | 'or'; items: Formula[] };

const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/** Fact names never hold `|`, so the key splits back. */
export const factKey = (fact: string, path?: string) => `${fact}|${path ?? ''}`;

/** A leaf as a test, or why it is not modelled. */
export function leafTest(operator: string, value: unknown): Test | Words {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'fact' in (value as Json)) {
    return words(
      'compare avec un autre fait, dont la valeur n’est connue qu’à l’exécution',
      'compares with another fact, whose value is only known at run time',
    );
  }
  if (operator === 'equal' || operator === 'notEqual') {
    return { op: operator === 'equal' ? 'in' : 'notIn', values: [value] };
  }
  if (operator === 'in' || operator === 'notIn') {
    return Array.isArray(value)
      ? { op: operator, values: value }
      : words(`${operator} demande une liste de valeurs`, `${operator} needs a list of values`);
  }
  if (NUMERIC.has(operator)) {
    return typeof value === 'number' && Number.isFinite(value)
      ? { op: operator as 'lessThan', n: value }
      : words(`${operator} avec une valeur qui n’est pas un nombre`, `${operator} with a value that is not a number`);
  }
  return words(`l’opérateur ${operator} n’est pas modélisé`, `the operator ${operator} is not modelled`);
}

export interface FormulaContext {
  namedConditions: Record<string, unknown>;
  /** Called for every leaf (checked for type and fact) before it becomes an atom. */
  onLeaf?: (leaf: Json, at: string) => void;
  /**
   * Each named condition's formula, by name and polarity, built once per analysis and shared by every
   * reference: walked again at each reference, names that refer to names fan out exponentially.
   */
  named?: Map<string, Formula>;
}

/** A condition (all/any/not/named/leaf) in negation normal form; `negated` pushes a `not` down through it. */
export function toFormula(
  condition: Json,
  at: string,
  ctx: FormulaContext,
  negated = false,
  naming: string[] = [],
): Formula {
  if (Array.isArray(condition['all']) || Array.isArray(condition['any'])) {
    const isAll = Array.isArray(condition['all']);
    const list = (isAll ? condition['all'] : condition['any']) as Json[];
    const items = list.map((c, i) => toFormula(c, `${at}${pointer(isAll ? 'all' : 'any', i)}`, ctx, negated, naming));
    return { kind: isAll !== negated ? 'and' : 'or', items };
  }
  if (condition['not'] && typeof condition['not'] === 'object') {
    return toFormula(condition['not'] as Json, `${at}/not`, ctx, !negated, naming);
  }
  if (typeof condition['condition'] === 'string') {
    const name = condition['condition'];
    const body = ctx.namedConditions[name];
    // Named conditions are walked where they are defined, so their leaves are checked once.
    if (!body || naming.includes(name))
      return {
        kind: 'opaque',
        at,
        reason: words(
          `la condition nommée ${quoted(name).fr} n’est pas résolue`,
          `named condition "${name}" unresolved`,
        ),
      };
    const memo = `${negated ? 'not ' : ''}${name}`;
    const known = ctx.named?.get(memo);
    if (known) return known;
    const named = ctx.named ?? new Map<string, Formula>();
    const inner = { ...ctx, onLeaf: undefined, named };
    const formula = toFormula(body as Json, pointer('definition', 'conditions', name), inner, negated, [
      ...naming,
      name,
    ]);
    named.set(memo, formula);
    return formula;
  }
  ctx.onLeaf?.(condition, at);
  const fact = String(condition['fact']);
  const path = condition['path'] === undefined ? undefined : String(condition['path']);
  let operator = String(condition['operator']);
  // `not:` is the one decorator with a plain meaning here; someFact, everyValue… are not modelled.
  while (operator.startsWith('not:')) {
    operator = operator.slice(4);
    negated = !negated;
  }
  if (condition['params'] !== undefined)
    return {
      kind: 'opaque',
      at,
      reason: words('un fait avec des paramètres est calculé', 'a fact with params is computed'),
    };
  if (operator.includes(':'))
    return {
      kind: 'opaque',
      at,
      reason: words(`le décorateur de ${operator} n’est pas modélisé`, `the decorator in ${operator} is not modelled`),
    };
  const test = leafTest(operator, condition['value']);
  if (!('op' in test)) return { kind: 'opaque', at, reason: test };
  return { kind: 'atom', key: factKey(fact, path), fact, path, test: negated ? negate(test) : test, at };
}

// A named condition's formula is shared by its references, so its negation is too (else it fans out again).
const negations = new WeakMap<Formula, Formula>();

/** The negation of a formula already in negation normal form. */
export function negateFormula(f: Formula): Formula {
  if (f.kind === 'atom') return { ...f, test: negate(f.test) };
  if (f.kind === 'opaque') return f;
  const known = negations.get(f);
  if (known) return known;
  const negation: Formula = { kind: f.kind === 'and' ? 'or' : 'and', items: f.items.map(negateFormula) };
  negations.set(f, negation);
  return negation;
}
