import { may } from '../../layout/access';

/** A version as the API lists it (only what the buttons need). */
export interface VersionRecord {
  number: number;
  status: 'draft' | 'in_review' | 'approved' | 'published' | 'retired';
  authors: string[];
  checksum?: string;
  /** The draft's revision: a submission names the one its author read. */
  revision?: number;
  /** Its last test run, on the content whose checksum it names. */
  testRun?: { checksum: string; passed: number; failed: number; skipped?: number };
  /** When it was put (or is to be put) in force: a publication or a rollback each. */
  publications?: { effectiveFrom: string }[];
  inForce?: boolean;
  /** The version its draft began from (none when nothing was in force then). */
  basedOn?: number;
}

export type VersionAction = 'submit' | 'approve' | 'reject' | 'publish' | 'unschedule';

/**
 * The instant a published version is to take effect, when that is still to come (a scheduled publication). A
 * version in force already (rolled back to while it waited) is not waiting for anything.
 */
export function scheduledFrom(version: VersionRecord, now = Date.now()): string | undefined {
  if (version.status !== 'published' || version.inForce) return undefined;
  return version.publications?.map((p) => p.effectiveFrom).find((at) => Date.parse(at) > now);
}

/**
 * The versions a rollback may put back: those that were in force once. One merely scheduled for later never was:
 * it is published on its date, or withdrawn (the API refuses it too).
 */
export function rollbackCandidates(
  versions: VersionRecord[],
  activeVersion: number | null,
  now = Date.now(),
): RollbackCandidate[] {
  return versions
    .filter((v) => (v.status === 'published' || v.status === 'retired') && v.number !== activeVersion && v.checksum)
    .flatMap((v) => {
      const started = (v.publications ?? []).map((p) => Date.parse(p.effectiveFrom)).filter((at) => at <= now);
      return started.length === 0 ? [] : [{ ...v, lastInForce: new Date(Math.max(...started)).toISOString() }];
    })
    .sort((a, b) => Date.parse(b.lastInForce) - Date.parse(a.lastInForce) || b.number - a.number);
}

/**
 * A version a rollback may put back, with when it last took effect. Listed most recent first: the one in force
 * just before the current one is usually what an approver undoing a bad publication wants, and the list had
 * started with version 1, which was then put back by mistake.
 */
export interface RollbackCandidate extends VersionRecord {
  lastInForce: string;
}

/** Why submitting a version is refused before asking the API (an i18n key and its arguments), or undefined. */
export interface SubmitBlock {
  reason: string;
  args?: Record<string, unknown>;
}

/**
 * A hook a kind of resource may give the version list: what keeps one of its versions from being submitted
 * (a rule set's analysis errors). Called for every listed version, so it reads only for drafts.
 */
export type UseSubmitBlock = (id: string, version: VersionRecord | undefined) => SubmitBlock | undefined;

/** Nothing blocks submission beyond the lifecycle's own rules. */
export const useNoSubmitBlock: UseSubmitBlock = () => undefined;

/**
 * The version a version was written from and the one in force now, when they differ: publishing it would undo
 * the changes of the version in force (the API refuses it, `stale_base`). Only for versions still on their way
 * to publication; undefined when nothing is in force, or when `activeVersion` is not known.
 */
export function staleBase(
  version: VersionRecord,
  activeVersion: number | null | undefined,
): { base: number | null; inForce: number } | undefined {
  if (activeVersion === null || activeVersion === undefined) return undefined;
  if (version.status !== 'in_review' && version.status !== 'approved') return undefined;
  const base = version.basedOn ?? null;
  return base === activeVersion ? undefined : { base, inForce: activeVersion };
}

export interface ListedAction {
  action: VersionAction;
  /** An i18n key saying why the button is disabled, with its arguments. */
  disabledReason?: string;
  reasonArgs?: Record<string, unknown>;
}

/**
 * Which lifecycle buttons a user sees for a version, and why one is disabled (an i18n key), following the
 * API's rules: analysts submit drafts; approvers approve or reject others' versions in review and publish.
 */
export function versionActions(
  version: VersionRecord,
  user: { id: string; roles: string[] },
  /** The resource's version in force, when known: a version written from another cannot be published. */
  activeVersion?: number | null,
): ListedAction[] {
  const actions: ListedAction[] = [];
  if (version.status === 'draft' && may('submitVersion', user.roles)) actions.push({ action: 'submit' });
  if (version.status === 'in_review' && may('reviewVersion', user.roles)) {
    const ownWork = version.authors.includes(user.id) ? 'gabarit.lifecycle.four_eyes' : undefined;
    actions.push({ action: 'approve', disabledReason: ownWork }, { action: 'reject', disabledReason: ownWork });
  }
  if (version.status === 'approved' && may('publishVersion', user.roles)) {
    // The API refuses to publish while its tests fail on this content, or over a version published since it was
    // written: the button says so before, not a 409 after.
    const stale = staleBase(version, activeVersion);
    actions.push(
      stale
        ? { action: 'publish', disabledReason: 'gabarit.lifecycle.stale_base', reasonArgs: staleArgs(version, stale) }
        : { action: 'publish', disabledReason: failingTests(version) ? 'gabarit.lifecycle.tests_fail' : undefined },
    );
  }
  if (scheduledFrom(version) !== undefined && may('publishVersion', user.roles)) actions.push({ action: 'unschedule' });
  return actions;
}

/** The version's last test run, on its own content, has failures. */
export function failingTests(version: VersionRecord): boolean {
  const run = version.testRun;
  return run !== undefined && run.failed > 0 && (version.checksum === undefined || run.checksum === version.checksum);
}

/**
 * The arguments of the stale-base wording: the version, what it was written from, what is in force. The wording's
 * second form (smart_count 2, the same in French and English) is for a version written when nothing was in force.
 */
export function staleArgs(version: VersionRecord, stale: { base: number | null; inForce: number }) {
  return {
    version: version.number,
    base: stale.base ?? '—',
    inForce: stale.inForce,
    smart_count: stale.base === null ? 2 : 1,
  };
}
