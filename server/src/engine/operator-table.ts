import { GABARIT_OPERATOR_FUNCTIONS } from './operators.js';

/** An operator as json-rules-engine evaluates it: its fact-value validator, then its callback. */
export type OperatorFn = (factValue: unknown, jsonValue: unknown) => unknown;

type Callback = (a: any, b: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any -- the library calls methods on whatever it gets, and so must we
type Validator = (factValue: unknown) => boolean;
type DecoratorCallback = (factValue: any, jsonValue: any, next: OperatorFn) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any -- as above

const always: Validator = () => true;
// engine-default-operators.js: a fact is "a number" when parseFloat does not give NaN ('3abc', '1e3' pass).
const numberValidator: Validator = (factValue) => Number.parseFloat(factValue as string).toString() !== 'NaN';

// json-rules-engine 7.3's built-ins, with their validators, written as the library writes them (errors included).
const BUILT_INS: Record<string, [Callback, Validator]> = {
  equal: [(a, b) => a === b, always],
  notEqual: [(a, b) => a !== b, always],
  in: [(a, b) => b.indexOf(a) > -1, always],
  notIn: [(a, b) => b.indexOf(a) === -1, always],
  contains: [(a, b) => a.indexOf(b) > -1, Array.isArray],
  doesNotContain: [(a, b) => a.indexOf(b) === -1, Array.isArray],
  lessThan: [(a, b) => a < b, numberValidator],
  lessThanInclusive: [(a, b) => a <= b, numberValidator],
  greaterThan: [(a, b) => a > b, numberValidator],
  greaterThanInclusive: [(a, b) => a >= b, numberValidator],
};

/**
 * Comparisons the decorated operators of one run may make in all (about 20 ms here: a million `indexOf` steps take
 * about 1 ms). `someFact:in` multiplies the fact's items by the value's list: 100 000 items sent against a list of
 * 20 000 held the service 1.9 s, and decorators stack. Each call of the operator within the decorators is charged
 * what it compares (a list searched counts its members), as it is made: a `some` that stops at its first item costs
 * that item only. A run is synchronous, so one count serves; each run starts it again (`startDecoratedPairs`,
 * evaluator.ts).
 */
export const MAX_DECORATED_PAIRS = 20_000_000;
let pairsCompared = 0;

export function startDecoratedPairs(): void {
  pairsCompared = 0;
}

/** What comparing with a value costs: a list is searched member by member (`in`, `contains`). */
const weight = (value: unknown): number => (Array.isArray(value) ? Math.max(1, value.length) : 1);

/** The operator within the decorators, charged what each call compares. */
function charged(op: OperatorFn): OperatorFn {
  return (factValue, jsonValue) => {
    pairsCompared += weight(factValue) * weight(jsonValue);
    if (pairsCompared > MAX_DECORATED_PAIRS)
      throw new RangeError(`the run's decorated operators would compare more than ${MAX_DECORATED_PAIRS} pairs`);
    return op(factValue, jsonValue);
  };
}

// engine-default-operator-decorators.js (parameter names kept: a TypeError's message names them).
const DECORATORS: Record<string, [DecoratorCallback, Validator]> = {
  someFact: [(factValue, jsonValue, next) => factValue.some((fv: unknown) => next(fv, jsonValue)), Array.isArray],
  someValue: [(factValue, jsonValue, next) => jsonValue.some((jv: unknown) => next(factValue, jv)), always],
  everyFact: [(factValue, jsonValue, next) => factValue.every((fv: unknown) => next(fv, jsonValue)), Array.isArray],
  everyValue: [(factValue, jsonValue, next) => jsonValue.every((jv: unknown) => next(factValue, jv)), always],
  swap: [(factValue, jsonValue, next) => next(jsonValue, factValue), always],
  not: [(factValue, jsonValue, next) => !next(factValue, jsonValue), always],
};

function base(name: string): OperatorFn | null {
  const builtIn = BUILT_INS[name];
  if (Object.hasOwn(BUILT_INS, name) && builtIn) {
    const [cb, valid] = builtIn;
    return valid === always ? cb : (fv, jv) => valid(fv) && cb(fv, jv);
  }
  return Object.hasOwn(GABARIT_OPERATOR_FUNCTIONS, name) ? GABARIT_OPERATOR_FUNCTIONS[name]! : null;
}

const compiled = new Map<string, OperatorFn | null>();

/**
 * `not:someFact:equal` as OperatorMap.get builds it: decorators peeled off the left, applied innermost first,
 * each checking its own validator before calling the next. Null for an unknown operator or decorator.
 */
export function compileOperator(name: string): OperatorFn | null {
  if (compiled.has(name)) return compiled.get(name)!;
  const decorators: [DecoratorCallback, Validator][] = [];
  let rest = name;
  let op = base(rest);
  while (!op) {
    const colon = rest.indexOf(':');
    const decorator =
      colon > 0 && Object.hasOwn(DECORATORS, rest.slice(0, colon)) ? DECORATORS[rest.slice(0, colon)] : undefined;
    if (!decorator) break;
    decorators.unshift(decorator);
    rest = rest.slice(colon + 1);
    op = base(rest);
  }
  if (op) {
    if (decorators.length > 0) op = charged(op);
    for (const [cb, valid] of decorators) {
      const next: OperatorFn = op;
      op = valid === always ? (fv, jv) => cb(fv, jv, next) : (fv, jv) => valid(fv) && cb(fv, jv, next);
    }
  }
  compiled.set(name, op);
  return op;
}
