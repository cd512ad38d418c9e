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
