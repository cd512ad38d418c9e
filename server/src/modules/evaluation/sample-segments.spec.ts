import { describe, expect, it } from '@jest/globals';
import {
  EMPTY_SAMPLE,
  listingOf,
  parseSegments,
  readOrder,
  sampleFromListing,
  SEGMENT_SIZE,
  withIds,
  type OwnSample,
} from './sample-segments.js';

/** Ids that sort like time-ordered ones: `id(3)` is older than `id(4)`. */
const id = (n: number) => `0190${String(n).padStart(8, '0')}-0000-7000-8000-000000000000`;
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => id(from + i));

describe('the segments of a sample of the latest decisions', () => {
  it('rewrites only the head while it fills, then closes it and starts the next', () => {
    const first = withIds(EMPTY_SAMPLE, ids(0, 10), 5_000);
    expect([first.write.map((s) => [s.seq, s.ids.length]), first.remove]).toEqual([[[0, 10]], []]);
    const second = withIds(first.next, ids(10, 5), 5_000);
    expect(second.write.map((s) => [s.seq, s.ids.length])).toEqual([[0, 15]]);
    const filled = withIds(second.next, ids(15, SEGMENT_SIZE), 5_000);
    expect(filled.write.map((s) => [s.seq, s.ids.length])).toEqual([
      [0, SEGMENT_SIZE],
      [1, 15],
    ]);
    // A head filled exactly is closed at once (not rewritten again later); the empty head is not stored.
    const exact = withIds(EMPTY_SAMPLE, ids(0, SEGMENT_SIZE), 5_000);
    expect([exact.write.map((s) => [s.seq, s.ids.length]), exact.next.headSeq, exact.next.head]).toEqual([
      [[0, SEGMENT_SIZE]],
      1,
      [],
    ]);
    expect(listingOf(exact.next).segments).toBe(`0:${id(SEGMENT_SIZE - 1)}`);
    expect(filled.next.closed).toEqual([{ seq: 0, newest: id(SEGMENT_SIZE - 1) }]);
    expect(filled.write[0]!.ids).toEqual(ids(0, SEGMENT_SIZE)); // the oldest close the segment
  });

  it('keeps about the newest maxIds, dropping whole segments written first, and deletes each dropped one', () => {
    let sample: OwnSample = EMPTY_SAMPLE;
    const removed: number[] = [];
    for (let n = 0; n < 30; n++) {
      const change = withIds(sample, ids(n * 100, 100), 1_000);
      removed.push(...change.remove);
      sample = change.next;
    }
    const kept = sample.closed.length * SEGMENT_SIZE + sample.head.length;
    expect([sample.closed.length, kept >= 1_000, kept <= 1_000 + SEGMENT_SIZE]).toEqual([4, true, true]);
    expect(listingOf(sample).newest).toBe(id(2_999));
    // Every segment closed and later dropped was deleted, once each.
    expect(removed).toEqual(Array.from({ length: sample.closed[0]!.seq }, (_, seq) => seq));
    // A batch of many ids at once: segments made and dropped in one change are not written (and deleted, in case
    // a write that failed half-way stored them).
    const flood = withIds(sample, ids(10_000, 3_000), 1_000);
    expect(flood.write.map((s) => s.seq).every((seq) => seq > flood.remove.at(-1)!)).toBe(true);
    expect(flood.remove.at(-1)).toBeGreaterThan(sample.headSeq);
  });

  it('names each segment with its newest id in the listing, and reads it back', () => {
    const change = withIds(EMPTY_SAMPLE, [...ids(0, SEGMENT_SIZE + 3)].reverse(), 5_000);
    const listing = listingOf(change.next);
    expect(listing).toEqual({
      newest: id(SEGMENT_SIZE + 2),
      segments: `0:${id(SEGMENT_SIZE - 1)},1:${id(SEGMENT_SIZE + 2)}`,
    });
    const back = sampleFromListing(parseSegments(listing.segments), change.next.head);
    expect(back).toEqual(change.next);
    // Listed last and full: a closed segment, and the head comes after it.
    const full = withIds(EMPTY_SAMPLE, ids(0, SEGMENT_SIZE), 5_000);
    const closedLast = withIds(EMPTY_SAMPLE, ids(0, SEGMENT_SIZE), 5_000).write[0]!.ids;
    expect(sampleFromListing(parseSegments(listingOf(full.next).segments), closedLast)).toEqual(full.next);
  });

  it('orders what a read takes by newest id: stale samples last, whole samples without one first', () => {
    const order = readOrder([
      { _id: 'v/ancienne', newest: id(5) },
      { _id: 'v/premiere-forme' },
      { _id: 'v/courante', newest: id(900), segments: `7:${id(400)},8:${id(900)}` },
      { _id: 'v/autre', newest: id(600), segments: `0:${id(600)}` },
    ]);
    expect(order.map((r) => r.id)).toEqual([
      'v/premiere-forme',
      'v/courante/8',
      'v/autre/0',
      'v/courante/7',
      'v/ancienne',
    ]);
  });
});
