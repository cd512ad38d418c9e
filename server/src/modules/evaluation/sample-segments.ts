import { compareIds } from '../../common/ids/compare-ids.js';

// One instance's sample of one version's latest decision ids, kept in segments (docs/adr/0012, "The latest
// records of a version"). Rewriting the whole sample (up to 5 000 ids, 185 KB) at each write cost the embedded
// database 14 ms of CPU per version: the ids go into segments of SEGMENT_SIZE, of which only the newest, the
// head, is rewritten while it fills; a full segment is written once and then deleted when the sample drops it.

export const SEGMENT_SIZE = 250;

/** A segment as its sample's listing names it: its number and its newest id. */
export interface ListedSegment {
  seq: number;
  newest: string;
}

/** What the instance that owns a sample knows of it. */
export interface OwnSample {
  /** Full segments, in the order they were written. */
  closed: ListedSegment[];
  headSeq: number;
  /** The head's ids, sorted (oldest first); fewer than SEGMENT_SIZE (a full head is closed at once). */
  head: string[];
}

export const EMPTY_SAMPLE: OwnSample = { closed: [], headSeq: 0, head: [] };

/** What to store to add ids to a sample: the segments to (re)write, those to delete, and the sample after. */
export interface SampleChange {
  next: OwnSample;
  write: { seq: number; ids: string[] }[];
  remove: number[];
}

/**
 * Adds `fresh` ids to a sample of at most about `maxIds` (whole segments are dropped, the first written first).
 * Batches may be stored out of order, so a full segment's ids are the oldest of the head and `fresh` together,
 * not necessarily older than every later one: readers go by each segment's newest id, and a dropped segment may
 * hold an id a little newer than a late one kept (milliseconds apart), so the sample is about the newest
 * `maxIds`, not exactly them. Impact replays a sample; the ADR says so.
 */
export function withIds(sample: OwnSample, fresh: readonly string[], maxIds: number): SampleChange {
  const ids = [...new Set([...sample.head, ...fresh])].sort(compareIds);
  const closed = [...sample.closed];
  const write: SampleChange['write'] = [];
  let seq = sample.headSeq;
  while (ids.length >= SEGMENT_SIZE) {
    const full = ids.splice(0, SEGMENT_SIZE);
    write.push({ seq, ids: full });
    closed.push({ seq, newest: full.at(-1)! });
    seq++;
  }
  if (ids.length > 0) write.push({ seq, ids }); // an empty head is neither stored nor listed
  const dropped = new Set(
    closed.splice(0, Math.max(0, closed.length - Math.ceil(maxIds / SEGMENT_SIZE))).map((s) => s.seq),
  );
  return {
    next: { closed, headSeq: seq, head: ids },
    write: write.filter((s) => !dropped.has(s.seq)),
    // Every segment dropped, even one made in this change: a write that failed half-way may have stored it.
    remove: [...dropped],
  };
}

/** The listing of a sample that holds ids: every segment, the head last, as one field (`seq:newest,…`). */
export function listingOf(sample: OwnSample): { newest: string; segments: string } {
  const all = [...sample.closed];
  if (sample.head.length > 0) all.push({ seq: sample.headSeq, newest: sample.head.at(-1)! });
  return {
    newest: all.map((s) => s.newest).reduce((a, b) => (compareIds(a, b) >= 0 ? a : b)),
    segments: all.map((s) => `${s.seq}:${s.newest}`).join(','),
  };
}

export function parseSegments(text: string): ListedSegment[] {
  return text.split(',').map((entry) => {
    const colon = entry.indexOf(':');
    return { seq: Number(entry.slice(0, colon)), newest: entry.slice(colon + 1) };
  });
}

/**
 * The sample again, from its listing and the ids of the segment listed last (an instance that set it aside to
 * save memory): that segment is the head unless it is full.
 */
export function sampleFromListing(segments: ListedSegment[], lastIds: string[]): OwnSample {
  const last = segments.at(-1);
  if (!last) return EMPTY_SAMPLE;
  if (lastIds.length >= SEGMENT_SIZE) return { closed: segments, headSeq: last.seq + 1, head: [] };
  return { closed: segments.slice(0, -1), headSeq: last.seq, head: lastIds };
}

export function segmentId(sampleId: string, seq: number): string {
  return `${sampleId}/${seq}`;
}

/** A document of ids a read may take: a segment, or a whole sample as first stored (no segments listed). */
export interface ReadableIds {
  id: string;
  /** Its newest id; unknown for samples listed before it was kept, which are read in any case. */
  newest?: string;
}

/** Sorts after every id. */
const NEWEST_UNKNOWN = '\uffff';

/** What a read may take from the samples of a version, newest first. */
export function readOrder(listed: { _id: string; newest?: string; segments?: string }[]): ReadableIds[] {
  const readable = listed.flatMap(({ _id, newest, segments }): ReadableIds[] =>
    segments === undefined
      ? [{ id: _id, ...(newest !== undefined && { newest }) }]
      : parseSegments(segments).map((s) => ({ id: segmentId(_id, s.seq), newest: s.newest })),
  );
  return readable.sort((a, b) => compareIds(b.newest ?? NEWEST_UNKNOWN, a.newest ?? NEWEST_UNKNOWN));
}
