import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ExperimentLog } from '../src/modules/completions/experiment-log.js';
import { ExperimentLogRepository } from '../src/modules/completions/experiment-log.repository.js';
import { answerRow, type ExperimentRows } from '../src/modules/completions/experiment-rows.js';
import { ExperimentsService } from '../src/modules/experiments/experiments.service.js';
import { resultsInputs } from '../src/modules/experiments/results-inputs.js';
import { FakeAnthropic } from './support/fake-anthropic.js';
import { completeAsk, publishAskPrompt, publishAskVersion, storeCompletions } from './support/prompts.js';
import { as, signInCast } from './support/rulesets.js';
import { startAnotherInstance, startTestApp, startWithConfig, type TestApp } from './support/test-app.js';

type Results = { variants: { name: string; exposures: number; conversions: number }[] };

describe('experiments', () => {
  const fake = new FakeAnthropic();
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  let analyst: ReturnType<typeof as>;
  let approver: ReturnType<typeof as>;
  let frontEnd: string;

  const promptVersion = (template: string) => publishAskVersion(analyst, approver, template);

  /** Creates, submits, approves and publishes an experiment: now, or from `publish.effectiveFrom`. */
  async function start(key: string, variants: object[], extra: object = {}, publish: object = {}) {
    const created = await analyst.post('/api/v1/experiments', { key, name: key, prompt: 'ask', variants, ...extra });
    if (created.status !== 201) return created;
    expect(created.body).toMatchObject({ key, version: 1, status: 'draft' });
    await analyst.post(`/api/v1/experiments/${key}/versions/1/submit`);
    await approver.post(`/api/v1/experiments/${key}/versions/1/approve`);
    return approver.post(`/api/v1/experiments/${key}/versions/1/publish`, publish);
  }

  beforeAll(async () => {
    const baseUrl = await fake.start();
    t = await startTestApp('experiments', { ANTHROPIC_API_KEY: fake.apiKey, ANTHROPIC_BASE_URL: baseUrl });
    cast = await signInCast(t);
    analyst = as(t, cast.analyst);
    approver = as(t, cast.approver);
    await publishAskPrompt(analyst, approver);
    await promptVersion('Question (réponds brièvement) : {{question}}');
    frontEnd = (
      await as(t, cast.admin).post('/api/v1/api-keys', {
        name: 'Assistant',
        scopes: ['prompts:complete:ask', 'experiments:feedback:brievete'],
      })
    ).body.key;
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  const complete = (subjectId: string) => completeAsk(t, frontEnd, subjectId);

  /** Creates an experiment draft on `ask` comparing version 1 with `other`, with whatever `extra` sets. */
  const createDraft = (key: string, other: number, extra: object = {}) =>
    analyst.post('/api/v1/experiments', {
      key,
      name: 'x',
      prompt: 'ask',
      variants: [
        { name: 'control', version: 1, weight: 1 },
        { name: 'b', version: other, weight: 1 },
      ],
      ...extra,
    });

  it('refuses variants that are not published versions of the prompt', async () => {
    const response = await createDraft('bad', 9);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      {
        path: '/variants/1/version',
        message: 'version 9 of "ask" is not published',
        keyword: 'notPublished',
        params: { version: 9 },
      },
    ]);
  });

  it('refuses an experiment serving nobody, and prices that would make a cost no database stores', async () => {
    const create = (extra: object) => createDraft('bornes', 2, extra);
    for (const coverage of [0, 1e-300]) {
      const nobody = await create({ coverage });
      expect([nobody.status, nobody.body.details?.map((d: { path: string }) => d.path)]).toEqual([400, ['/coverage']]);
    }
    const priced = await create({
      guardrails: { maxCostPerAnswer: 1e308, pricePerMillionTokens: { input: 1e308, output: 1 } },
    });
    expect(priced.status).toBe(400);
    expect(priced.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      '/guardrails/maxCostPerAnswer',
      '/guardrails/pricePerMillionTokens/input',
    ]);
    expect((await analyst.get('/api/v1/experiments/bornes')).status).toBe(404);
  });

  it('serves each subject a sticky variant once started, and records exposures', async () => {
    const started = await start(
      'brievete',
      [
        { name: 'control', version: 1, weight: 50 },
        { name: 'concise', version: 2, weight: 50 },
      ],
      { salt: 'brievete-2026' },
    );
    expect(started.body.activeVersion).toBe(1);
    const subjects = Array.from({ length: 40 }, () => randomUUID());
    const first = [];
    for (const s of subjects) first.push((await complete(s)).body);
    expect(first.filter((r) => r.experiment !== 'brievete')).toEqual([]);
    expect(new Set(first.map((r) => r.variant))).toEqual(new Set(['control', 'concise']));
    expect(first.filter((r) => r.variant === 'concise').every((r) => r.version === 2)).toBe(true);
    for (const [i, s] of subjects.slice(0, 10).entries())
      expect((await complete(s)).body.variant).toBe(first[i].variant);
    // Ten of them asked twice: the results count forty people exposed, not fifty answers.
    const results = (await analyst.get('/api/v1/experiments/brievete/results')).body;
    expect(results.variants.reduce((n: number, v: { exposures: number }) => n + v.exposures, 0)).toBe(40);
    const sent = fake.requests.at(-1)!.body['messages'] as { content: string }[];
    expect(sent[0]!.content).toMatch(/^Question/);
    // Rolling the prompt back from version 2 would leave « concise » serving it to half the subjects as before.
    const rollback = await approver.post('/api/v1/prompts/ask/rollback', { version: 1, comment: 'Retour' });
    expect([rollback.status, rollback.body.error, rollback.body.details]).toEqual([
      409,
      'experiment_running',
      [
        {
          path: '/version',
          message: 'version 2 is served by "brievete"',
          keyword: 'servedBy',
          params: { experiment: 'brievete', version: 2 },
        },
      ],
    ]);
    expect((await analyst.get('/api/v1/prompts/ask')).body.activeVersion).toBe(2);
  });

  it('takes feedback on served answers and reports results per variant', async () => {
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push((await complete(randomUUID())).body);
    for (const answer of answers) {
      const outcome = answer.variant === 'concise' ? 'positive' : 'negative';
      const response = await t.http
        .post('/api/v1/experiments/brievete/feedback')
        .set('x-api-key', frontEnd)
        .send({ completionId: answer.completionId, outcome });
      expect(response.status).toBe(200);
    }
    const unknown = await t.http
      .post('/api/v1/experiments/brievete/feedback')
      .set('x-api-key', frontEnd)
      .send({ completionId: randomUUID(), outcome: 'positive' });
    expect(unknown.status).toBe(404);
    // Only the front end that served the answer speaks for the person: a console user cannot rewrite it.
    const rewritten = await analyst.post('/api/v1/experiments/brievete/feedback', {
      completionId: answers[0].completionId,
      outcome: 'positive',
    });
    expect([rewritten.status, rewritten.body.error, rewritten.body.message]).toEqual([
      403,
      'api_key_only',
      expect.stringContaining('experiments:feedback:<key>'),
    ]);
    const results = (await analyst.get('/api/v1/experiments/brievete/results')).body;
    expect(results.running).toBe(true);
    const [control, concise] = results.variants;
    expect(control).toMatchObject({ name: 'control', conversions: 0, rate: 0 });
    expect(concise.conversions).toBe(answers.filter((a) => a.variant === 'concise').length);
    expect(concise.exposures).toBeGreaterThanOrEqual(concise.conversions);
    expect(concise.ci95[0]).toBeGreaterThan(0);
    expect(concise.ci95[1]).toBeLessThanOrEqual(1);
    expect(results.comparison).toMatchObject({ control: 'control', winner: 'concise' });
    expect(results.comparison.pValue).toBeLessThan(0.05);
    // A person trying the prompt in the console sees the variant a subject would get, but is no subject: their
    // completions count in neither the exposures nor the guardrails.
    const exposures = (r: { variants: { exposures: number }[] }) => r.variants.reduce((n, v) => n + v.exposures, 0);
    for (const subjectId of ['console:analyst', randomUUID()]) {
      const tried = await analyst.post('/api/v1/prompts/ask/complete', {
        variables: { question: 'Où trouver les arbres de Montréal ?' },
        subjectId,
      });
      expect([tried.status, tried.body.experiment]).toEqual([200, 'brievete']);
    }
    expect(exposures((await analyst.get('/api/v1/experiments/brievete/results')).body)).toBe(exposures(results));
  });

  it('flags a sample-ratio mismatch on a skewed split', async () => {
    // 80 more people counted for the control (about 115 against 35): flagged, but with fewer people in all than
    // the minimum sample (100) per variant, so the experiment is not stopped for it (experiment-guardrails.e2e-spec).
    const docs = Array.from({ length: 80 }, (_, i) => ({
      _id: `skew-${i}`,
      prompt: 'ask',
      version: 1,
      experiment: 'brievete',
      variant: 'control',
      subject: `s${i}`,
      // Answered two minutes ago: the split check counts people whose requests have all ended (LLM_TIMEOUT_MS).
      at: new Date(Date.now() - 120_000),
      latencyMs: 10,
      outcome: 'ok' as const,
    }));
    await storeCompletions(t, docs);
    const results = (await analyst.get('/api/v1/experiments/brievete/results')).body;
    expect(results.srm.mismatch).toBe(true);
    expect(results.srm.pValue).toBeLessThan(0.001);
    expect(results.running).toBe(true);
    // People answered just now may have others still waiting on the other variant (a slower one): the split check
    // leaves them out until every request begun with them has ended. 80 more for the control change nothing.
    await storeCompletions(
      t,
      docs.map((doc, i) => ({ ...doc, _id: `recent-${i}`, subject: `recent-${i}`, at: new Date() })),
    );
    const now = (await analyst.get('/api/v1/experiments/brievete/results')).body;
    expect(now.srm.pValue).toBe(results.srm.pValue);
    expect(now.variants[0].assigned).toBe(results.variants[0].assigned + docs.length);
  });

  it('counts answers, errors, the people served and assigned, and finds the p95 latency in the experiment log, per variant', async () => {
    // 200 answers at 1..200 ms for one variant (every tenth an error), 3 for another: the 95th percentile of
    // 1..200 is the 190th smallest, 190 ms; of three, the slowest (the ⌈2.85⌉ = 3rd).
    const docs = [
      ...Array.from({ length: 200 }, (_, i) => ({
        variant: 'long',
        latencyMs: 200 - i,
        outcome: i % 10 ? ('ok' as const) : ('error' as const),
      })),
      ...[40, 5, 700].map((latencyMs) => ({ variant: 'short', latencyMs, outcome: 'ok' as const })),
    ].map((doc, i) => ({
      _id: `p95-${i}`,
      prompt: 'ask',
      version: 1,
      experiment: 'p95-check',
      // 100 people asked twice each for `long` (those whose answers failed both times were never served one)
      subject: i < 200 ? `person-${i % 100}` : `s${i}`,
      at: new Date(),
      ...doc,
    }));
    await storeCompletions(t, docs);
    const log = t.app.get(ExperimentLog);
    expect(Object.fromEntries((await resultsInputs(await log.read('p95-check'))).exposures)).toEqual({
      long: { served: 180, errors: 20, exposed: 90, assigned: 100, settled: 100, p95LatencyMs: 190 },
      short: { served: 3, errors: 0, exposed: 3, assigned: 3, settled: 3, p95LatencyMs: 700 },
    });
    // Written, then read back by the same query another instance makes.
    await log.flush();
    expect(Object.fromEntries((await resultsInputs(await log.read('p95-check'))).exposures)).toMatchObject({
      long: { served: 180, exposed: 90, p95LatencyMs: 190 },
    });
    expect((await resultsInputs(await log.read('nothing-served'))).exposures.size).toBe(0);
  });

  it('merges an experiment’s many small chunks of log into one, losing and doubling nothing', async () => {
    const log = t.app.get(ExperimentLog);
    const chunks = () => t.db.collection('experiment_log').countDocuments({ experiment: 'fusion' });
    // A quiet experiment: each second's flush holds one answer.
    for (let i = 0; i < 17; i++) {
      await storeCompletions(t, [
        {
          _id: `fusion-${i}`,
          prompt: 'ask',
          version: 1,
          experiment: 'fusion',
          variant: i % 2 ? 'b' : 'control',
          subject: `s${i}`,
          at: new Date(Date.now() + i),
          latencyMs: 10 * (i + 1),
          outcome: 'ok',
        },
      ]);
      await log.flush();
    }
    expect(await chunks()).toBe(17);
    const before = await resultsInputs(await log.read('fusion')); // finds 17 small chunks: merges them in the background
    for (let i = 0; i < 100 && (await chunks()) > 1; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await chunks()).toBe(1);
    const after = await resultsInputs(await log.read('fusion'));
    expect(Object.fromEntries(after.exposures)).toEqual(Object.fromEntries(before.exposures));
    expect(after.answers.map((row) => row[0])).toEqual(Array.from({ length: 17 }, (_, i) => `fusion-${i}`));
  });

  it('splits 10 000 subjects within 1 % of the weights on the running experiment, each one sticky', async () => {
    const experiments = t.app.get(ExperimentsService);
    let concise = 0;
    // Session-id-shaped subjects, fixed so the check is exact rather than probably right.
    const session = (i: number) =>
      createHash('sha256')
        .update(`session-${i}`)
        .digest('hex')
        .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*/, '$1-$2-$3-$4-$5');
    for (let i = 0; i < 10_000; i++) {
      const subject = session(i);
      const assigned = await experiments.variantFor('ask', subject);
      if (assigned!.variant.name === 'concise') concise++;
      if (i % 500 === 0)
        expect((await experiments.variantFor('ask', subject))!.variant.name).toBe(assigned!.variant.name);
    }
    expect(Math.abs(concise / 10_000 - 0.5)).toBeLessThan(0.01);
  });

  it('says which versions of a prompt the running experiment serves, and as what', async () => {
    const served = await as(t, cast.risk).get('/api/v1/prompts/ask/experiments');
    expect(served.status).toBe(200);
    expect(served.body).toEqual([
      { experiment: 'brievete', variant: 'control', version: 1, control: true, fallback: false },
      { experiment: 'brievete', variant: 'concise', version: 2, control: false, fallback: false },
    ]);
    const unknown = await analyst.get('/api/v1/prompts/unknown-prompt/experiments');
    expect([unknown.status, unknown.body.error]).toEqual([404, 'not_found']);
  });

  it('allows one running experiment per prompt, and stopping returns everyone to the version in force', async () => {
    const second = await start('autre', [
      { name: 'control', version: 2, weight: 1 },
      { name: 'ancienne', version: 1, weight: 1 },
    ]);
    expect(second.status).toBe(409);
    expect(second.body.error).toBe('experiment_running');
    expect((await approver.post('/api/v1/experiments/brievete/stop', { comment: 'Assez de données' })).status).toBe(
      200,
    );
    // Who stopped it, when and why, on the record its analysts read (it was in the audit trail only).
    const read = (await analyst.get('/api/v1/experiments/brievete')).body;
    expect(read.archival).toEqual({ by: 'approver', at: expect.any(String), comment: 'Assez de données' });
    expect(Date.now() - Date.parse(read.archival.at)).toBeLessThan(60_000);
    const again = await approver.post('/api/v1/experiments/brievete/stop', { comment: 'Encore' });
    expect([again.status, again.body.details]).toEqual([
      409,
      [{ path: '/key', message: 'names a stopped experiment', keyword: 'archived', params: { what: 'experiment' } }],
    ]);
    await new Promise((r) => setTimeout(r, 50));
    const after = (await complete(randomUUID())).body;
    expect(after.experiment).toBeUndefined();
    expect(after.version).toBe(2);
    // Stopped, it serves no version of the prompt any more.
    expect((await analyst.get('/api/v1/prompts/ask/experiments')).body).toEqual([]);
  });

  it('lets one of two experiments start on a prompt, whether they are published at the same moment or one is scheduled', async () => {
    const variants = [
      { name: 'control', version: 2, weight: 1 },
      { name: 'ancienne', version: 1, weight: 1 },
    ];
    const approved = async (key: string) => {
      expect((await analyst.post('/api/v1/experiments', { key, name: key, prompt: 'ask', variants })).status).toBe(201);
      await analyst.post(`/api/v1/experiments/${key}/versions/1/submit`);
      await approver.post(`/api/v1/experiments/${key}/versions/1/approve`);
    };
    await approved('course-a');
    await approved('course-b');
    const raced = await Promise.all(
      ['course-a', 'course-b'].map((key) => approver.post(`/api/v1/experiments/${key}/versions/1/publish`)),
    );
    expect(raced.map((r) => r.status).sort()).toEqual([200, 409]);
    const [winner, loser] = raced[0]!.status === 200 ? ['course-a', 'course-b'] : ['course-b', 'course-a'];
    expect((await approver.post(`/api/v1/experiments/${winner}/stop`, { comment: 'Fin' })).status).toBe(200);
    expect(await t.db.collection('experiment_prompt_slots').countDocuments({ _id: 'ask' } as never)).toBe(0); // stopping frees the prompt

    // Scheduled for next week, it holds the prompt already: nothing else may start and run into it.
    await approved('planifiee');
    const nextWeek = new Date(Date.now() + 7 * 86400_000).toISOString();
    expect(
      (await approver.post('/api/v1/experiments/planifiee/versions/1/publish', { effectiveFrom: nextWeek })).status,
    ).toBe(200);
    const blocked = await approver.post(`/api/v1/experiments/${loser}/versions/1/publish`);
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({
      error: 'experiment_running',
      details: [
        { path: '/prompt', message: expect.stringContaining('planifiee'), params: { experiment: 'planifiee' } },
      ],
    });
    // Its start withdrawn, it is approved again and the prompt is free.
    const withdrawn = await approver.post('/api/v1/experiments/planifiee/versions/1/unschedule', {
      comment: 'Reportée',
    });
    expect([withdrawn.status, withdrawn.body.scheduled, withdrawn.body.versions[0].status]).toEqual([
      200,
      [],
      'approved',
    ]);
    expect((await approver.post(`/api/v1/experiments/${loser}/versions/1/publish`)).status).toBe(200);
    const taken = await approver.post('/api/v1/experiments/planifiee/versions/1/publish', { effectiveFrom: nextWeek });
    expect([taken.status, taken.body.error]).toEqual([409, 'experiment_running']);
  });

  it('stopping an experiment scheduled to start withdraws its start: nothing waits on a stopped experiment', async () => {
    const live = (
      (await analyst.get('/api/v1/experiments')).body as { key: string; activeVersion: number | null }[]
    ).filter((e) => e.activeVersion !== null);
    for (const e of live) await approver.post(`/api/v1/experiments/${e.key}/stop`, { comment: 'Nettoyage' });
    const variants = [
      { name: 'control', version: 2, weight: 1 },
      { name: 'ancienne', version: 1, weight: 1 },
    ];
    const key = 'arret-planifie';
    expect((await analyst.post('/api/v1/experiments', { key, name: key, prompt: 'ask', variants })).status).toBe(201);
    await analyst.post(`/api/v1/experiments/${key}/versions/1/submit`);
    await approver.post(`/api/v1/experiments/${key}/versions/1/approve`);
    const nextWeek = new Date(Date.now() + 7 * 86400_000).toISOString();
    expect(
      (await approver.post(`/api/v1/experiments/${key}/versions/1/publish`, { effectiveFrom: nextWeek })).status,
    ).toBe(200);
    const stopped = await approver.post(`/api/v1/experiments/${key}/stop`, { comment: 'Abandonnée' });
    expect([stopped.status, stopped.body.archived, stopped.body.scheduled, stopped.body.versions[0].status]).toEqual([
      200,
      true,
      [],
      'approved',
    ]);
    const archived = (
      (await as(t, cast.risk).get(`/api/v1/audit?resourceKey=${key}&action=experiment.archived`)).body as {
        summary: { before: Record<string, unknown> };
      }[]
    )[0]!;
    expect(archived.summary.before).toEqual({ archived: false, scheduled: [{ version: 1, effectiveFrom: nextWeek }] });
    expect(await t.db.collection('experiment_prompt_slots').countDocuments({ _id: 'ask' } as never)).toBe(0);
  });

  it('waits for a claim in progress on a prompt, and takes over only a stale one', async () => {
    const variants = [
      { name: 'control', version: 2, weight: 1 },
      { name: 'ancienne', version: 1, weight: 1 },
    ];
    const running = (
      (await analyst.get('/api/v1/experiments?filter={"q":""}')).body as {
        key: string;
        archived: boolean;
        activeVersion: number | null;
      }[]
    ).filter((e) => e.activeVersion !== null && !e.archived);
    for (const e of running) await approver.post(`/api/v1/experiments/${e.key}/stop`, { comment: 'Nettoyage' });
    expect(
      (await analyst.post('/api/v1/experiments', { key: 'apres-panne', name: 'Après panne', prompt: 'ask', variants }))
        .status,
    ).toBe(201);
    await analyst.post('/api/v1/experiments/apres-panne/versions/1/submit');
    await approver.post('/api/v1/experiments/apres-panne/versions/1/approve');
    const slots = t.db.collection('experiment_prompt_slots');
    // Another experiment's publication has just claimed the prompt and has not written its start yet.
    await slots.insertOne({ _id: 'ask', experiment: 'en-cours', at: new Date() } as never);
    const meanwhile = await approver.post('/api/v1/experiments/apres-panne/versions/1/publish');
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.body.error).toBe('experiment_running');
    // That publication never finished (its process died): after the grace period its claim is taken over.
    await slots.updateOne({ _id: 'ask' } as never, { $set: { at: new Date(Date.now() - 60_000) } });
    expect((await approver.post('/api/v1/experiments/apres-panne/versions/1/publish')).status).toBe(200);
    expect(await slots.findOne({ _id: 'ask' } as never)).toMatchObject({ experiment: 'apres-panne' });
  });
  it('keeps a prompt version an experiment serves published: its schedule is not withdrawn under it', async () => {
    const listed = (await analyst.get('/api/v1/experiments')).body as { key: string; activeVersion: number | null }[];
    for (const e of listed.filter((x) => x.activeVersion !== null))
      await approver.post(`/api/v1/experiments/${e.key}/stop`, { comment: 'Nettoyage' });
    const etag = (await analyst.get('/api/v1/prompts/ask')).headers['etag'] as string;
    const n = (await analyst.put('/api/v1/prompts/ask/draft', { template: 'Prochaine : {{question}}' }, etag)).body
      .draftVersion as number;
    await analyst.post(`/api/v1/prompts/ask/versions/${n}/submit`);
    await approver.post(`/api/v1/prompts/ask/versions/${n}/approve`);
    const nextWeek = new Date(Date.now() + 7 * 86400_000).toISOString();
    expect((await approver.post(`/api/v1/prompts/ask/versions/${n}/publish`, { effectiveFrom: nextWeek })).status).toBe(
      200,
    );
    const variants = [
      { name: 'control', version: 2, weight: 1 },
      { name: 'prochaine', version: n, weight: 1 },
    ];
    // The prompt version takes effect next week: the experiment may serve it from then, not before.
    const early = await start('sert-trop-tot', variants);
    expect([early.status, early.body.details]).toEqual([
      400,
      [{ path: '/variants/1/version', message: expect.stringContaining(`takes effect on ${nextWeek}`) }],
    ]);
    const renderKey = (
      await as(t, cast.admin).post('/api/v1/api-keys', { name: 'Rendu', scopes: ['prompts:render:ask'] })
    ).body.key as string;
    const render = await t.http
      .post('/api/v1/prompts/ask/render')
      .set('x-api-key', renderKey)
      .send({ variables: { question: 'q' }, version: n });
    expect([render.status, render.body.error, render.body.details]).toEqual([
      403,
      'unpublished_version',
      [{ path: '/version', message: `takes effect on ${nextWeek}` }],
    ]);
    expect((await start('sert-planifiee', variants, {}, { effectiveFrom: nextWeek })).status).toBe(200);
    const refused = await approver.post(`/api/v1/prompts/ask/versions/${n}/unschedule`, { comment: 'Reportée' });
    expect([refused.status, refused.body.error]).toEqual([409, 'experiment_running']);
    expect(refused.body.message).toContain('"sert-planifiee" serves version');
    expect((await approver.post('/api/v1/experiments/sert-planifiee/stop', { comment: 'Fin' })).status).toBe(200);
    const withdrawn = await approver.post(`/api/v1/prompts/ask/versions/${n}/unschedule`, { comment: 'Reportée' });
    expect([withdrawn.status, withdrawn.body.scheduled]).toEqual([200, []]);
  });

  it('refuses a rollback when a publication lands after its check, rather than undoing that one unchecked', async () => {
    await promptVersion('Courte : {{question}}'); // in force, and no experiment serves it
    const variants = [
      { name: 'control', version: 1, weight: 1 },
      { name: 'b', version: 2, weight: 1 },
    ];
    expect((await start('pendant-le-retour', variants)).status).toBe(200);
    const etag = (await analyst.get('/api/v1/prompts/ask')).headers['etag'];
    const next = (await analyst.put('/api/v1/prompts/ask/draft', { template: 'Autre : {{question}}' }, etag)).body
      .draftVersion as number;
    await analyst.post(`/api/v1/prompts/ask/versions/${next}/submit`);
    await approver.post(`/api/v1/prompts/ask/versions/${next}/approve`);
    type Guard = { assertNoExperimentServes(prompt: string, version: number): Promise<void> };
    const experiments = t.app.get(ExperimentsService) as unknown as Guard;
    const check = experiments.assertNoExperimentServes.bind(experiments);
    // The rollback to version 1 has checked that nothing serves the version in force; before it writes, another
    // approver publishes a new version (a publication takes nothing out of what an experiment serves: it does not
    // wait for the rollback, as another rollback would, docs/adr/0040).
    const gap = jest
      .spyOn(experiments, 'assertNoExperimentServes')
      .mockImplementationOnce(async (prompt: string, version: number) => {
        await check(prompt, version);
        const meanwhile = await approver.post(`/api/v1/prompts/ask/versions/${next}/publish`);
        expect(meanwhile.status).toBe(200);
      });
    try {
      const late = await approver.post('/api/v1/prompts/ask/rollback', { version: 1, comment: 'Retour à 1' });
      expect([late.status, late.body.error]).toEqual([409, 'concurrent_publication']);
    } finally {
      gap.mockRestore();
    }
    expect((await analyst.get('/api/v1/prompts/ask')).body.activeVersion).toBe(next);
    // Back to version 2, then the rollback tried again is checked against version 2, which the experiment serves.
    expect((await approver.post('/api/v1/prompts/ask/rollback', { version: 2, comment: 'Retour à 2' })).status).toBe(
      200,
    );
    const again = await approver.post('/api/v1/prompts/ask/rollback', { version: 1, comment: 'Retour à 1' });
    expect([again.status, again.body.error]).toEqual([409, 'experiment_running']);
  });

  it('refuses a rollback when a scheduled publication takes effect between its check and its write', async () => {
    // Version 2 is in force (the test before); a new version is scheduled to take effect in a moment.
    const etag = (await analyst.get('/api/v1/prompts/ask')).headers['etag'];
    const n = (await analyst.put('/api/v1/prompts/ask/draft', { template: 'Bientôt : {{question}}' }, etag)).body
      .draftVersion as number;
    await analyst.post(`/api/v1/prompts/ask/versions/${n}/submit`);
    await approver.post(`/api/v1/prompts/ask/versions/${n}/approve`);
    const takesEffect = Date.now() + 4_000; // room for the publication and the rollback's check on a slow machine
    const scheduled = await approver.post(`/api/v1/prompts/ask/versions/${n}/publish`, {
      effectiveFrom: new Date(takesEffect).toISOString(),
    });
    expect([scheduled.status, scheduled.body.activeVersion]).toEqual([200, 2]);
    type Guard = { assertNoExperimentServes(prompt: string, version: number): Promise<void> };
    const experiments = t.app.get(ExperimentsService) as unknown as Guard;
    const checkedVersions: number[] = [];
    // The rollback checks version 2, the one in force (taken as passing here), and writes once version n took
    // effect: the rollback would take n out of service unchecked, and an experiment may serve n.
    const gap = jest
      .spyOn(experiments, 'assertNoExperimentServes')
      .mockImplementationOnce(async (_prompt: string, version: number) => {
        checkedVersions.push(version);
        await new Promise((resolve) => setTimeout(resolve, takesEffect + 200 - Date.now()));
      });
    try {
      const late = await approver.post('/api/v1/prompts/ask/rollback', { version: 1, comment: 'Retour à 1' });
      expect([checkedVersions, late.status, late.body.error]).toEqual([[2], 409, 'concurrent_publication']);
    } finally {
      gap.mockRestore();
    }
    expect((await analyst.get('/api/v1/prompts/ask')).body.activeVersion).toBe(n);
    // Back to version 2 for the tests that follow (n is served by no experiment: the check passes).
    expect((await approver.post('/api/v1/prompts/ask/rollback', { version: 2, comment: 'Retour à 2' })).status).toBe(
      200,
    );
  });

  /** Answers of `experiment` in its log one chunk each (chunk `${experiment}-${i}`), as many small flushes leave them. */
  async function oneChunkPerAnswer(experiment: string, count: number) {
    const repository = t.app.get(ExperimentLogRepository);
    const completions = Array.from({ length: count }, (_, i) => ({
      _id: `${experiment}-${i}`,
      prompt: 'ask',
      version: 1,
      experiment,
      variant: 'control',
      subject: `s${i}`,
      at: new Date(Date.now() + i),
      latencyMs: 10,
      outcome: 'ok' as const,
    }));
    for (const completion of completions)
      await repository.insert([
        { id: completion._id, experiment, rows: { answers: [answerRow(completion)], feedback: [] } },
      ]);
    return { completions, chunkIds: completions.map((c) => c._id) };
  }

  it('reads every answer when another instance merges the chunks while they are being read', async () => {
    const log = t.app.get(ExperimentLog);
    const repository = t.app.get(ExperimentLogRepository);
    const { completions, chunkIds } = await oneChunkPerAnswer('course', 17);
    // The read has listed the 17 chunks; before it reads their rows, another instance merges them all.
    type Rows = { rowsOf(id: string): Promise<unknown> };
    const rowsOf = (repository as unknown as Rows).rowsOf.bind(repository);
    const merging = jest.spyOn(repository as unknown as Rows, 'rowsOf').mockImplementationOnce(async (id: string) => {
      await repository.insert([
        {
          id: 'chunk-course-merged',
          experiment: 'course',
          rows: { answers: completions.map(answerRow), feedback: [] },
        },
      ]);
      await repository.delete(chunkIds);
      return rowsOf(id);
    });
    try {
      const { exposures } = await resultsInputs(await log.read('course'));
      expect(exposures.get('control')?.served).toBe(17);
    } finally {
      merging.mockRestore();
    }
  });

  it('reads every answer while merges keep replacing the chunks it lists, rather than failing', async () => {
    const log = t.app.get(ExperimentLog);
    const repository = t.app.get(ExperimentLogRepository);
    const { completions } = await oneChunkPerAnswer('affairee', 12);
    // The read takes the first chunk's rows; then, before each of its next eight reads of a chunk's rows, another
    // instance merges the other chunks listed into a new one: the chunk asked for is gone each time. A read that
    // started over each time gave up (500), and read the first chunk again at each listing.
    type Rows = { rowsOf(id: string): Promise<unknown> };
    const rowsOf = (repository as unknown as Rows).rowsOf.bind(repository);
    let merges = 0;
    const reads: string[] = [];
    const busy = jest.spyOn(repository as unknown as Rows, 'rowsOf').mockImplementation(async (id: string) => {
      reads.push(id);
      if (reads.length > 1 && merges < 8) {
        const listed = await t.db.collection('experiment_log').find({ experiment: 'affairee' }).toArray();
        const others = listed.map((c) => c._id as unknown as string).filter((chunk) => chunk !== 'affairee-0');
        await repository.insert([
          {
            id: `affairee-fusion-${merges++}`,
            experiment: 'affairee',
            rows: { answers: completions.slice(1).map(answerRow), feedback: [] },
          },
        ]);
        await repository.delete(others);
      }
      return rowsOf(id);
    });
    try {
      const { exposures } = await resultsInputs(await log.read('affairee'));
      const firstChunkReads = reads.filter((id) => id === 'affairee-0').length;
      expect([merges, exposures.get('control')?.served, firstChunkReads]).toEqual([8, 12, 1]);
    } finally {
      busy.mockRestore();
    }
  });

  it('answers 503 with Retry-After when merges never let a read finish, and loses no answer', async () => {
    const repository = t.app.get(ExperimentLogRepository);
    const before = (await analyst.get('/api/v1/experiments/brievete/results')).body as Results;
    // Each chunk the read asks for has just been merged (moved under a new id, its rows kept) by another instance.
    type Rows = { rowsOf(id: string): Promise<ExperimentRows | null> };
    const rowsOf = (repository as unknown as Rows).rowsOf.bind(repository);
    let moves = 0;
    const moving = jest.spyOn(repository as unknown as Rows, 'rowsOf').mockImplementation(async (id: string) => {
      const rows = await rowsOf(id);
      if (rows) {
        await repository.insert([{ id: `brievete-moved-${moves++}`, experiment: 'brievete', rows }]);
        await repository.delete([id]);
      }
      return null;
    });
    let busy;
    try {
      busy = await analyst.get('/api/v1/experiments/brievete/results');
    } finally {
      moving.mockRestore();
    }
    expect([busy.status, busy.body.error, busy.headers['retry-after']]).toEqual([503, 'experiment_log_busy', '1']);
    expect(moves).toBeGreaterThanOrEqual(20);
    const after = (await analyst.get('/api/v1/experiments/brievete/results')).body as Results;
    expect(after.variants).toEqual(before.variants);
  });

  it('another instance reads the answers and feedback this one recorded, and a flip of feedback made there', async () => {
    const served = (body: Results) => body.variants.reduce((n, v) => n + v.exposures, 0);
    const converted = (body: Results) => body.variants.reduce((n, v) => n + v.conversions, 0);
    const feedbackKey = (
      await as(t, cast.admin).post('/api/v1/api-keys', {
        name: 'Retour',
        scopes: ['prompts:complete:ask', 'experiments:feedback:pendant-le-retour'],
      })
    ).body.key as string;
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await completeAsk(t, feedbackKey, randomUUID())).body);
    const feedback = (app: TestApp, completionId: string, outcome: string) =>
      app.http
        .post('/api/v1/experiments/pendant-le-retour/feedback')
        .set('x-api-key', feedbackKey)
        .send({ completionId, outcome })
        .expect(200);
    await feedback(t, answers[0].completionId, 'positive');
    await feedback(t, answers[1].completionId, 'positive');
    const here = (await analyst.get('/api/v1/experiments/pendant-le-retour/results')).body as Results;
    expect([served(here), converted(here)]).toEqual([6, 2]);
    await t.app.get(ExperimentLog).flush(); // what the timer does every second
    const other = await startAnotherInstance(t); // the copy was done: it reads the log alone
    try {
      const there = (await as(other, cast.analyst).get('/api/v1/experiments/pendant-le-retour/results')).body;
      expect([served(there), converted(there)]).toEqual([6, 2]);
      // The person changes their mind through the other instance: the later feedback is the one that counts.
      await feedback(other, answers[0].completionId, 'negative');
      await other.app.get(ExperimentLog).flush();
    } finally {
      await other.close();
    }
    const after = (await analyst.get('/api/v1/experiments/pendant-le-retour/results')).body as Results;
    expect([served(after), converted(after)]).toEqual([6, 1]);
  });

  it('copies answers and feedback stored before the log existed into it once, counting none twice', async () => {
    const served = (body: Results) => body.variants.reduce((n, v) => n + v.exposures, 0);
    const converted = (body: Results) => body.variants.reduce((n, v) => n + v.conversions, 0);
    const before = (await analyst.get('/api/v1/experiments/pendant-le-retour/results')).body as Results;
    // A database written by an earlier version: these answers and this feedback are only in their collections.
    await t.db.collection('completions').insertMany(
      Array.from({ length: 5 }, (_, i) => ({
        _id: `avant-le-journal-${i}`,
        prompt: 'ask',
        version: 2,
        experiment: 'pendant-le-retour',
        variant: 'b',
        subject: `ancien-${i}`,
        at: new Date(Date.now() - 86_400_000),
        latencyMs: 900,
        outcome: 'ok',
      })) as never[],
    );
    await t.db.collection('feedback').insertOne({
      _id: 'avant-le-journal-0',
      experiment: 'pendant-le-retour',
      variant: 'b',
      outcome: 'positive',
      at: new Date(Date.now() - 86_000_000),
    } as never);
    await t.db.collection('experiment_log').deleteOne({ _id: 'backfilled:v1' } as never);
    const other = await startAnotherInstance(t);
    try {
      const there = (await as(other, cast.analyst).get('/api/v1/experiments/pendant-le-retour/results')).body;
      // What the log held already (its answers were copied again from the completions: counted once), and the
      // five older answers with their one positive feedback.
      expect([served(there), converted(there)]).toEqual([served(before) + 5, converted(before) + 1]);
      expect(await t.db.collection('experiment_log').countDocuments({ _id: 'backfilled:v1' } as never)).toBe(1);
    } finally {
      await other.close();
    }
    const here = (await analyst.get('/api/v1/experiments/pendant-le-retour/results')).body;
    expect([served(here), converted(here)]).toEqual([served(before) + 5, converted(before) + 1]);
  });

  it('keeps in the results an answer a stopping instance was still waiting for', async () => {
    const served = (body: Results) => body.variants.reduce((n, v) => n + v.exposures, 0);
    const key = (await as(t, cast.admin).post('/api/v1/api-keys', { name: 'Lente', scopes: ['prompts:complete:ask'] }))
      .body.key as string;
    const before = served((await analyst.get('/api/v1/experiments/pendant-le-retour/results')).body);
    const other = await startWithConfig({ ...t.config }); // another instance, with the model configured
    fake.mode = 'slow';
    fake.slowMs = 1_500;
    try {
      const answering = completeAsk(other, key, randomUUID()).then((r) => r);
      await new Promise((r) => setTimeout(r, 300)); // the model is answering when the instance is told to stop
      const stopping = other.close();
      const answered = await answering;
      expect([answered.status, answered.body.error]).toEqual([200, undefined]);
      await stopping;
    } finally {
      fake.mode = 'ok';
    }
    expect(served((await analyst.get('/api/v1/experiments/pendant-le-retour/results')).body)).toBe(before + 1);
  });
});
