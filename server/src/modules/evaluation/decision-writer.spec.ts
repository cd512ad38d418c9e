import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '../../config/config.schema.js';
import { HttpMetrics } from '../../common/metrics/http-metrics.js';
import type { DecisionDocument } from './decision.schema.js';
import type { DecisionsRepository, RefusedRecord } from './decisions.repository.js';
import { DecisionWriter } from './decision-writer.js';

/** A stand-in for our own repository: records each insertMany, answering after `delayMs` or failing on demand. */
class FakeDecisions {
  readonly batches: string[][] = [];
  delayMs = 0;
  fail = false;
  hang = false;
  pings = 0;
  /** insertMany calls begun, answered or not. */
  started = 0;
  /** The most insertMany calls under way at once. */
  mostAtOnce = 0;
  private underWay = 0;

  /** Answers a ping unless the database is failing or hanging. */
  async answers(): Promise<boolean> {
    this.pings++;
    return !this.fail && !this.hang;
  }

  /** Ids the database refuses (as it refuses a key starting with "$"), storing the others of the batch. */
  readonly refuse = new Set<string>();

  async insertMany(records: DecisionDocument[]): Promise<RefusedRecord[]> {
    this.started++;
    if (this.hang) return new Promise(() => undefined);
    this.mostAtOnce = Math.max(this.mostAtOnce, ++this.underWay);
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.underWay--;
    if (this.fail) throw new Error('connection refused');
    this.batches.push(records.filter((r) => !this.refuse.has(r._id)).map((r) => r._id));
    return records.flatMap((r, index) => (this.refuse.has(r._id) ? [{ index, reason: 'invalid key: "$gt"' }] : []));
  }
}

const settings = {
  decisionBatchSize: 50,
  decisionFlushMs: 5,
  decisionQueueMax: 1_000,
  decisionMaxInFlight: 1,
  decisionWriteTimeoutMs: 500,
};

function writerWith(overrides: Partial<typeof settings> = {}) {
  const fake = new FakeDecisions();
  const metrics = new HttpMetrics();
  const writer = new DecisionWriter(
    fake as unknown as DecisionsRepository,
    { ...settings, ...overrides } as AppConfig,
    metrics,
  );
  return { fake, writer, metrics };
}

const record = (id: number) => ({ _id: `d${id}` }) as DecisionDocument;
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('DecisionWriter (group commit)', () => {
  it('stores records that arrive together in a few batches and answers each caller true once stored', async () => {
    const { fake, writer, metrics } = writerWith();
    fake.delayMs = 10;
    const answers = await Promise.all(ids(0, 120).map((i) => writer.write([record(i)])));
    expect(answers.every((stored) => stored === true)).toBe(true);
    expect(fake.batches.flat().sort()).toEqual(
      ids(0, 120)
        .map((i) => `d${i}`)
        .sort(),
    );
    expect(fake.batches.length).toBeLessThanOrEqual(4);
    expect(Math.max(...fake.batches.map((b) => b.length))).toBeLessThanOrEqual(50);
    const text = await metrics.text();
    expect(text).toMatch(/gabarit_decision_batch_size_count \d+/);
    expect(text).toMatch(/gabarit_decision_queue_depth 0/);
  });

  it('keeps a caller’s records in one batch, even a batch request larger than the batch size', async () => {
    const { fake, writer } = writerWith();
    const big = ids(0, 120).map(record);
    expect(await writer.write(big)).toBe(true);
    expect(fake.batches).toHaveLength(1);
    expect(fake.batches[0]).toHaveLength(120);
  });

  it('stores a lone record at once with no flush delay (the default): batches form while a write is in flight', async () => {
    const { fake, writer } = writerWith({ decisionFlushMs: 0, decisionMaxInFlight: 1 });
    fake.delayMs = 20;
    const first = writer.write([record(1)]);
    expect(fake.started).toBe(1); // not waiting for a batch that will not fill
    const others = ids(2, 5).map((i) => writer.write([record(i)]));
    expect(fake.started).toBe(1); // the slot is busy: these wait for it, together
    expect(await Promise.all([first, ...others])).toEqual([true, true, true, true, true, true]);
    expect(fake.batches).toEqual([['d1'], ['d2', 'd3', 'd4', 'd5', 'd6']]);
  });

  it('sends records that waited through a busy slot as soon as it frees, without waiting the flush delay again', async () => {
    const { fake, writer } = writerWith({ decisionFlushMs: 30, decisionMaxInFlight: 1 });
    fake.delayMs = 100;
    const first = writer.write([record(1)]);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the first batch is being stored
    expect(fake.started).toBe(1);
    const second = writer.write([record(2)]);
    expect(await first).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.started).toBe(2); // it waited longer than 30 ms already: no new timer
    expect(await second).toBe(true);
  });

  it('makes callers wait when the queue is full instead of dropping records (back-pressure)', async () => {
    const { fake, writer } = writerWith({ decisionQueueMax: 20, decisionBatchSize: 10 });
    fake.delayMs = 20;
    let waited = 0;
    const writes = ids(0, 100).map(async (i) => {
      const before = Date.now();
      const stored = await writer.write([record(i)]);
      if (Date.now() - before >= 20) waited++;
      return stored;
    });
    expect((await Promise.all(writes)).every(Boolean)).toBe(true);
    expect(fake.batches.flat()).toHaveLength(100);
    expect(new Set(fake.batches.flat()).size).toBe(100);
    expect(waited).toBeGreaterThan(50);
  });

  it('answers false when the database refuses, then false at once (not even tried) until a ping answers again', async () => {
    const { fake, writer, metrics } = writerWith();
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    fake.fail = true;
    expect(await writer.write([record(1)])).toBe(false);
    expect(await writer.write([record(2)])).toBe(false); // away: not even tried
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(fake.pings).toBeGreaterThan(0);
    expect(await writer.write([record(3)])).toBe(false); // still away: the pings fail
    fake.fail = false;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await writer.write([record(4)])).toBe(true);
    expect(fake.batches.flat()).toEqual(['d4']);
    expect(await metrics.text()).toMatch(/gabarit_decision_flush_failures_total 1/);
    // One batch failed, but three decisions have no record: the counter of decisions says so.
    expect(await metrics.text()).toMatch(/gabarit_decision_records_unlogged_total\{reason="not_confirmed"\} 1/);
    expect(await metrics.text()).toMatch(/gabarit_decision_records_unlogged_total\{reason="database_away"\} 2/);
    // The line saying the database is back counts both: the skipped ones, and the batch whose storing failed.
    expect(warnings.mock.calls.map(([message]) => String(message))).toContainEqual(
      expect.stringMatching(
        /answers again: .* 2 decision\(s\) were answered logged: false meanwhile and have no record, and 1 whose storing was not confirmed/,
      ),
    );
    warnings.mockRestore();
  });

  it('answers false only to the caller whose record the database refused, and keeps storing everyone else’s', async () => {
    const { fake, writer, metrics } = writerWith();
    fake.delayMs = 10;
    fake.refuse.add('d3');
    const answers = await Promise.all([
      writer.write([record(1), record(2)]),
      writer.write([record(3)]),
      writer.write([record(4)]),
    ]);
    expect(answers).toEqual([true, false, true]);
    expect(await writer.write([record(5)])).toBe(true); // not taken for a database that is away
    expect(fake.batches.flat().sort()).toEqual(['d1', 'd2', 'd4', 'd5']);
    expect(fake.pings).toBe(0);
    expect(await metrics.text()).toMatch(/gabarit_decision_flush_failures_total 1/);
    expect(await metrics.text()).toMatch(/gabarit_decision_records_unlogged_total\{reason="refused"\} 1/);
  });

  it('answers false when the database does not answer in time', async () => {
    const { fake, writer } = writerWith({ decisionWriteTimeoutMs: 100 });
    fake.hang = true;
    expect(await writer.write([record(1)])).toBe(false);
    fake.hang = false;
    await new Promise((resolve) => setTimeout(resolve, 700)); // the next ping finds it back
  });

  it('answers callers waiting for room at once when the database is taken for away meanwhile', async () => {
    const { fake, writer } = writerWith({ decisionQueueMax: 4, decisionBatchSize: 2, decisionWriteTimeoutMs: 200 });
    fake.hang = true;
    const answers = await Promise.all(ids(0, 11).map((i) => writer.write([record(i)])));
    expect(answers.every((stored) => stored === false)).toBe(true);
    // One insert timed out; those who waited for room were not queued behind it one timeout after another.
    expect(fake.started).toBe(1);
  });

  it('stores what is queued when shutting down, within the insert slots', async () => {
    const { fake, writer } = writerWith({ decisionFlushMs: 1_000, decisionBatchSize: 5 });
    fake.delayMs = 10;
    const pending = Promise.all(ids(0, 12).map((i) => writer.write([record(i)])));
    await writer.beforeApplicationShutdown();
    expect(fake.batches.map((batch) => batch.length)).toEqual([5, 5, 2]);
    expect(fake.mostAtOnce).toBe(1);
    expect((await pending).every(Boolean)).toBe(true);
  });

  it('stores what is queued before shutting down', async () => {
    const { fake, writer } = writerWith({ decisionFlushMs: 1_000 });
    const pending = Promise.all(ids(0, 10).map((i) => writer.write([record(i)])));
    await writer.beforeApplicationShutdown();
    expect(fake.batches.flat()).toHaveLength(10);
    expect((await pending).every(Boolean)).toBe(true);
  });
});
