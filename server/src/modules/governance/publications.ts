import { ForbiddenError } from '../../common/errors/domain-errors.js';
import type { Publication, VersionRecord, VersionStatus } from './versioned-resource.js';

/** A publication's window as instants, parsed once: `to` is Infinity for an open window. */
interface Window {
  version: number;
  from: number;
  to: number;
  publishedAt: string;
}

// Every decision asks which version is in force, and a rule set's publications only grow: parsing each one's
// dates on every request made that cost grow with the rule set's history. Publication lists are never changed
// in place (a change makes a new state), so their windows are kept per list.
const windowsOf = new WeakMap<readonly Publication[], readonly Window[]>();

function windows(publications: readonly Publication[]): readonly Window[] {
  let found = windowsOf.get(publications);
  if (!found) {
    found = publications.map((p) => ({
      version: p.version,
      from: Date.parse(p.effectiveFrom),
      to: p.effectiveTo === undefined ? Infinity : Date.parse(p.effectiveTo),
      publishedAt: p.publishedAt,
    }));
    windowsOf.set(publications, found);
  }
  return found;
}

/**
 * The version in force at an instant: among publications whose window contains it, the one that starts
 * latest (a later decision with the same start wins). A rollback starts now, so it takes over at once.
 */
export function versionInForce(publications: readonly Publication[], instant: Date): number | null {
  const t = instant.getTime();
  let best: Window | undefined;
  for (const w of windows(publications)) {
    if (w.from > t || w.to <= t) continue;
    if (!best || w.from > best.from || (w.from === best.from && w.publishedAt >= best.publishedAt)) best = w;
  }
  return best?.version ?? null;
}

/**
 * Whether a version has taken effect by the instant: in force then, or before (retired since). A version only
 * scheduled has been published but has not: it must not be served before its date, by number or otherwise.
 */
export function hasTakenEffect(publications: readonly Publication[], version: number, instant: Date): boolean {
  const t = instant.getTime();
  return windows(publications).some((w) => w.version === version && w.from <= t);
}

/** When a version only scheduled takes effect (its earliest publication), or undefined. */
export function takesEffectOn(publications: readonly Publication[], version: number): string | undefined {
  return publications
    .filter((p) => p.version === version)
    .map((p) => p.effectiveFrom)
    .sort()[0];
}

/** The refusal, to a caller other than a console user, of a version that has not taken effect. */
export function notInEffect(
  key: string,
  version: number,
  publications: readonly Publication[],
  verb: 'evaluate' | 'render',
): ForbiddenError {
  const from = takesEffectOn(publications, version);
  return new ForbiddenError(
    from
      ? `Version ${version} of "${key}" takes effect on ${from}; until then only console users may ${verb} it.`
      : `Version ${version} of "${key}" is not published; only console users may ${verb} it.`,
    'unpublished_version',
    [{ path: '/version', message: from ? `takes effect on ${from}` : 'is not published' }],
  );
}

/** Publications that start after the instant: scheduled changes. */
export function scheduledPublications(publications: readonly Publication[], instant: Date): Publication[] {
  return publications.filter((p) => Date.parse(p.effectiveFrom) > instant.getTime());
}

/** Published versions that are neither in force nor scheduled are retired; others keep their status. */
export function withDerivedStatuses(
  versions: readonly VersionRecord[],
  publications: readonly Publication[],
  now: Date,
): VersionRecord[] {
  const inForce = versionInForce(publications, now);
  const scheduled = new Set(scheduledPublications(publications, now).map((p) => p.version));
  return versions.map((v) => {
    if (v.status !== 'published' && v.status !== 'retired') return v;
    const status: VersionStatus = v.number === inForce || scheduled.has(v.number) ? 'published' : 'retired';
    return status === v.status ? v : { ...v, status };
  });
}
