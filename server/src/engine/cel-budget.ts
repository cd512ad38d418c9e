// The work budget of computed facts (docs/adr/0010-computed-facts.md): one per evaluation, charged by every step.
import { pastLimit, type WorkClock } from './work-clock.js';

export const EXPRESSION_LIMITS = Object.freeze({
  /** Work units for all the computed facts of one evaluation (a unit is 20–60 ns here, warm to cold). */
  budget: 500_000,
  /** Time backstop for the same evaluation, checked every few thousand units: work the units under-count. */
  milliseconds: 30,
  /** Syntax nodes of one expression. */
  maxNodes: 1000,
  /** Nesting depth of one expression. */
  maxDepth: 32,
});

/** A computed fact needed more work than one evaluation is allowed; its facts or its expression are too large. */
export class ExpressionLimitError extends Error {
  constructor(
    readonly fact: string,
    readonly index: number,
    readonly limit: 'steps' | 'time' = 'steps',
  ) {
    super(
      limit === 'steps'
        ? `The computed fact "${fact}" needs more work than an evaluation allows (${EXPRESSION_LIMITS.budget} steps) on these facts.`
        : `The computed fact "${fact}" took longer than an evaluation allows (${EXPRESSION_LIMITS.milliseconds} ms) on these facts.`,
    );
    this.name = 'ExpressionLimitError';
  }
}

/** The budget ran out; turned into ExpressionLimitError naming the fact. */
export class BudgetExceeded extends Error {
  constructor(readonly limit: 'steps' | 'time') {
    super(limit);
  }
}

export interface Run {
  facts: Readonly<Record<string, unknown>>;
  /** The facts computed so far; those not computed yet (or failed) are undefined. */
  computed: Record<string, unknown>;
  /** The same values by slot (the version's lookups, then its computed facts): what identifiers read. */
  values: unknown[];
  locals: unknown[];
  /** Units left; the clock is read each time `left` goes below `checkAt`. */
  left: number;
  checkAt: number;
  clock: WorkClock;
}
export const CLOCK_EVERY = 8192;
export type Code = (run: Run) => unknown;

export function charge(run: Run, units: number): void {
  if ((run.left -= units) < run.checkAt) checkpoint(run);
}
function checkpoint(run: Run): void {
  if (run.left < 0) throw new BudgetExceeded('steps');
  if (pastLimit(run.clock)) throw new BudgetExceeded('time');
  run.checkAt = Math.max(run.left - CLOCK_EVERY, 0);
}

/**
 * Charges a computed value for its size as written out: one unit per item, entry and value, and a long text by
 * its length. Built by reference, a list of the same list three hundred times costs three hundred units, yet
 * traces, explanations and records write it out in full: `[a × 300]` of a 30 KB `a` is 9 MB of JSON, from a
 * few hundred units. The walk is charged as it goes, so it stops when the budget does.
 */
export function chargeWrittenSize(run: Run, value: object): void {
  const stack: unknown[] = [value];
  let units = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    units++;
    if (typeof v === 'string') units += v.length >> 5;
    else if (typeof v === 'object' && v !== null) {
      if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push(v[i]);
      else for (const key in v) stack.push((v as Record<string, unknown>)[key]);
    }
    if (units >= 1024) {
      charge(run, units);
      units = 0;
    }
  }
  charge(run, units);
}
