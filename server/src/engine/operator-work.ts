// The work of one run's operators, counted as they go (docs/adr/0034): the decorated ones, which multiply a
// caller's list by a rule's, and those that search a list or read a text, once per condition that calls them.

/**
 * What the operators of one run may do in all (each bound a few tens of milliseconds here at most). `someFact:in` multiplies the fact's
 * items by the value's list: 100 000 items sent against a list of 20 000 held the service 1.9 s, and decorators
 * stack. Each call of the operator within the iterating decorators (`someFact`, `everyFact`, `someValue`,
 * `everyValue`) counts one call. The operators that search a list (`in`, `notIn`, `contains`, `doesNotContain`)
 * count the members they search, and `matches` the characters it reads, as each call is made, decorated or not: a
 * `some` that stops at its first item costs that item only, and 20 000 conditions of `contains` on a caller's list
 * of 100 000 (a review: 1.5 s held) stop past the bound. Calls are bounded on their own, as a call through the
 * decorators, a date or a pattern costs 10–30 ns where a member searched costs 1 (a review ran 20 000 000 calls of
 * `someFact:someValue:matches` for 0.6 s). `not:` and `swap:` alone iterate nothing and are not counted. A run is
 * synchronous, so one count serves; each run starts it again (`startDecoratedPairs`, evaluator.ts).
 */
// Two million: a member of a list of numbers costs about 1 ns to compare, a text about 20 (20 000 000 texts searched
// by `contains` held the service 0.4–0.5 s, a review found after the bound first covered undecorated operators).
export const MAX_DECORATED_PAIRS = 2_000_000;
export const MAX_DECORATED_CALLS = 1_000_000;
let pairsCompared = 0;
let callsMade = 0;
/** Once spent, every later call fails the same way: one error for the run, not one (and its stack) per call. */
let spent: RangeError | undefined;

export function startDecoratedPairs(): void {
  pairsCompared = 0;
  callsMade = 0;
  spent = undefined;
}

/** Counts `calls` operator calls and `members` list members searched (or characters read); past either bound, throws. */
export function chargeOperatorWork(calls: number, members: number): void {
  callsMade += calls;
  pairsCompared += members;
  if (callsMade > MAX_DECORATED_CALLS || pairsCompared > MAX_DECORATED_PAIRS)
    throw (spent ??= new RangeError(
      `the run's operators would make more than ${MAX_DECORATED_CALLS} comparisons within decorators or search more than ${MAX_DECORATED_PAIRS} list members`,
    ));
}

/** Whether an error is the one a run fails with once its operator work is spent. */
export function isOperatorWorkSpent(err: unknown): boolean {
  return err !== undefined && err === spent;
}
