import { chargeOperatorWork } from './operator-work.js';
import { GABARIT_OPERATOR_FUNCTIONS } from './operators.js';

/**
 * Decorators compiled in a stored version: more than a save accepts now (MAX_OPERATOR_DECORATORS in
 * operator-names.ts), since versions saved before the bound may stack more and must still evaluate.
 */
const MAX_STORED_DECORATORS = 64;

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

// What operators may do in one run, and its count: operator-work.ts.
export { isOperatorWorkSpent, MAX_DECORATED_CALLS, MAX_DECORATED_PAIRS, startDecoratedPairs } from './operator-work.js';

/** The members a list-searching operator goes through: the list's. */
const searched = (value: unknown): number => (Array.isArray(value) ? value.length : 1);
const SEARCHES: Record<string, (factValue: unknown, jsonValue: unknown) => number> = {
  in: (_fv, jv) => searched(jv),
  notIn: (_fv, jv) => searched(jv),
  contains: (fv) => searched(fv),
  doesNotContain: (fv) => searched(fv),
  // A pattern reads its text once (linear time): a character counts as a member.
  matches: (fv) => (typeof fv === 'string' ? fv.length : 1),
};

/** The operator within iterating decorators, charged each call and what it searches. */
function charged(op: OperatorFn, name: string): OperatorFn {
  const search = Object.hasOwn(SEARCHES, name) ? SEARCHES[name] : undefined;
  return (factValue, jsonValue) => {
    chargeOperatorWork(1, search ? search(factValue, jsonValue) : 0);
    return op(factValue, jsonValue);
  };
}

const ITERATING = new Set(['someFact', 'someValue', 'everyFact', 'everyValue']);

/** Whether an operator's calls are charged to the run's operator work (operator-work.ts). */
export function chargesWork(operator: string): boolean {
  const parts = operator.split(':');
  return Object.hasOwn(SEARCHES, parts.at(-1)!) || parts.slice(0, -1).some((d) => ITERATING.has(d));
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
  let iterates = false;
  while (!op) {
    // A version stored before chains were bounded at save still evaluates with a chain of up to 64 (microseconds
    // to compile); past that it is unknown, found here rather than after copying the name once per decorator.
    if (decorators.length === MAX_STORED_DECORATORS) break;
    const colon = rest.indexOf(':');
    const decorator =
      colon > 0 && Object.hasOwn(DECORATORS, rest.slice(0, colon)) ? DECORATORS[rest.slice(0, colon)] : undefined;
    if (!decorator) break;
    iterates ||= ITERATING.has(rest.slice(0, colon));
    decorators.unshift(decorator);
    rest = rest.slice(colon + 1);
    op = base(rest);
  }
  if (op) {
    // A list-searching operator is charged undecorated too: 20 000 conditions of `contains` on a caller's list of
    // 100 000 held the service 1.5 s (a review), the list searched once per condition.
    if (iterates || Object.hasOwn(SEARCHES, rest)) op = charged(op, rest);
    for (const [cb, valid] of decorators) {
      const next: OperatorFn = op;
      op = valid === always ? (fv, jv) => cb(fv, jv, next) : (fv, jv) => valid(fv) && cb(fv, jv, next);
    }
  }
  compiled.set(name, op);
  return op;
}
