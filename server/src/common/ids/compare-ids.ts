/**
 * Ids in the order of their UTF-16 code units, as `Array.prototype.sort` orders strings; for the ASCII ids
 * compared here that is also MongoDB's order without a collation (UTF-8 bytes). Time-ordered ids
 * (time-ordered-id.ts) come oldest first. `localeCompare` would order them by a language's rules instead.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
