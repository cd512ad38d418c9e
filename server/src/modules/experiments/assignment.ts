import { createHash } from 'node:crypto';

/**
 * How subjects are hashed to their point. `sha256` (the default since ADR 0023) mixes every bit of the id;
 * `fnv1a` is what experiments created before it keep, so their subjects stay where they were.
 */
export type AssignmentHash = 'sha256' | 'fnv1a';

/** FNV-1a 32-bit hash of a string (UTF-8): the assignment of experiments created before ADR 0023. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A subject's point in [0, 1). FNV-1a of `salt + id` is poorly mixed on sequential ids (employee or case
 * numbers): `subject-1` … `subject-1200` under the salt "brievete" put 676 of 1 200 in the first half, 4.4
 * standard deviations off. The first 32 bits of SHA-256 are uniform whatever the ids look like.
 */
export function unit(text: string, hash: AssignmentHash = 'sha256'): number {
  const bits = hash === 'fnv1a' ? fnv1a32(text) : createHash('sha256').update(text, 'utf8').digest().readUInt32BE(0);
  return bits / 2 ** 32;
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
  hash: AssignmentHash = 'sha256',
): Variant | null {
  if (unit(`${salt}:coverage:${subjectId}`, hash) >= coverage) return null;
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  const point = unit(`${salt}${subjectId}`, hash) * total;
  let cumulative = 0;
  for (const variant of variants) {
    cumulative += variant.weight;
    if (point < cumulative) return variant;
  }
  return variants[variants.length - 1] ?? null;
}
