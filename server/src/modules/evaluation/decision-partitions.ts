/**
 * Where a decision record is stored (docs/adr/0042): one collection per UTC day, named from the time in the
 * record's id (a UUID version 7, common/ids/time-ordered-id.ts), so a record is read by `_id` in the one collection
 * that can hold it, and retention drops whole days instead of searching the records by date, which the embedded
 * database does by reading every record (8 s at 100 000 records here, past the socket timeout at a few hundred
 * thousand: the purge never finished, and records were kept past their retention).
 *
 * Records whose id carries no time (stored before day collections, or given by hand in tests) are in the
 * collection they always were in, `decisions`.
 */

/** The collection of records stored before day collections: read and purged until it is empty, then dropped. */
export const LEGACY_DECISIONS = 'decisions';

const DAY_MS = 86_400_000;
const PREFIX = `${LEGACY_DECISIONS}_`;
const V7 = /^([0-9a-f]{8})-([0-9a-f]{4})-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DAY_NAME = /^decisions_(\d{4})(\d{2})(\d{2})$/;

/** The collection of the record with this id: its day's, or `decisions` for an id that carries no time. */
export function collectionOfDecision(id: string): string {
  const v7 = V7.exec(id);
  if (!v7) return LEGACY_DECISIONS;
  return dayCollection(parseInt(v7[1]! + v7[2]!, 16));
}

/** The collection of the day holding this instant (ms since the epoch, UTC): `decisions_YYYYMMDD`. */
export function dayCollection(ms: number): string {
  return PREFIX + new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
}

/** When a day collection's day ends (ms since the epoch); null for any other name. */
export function dayCollectionEnds(name: string): number | null {
  const day = DAY_NAME.exec(name);
  if (!day) return null;
  const start = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  // `decisions_20261399` is no day: Date.UTC would roll it over to another one.
  if (dayCollection(start) !== name) return null;
  return start + DAY_MS;
}

/** Whether a collection holds decision records: a day's or the legacy one. */
export function isDecisionCollection(name: string): boolean {
  return name === LEGACY_DECISIONS || dayCollectionEnds(name) !== null;
}
