import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { approvalDefinition, approvalRuleset, as, signInCast } from './support/rulesets.js';
import { startAnotherInstance, startTestApp, type TestApp } from './support/test-app.js';

const KEY = 'shadow-invoices';

const ruleset = approvalRuleset(KEY, 'Factures — seuil en ombre', 10_000);
const invoice = (total: number) => ({ invoice: { total, payer: `Léa Martin ${total}` } });
/** Version 2 lowers the threshold to 5 000: only the 7 000 invoices change (auto_approve → manual_review). */
const traffic = [1_000, 7_000, 20_000, 1_000, 7_000, 1_000].map(invoice);
const batch = [invoice(7_000), invoice(1_000)];
const TRANSITION = 'auto_approve → manual_review';

/** A body as the caller sees it, minus what differs on every call. */
const comparable = (body: Record<string, unknown>) => {
  const { evaluationId: _id, durationMs: _ms, ...rest } = body;
  return rest;
};

describe('shadow runs on live traffic (docs/adr/0028)', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  let apiKey: string;

  beforeAll(async () => {
    t = await startTestApp('shadow_runs');
    cast = await signInCast(t);
    apiKey = (await as(t, cast.admin).post('/api/v1/api-keys', { name: 'ERP', scopes: [`evaluate:${KEY}`] })).body.key;
    const analyst = as(t, cast.analyst);
    const approver = as(t, cast.approver);
    expect((await analyst.post('/api/v1/rulesets', ruleset)).status).toBe(201);
    expect((await analyst.post(`/api/v1/rulesets/${KEY}/versions/1/submit`)).status).toBe(200);
    expect((await approver.post(`/api/v1/rulesets/${KEY}/versions/1/approve`)).status).toBe(200);
    expect((await approver.post(`/api/v1/rulesets/${KEY}/versions/1/publish`)).status).toBe(200);
    const etag = (await analyst.get(`/api/v1/rulesets/${KEY}`)).headers['etag'] as string;
    expect(
      (await analyst.put(`/api/v1/rulesets/${KEY}/draft`, { definition: approvalDefinition(5_000) }, etag)).status,
    ).toBe(200);
    expect((await analyst.post(`/api/v1/rulesets/${KEY}/versions/2/submit`)).status).toBe(200);
  });
  afterAll(() => t.close());

  const evaluate = (body: object) =>
    t.http.post(`/api/v1/rulesets/${KEY}/evaluate`).set('x-api-key', apiKey).send(body);
  const evaluateBatch = (body: object) =>
    t.http.post(`/api/v1/rulesets/${KEY}/evaluate/batch`).set('x-api-key', apiKey).send(body);
  const liveTraffic = async () => {
    const single = [];
    for (const facts of traffic) single.push(await evaluate({ facts }));
    const many = await evaluateBatch({ items: batch.map((facts) => ({ facts })) });
    return { single, many };
  };
  const report = (token: string) => as(t, token).get(`/api/v1/rulesets/${KEY}/versions/2/shadow`);
  /** The counts appear after the answers (the shadow runs after them): the report is read until they do. */
  const reportWhen = async (token: string, reached: (body: { compared: number; shed: number }) => boolean) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const response = await report(token);
      if (response.status === 200 && reached(response.body)) return response;
      if (Date.now() > deadline) throw new Error(`report never reached its count: ${JSON.stringify(response.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const reportOnce = (token: string, compared: number) => reportWhen(token, (body) => body.compared >= compared);
  /**
   * Live decisions, one at a time, until the run has compared `compared` of them. A sampled decision is shed when
   * the event loop lags (callers come first), which a loaded test machine can cause: another makes up for it.
   */
  const compareLive = async (percent: number, compared: number) => {
    for (let sent = 1; sent <= 40; sent++) {
      expect((await evaluate({ facts: invoice(7_000) })).status).toBe(200);
      const sampled = Math.floor((sent * percent) / 100);
      const { body } = await reportWhen(cast.analyst, (b) => b.compared + b.shed >= sampled);
      if (body.compared >= compared) return;
    }
    throw new Error(`the shadow run did not compare ${compared} decisions`);
  };
  const auditOf = async (action: string) =>
    (await as(t, cast.risk).get(`/api/v1/audit?resourceKey=${KEY}&action=${action}`)).body as {
      actor: string;
      version: number;
      summary: { before?: Record<string, unknown>; after?: Record<string, unknown> };
      details?: { shadow?: Record<string, unknown> };
    }[];

  it('approvers start a shadow of a version in review; others, other versions and bad shares are refused', async () => {
    const analyst = as(t, cast.analyst);
    const approver = as(t, cast.approver);
    expect((await analyst.post(`/api/v1/rulesets/${KEY}/versions/2/shadow`, { percent: 100 })).status).toBe(403);
    for (const percent of [0, 101, 12.5]) {
      const bad = await approver.post(`/api/v1/rulesets/${KEY}/versions/2/shadow`, { percent });
      expect([bad.status, bad.body.details[0].path]).toEqual([400, '/percent']);
    }
    const published = await approver.post(`/api/v1/rulesets/${KEY}/versions/1/shadow`, { percent: 100 });
    expect(published.status).toBe(409);
    expect(published.body.details).toEqual([{ path: '/version', message: 'is published' }]);
    expect(published.body.message).toContain('only a version in review or approved');
    const never = await report(cast.analyst); // never ran in shadow yet
    expect([never.status, never.body.details]).toEqual([
      404,
      [{ path: '/version', message: 'has not run in shadow', keyword: 'notFound', params: { what: 'shadow_run' } }],
    ]);
  });

  it('live answers are exactly those without a shadow, and the report counts the expected transitions', async () => {
    const without = await liveTraffic();
    const started = await as(t, cast.approver).post(`/api/v1/rulesets/${KEY}/versions/2/shadow`, { percent: 100 });
    expect(started.status).toBe(201);
    expect(started.body).toEqual({ version: 2, percent: 100, startedAt: expect.any(String) });

    const withShadow = await liveTraffic();
    expect(withShadow.single.map((r) => r.status)).toEqual(traffic.map(() => 200));
    expect(withShadow.single.map((r) => comparable(r.body))).toEqual(without.single.map((r) => comparable(r.body)));
    expect(withShadow.many.body.results.map(comparable)).toEqual(without.many.body.results.map(comparable));
    // A pinned version is not live traffic: it is not compared.
    expect((await evaluate({ facts: invoice(7_000), version: 1 })).status).toBe(200);

    const seen = await reportOnce(cast.approver, 8);
    expect(seen.body).toMatchObject({
      version: 2,
      activeVersion: 1,
      comparedWith: 1,
      percent: 100,
      running: true,
      compared: 8,
      diverged: 3,
      byTransition: { [TRANSITION]: 3 },
      shed: 0,
      errors: 0,
      rate: 3 / 8,
      maskedFacts: true,
    });
    expect(seen.body.interval[0]).toBeGreaterThan(0.08);
    expect(seen.body.interval[1]).toBeLessThan(0.76);
    expect(seen.body.rates[TRANSITION].rate).toBe(3 / 8);
    const ids = [
      withShadow.single[1]!.body.evaluationId,
      withShadow.single[4]!.body.evaluationId,
      withShadow.many.body.results[0].evaluationId,
    ];
    expect(seen.body.examples).toEqual(
      ids.map((evaluationId) => ({
        evaluationId,
        before: 'auto_approve',
        after: 'manual_review',
        rulesOnlyBefore: ['petit-montant'],
        rulesOnlyAfter: ['montant-eleve'],
        facts: { invoice: { total: 7_000, payer: '***' } },
      })),
    );
    // A risk officer may read personal information: the same examples, unmasked.
    const risk = await report(cast.risk);
    expect(risk.body.maskedFacts).toBeUndefined();
    expect(risk.body.examples[0].facts).toEqual(invoice(7_000));
    // An example keeps facts of at most 16 KiB of JSON: 17 of 900 KB held a report's turn for 0.3–0.7 s.
    const large = await evaluate({ facts: { ...invoice(7_000), note: 'a'.repeat(20_000) } });
    expect(large.status).toBe(200);
    const withLarge = await reportOnce(cast.risk, 9);
    const kept = (withLarge.body.examples as { evaluationId: string; facts?: unknown }[]).find(
      (e) => e.evaluationId === large.body.evaluationId,
    );
    expect(kept).toMatchObject({ before: 'auto_approve', after: 'manual_review' });
    expect(kept).not.toHaveProperty('facts');

    const [startEvent] = await auditOf('ruleset.shadow_started');
    expect(startEvent).toMatchObject({ actor: 'approver', version: 2, summary: { after: { percent: 100 } } });
  });

  it('the approval carries the figures; a stop is 204 and audited; publication ends a new shadow', async () => {
    const approver = as(t, cast.approver);
    expect((await approver.post(`/api/v1/rulesets/${KEY}/versions/2/approve`)).status).toBe(200);
    const [approved] = await auditOf('ruleset.approved');
    expect(approved!.version).toBe(2);
    // The eight of the live traffic, and the one with a large note.
    expect(approved!.details!.shadow).toMatchObject({ compared: 9, diverged: 4, byTransition: { [TRANSITION]: 4 } });

    expect((await as(t, cast.analyst).delete(`/api/v1/rulesets/${KEY}/versions/2/shadow`)).status).toBe(403);
    expect((await approver.delete(`/api/v1/rulesets/${KEY}/versions/2/shadow`)).status).toBe(204);
    expect((await approver.delete(`/api/v1/rulesets/${KEY}/versions/2/shadow`)).status).toBe(404);
    const [stopped] = await auditOf('ruleset.shadow_stopped');
    expect(stopped).toMatchObject({ actor: 'approver', version: 2, summary: { after: { endedBy: 'stopped' } } });
    expect(stopped!.details!.shadow).toMatchObject({ compared: 9, diverged: 4 });
    const ended = await report(cast.analyst);
    expect(ended.body).toMatchObject({ running: false, endedBy: 'stopped', compared: 9 });
    // The rule set's view says which versions have a report (the console asks only for those).
    const versions = (await as(t, cast.analyst).get(`/api/v1/rulesets/${KEY}`)).body.versions as {
      number: number;
      shadow?: object;
    }[];
    expect(versions.find((v) => v.number === 2)!.shadow).toEqual({
      percent: 100,
      running: false,
      startedAt: ended.body.startedAt,
      stoppedAt: ended.body.stoppedAt,
    });
    expect(versions.find((v) => v.number === 1)).not.toHaveProperty('shadow');
    await evaluate({ facts: invoice(7_000) }); // no shadow runs: not counted
    expect((await report(cast.analyst)).body.compared).toBe(9);

    // An approved version may run in shadow again (a new run, its own counts), until it is published.
    const again = await approver.post(`/api/v1/rulesets/${KEY}/versions/2/shadow`, { percent: 50 });
    expect([again.status, again.body.percent]).toEqual([201, 50]);
    await compareLive(50, 2);
    // Scheduled for later, the run ends as such (not as published); withdrawn, the version may run in shadow again.
    const later = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const scheduled = await approver.post(`/api/v1/rulesets/${KEY}/versions/2/publish`, { effectiveFrom: later });
    expect(scheduled.status).toBe(200);
    expect((await report(cast.analyst)).body).toMatchObject({ running: false, endedBy: 'scheduled', compared: 2 });
    expect((await auditOf('ruleset.shadow_stopped'))[0]).toMatchObject({
      summary: { after: { endedBy: 'scheduled' } },
    });
    const withdrawn = await approver.post(`/api/v1/rulesets/${KEY}/versions/2/unschedule`, {
      comment: 'Date à revoir',
    });
    expect(withdrawn.status).toBe(200);
    expect((await report(cast.analyst)).body).toMatchObject({ endedBy: 'scheduled' });
    const third = await approver.post(`/api/v1/rulesets/${KEY}/versions/2/shadow`, { percent: 100 });
    expect(third.status).toBe(201);
    await compareLive(100, 2);
    expect((await approver.post(`/api/v1/rulesets/${KEY}/versions/2/publish`)).status).toBe(200);
    const afterPublication = await report(cast.analyst);
    expect(afterPublication.body).toMatchObject({
      running: false,
      endedBy: 'published',
      percent: 100,
      compared: 2,
      diverged: 2,
      activeVersion: 2,
    });
    const stops = await auditOf('ruleset.shadow_stopped');
    expect(stops[0]).toMatchObject({ version: 2, summary: { after: { endedBy: 'published' } } });
    expect(stops[0]!.details!.shadow).toMatchObject({ compared: 2, diverged: 2 });
    expect(await auditOf('ruleset.shadow_started')).toHaveLength(3);
    // A published version cannot run in shadow.
    expect((await approver.post(`/api/v1/rulesets/${KEY}/versions/2/shadow`, { percent: 10 })).status).toBe(409);
  });

  it('another instance sees the shadow from its snapshot, and its stored counts reach the report here', async () => {
    const other = await startAnotherInstance(t);
    try {
      const evaluateThere = () =>
        other.http
          .post(`/api/v1/rulesets/${KEY}/evaluate`)
          .set('x-api-key', apiKey)
          .send({ facts: invoice(3_000) });
      expect((await evaluateThere()).status).toBe(200); // its snapshot of the rule set is now cached
      const analyst = as(t, cast.analyst);
      const etag = (await analyst.get(`/api/v1/rulesets/${KEY}`)).headers['etag'] as string;
      expect(
        (await analyst.put(`/api/v1/rulesets/${KEY}/draft`, { definition: approvalDefinition(2_000) }, etag)).status,
      ).toBe(200);
      expect((await analyst.post(`/api/v1/rulesets/${KEY}/versions/3/submit`)).status).toBe(200);
      const started = await as(t, cast.approver).post(`/api/v1/rulesets/${KEY}/versions/3/shadow`, { percent: 100 });
      expect(started.status).toBe(201);
      // Only the other instance serves traffic: this instance's report reads what it stored.
      const deadline = Date.now() + 20_000;
      let body: Record<string, unknown> = {};
      while (Date.now() < deadline) {
        expect((await evaluateThere()).status).toBe(200);
        body = (await as(t, cast.analyst).get(`/api/v1/rulesets/${KEY}/versions/3/shadow`)).body;
        if ((body['compared'] as number) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(body['compared']).toBeGreaterThan(0);
      expect(body['diverged']).toBe(body['compared']);
      expect(body['byTransition']).toEqual({ [TRANSITION]: body['compared'] });
      expect((body['examples'] as unknown[]).length).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });

  it('compares only with the version in force when the run started, and says which it is', async () => {
    const key = 'shadow-against';
    const analyst = as(t, cast.analyst);
    const approver = as(t, cast.approver);
    const admin = as(t, cast.admin);
    const newVersion = async (threshold: number) => {
      const etag = (await analyst.get(`/api/v1/rulesets/${key}`)).headers['etag'] as string;
      const draft = await analyst.put(
        `/api/v1/rulesets/${key}/draft`,
        { definition: approvalDefinition(threshold) },
        etag,
      );
      const n = draft.body.draftVersion as number;
      expect((await analyst.post(`/api/v1/rulesets/${key}/versions/${n}/submit`)).status).toBe(200);
      return n;
    };
    expect((await analyst.post('/api/v1/rulesets', approvalRuleset(key, 'Ombre et retour', 10_000))).status).toBe(201);
    await analyst.post(`/api/v1/rulesets/${key}/versions/1/submit`);
    await approver.post(`/api/v1/rulesets/${key}/versions/1/approve`);
    await approver.post(`/api/v1/rulesets/${key}/versions/1/publish`);
    const eight = await newVersion(8_000);
    await approver.post(`/api/v1/rulesets/${key}/versions/${eight}/approve`);
    expect((await approver.post(`/api/v1/rulesets/${key}/versions/${eight}/publish`)).status).toBe(200);
    const five = await newVersion(5_000);
    expect((await approver.post(`/api/v1/rulesets/${key}/versions/${five}/shadow`, { percent: 100 })).status).toBe(201);
    const key7000 = (await admin.post('/api/v1/api-keys', { name: 'ERP 2', scopes: [`evaluate:${key}`] })).body.key;
    const decide = () =>
      t.http
        .post(`/api/v1/rulesets/${key}/evaluate`)
        .set('x-api-key', key7000)
        .send({ facts: invoice(7_000) });
    const shadowReport = () => analyst.get(`/api/v1/rulesets/${key}/versions/${five}/shadow`);
    expect((await decide()).status).toBe(200);
    const deadline = Date.now() + 10_000;
    while ((await shadowReport()).body.compared < 1 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));

    // Version 1 is put back in force: what it decides is not what the run compares with (version 8 000's).
    expect((await approver.post(`/api/v1/rulesets/${key}/rollback`, { version: 1, comment: 'retour' })).status).toBe(
      200,
    );
    for (let i = 0; i < 5; i++) expect((await decide()).body.version).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500)); // a comparison lands within milliseconds
    const after = await shadowReport();
    expect(after.body).toMatchObject({
      running: true,
      activeVersion: 1,
      comparedWith: eight,
      compared: 1,
      byTransition: { [TRANSITION]: 1 },
    });
  });

  it('archiving ends the shadow run, and a version of an archived rule set can no longer be approved', async () => {
    const key = 'shadow-archived';
    const analyst = as(t, cast.analyst);
    const approver = as(t, cast.approver);
    expect((await analyst.post('/api/v1/rulesets', approvalRuleset(key, 'Archivé en ombre', 10_000))).status).toBe(201);
    await analyst.post(`/api/v1/rulesets/${key}/versions/1/submit`);
    await approver.post(`/api/v1/rulesets/${key}/versions/1/approve`);
    await approver.post(`/api/v1/rulesets/${key}/versions/1/publish`);
    const etag = (await analyst.get(`/api/v1/rulesets/${key}`)).headers['etag'] as string;
    await analyst.put(`/api/v1/rulesets/${key}/draft`, { definition: approvalDefinition(5_000) }, etag);
    await analyst.post(`/api/v1/rulesets/${key}/versions/2/submit`);
    expect((await approver.post(`/api/v1/rulesets/${key}/versions/2/shadow`, { percent: 100 })).status).toBe(201);

    expect((await approver.post(`/api/v1/rulesets/${key}/archive`, { comment: 'Remplacé' })).status).toBe(200);
    const shadow = await analyst.get(`/api/v1/rulesets/${key}/versions/2/shadow`);
    expect(shadow.body).toMatchObject({ running: false, endedBy: 'archived' });
    const approval = await approver.post(`/api/v1/rulesets/${key}/versions/2/approve`);
    expect([approval.status, approval.body.error]).toEqual([409, 'archived']);
    const version = (await analyst.get(`/api/v1/rulesets/${key}/versions/2`)).body;
    expect(version.status).toBe('in_review');
  });
});
