import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { AppConfig } from '../../config/config.schema.js';
import type { DecisionSamplesRepository, SampleListing } from './decision-samples.repository.js';
import { LatestDecisions } from './latest-decisions.js';
import { SEGMENT_SIZE } from './sample-segments.js';

/**
 * The samples' two collections in memory, with the repository's methods (the e2e tests run the real one against
 * the embedded database): what is written, and how many ids each write carried.
 */
function memorySamples() {
  const listed = new Map<string, SampleListing & { checksum: string; at: Date }>();
  const ids = new Map<string, string[]>();
  const writes: { checksum: string; ids: number }[] = [];
  /** Checksums whose next write fails after its listing is written (a database gone in the middle). */
  const failing = new Set<string>();
  const repository = {
    get: async (id: string) => ids.get(id) ?? [],
    segmentsOf: async (id: string) => listed.get(id)?.segments,
    put: async (
      id: string,
      checksum: string,
      listing: { newest: string; segments: string },
      write: { seq: number; ids: string[] }[],
      remove: number[],
    ) => {
      listed.set(id, { _id: id, checksum, at: new Date(), ...listing });
      if (failing.delete(checksum)) throw new Error('connection closed');
      for (const segment of write) ids.set(`${id}/${segment.seq}`, [...segment.ids]);
      for (const seq of remove) ids.delete(`${id}/${seq}`);
      writes.push({ checksum, ids: write.reduce((n, s) => n + s.ids.length, 0) });
    },
    listedOfVersion: async (checksum: string) => [...listed.values()].filter((l) => l.checksum === checksum),
    deleteNotWrittenSince: async (cutoff: Date) => {
      const old = [...listed.values()].filter((l) => l.at < cutoff);
      for (const { _id } of old) {
        listed.delete(_id);
        for (const key of ids.keys()) if (key.startsWith(`${_id}/`)) ids.delete(key);
      }
      return old.map((l) => l._id);
    },
  };
  return { repository: repository as unknown as DecisionSamplesRepository, writes, ids, failing };
}

let next = 0;
/** Time-ordered like the service's ids: each one newer than the one before. */
const newId = () => `0190${String(next++).padStart(8, '0')}-0000-7000-8000-000000000000`;
const records = (checksum: string, count: number) => Array.from({ length: count }, () => ({ _id: newId(), checksum }));

describe('the latest decisions of a version', () => {
  let store: ReturnType<typeof memorySamples>;
  let latest: LatestDecisions;

  beforeEach(() => {
    jest.useFakeTimers();
    store = memorySamples();
    latest = new LatestDecisions(store.repository, { decisionRetentionDays: 90 } as AppConfig);
  });
  afterEach(() => {
    latest.onModuleDestroy();
    jest.useRealTimers();
  });

  it('writes a busy version once its ids fill a segment, a quiet one after a minute, each only with its new ids', async () => {
    latest.noted(records('calme', 3));
    latest.noted(records('occupee', SEGMENT_SIZE));
    await jest.advanceTimersByTimeAsync(5_000);
    expect(store.writes).toEqual([{ checksum: 'occupee', ids: SEGMENT_SIZE }]);
    latest.noted(records('occupee', 10)); // fills no segment: waits its minute too
    await jest.advanceTimersByTimeAsync(50_000);
    expect(store.writes).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(store.writes.slice(1)).toEqual([{ checksum: 'calme', ids: 3 }]);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(store.writes.slice(2)).toEqual([{ checksum: 'occupee', ids: 10 }]);
    // Found while waiting, and once written: the newest first.
    const quiet = records('calme', 2);
    latest.noted(quiet);
    expect(await latest.latestIds('calme', 2)).toEqual([quiet[1]!._id, quiet[0]!._id]);
    await latest.flush();
    expect(await latest.latestIds('calme', 2)).toEqual([quiet[1]!._id, quiet[0]!._id]);
  });

  it('reads only the newest segments a limit needs, and keeps about the newest 5 000 ids', async () => {
    const stored = records('v', 6_000);
    for (let first = 0; first < stored.length; first += 100) {
      latest.noted(stored.slice(first, first + 100));
      await latest.flush();
    }
    const reads = jest.spyOn(store.repository, 'get');
    const newest = await latest.latestIds('v', 300);
    expect(newest).toEqual(
      stored
        .slice(-300)
        .map((r) => r._id)
        .reverse(),
    );
    expect(reads.mock.calls.length).toBeLessThanOrEqual(3); // 250 ids a segment: the head and one or two more
    const all = (await latest.latestIds('v', 6_000))!;
    expect([all.length >= 5_000, all.length <= 5_000 + SEGMENT_SIZE, all[0]]).toEqual([true, true, stored.at(-1)!._id]);
  });

  it('goes on with a sample it set aside to save memory, from what it stored', async () => {
    const first = records('v0', 1);
    latest.noted(first);
    await latest.flush();
    for (let n = 1; n <= 500; n++) latest.noted(records(`v${n}`, 1)); // 500 more versions: v0 is set aside
    await latest.flush();
    const second = records('v0', 1);
    latest.noted(second);
    await latest.flush();
    expect(await latest.latestIds('v0', 5)).toEqual([second[0]!._id, first[0]!._id]);
    expect(store.ids.get([...store.ids.keys()].find((k) => k.startsWith('v0/'))!)).toEqual([
      first[0]!._id,
      second[0]!._id,
    ]);
  });

  it('writes again only what a failed write left, so no id is stored twice', async () => {
    const a = records('a', SEGMENT_SIZE + 10);
    const b = records('b', 5);
    latest.noted(a);
    latest.noted(b);
    store.failing.add('b'); // a is stored, then b's write fails half-way
    await expect(latest.flush()).rejects.toThrow('could not be written');
    const more = records('b', 1);
    latest.noted(more);
    await latest.flush();
    const stored = (checksum: string) =>
      [...store.ids].filter(([key]) => key.startsWith(`${checksum}/`)).flatMap(([, v]) => v);
    expect([stored('a').length, new Set(stored('a')).size]).toEqual([SEGMENT_SIZE + 10, SEGMENT_SIZE + 10]);
    expect(stored('b').sort()).toEqual([...b, ...more].map((r) => r._id).sort());
    expect(await latest.latestIds('b', 10)).toEqual([...b, ...more].map((r) => r._id).reverse());
  });

  it('starts a sample again when retention deleted it while this instance still knew it', async () => {
    jest.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    latest.noted(records('v', SEGMENT_SIZE + 1));
    await latest.flush();
    jest.setSystemTime(new Date('2026-06-01T00:00:00Z')); // quiet for longer than the 90 days of retention
    latest.onApplicationBootstrap(); // purges at once
    await jest.advanceTimersByTimeAsync(0);
    expect(store.ids.size).toBe(0);
    const fresh = records('v', 1);
    latest.noted(fresh);
    await latest.flush();
    // Not listed with segments that are gone: a new sample, from segment 0.
    expect([...store.ids.entries()].map(([key, value]) => [key.split('/').at(-1), value])).toEqual([
      ['0', [fresh[0]!._id]],
    ]);
  });

  it('writes what is pending when the service stops, and what requests still in flight note after that', async () => {
    const before = records('v', 2);
    latest.noted(before);
    await latest.beforeApplicationShutdown();
    const late = records('v', 1);
    await latest.noted(late);
    expect(store.writes.map((w) => w.ids)).toEqual([2, 3]); // the head rewritten with the late id
    expect(await latest.latestIds('v', 3)).toEqual([late[0]!._id, before[1]!._id, before[0]!._id]);
  });
});
