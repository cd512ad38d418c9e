import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors.js';
import type { AuditEntry } from '../audit/audit-chain.js';
import { noSuchVersion } from '../governance/lifecycle.js';
import { versionInForce } from '../governance/publications.js';
import type { ShadowRun, Transition } from '../governance/versioned-resource.js';
import type { RulesetState } from './ruleset-views.js';
import type { RulesetContent, RulesetMeta } from './ruleset.types.js';

/** Shadow runs kept on a rule set's state (the running one and the latest ended ones, for their reports). */
const KEPT_RUNS = 20;

/** What may run in shadow: a version under review, or approved and not yet published (docs/adr/0028). */
const SHADOWABLE = new Set(['in_review', 'approved']);

/** Counts of a shadow run, as its report gives them; they go into the audit events that end or judge it. */
export interface ShadowFigures {
  compared: number;
  diverged: number;
  byTransition: Record<string, number>;
}

type RulesetTransition = Transition<RulesetMeta, RulesetContent>;

/** The running shadow of a rule set, if any. */
export function runningShadow(state: Pick<RulesetState, 'shadows'>): ShadowRun | undefined {
  const last = state.shadows?.at(-1);
  return last && last.stoppedAt === undefined ? last : undefined;
}

/** The latest shadow run of one version, running or ended. */
export function latestShadowOf(state: Pick<RulesetState, 'shadows'>, version: number): ShadowRun | undefined {
  return [...(state.shadows ?? [])].reverse().find((run) => run.version === version);
}

/**
 * Puts a version in shadow of the version in force. A shadow already running (on this version or another) is
 * replaced: it ends as `replaced`, and each run has its own figures. 409 naming `/version` when the version may
 * not run in shadow or nothing is in force to compare it with.
 */
export function startShadow(
  state: RulesetState,
  number: number,
  percent: number,
  actor: string,
  now: Date,
): RulesetTransition & { run: ShadowRun } {
  const version = state.versions.find((v) => v.number === number);
  if (!version)
    throw new NotFoundError(`The rule set "${state.key}" has no version ${number}.`, [
      noSuchVersion('/version', state.nextVersion - 1),
    ]);
  if (state.archived)
    throw new ConflictError(`The rule set "${state.key}" is archived.`, 'archived', [
      { path: '/key', message: 'names an archived rule set', keyword: 'archived', params: { what: 'rule_set' } },
    ]);
  if (!SHADOWABLE.has(version.status))
    throw new ConflictError(
      `Version ${number} is ${version.status.replace('_', ' ')}; only a version in review or approved (not yet published) can run in shadow.`,
      'invalid_transition',
      [{ path: '/version', message: `is ${version.status.replace('_', ' ')}` }],
    );
  const inForce = versionInForce(state.publications, now);
  if (inForce === null)
    throw new ConflictError(
      `"${state.key}" has no version in force for version ${number} to run in shadow of.`,
      'nothing_in_force',
      [{ path: '/version', message: 'there is no version in force to compare with' }],
    );
  const at = now.toISOString();
  const run: ShadowRun = {
    id: randomUUID(),
    version: number,
    percent,
    startedAt: at,
    startedBy: actor,
    against: inForce,
  };
  const previous = runningShadow(state);
  const events: AuditEntry[] = [];
  let runs = state.shadows ?? [];
  if (previous) {
    runs = runs.map((r) => (r.id === previous.id ? ended(r, 'replaced', actor, at) : r));
    events.push(stoppedEvent(state.key, previous, 'replaced', actor));
  }
  events.push({
    actor,
    action: 'ruleset.shadow_started',
    resourceType: 'ruleset',
    resourceKey: state.key,
    version: number,
    summary: { after: { shadow: run.id, percent, activeVersion: inForce } },
  });
  return {
    run,
    state: { ...state, rev: state.rev + 1, updatedAt: at, shadows: [...runs, run].slice(-KEPT_RUNS) },
    events,
  };
}

/**
 * Ends the running shadow of `number` (DELETE, its publication, its rejection), on top of a transition that may
 * already change the state; the event carries the run's figures when they are known. Unchanged when no shadow
 * of that version runs.
 */
export function endShadow(
  transition: RulesetTransition,
  number: number,
  endedBy: NonNullable<ShadowRun['endedBy']>,
  actor: string,
  now: Date,
  figures?: ShadowFigures,
): RulesetTransition {
  const run = runningShadow(transition.state);
  if (!run || run.version !== number) return transition;
  const at = now.toISOString();
  const shadows = transition.state.shadows!.map((r) => (r.id === run.id ? ended(r, endedBy, actor, at) : r));
  return {
    ...transition,
    state: { ...transition.state, shadows },
    events: [...transition.events, stoppedEvent(transition.state.key, run, endedBy, actor, figures)],
  };
}

/** The approval of a version in shadow carries the shadow's figures so far. */
export function withShadowFigures(transition: RulesetTransition, run: ShadowRun, figures: ShadowFigures) {
  const [approved, ...rest] = transition.events;
  const details = { ...approved!.details, shadow: { id: run.id, percent: run.percent, ...figures } };
  return { ...transition, events: [{ ...approved!, details }, ...rest] };
}

function ended(run: ShadowRun, endedBy: NonNullable<ShadowRun['endedBy']>, actor: string, at: string): ShadowRun {
  return { ...run, stoppedAt: at, stoppedBy: actor, endedBy };
}

function stoppedEvent(
  key: string,
  run: ShadowRun,
  endedBy: string,
  actor: string,
  figures?: ShadowFigures,
): AuditEntry {
  return {
    actor,
    action: 'ruleset.shadow_stopped',
    resourceType: 'ruleset',
    resourceKey: key,
    version: run.version,
    summary: { before: { shadow: run.id, percent: run.percent, startedAt: run.startedAt }, after: { endedBy } },
    ...(figures && { details: { shadow: { id: run.id, ...figures } } }),
  };
}
