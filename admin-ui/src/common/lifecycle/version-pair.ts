/** The versions offered in the from/to pickers, newest first. */
export function versionNumbers(versions: { number: number }[]): number[] {
  return versions.map((v) => v.number).sort((a, b) => b - a);
}

/** The newest version in review, else the newest approved and not yet published: what an approver decides on. */
export function awaitingDecision(versions: { number: number; status?: string }[]): number | undefined {
  // The newest such version: an older one may linger (approved, never published).
  const newest = (status: string) =>
    [...versions].sort((a, b) => b.number - a.number).find((v) => v.status === status)?.number;
  return newest('in_review') ?? newest('approved');
}

/**
 * The pair the diff opens on: the version awaiting a decision (in review, else approved and not yet published),
 * else the draft (or the newest version), against the version in force, or against the one before it when that
 * is the same version. A version in review comes first: it is what an approver compares, and a draft may have
 * been started beside it.
 */
export function defaultPair(record: {
  activeVersion: number | null;
  draftVersion: number | null;
  versions: { number: number; status?: string }[];
}): { from: number; to: number } | null {
  const numbers = versionNumbers(record.versions);
  if (numbers.length === 0) return null;
  const to = awaitingDecision(record.versions) ?? record.draftVersion ?? numbers[0]!;
  const from =
    record.activeVersion !== null && record.activeVersion !== to
      ? record.activeVersion
      : (numbers.find((n) => n < to) ?? to);
  return { from, to };
}
