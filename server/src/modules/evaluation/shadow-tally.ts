import { canonicalJson } from '../../common/json/canonical.js';
import { wilson95 } from '../../common/statistics/proportions.js';

/** An outcome as the impact replay names it: the event types joined with `+`, `(none)` for none. */
export function outcome(types: readonly string[]): string {
  return types.length === 0 ? '(none)' : types.join('+');
}

/** An event as a decision gives it: its type and its parameters (who approves, by when). */
export interface DecidedEvent {
  type: string;
  params?: unknown;
}

/**
 * What one side of a comparison gave: its outcome, the names of the rules that fired (when known), and its events
 * with their parameters (absent for an error).
 */
export interface SideResult {
  outcome: string;
  fired: readonly string[];
  events?: readonly DecidedEvent[];
}

/**
 * The names of the parameters whose values differ between two sides that give the same event types, sorted.
 * The invoice routing pilot decides everything in its parameters (`route_approval` to a manager or a director):
 * compared by types alone, a draft sending every manager's invoice to the director changed « nothing », in the
 * impact, the shadow report and the approval dialog (a console review).
 */
export function changedParams(before: readonly DecidedEvent[], after: readonly DecidedEvent[]): string[] {
  const names = new Set<string>();
  before.forEach((event, i) => {
    const a = paramsOf(event);
    const b = paramsOf(after[i]);
    for (const name of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (canonicalJson(a[name]) !== canonicalJson(b[name])) names.add(name);
  });
  return [...names].sort();
}

const paramsOf = (event: DecidedEvent | undefined): Record<string, unknown> =>
  event?.params !== null && typeof event?.params === 'object' && !Array.isArray(event.params)
    ? (event.params as Record<string, unknown>)
    : { '': event?.params }; // params that are not an object: compared whole

export interface Comparison {
  before: string;
  after: string;
  diverged: boolean;
  transition: string;
  rulesOnlyBefore: string[];
  rulesOnlyAfter: string[];
}

/**
 * Compares the version in force (before) with the shadow (after): a divergence is a different outcome, or the
 * same event types with other parameters. The transition names the types; when only parameters differ, their
 * names follow in parentheses (`route_approval → route_approval (level)`): by name and not by value, so a
 * parameter that differs for every decision (a due date) makes one transition, not one a decision.
 */
export function compare(before: SideResult, after: SideResult): Comparison {
  const inAfter = new Set(after.fired);
  const inBefore = new Set(before.fired);
  const params =
    before.outcome === after.outcome && before.events && after.events ? changedParams(before.events, after.events) : [];
  return {
    before: before.outcome,
    after: after.outcome,
    diverged: before.outcome !== after.outcome || params.length > 0,
    transition: `${before.outcome} → ${after.outcome}${params.length > 0 ? ` (${params.join(', ')})` : ''}`,
    rulesOnlyBefore: [...new Set(before.fired)].filter((name) => !inAfter.has(name)),
    rulesOnlyAfter: [...new Set(after.fired)].filter((name) => !inBefore.has(name)),
  };
}

/** One divergence kept as an example. `facts` is masked at read time for readers who may not see personal data. */
export interface ShadowExample {
  evaluationId: string;
  before: string;
  after: string;
  rulesOnlyBefore: string[];
  rulesOnlyAfter: string[];
  /** Absent when their JSON is longer than MAX_EXAMPLE_FACTS_BYTES (shadow-tallies.repository.ts). */
  facts?: Record<string, unknown>;
  at: string;
}

export interface TallyCounts {
  compared: number;
  diverged: number;
  /** Evaluations sampled for the shadow but dropped (queue full, event loop lagging). */
  shed: number;
  /** Shadow runs that failed (`error: <code>` outcomes), counted in `compared` too. */
  errors: number;
  /** Divergent transitions only (`before → after`), as the impact replay counts them. */
  byTransition: Record<string, number>;
}

export const EXAMPLES_PER_TRANSITION = 20;
export const EXAMPLES_PER_RUN = 200;

export function emptyCounts(): TallyCounts {
  return { compared: 0, diverged: 0, shed: 0, errors: 0, byTransition: {} };
}

/** Adds counts (from several instances) together. */
export function addCounts(a: TallyCounts, b: TallyCounts): TallyCounts {
  const byTransition = { ...a.byTransition };
  for (const [t, n] of Object.entries(b.byTransition)) byTransition[t] = (byTransition[t] ?? 0) + n;
  return {
    compared: a.compared + b.compared,
    diverged: a.diverged + b.diverged,
    shed: a.shed + b.shed,
    errors: a.errors + b.errors,
    byTransition,
  };
}

/**
 * One instance's counts for one shadow run since this process started it: cumulative (so the stored copy with
 * the highest sequence is this instance's whole contribution), with the examples not yet stored. Examples are
 * capped per transition and per run, so a run that diverges everywhere stores a bounded number of them.
 */
export class ShadowTally {
  readonly counts: TallyCounts = emptyCounts();
  /** Incremented at every change; a flush stores the counts when it moved since the last one. */
  changes = 0;
  flushedChanges = 0;
  seq = 0;
  private pendingExamples: ShadowExample[] = [];
  private readonly keptPerTransition = new Map<string, number>();
  private kept = 0;

  record(comparison: Comparison, example: () => Omit<ShadowExample, 'before' | 'after'>, error: boolean): void {
    this.counts.compared++;
    if (error) this.counts.errors++;
    this.changes++;
    if (!comparison.diverged) return;
    this.counts.diverged++;
    const t = comparison.transition;
    this.counts.byTransition[t] = (this.counts.byTransition[t] ?? 0) + 1;
    const forTransition = this.keptPerTransition.get(t) ?? 0;
    if (forTransition >= EXAMPLES_PER_TRANSITION || this.kept >= EXAMPLES_PER_RUN) return;
    this.keptPerTransition.set(t, forTransition + 1);
    this.kept++;
    this.pendingExamples.push({ ...example(), before: comparison.before, after: comparison.after });
  }

  shed(count = 1): void {
    this.counts.shed += count;
    this.changes++;
  }

  /** The examples to store now (they leave the tally; put back with `restore` if the store fails). */
  takeExamples(): ShadowExample[] {
    const taken = this.pendingExamples;
    this.pendingExamples = [];
    return taken;
  }

  /** The examples not stored yet, left in place (a report shows them before they are stored). */
  peekExamples(): readonly ShadowExample[] {
    return this.pendingExamples;
  }

  restore(examples: ShadowExample[]): void {
    this.pendingExamples = [...examples, ...this.pendingExamples];
  }
}

/**
 * Takes `percent` of calls, spread evenly and deterministically (at 25 %: every fourth): the share is exact
 * over any window, with no random draw on the hot path.
 */
export class Sampler {
  private credit = 0;
  constructor(readonly percent: number) {}

  take(): boolean {
    this.credit += this.percent;
    if (this.credit < 100) return false;
    this.credit -= 100;
    return true;
  }
}

export interface Rate {
  rate: number;
  /** Wilson score interval at 95 %. */
  interval: [number, number];
}

export function rateOf(count: number, of: number): Rate {
  return { rate: of === 0 ? 0 : count / of, interval: wilson95(count, of) };
}

/** The divergence rate of a run and the rate of each transition among compared evaluations, with 95 % intervals. */
export function rates(counts: TallyCounts): Rate & { byTransition: Record<string, Rate> } {
  return {
    ...rateOf(counts.diverged, counts.compared),
    byTransition: Object.fromEntries(
      Object.entries(counts.byTransition).map(([t, n]) => [t, rateOf(n, counts.compared)]),
    ),
  };
}
