import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { RulesetsService } from '../src/modules/rulesets/rulesets.service.js';
import { metric } from './support/metrics.js';
import { as, invoiceRuleset, signInCast } from './support/rulesets.js';
import { startTestApp, startAnotherInstance, type TestApp } from './support/test-app.js';

/**
 * What keeps governance steps independent of history (docs/adr/0011): appends that trust this process's idea of
 * the audit head, written in batches; transitions that start from a state just read; revision claims rolled forward.
 */
describe('governance at scale', () => {
  let t: TestApp;
  let second: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  const sameDatabase = () => startAnotherInstance(t);
  beforeAll(async () => {
    t = await startTestApp('governance_scale', { METRICS_PUBLIC: 'true' });
    second = await sameDatabase();
    cast = await signInCast(t);
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const verify = () => t.app.get(AuditService).verify();
  const events = (filter: object) => t.db.collection('audit_events').countDocuments(filter as never);

  it('writes concurrent appends of one process as consecutive positions, and interleaves two instances', async () => {
    const [a, b] = [t.app.get(AuditService), second.app.get(AuditService)];
    const entry = (i: number) => ({
      actor: 'x',
      action: 'test.concurrent',
      resourceType: 'test',
      resourceKey: `k${i}`,
    });
    const one = await Promise.all(Array.from({ length: 30 }, (_, i) => a.record(entry(i))));
    const seqs = one.map((e) => e!.seq);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => seqs[0]! + i));
    const both = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).record(entry(100 + i))));
    expect(new Set(both.map((e) => e!.seq)).size).toBe(40);
    expect(await events({ action: 'test.concurrent' })).toBe(70);
    expect((await verify()).ok).toBe(true);
  });

  it('appends after the real head when another instance moved it and its old claims are gone', async () => {
    const [a, b] = [t.app.get(AuditService), second.app.get(AuditService)];
    const before = await a.record({ actor: 'x', action: 'test.before_gap', resourceType: 'test' });
    // The other instance appends past the claim window (its claims behind are deleted as it goes) ...
    for (let i = 0; i < 6; i++)
      await Promise.all(
        Array.from({ length: 50 }, () => b.record({ actor: 'y', action: 'test.gap', resourceType: 'test' })),
      );
    // ... and, worst case, the hint lags behind where this instance last wrote, so only the trail can tell.
    await t.db.collection('audit_head').updateOne({ _id: 'head' } as never, { $set: { seq: before!.seq } });
    await t.db.collection('audit_chain').deleteMany({ seq: { $lte: before!.seq + 200 } } as never);
    const after = await a.record({ actor: 'x', action: 'test.after_gap', resourceType: 'test' });
    expect(after!.seq).toBe(before!.seq + 301);
    expect(await events({ action: 'test.after_gap' })).toBe(1);
    expect(await verify()).toMatchObject({ ok: true });
    // The unfiltered page (read from the claims by position) shows the real newest event.
    const page = await as(t, cast.risk).get('/api/v1/audit?range=[0,0]');
    expect(page.body[0]).toMatchObject({ action: 'test.after_gap', seq: after!.seq });
  });

  it('rolls forward a revision claimed by a writer that died before updating the rule set, and records its event', async () => {
    const analyst = as(t, cast.analyst);
    expect((await analyst.post('/api/v1/rulesets', invoiceRuleset('crashed'))).status).toBe(201);
    const rulesets = t.app.get(RulesetsService);
    const state = await rulesets.state('crashed');
    // What a process that died right after its claim leaves: the claim of rev 2 (with its outbox), the rule set at rev 1.
    const transition = rulesets.lifecycle.submit(state, 1, 'analyst', 'avant la panne', new Date());
    const outbox = [
      ...state.outbox,
      ...transition.events.map((entry) => ({ id: 'crash-submitted', at: new Date().toISOString(), entry })),
    ];
    const { key: _key, ...stored } = { ...transition.state, outbox };
    await t.db
      .collection('ruleset_contents')
      .insertOne({ _id: transition.frozenContent!.checksum, content: transition.frozenContent!.content } as never);
    await t.db.collection('ruleset_revisions').insertOne({
      _id: 'crashed#2',
      key: 'crashed',
      rev: 2,
      at: new Date(),
      state: { _id: 'crashed', ...stored },
    } as never);

    const read = await analyst.get('/api/v1/rulesets/crashed');
    expect(read.body.versions[0]).toMatchObject({ status: 'in_review' });
    const approved = await as(t, cast.approver).post('/api/v1/rulesets/crashed/versions/1/approve');
    expect(approved.status).toBe(200);
    expect(await events({ _id: 'crash-submitted' })).toBe(1);
    expect(await events({ resourceKey: 'crashed', action: 'ruleset.approved' })).toBe(1);
    expect((await verify()).ok).toBe(true);
  });

  it('leaves one winner and one 409 when two instances publish the same rule set at once', async () => {
    const key = 'two-instances';
    const [analyst, approver] = [as(t, cast.analyst), as(t, cast.approver)];
    expect((await analyst.post('/api/v1/rulesets', invoiceRuleset(key))).status).toBe(201);
    expect((await analyst.post(`/api/v1/rulesets/${key}/versions/1/submit`)).status).toBe(200);
    expect((await approver.post(`/api/v1/rulesets/${key}/versions/1/approve`)).status).toBe(200);
    const approverOnSecond = as(second, await second.login('approver'));
    const results = await Promise.all([
      approver.post(`/api/v1/rulesets/${key}/versions/1/publish`),
      approverOnSecond.post(`/api/v1/rulesets/${key}/versions/1/publish`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await events({ resourceKey: key, action: 'ruleset.published' })).toBe(1);
    expect((await analyst.get(`/api/v1/rulesets/${key}`)).body).toMatchObject({
      activeVersion: 1,
      versions: [{ status: 'published' }],
    });
  });

  it('records a test run on the fresh state when the state read by the test run went stale meanwhile', async () => {
    const key = 'stale-test-run';
    const analyst = as(t, cast.analyst);
    expect((await analyst.post('/api/v1/rulesets', invoiceRuleset(key))).status).toBe(201);
    const rulesets = t.app.get(RulesetsService);
    await rulesets.state(key); // what the test run read ...
    await rulesets.transition(key, 1, 'submit', 'analyst'); // ... then someone submitted
    await rulesets.recordTestRun(key, 1, { checksum: 'c', passed: 1, failed: 0 }, 'analyst');
    const version = (await rulesets.state(key)).versions[0]!;
    expect(version).toMatchObject({ status: 'in_review', testRun: { checksum: 'c', passed: 1, failed: 0 } });
    expect(await events({ resourceKey: key, action: { $in: ['ruleset.submitted', 'ruleset.tested'] } })).toBe(2);
  });
  it("lists what another instance changed: from the trail's recent positions, or by reading again past them", async () => {
    const [here, there] = [as(t, cast.analyst), as(second, cast.analyst)];
    const keysListed = async (filter: object) =>
      (
        (await here.get(`/api/v1/rulesets?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,99]`)).body as {
          key: string;
        }[]
      ).map((r) => r.key);
    expect(await keysListed({ q: 'elsewhere' })).toEqual([]); // this instance's list index is built by now
    expect((await there.post('/api/v1/rulesets', invoiceRuleset('made-elsewhere'))).status).toBe(201);
    expect(await keysListed({ q: 'elsewhere' })).toEqual(['made-elsewhere']);
    expect((await there.post('/api/v1/rulesets/made-elsewhere/versions/1/submit')).status).toBe(200);
    expect(await keysListed({ q: 'elsewhere', status: 'in_review' })).toEqual(['made-elsewhere']);
    const history = async (key: string) =>
      (
        (await as(t, cast.risk).get(`/api/v1/audit?resourceKey=${key}&sort=["seq","ASC"]`)).body as { action: string }[]
      ).map((e) => e.action);
    expect(await history('made-elsewhere')).toEqual(['ruleset.created', 'ruleset.submitted']);
    // Past what the kept claims can tell (the other instance records 300 events): the collection is read again.
    expect((await there.post('/api/v1/rulesets', invoiceRuleset('made-elsewhere-later'))).status).toBe(201);
    const b = second.app.get(AuditService);
    for (let i = 0; i < 6; i++)
      await Promise.all(
        Array.from({ length: 50 }, () => b.record({ actor: 'y', action: 'test.far', resourceType: 'test' })),
      );
    expect(await keysListed({ q: 'elsewhere' })).toEqual(['made-elsewhere', 'made-elsewhere-later']);
    expect(await history('made-elsewhere-later')).toEqual(['ruleset.created']);
    // Operators see it: the feed lost track (at least) once, and the audit index holds the whole trail again.
    expect(await metric(t, 'gabarit_audit_feed_lost_total')).toBeGreaterThanOrEqual(1);
    const head = (await t.db.collection('audit_head').findOne({ _id: 'head' } as never))!['seq'] as number;
    expect(await metric(t, 'gabarit_audit_index_events')).toBeGreaterThanOrEqual(head);
  });
});
