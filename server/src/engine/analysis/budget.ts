import { words, type Words } from './words.js';

/**
 * The work one analysis may do, in units: a search step, a formula item or a domain entry it copies, a pair
 * of table rows compared. Every question of one analysis draws on it, so that no rule set an analyst writes
 * holds the event loop for long (docs/adr/0025-static-analysis.md, "Budget"); what is left undecided when it
 * runs out is listed as not checked.
 */
export const ANALYSIS_UNITS = 160_000;

/**
 * An analysis step by step: it yields between one row, rule or branch and the next, where the service may give
 * the event loop a turn (the units bound the work, not the time it takes on a loaded machine).
 */
export type Turns = Generator<void, void, void>;

export class WorkBudget {
  constructor(private left = ANALYSIS_UNITS) {}

  /** Units still available (0 once spent). */
  get remaining(): number {
    return Math.max(0, this.left);
  }

  get spent(): boolean {
    return this.left <= 0;
  }

  /** Records work done. */
  charge(units: number): void {
    this.left -= units;
  }
}

/** Why a question was not decided once the budget ran out. */
export const budgetSpent: Words = words(
  'le budget de travail d’une analyse est épuisé',
  'the work budget of one analysis is spent',
);
