/**
 * Ids in the order of their code units, as MongoDB sorts strings without a collation; time-ordered ids
 * (time-ordered-id.ts) come oldest first. `localeCompare` would order them by a language's rules instead.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
