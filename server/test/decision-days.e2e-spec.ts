import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { timeOrderedId } from '../src/common/ids/time-ordered-id.js';
import { DecisionRetention } from '../src/modules/evaluation/decision-retention.js';
import { DecisionsRepository } from '../src/modules/evaluation/decisions.repository.js';
import { dayCollection } from '../src/modules/evaluation/decision-partitions.js';
import type { DecisionDocument } from '../src/modules/evaluation/decision.schema.js';
import { toStored } from '../src/modules/evaluation/decision-detail.js';
import { as, invoiceRuleset, publishNewRuleset, signInCast } from './support/rulesets.js';
import { countDecisions } from './support/decision-records.js';
import { startAnotherInstance, startTestApp, type TestApp } from './support/test-app.js';

const DAY_MS = 86_400_000;

describe('decision records stored a collection per day (docs/adr/0042)', () => {
  let t: TestApp;
  let key: string;
  let risk: ReturnType<typeof as>;

  beforeAll(async () => {
    t = await startTestApp('decision-days');
    const cast = await signInCast(t);
    risk = as(t, cast.risk);
    await publishNewRuleset(t, cast, invoiceRuleset('days-demo', 1000));
    key = (await as(t, cast.admin).post('/api/v1/api-keys', { name: 'ERP', scopes: ['evaluate:days-*'] })).body.key;
  });
  afterAll(() => t.close());

  const record = (id: string, at: Date, params: Record<string, unknown> = {}): DecisionDocument => ({
    _id: id,
    ruleset: 'days-demo',
    version: 1,
    checksum: 'c',
    at,
    actor: 'test',
    facts: { invoice: { total: 1 } },
    events: [{ type: 'reject', params }],
    fired: [],
    failed: [],
    durationMs: 1,
  });
  const names = async () => (await t.db.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);

  it('stores a decision in the collection of its day, and reads it back by id', async () => {
    const sent = Date.now();
    const answer = await t.http
      .post('/api/v1/rulesets/days-demo/evaluate')
      .set('x-api-key', key)
      .send({ facts: { invoice: { total: 1500 } } });
    expect(answer.body.logged).toBe(true);
    const id = answer.body.evaluationId as string;
    // The day the request was sent and the day it was answered: the same but for a run that crosses midnight UTC.
    const days = [...new Set([dayCollection(sent), dayCollection(Date.now())])];
    const found = await Promise.all(days.map((day) => t.db.collection(day).countDocuments({ _id: id } as never)));
    expect(found.reduce((sum, n) => sum + n, 0)).toBe(1);
    expect(await names()).not.toContain('decisions'); // a new database has no legacy collection
    const read = await risk.get(`/api/v1/decisions/${id}`);
    expect([read.status, read.body.id, read.body.facts]).toEqual([200, id, { invoice: { total: 1500 } }]);
  });

  it('stores a batch made around midnight in both days, and says which records the database refused', async () => {
    const midnight = Math.floor(Date.now() / DAY_MS) * DAY_MS - 10 * DAY_MS; // within retention, not today
    const [before, after] = [midnight - 1, midnight];
    const batch = [
      record(timeOrderedId(before), new Date(before)),
      record(timeOrderedId(after), new Date(after), { $gt: 1 }),
      record(timeOrderedId(before), new Date(before), { $gt: 1 }),
      record(timeOrderedId(after), new Date(after)),
    ];
    const refused = await t.app.get(DecisionsRepository).insertMany(batch);
    expect(refused.map((r) => r.index)).toEqual([1, 2]);
    const stored = async (ms: number) =>
      (await t.db.collection(dayCollection(ms)).find({}).toArray()).map((d) => d['_id']);
    expect(await stored(before)).toEqual([batch[0]!._id]);
    expect(await stored(after)).toEqual([batch[3]!._id]);
    const read = await risk.get(`/api/v1/decisions/${batch[3]!._id}`);
    expect(read.status).toBe(200);
  });

  it('drops the days whose last moment is past retention, keeps the day the limit falls in, and reads what is kept', async () => {
    const now = Date.now();
    const ms = (daysAgo: number) => now - daysAgo * DAY_MS;
    const old = [record(timeOrderedId(ms(95)), new Date(ms(95))), record(timeOrderedId(ms(91.2)), new Date(ms(91.2)))];
    // The day 90 days ago holds records just past the limit and just within it: it goes only once it is all past.
    const boundary = [
      record(timeOrderedId(ms(90) - 1), new Date(ms(90) - 1)),
      record(timeOrderedId(ms(90) + 1), new Date(ms(90) + 1)),
    ].filter((r) => dayCollection(r.at.getTime()) === dayCollection(ms(90)));
    await t.app.get(DecisionsRepository).insertMany([...old, ...boundary]);
    const purged = await t.app.get(DecisionRetention).purge(new Date(now));
    expect(purged.days.sort()).toEqual([...new Set(old.map((r) => dayCollection(r.at.getTime())))].sort());
    expect(purged.records).toBe(0);
    const left = await names();
    for (const r of old) expect(left).not.toContain(dayCollection(r.at.getTime()));
    expect(left).toContain(dayCollection(ms(90)));
    expect(left).toContain(dayCollection(now));
    expect((await risk.get(`/api/v1/decisions/${old[0]!._id}`)).status).toBe(404);
    for (const r of boundary) expect((await risk.get(`/api/v1/decisions/${r._id}`)).status).toBe(200);
    // A day later the boundary day is past as a whole, and goes.
    const later = await t.app.get(DecisionRetention).purge(new Date(now + DAY_MS));
    expect(later.days).toEqual([dayCollection(ms(90))]);
    expect(await countDecisions(t.db, { ruleset: 'days-demo', at: { $lt: new Date(ms(89)) } })).toBe(0);
  });

  it('reads records stored before day collections, and drops their collection once retention has emptied it', async () => {
    // As an older version stored them: in `decisions`, with time-ordered ids, one of them past retention.
    const recent = record(timeOrderedId(Date.now() - DAY_MS), new Date(Date.now() - DAY_MS));
    const old = record(timeOrderedId(Date.now() - 100 * DAY_MS), new Date(Date.now() - 100 * DAY_MS));
    await t.db.collection('decisions').insertMany([toStored(recent), toStored(old)] as never[]);
    // An instance started once they were there (the upgrade) finds them by id.
    const upgraded = await startAnotherInstance(t);
    try {
      const reader = as(upgraded, await upgraded.login('risk'));
      const read = await reader.get(`/api/v1/decisions/${recent._id}`);
      expect([read.status, read.body.facts]).toEqual([200, recent.facts]);
      // Past retention: deleted by the purge (at this start, or by this one asked for).
      const retention = upgraded.app.get(DecisionRetention);
      await retention.purge();
      expect((await reader.get(`/api/v1/decisions/${old._id}`)).status).toBe(404);
      expect((await reader.get(`/api/v1/decisions/${recent._id}`)).status).toBe(200);
      expect(await names()).toContain('decisions');
      // Once the last of them is past retention too, the collection goes, and reads stop looking there.
      expect((await retention.purge(new Date(Date.now() + 90 * DAY_MS))).records).toBe(1);
      expect(await names()).not.toContain('decisions');
      expect((await reader.get(`/api/v1/decisions/${recent._id}`)).status).toBe(404);
    } finally {
      await upgraded.close();
    }
  });
});
