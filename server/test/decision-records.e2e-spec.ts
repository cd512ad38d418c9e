import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { inflateSync } from 'node:zlib';
import { Binary } from 'mongodb';
import { as, invoiceRuleset, publishNewRuleset, signInCast } from './support/rulesets.js';
import { metric } from './support/metrics.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { DecisionsRepository } from '../src/modules/evaluation/decisions.repository.js';
import type { DecisionDocument } from '../src/modules/evaluation/decision.schema.js';
import { DEFLATED_JSON, DEFLATED_JSON_CITING_TABLE, toStored } from '../src/modules/evaluation/decision-detail.js';
import { decisionCollection } from './support/decision-records.js';

describe('decision records written by group commit', () => {
  let t: TestApp;
  let key: string;
  let risk: ReturnType<typeof as>;

  beforeAll(async () => {
    // A long flush delay makes the batching visible: concurrent callers share inserts.
    t = await startTestApp('decision-records', {
      DECISION_FLUSH_MS: '50',
      DECISION_BATCH_SIZE: '500',
      METRICS_PUBLIC: 'true',
    });
    const cast = await signInCast(t);
    risk = as(t, cast.risk);
    await publishNewRuleset(t, cast, invoiceRuleset('records-demo', 1000));
    await publishNewRuleset(t, cast, { ...invoiceRuleset('records-off', 1000), settings: { logDecisions: false } });
    key = (await as(t, cast.admin).post('/api/v1/api-keys', { name: 'ERP', scopes: ['evaluate:records-*'] })).body.key;
  });
  afterAll(() => t.close());

  it('answers logged: true only once the record is stored, each findable by id, with many callers sharing a few inserts', async () => {
    const batchesBefore = await metric(t, 'gabarit_decision_batch_size_count');
    const totals = Array.from({ length: 60 }, (_, i) => 900 + i * 5);
    const answers = await Promise.all(
      totals.map((total) =>
        t.http
          .post('/api/v1/rulesets/records-demo/evaluate')
          .set('x-api-key', key)
          .send({ facts: { invoice: { total } } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(totals.map(() => 200));
    expect(answers.every((a) => a.body.logged === true)).toBe(true);
    const batches = (await metric(t, 'gabarit_decision_batch_size_count')) - batchesBefore;
    expect(batches).toBeGreaterThan(0);
    expect(batches).toBeLessThan(20);

    // Every record is there at once (logged: true means stored), with what was decided and why.
    for (const [i, answer] of answers.entries()) {
      const record = await risk.get(`/api/v1/decisions/${answer.body.evaluationId}`);
      expect(record.status).toBe(200);
      expect(record.body.facts).toEqual({ invoice: { total: totals[i] } });
      expect(record.body.events).toEqual(totals[i]! > 1000 ? [{ type: 'manual_review' }] : []);
      expect(record.body.fired.length + record.body.failed.length).toBe(1);
    }
    expect(await metric(t, 'gabarit_decision_queue_depth')).toBe(0);
    expect(await metric(t, 'gabarit_decision_flush_failures_total')).toBe(0);
    // What the 60 records repeat (rule names, events, conditions) is stored once, in the version's trace table.
    expect(await t.db.collection('decision_trace_tables').countDocuments({})).toBe(1);
  });

  it('answers the same JSON through the response schema as before: explanation and traces included', async () => {
    const response = await t.http
      .post('/api/v1/rulesets/records-demo/evaluate')
      .set('x-api-key', key)
      .send({ facts: { invoice: { total: 1500 } }, explain: true });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      ruleset: 'records-demo',
      version: 1,
      events: [{ type: 'manual_review' }],
      explanation: {
        fr: expect.stringContaining('Montant 1500 $'),
        en: expect.stringContaining('Amount 1500 $'),
        rules: [{ name: 'montant-eleve' }],
      },
      fired: [
        {
          name: 'montant-eleve',
          event: { type: 'manual_review' },
          conditions: [
            { fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 1000, factValue: 1500, result: true },
          ],
        },
      ],
      failed: [],
      logged: true,
    });
  });

  it('stores the detail as one deflated field and gives back, by id, all a reader saw in the answer', async () => {
    const answer = await t.http
      .post('/api/v1/rulesets/records-demo/evaluate')
      .set('x-api-key', key)
      .send({ facts: { invoice: { total: 1500, note: 'é ✓' } }, explain: true });
    const id = answer.body.evaluationId as string;
    const stored = await decisionCollection(t.db, id).findOne({ _id: id } as never);
    expect(Object.keys(stored!).sort()).toEqual(
      ['_id', 'actor', 'at', 'checksum', 'detail', 'durationMs', 'events', 'ruleset', 'version'].sort(),
    );
    expect(stored!.detail).toBeInstanceOf(Binary);
    // Its traces cite the version's trace table, stored once for all its records (docs/adr/0012).
    expect((stored!.detail as Binary).sub_type).toBe(DEFLATED_JSON_CITING_TABLE);
    const cited = (JSON.parse(inflateSync((stored!.detail as Binary).value()).toString('utf8')) as { table: string })
      .table;
    expect(await t.db.collection('decision_trace_tables').countDocuments({ _id: cited } as never)).toBe(1);
    // What queries filter on stays a field.
    expect(
      await decisionCollection(t.db, id).countDocuments({ checksum: answer.body.checksum, _id: id } as never),
    ).toBe(1);
    const record = await risk.get(`/api/v1/decisions/${id}`);
    expect(record.body).toEqual({
      id,
      ruleset: 'records-demo',
      version: 1,
      checksum: answer.body.checksum,
      at: stored!.at.toISOString(),
      actor: stored!.actor,
      durationMs: answer.body.durationMs,
      facts: { invoice: { total: 1500, note: 'é ✓' } },
      events: answer.body.events,
      fired: answer.body.fired,
      failed: answer.body.failed,
      explanation: answer.body.explanation,
    });
  });

  it('reads records stored before, with the detail as JSON text or as fields, as they were', async () => {
    const answer = await t.http
      .post('/api/v1/rulesets/records-demo/evaluate')
      .set('x-api-key', key)
      .send({ facts: { invoice: { total: 1200 } }, explain: true });
    const {
      _id,
      detail: _detail,
      ...meta
    } = (await decisionCollection(t.db, answer.body.evaluationId).findOne({ _id: answer.body.evaluationId } as never))!;
    const detail = {
      facts: { invoice: { total: 1200 } },
      fired: answer.body.fired,
      failed: answer.body.failed,
      explanation: answer.body.explanation,
    };
    const before = toStored({ ...(meta as unknown as DecisionDocument), _id: 'deflated-whole', ...detail });
    await t.db
      .collection('decisions')
      .insertMany([
        { ...meta, _id: 'as-text', detail: JSON.stringify(detail) },
        { ...meta, _id: 'as-fields', ...detail },
        before,
      ] as never[]);
    expect((before.detail as Binary).sub_type).toBe(DEFLATED_JSON);
    for (const id of ['as-text', 'as-fields', 'deflated-whole']) {
      const record = await risk.get(`/api/v1/decisions/${id}`);
      expect(record.status).toBe(200);
      expect(record.body).toMatchObject({
        id,
        ruleset: 'records-demo',
        events: [{ type: 'manual_review' }],
        ...detail,
      });
      expect(record.body.detail).toBeUndefined();
    }
  });

  it('keeps no record for a rule set that turns records off, and still explains when asked', async () => {
    const plain = await t.http
      .post('/api/v1/rulesets/records-off/evaluate')
      .set('x-api-key', key)
      .send({ facts: { invoice: { total: 1500 } } });
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ events: [{ type: 'manual_review' }], logged: false });
    expect(plain.body.fired).toBeUndefined();
    expect((await risk.get(`/api/v1/decisions/${plain.body.evaluationId}`)).status).toBe(404);
    const explained = await t.http
      .post('/api/v1/rulesets/records-off/evaluate')
      .set('x-api-key', key)
      .send({ facts: { invoice: { total: 1500 } }, explain: true });
    expect(explained.body).toMatchObject({
      logged: false,
      fired: [{ name: 'montant-eleve', conditions: [{ factValue: 1500, result: true }] }],
      explanation: { fr: expect.stringContaining('Montant 1500 $') },
    });
  });

  it('stores the rest of a batch when the database refuses one record, and says which (the embedded database too)', async () => {
    // A version saved before unstorable keys were refused could still write one: the writer must learn which.
    const repository = t.app.get(DecisionsRepository);
    const record = (id: string, params: Record<string, unknown>): DecisionDocument => ({
      _id: id,
      ruleset: 'records-demo',
      version: 1,
      checksum: 'c',
      at: new Date(),
      actor: 'test',
      facts: {},
      events: [{ type: 'reject', params }],
      fired: [],
      failed: [],
      durationMs: 1,
    });
    const refused = await repository.insertMany([
      record('partial-1', { motif: 'a' }),
      record('partial-2', { $gt: 1 }),
      record('partial-3', { motif: 'b' }),
    ]);
    expect(refused.map((r) => r.index)).toEqual([1]);
    expect(refused[0]!.reason).toMatch(/\$gt/);
    const stored = await t.db
      .collection('decisions')
      .find({ _id: { $in: ['partial-1', 'partial-2', 'partial-3'] } } as never)
      .toArray();
    expect(stored.map((d) => d['_id']).sort()).toEqual(['partial-1', 'partial-3']);
  });
});
