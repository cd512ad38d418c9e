import { canonicalJson } from '../common/json/canonical.js';
import type { Outcome } from './evaluator.js';
import type { RuleTrace } from './trace.js';

/** The hit policies checked on a run's outcome (docs/adr/0026): the rows are evaluated as under `collect`. */
export type CheckedHitPolicy = 'unique' | 'any';

/** What `compileDecisionTable` keeps for a table under `unique` or `any`: the policy and each row's index. */
export interface HitPolicyCheck {
  policy: CheckedHitPolicy;
  rowIndex: ReadonlyMap<string, number>;
}

/** Facts for which a `unique` table has several matching rows, or an `any` table matching rows that disagree. */
export class HitPolicyError extends Error {
  constructor(
    readonly policy: CheckedHitPolicy,
    readonly rows: { id: string; index: number }[],
  ) {
    const names = rows.map((r) => `"${r.id}"`).join(', ');
    super(
      policy === 'unique'
        ? `Hit policy unique: rows ${names} all match these facts; at most one row may match.`
        : `Hit policy any: rows ${names} match these facts with different outputs; matching rows must agree.`,
    );
    this.name = 'HitPolicyError';
  }
}

/**
 * Applies `unique` or `any` to the outcome of a run that evaluated every row (as `collect`): one match or none
 * passes as it is; several pass under `any` when their events (type and params) are the same, the event then
 * given once (the traces still list every matching row); otherwise a HitPolicyError naming the rows.
 * `firedRows` gives the matching rows' traces when the run did not build them (traces off).
 */
export function applyHitPolicy<T extends Pick<Outcome, 'events' | 'fired'>>(
  check: HitPolicyCheck,
  outcome: T,
  firedRows: () => RuleTrace[],
): T {
  const { events } = outcome;
  if (events.length <= 1) return outcome;
  if (check.policy === 'any') {
    const first = canonicalJson(events[0]);
    if (events.every((event) => canonicalJson(event) === first)) return { ...outcome, events: [events[0]!] };
  }
  const fired = outcome.fired.length === events.length ? outcome.fired : firedRows();
  throw new HitPolicyError(
    check.policy,
    fired.map((trace) => ({ id: trace.name, index: check.rowIndex.get(trace.name) ?? -1 })),
  );
}
