/** The versions offered in the from/to pickers, newest first. */
export function versionNumbers(versions: { number: number }[]): number[] {
  return versions.map((v) => v.number).sort((a, b) => b - a);
}

/**
 * The pair the diff opens on: the draft (or the newest version) against the version in force, or against the
 * one before it when that is the same version.
 */
export function defaultPair(record: {
  activeVersion: number | null;
  draftVersion: number | null;
  versions: { number: number }[];
}): { from: number; to: number } | null {
  const numbers = versionNumbers(record.versions);
  if (numbers.length === 0) return null;
  const to = record.draftVersion ?? numbers[0]!;
  const from =
    record.activeVersion !== null && record.activeVersion !== to
      ? record.activeVersion
      : (numbers.find((n) => n < to) ?? to);
  return { from, to };
}
