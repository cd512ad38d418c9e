import { copyDomain, emptyDomain, narrow, negate, satisfiable, type Domain } from './domain.js';
import type { Formula, Opaque } from './formula.js';
import { counted, words, type Words } from './words.js';

/** The domains of one open branch: what each fact path may still be. */
export type Domains = Map<string, Domain>;

/**
 * `unsat`: no input satisfies every formula (proved on the modelled atoms alone, so sound whatever the
 * opaque leaves do). `sat`: a branch stays open with no opaque leaf on it. `unknown`: open branches all rest
 * on opaque leaves, or the search budget ran out.
 */
export interface Outcome {
  result: 'sat' | 'unsat' | 'unknown';
  /** Open branches found, up to the number asked for (examples of gaps). */
  witnesses: Domains[];
  /** Why an open branch could not be confirmed. */
  reasons: Words[];
  /** Search steps spent, for callers that share a budget over many questions. */
  steps: number;
}

const BUDGET = 20_000;

/**
 * A tableau search over a conjunction of formulas: `and` adds its items, `or` branches, atoms narrow the
 * domain of their fact path and close the branch when it empties. `seed` gives each path's starting domain
 * (from the input schema); `wanted` is how many open branches to collect.
 */
export function solve(
  formulas: Formula[],
  seed: (key: string) => Domain | undefined,
  wanted = 1,
  budget = BUDGET,
): Outcome {
  const witnesses: Domains[] = [];
  // By their English, so one reason met on many branches is said once.
  const reasons = new Map<string, Words>();
  let steps = 0;
  let unsure = false;

  let domainOf: (key: string) => Domain = () => emptyDomain();
  const search = (todo: Formula[], domains: Domains, opaque: Opaque[]): boolean => {
    if (++steps > budget) {
      unsure = true;
      return true; // stop: the result cannot be claimed
    }
    domainOf = (key) => domains.get(key) ?? seed(key) ?? emptyDomain();
    const [head, ...rest] = todo;
    if (!head) {
      if (opaque.length > 0) {
        unsure = true;
        opaque.forEach((o) => reasons.set(o.reason.en, o.reason));
        return false; // keep looking for a branch free of opaque leaves
      }
      witnesses.push(domains);
      return witnesses.length >= wanted;
    }
    switch (head.kind) {
      case 'and':
        return search([...head.items, ...rest], domains, opaque);
      case 'or':
        // An alternative the domains already make true settles the `or` without branching on it.
        if (
          head.items.some((item) => item.kind === 'atom' && !satisfiable(narrow(domainOf(item.key), negate(item.test))))
        ) {
          return search(rest, domains, opaque);
        }
        for (const item of head.items) if (search([item, ...rest], domains, opaque)) return true;
        return false;
      case 'opaque':
        return search(rest, domains, [...opaque, head]);
      case 'atom': {
        const current = domains.get(head.key) ?? seed(head.key) ?? emptyDomain();
        const next = narrow(current, head.test);
        if (!satisfiable(next)) return false;
        const copy = new Map(domains);
        copy.set(head.key, next);
        return search(rest, copy, opaque);
      }
    }
  };

  search(formulas, new Map(), []);
  if (steps > budget) {
    const limit = counted(budget);
    const reason = words(
      `la recherche demandait plus de ${limit.fr} étapes`,
      `the search needed more than ${limit.en} steps`,
    );
    reasons.set(reason.en, reason);
  }
  const result = witnesses.length > 0 ? 'sat' : unsure ? 'unknown' : 'unsat';
  return {
    result,
    witnesses: witnesses.map((w) => new Map([...w].map(([k, d]) => [k, copyDomain(d)]))),
    reasons: [...reasons.values()],
    steps,
  };
}
