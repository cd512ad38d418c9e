import { runSteps, type Steps } from '../../common/async/steps.js';
import type { WorkBudget } from './budget.js';
import { budgetSpent } from './budget.js';
import { copyDomain, emptyDomain, narrow, narrowCost, negate, satisfiable, type Domain } from './domain.js';
import type { Formula, Opaque } from './formula.js';
import { counted, words, type Words } from './words.js';

/** The domains of one open branch: what each fact path may still be. */
export type Domains = Map<string, Domain>;

/**
 * `unsat`: no input satisfies every formula (proved on the modelled atoms alone, so sound whatever the
 * opaque leaves do). `sat`: a branch stays open with no opaque leaf on it. `unknown`: open branches all rest
 * on opaque leaves, or the search ran past its steps or the analysis budget.
 */
export interface Outcome {
  result: 'sat' | 'unsat' | 'unknown';
  /** Open branches found, up to the number asked for (examples of gaps). */
  witnesses: Domains[];
  /** Why an open branch could not be confirmed. */
  reasons: Words[];
  /** Search steps spent. */
  steps: number;
}

/** Steps one question may take, however much budget the analysis has left. */
const STEPS = 20_000;

/**
 * Search steps between two points where the analysis may give the event loop a turn: one question between two
 * rules at the size limit took 10–20 ms, and held the loop 36–45 ms when it ran in one go.
 */
const STEPS_PER_PAUSE = 256;

/** A list shared by the branches that extend it: a step adds to its front without copying it. */
type List<T> = { head: T; tail: List<T> } | undefined;
const prepend = <T>(items: readonly T[], tail: List<T>): List<T> =>
  items.reduceRight<List<T>>((rest, head) => ({ head, tail: rest }), tail);

interface Branch {
  todo: List<Formula>;
  domains: Domains;
  opaque: List<Opaque>;
}

export interface SolveOptions {
  /** Open branches to collect (examples of gaps). */
  wanted?: number;
  /** Steps this question may take. */
  maxSteps?: number;
  /**
   * Only `unsat` matters to the caller (does one rule imply another): the first open branch settles it, even
   * one resting on opaque leaves, instead of searching on for a branch free of them.
   */
  onlyUnsat?: boolean;
}

/**
 * A tableau search over a conjunction of formulas: `and` adds its items, `or` branches, atoms narrow the
 * domain of their fact path and close the branch when it empties. `seed` gives each path's starting domain
 * (from the input schema); `wanted` is how many open branches to collect. Depth first with its own stack (a
 * branch thousands of atoms deep would overflow the call stack); the work is charged to `budget`.
 */
export function solve(
  formulas: Formula[],
  seed: (key: string) => Domain | undefined,
  budget: WorkBudget,
  options: SolveOptions = {},
): Outcome {
  return runSteps(solveInSteps(formulas, seed, budget, options));
}

/** The same search, yielding every few hundred steps where the analysis may give the event loop a turn. */
export function* solveInSteps(
  formulas: Formula[],
  seed: (key: string) => Domain | undefined,
  budget: WorkBudget,
  { wanted = 1, maxSteps = STEPS, onlyUnsat = false }: SolveOptions = {},
): Steps<Outcome> {
  const witnesses: Domains[] = [];
  // By their English, so one reason met on many branches is said once.
  const reasons = new Map<string, Words>();
  const allowed = budget.remaining;
  let steps = 0;
  // A step costs one unit, plus the items it lays out and the domain entries it copies.
  let work = formulas.length;
  let unsure = false;
  let stopped: Words | undefined;

  const stack: Branch[] = [];
  let next: Branch | undefined = { todo: prepend(formulas, undefined), domains: new Map(), opaque: undefined };
  while (next ?? stack.length > 0) {
    const branch: Branch = next ?? stack.pop()!;
    next = undefined;
    if (++steps % STEPS_PER_PAUSE === 0) yield;
    ++work;
    if (steps > maxSteps || work > allowed) {
      const limit = counted(maxSteps);
      stopped =
        steps > maxSteps
          ? words(`la recherche demandait plus de ${limit.fr} étapes`, `the search needed more than ${limit.en} steps`)
          : budgetSpent;
      unsure = true;
      break;
    }
    const { todo, domains, opaque } = branch;
    if (!todo) {
      if (opaque) {
        // Keep looking for a branch free of opaque leaves.
        unsure = true;
        const met: Opaque[] = [];
        for (let o: List<Opaque> = opaque; o; o = o.tail) met.push(o.head);
        work += met.length;
        met.reverse().forEach((o) => reasons.set(o.reason.en, o.reason));
        if (onlyUnsat) break;
        continue;
      }
      witnesses.push(domains);
      if (witnesses.length >= wanted) break;
      continue;
    }
    const head = todo.head;
    const rest = todo.tail;
    const domainOf = (key: string) => domains.get(key) ?? seed(key) ?? emptyDomain();
    switch (head.kind) {
      case 'and':
        work += head.items.length;
        next = { todo: prepend(head.items, rest), domains, opaque };
        break;
      case 'or':
        work += head.items.length;
        // An alternative the domains already make true settles the `or` without branching on it.
        if (
          head.items.some((item) => {
            if (item.kind !== 'atom') return false;
            const domain = domainOf(item.key);
            work += narrowCost(domain, item.test);
            return !satisfiable(narrow(domain, negate(item.test)));
          })
        ) {
          next = { todo: rest, domains, opaque };
          break;
        }
        // The first alternative is searched first, as written.
        for (let i = head.items.length - 1; i >= 0; i--)
          stack.push({ todo: { head: head.items[i]!, tail: rest }, domains, opaque });
        break;
      case 'opaque':
        next = { todo: rest, domains, opaque: { head, tail: opaque } };
        break;
      case 'atom': {
        const domain = domainOf(head.key);
        work += narrowCost(domain, head.test);
        const narrowed = narrow(domain, head.test);
        if (!satisfiable(narrowed)) break;
        work += domains.size;
        const copy = new Map(domains);
        copy.set(head.key, narrowed);
        next = { todo: rest, domains: copy, opaque };
        break;
      }
    }
  }
  budget.charge(work);
  if (stopped) reasons.set(stopped.en, stopped);
  const result = witnesses.length > 0 ? 'sat' : unsure ? 'unknown' : 'unsat';
  return {
    result,
    witnesses: witnesses.map((w) => new Map([...w].map(([k, d]) => [k, copyDomain(d)]))),
    reasons: [...reasons.values()],
    steps,
  };
}
