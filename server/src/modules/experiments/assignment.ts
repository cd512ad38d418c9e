/** FNV-1a 32-bit hash of a string (UTF-8), for sticky assignment (docs/adr/0007). */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A subject's point in [0, 1). */
export function unit(text: string): number {
  return fnv1a32(text) / 2 ** 32;
}

export interface Variant {
  name: string;
  version: number;
  weight: number;
}

/**
 * The variant a subject sees, or null when outside coverage. Inclusion and variant use separate hashes:
 * raising coverage only adds subjects, and never moves one to another variant.
 */
export function assign(
  salt: string,
  subjectId: string,
  variants: readonly Variant[],
  coverage: number,
): Variant | null {
  if (unit(`${salt}:coverage:${subjectId}`) >= coverage) return null;
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  const point = unit(`${salt}${subjectId}`) * total;
  let cumulative = 0;
  for (const variant of variants) {
    cumulative += variant.weight;
    if (point < cumulative) return variant;
  }
  return variants[variants.length - 1] ?? null;
}
