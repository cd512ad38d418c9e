import { ForbiddenError } from '../../common/errors/domain-errors.js';
import type { Publication, VersionRecord, VersionStatus } from './versioned-resource.js';

/**
 * The version in force at an instant: among publications whose window contains it, the one that starts
 * latest (a later decision with the same start wins). A rollback starts now, so it takes over at once.
 */
export function versionInForce(publications: readonly Publication[], instant: Date): number | null {
  const t = instant.getTime();
  let best: Publication | undefined;
  for (const p of publications) {
    const from = Date.parse(p.effectiveFrom);
    if (from > t || (p.effectiveTo !== undefined && Date.parse(p.effectiveTo) <= t)) continue;
    if (
      !best ||
      from > Date.parse(best.effectiveFrom) ||
      (from === Date.parse(best.effectiveFrom) && p.publishedAt >= best.publishedAt)
    )
      best = p;
  }
  return best?.version ?? null;
}

/**
 * Whether a version has taken effect by the instant: in force then, or before (retired since). A version only
 * scheduled has been published but has not: it must not be served before its date, by number or otherwise.
 */
export function hasTakenEffect(publications: readonly Publication[], version: number, instant: Date): boolean {
  const t = instant.getTime();
  return publications.some((p) => p.version === version && Date.parse(p.effectiveFrom) <= t);
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
