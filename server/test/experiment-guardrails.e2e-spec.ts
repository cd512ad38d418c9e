import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { experimentResultsSchema } from '../src/modules/experiments/experiments.contract.js';
import { ExperimentsService } from '../src/modules/experiments/experiments.service.js';
import { FakeAnthropic } from './support/fake-anthropic.js';
import {
  completeAsk,
  publishAskPrompt,
  publishAskVersion,
  startExperiment,
  storeCompletions,
} from './support/prompts.js';
import { as, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Experiments that are safe to watch (docs/adr/0029): always-valid results, and a guardrail breach that stops the
// experiment, sends everyone to the control, and says so in the audit trail and the work queue.
/** What the OpenAPI document says the results are (schemathesis checks the same in the contract run). */
const documented = (() => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(experimentResultsSchema);
})();

describe('experiment guardrails', () => {
  const fake = new FakeAnthropic();
  let t: TestApp;
  let analyst: ReturnType<typeof as>;
  let approver: ReturnType<typeof as>;
  let risk: ReturnType<typeof as>;
  let frontEnd: string;

  const promptVersion = (template: string) => publishAskVersion(analyst, approver, template);

  beforeAll(async () => {
    const baseUrl = await fake.start();
    t = await startTestApp('experiment_guardrails', {
      ANTHROPIC_API_KEY: fake.apiKey,
      ANTHROPIC_BASE_URL: baseUrl,
      LLM_MAX_RETRIES: '0', // a throttled request is answered at once, not after the SDK's retries
    });
    const cast = await signInCast(t);
    analyst = as(t, cast.analyst);
    approver = as(t, cast.approver);
    risk = as(t, cast.risk);
    await publishAskPrompt(analyst, approver);
    // Version 2 is in force; the experiment's control is version 1, so falling back to it is visible. It calls a
    // cheaper model, so each variant's cost has its own price.
    await publishAskVersion(analyst, approver, 'Question (réponds brièvement) : {{question}}', 'claude-haiku-4-5');
    frontEnd = (
      await as(t, cast.admin).post('/api/v1/api-keys', {
        name: 'Assistant',
        scopes: ['prompts:complete:ask', 'experiments:feedback:garde'],
      })
    ).body.key;
    await startExperiment(analyst, approver, {
      key: 'garde',
      name: 'Garde-fous',
      prompt: 'ask',
      variants: [
        { name: 'control', version: 1, weight: 1 },
        { name: 'concise', version: 2, weight: 1 },
      ],
      guardrails: { maxErrorRate: 0.1, minSamplePerVariant: 10 },
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  const complete = (subjectId: string) => completeAsk(t, frontEnd, subjectId);

  it('refuses guardrail settings out of bounds, like any other field', async () => {
    const response = await analyst.post('/api/v1/experiments', {
      key: 'mauvais',
      name: 'x',
      prompt: 'ask',
      variants: [
        { name: 'control', version: 1, weight: 1 },
        { name: 'b', version: 2, weight: 1 },
      ],
      guardrails: { maxErrorRate: 2, minSamplePerVariant: 0, pricePerMillionTokens: { input: 3 } },
    });
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      '/guardrails/maxErrorRate',
      '/guardrails/minSamplePerVariant',
      '/guardrails/pricePerMillionTokens/output',
    ]);
  });

  it('reports always-valid results, the probability to beat the control and the guardrails, with the minimum sample', async () => {
    const answers = [];
    for (let i = 0; i < 16; i++) answers.push((await complete(randomUUID())).body);
    for (const answer of answers)
      await t.http
        .post('/api/v1/experiments/garde/feedback')
        .set('x-api-key', frontEnd)
        .send({ completionId: answer.completionId, outcome: answer.variant === 'concise' ? 'positive' : 'negative' });
    const results = (await analyst.get('/api/v1/experiments/garde/results')).body;
    expect(documented(results) ? [] : documented.errors).toEqual([]);
    expect(results.running).toBe(true);
    expect(results.minimumSample).toEqual({ perVariant: 10, reached: false });
    expect(results.sequential).toMatchObject({ variant: 'concise', canStop: false });
    expect(results.sequential.pValue).toBeGreaterThan(0);
    expect(results.sequential.confidenceSequence[0]).toBeLessThan(results.sequential.confidenceSequence[1]);
    expect(results.probabilityToBeatControl).toBeGreaterThan(0.95);
    expect(results.comparison.byVariant[0].boundary.at(-1).subjects).toBe(16);
    expect(results.guardrails).toHaveLength(6);
    expect(results.guardrails).toContainEqual({
      variant: 'concise',
      metric: 'error_rate',
      value: 0,
      threshold: 0.1,
      breached: false,
    });
    const costOf = (variant: string) =>
      results.guardrails.find(
        (g: { variant: string; metric: string }) => g.variant === variant && g.metric === 'cost_per_answer',
      );
    expect(costOf('control')).toMatchObject({ threshold: 0.1, breached: false });
    expect(costOf('control').value).toBeGreaterThan(0); // tokens × Claude Sonnet's list price
    // The concise variant's prompt is longer, but its model (Haiku) costs a third of Sonnet's per token: priced at
    // one price for all, it cost more than the control.
    expect(costOf('concise').value).toBeGreaterThan(0);
    expect(costOf('concise').value).toBeLessThan(costOf('control').value / 2);
  });

  it('charges no variant for the provider throttling it: the experiment keeps running', async () => {
    fake.mode = 'rate_limited';
    try {
      for (let i = 0; i < 12; i++) expect((await complete(randomUUID())).status).toBe(429);
    } finally {
      fake.mode = 'ok';
    }
    const stored = await t.db
      .collection('completions')
      .find({ experiment: 'garde', error: 'llm_rate_limited' })
      .toArray();
    expect(stored.map((c) => c['outcome'])).toEqual(Array.from({ length: 12 }, () => 'unavailable'));
    const results = (await analyst.get('/api/v1/experiments/garde/results')).body;
    expect([results.running, results.halt]).toEqual([true, undefined]);
    for (const variant of results.variants) expect(variant.errorRate ?? 0).toBe(0);
  });

  it('charges no variant for variables every variant refuses: a caller cannot stop the experiment so', async () => {
    const refused = (subjectId: string) =>
      t.http
        .post('/api/v1/prompts/ask/complete')
        .set('x-api-key', frontEnd)
        .send({ variables: { question: 42 }, subjectId });
    // Twelve refusals in all: charged to the variants, they would pass the guardrail's 10 % and stop it.
    for (let i = 0; i < 12; i++) expect((await refused(randomUUID())).status).toBe(400);
    const stored = await t.db
      .collection('completions')
      .find({ experiment: 'garde', error: 'refused_by_every_variant' })
      .toArray();
    expect(stored.map((c) => c['outcome'])).toEqual(Array.from({ length: 12 }, () => 'unavailable'));
    const results = (await analyst.get('/api/v1/experiments/garde/results')).body;
    expect([results.running, results.halt]).toEqual([true, undefined]);
    for (const variant of results.variants) expect(variant.errorRate ?? 0).toBe(0);
  });

  it('stops on a planted breach once, sends everyone to the control, and tells the audit trail and the work queue', async () => {
    for (let i = 0; i < 10; i++) await complete(randomUUID());
    // The provider refused 6 requests of the concise variant (recorded as serving records them).
    await storeCompletions(
      t,
      Array.from({ length: 6 }, (_, i) => ({
        _id: `failed-${i}`,
        prompt: 'ask',
        version: 2,
        experiment: 'garde',
        variant: 'concise',
        subject: `failed-${i}`,
        at: new Date(),
        latencyMs: 30,
        outcome: 'error' as const,
        error: 'llm_rejected',
      })),
    );
    // Four readers at once (several instances would do the same): one stop, one event.
    const reads = await Promise.all(Array.from({ length: 4 }, () => analyst.get('/api/v1/experiments/garde/results')));
    for (const read of reads) {
      expect(read.status).toBe(200);
      expect(documented(read.body) ? [] : documented.errors).toEqual([]);
      expect(read.body.running).toBe(false);
      expect(read.body.halt).toMatchObject({
        reason: 'guardrail',
        metric: 'error_rate',
        variant: 'concise',
        threshold: 0.1,
        fallback: { variant: 'control', version: 1 },
        promptVersion: 2,
      });
      expect(read.body.halt.value).toBeGreaterThan(0.1);
    }
    const experiment = (await analyst.get('/api/v1/experiments/garde')).body;
    expect(experiment.archived).toBe(true);
    expect(experiment.halt.metric).toBe('error_rate');

    const events = (await risk.get('/api/v1/audit?resourceType=experiment&resourceKey=garde')).body as {
      action: string;
      actor: string;
      reason?: string;
      details?: Record<string, unknown>;
    }[];
    expect(events.filter((e) => e.action === 'experiment.auto_stopped')).toHaveLength(1);
    expect(events.filter((e) => e.action === 'experiment.archived')).toHaveLength(1);
    const stopped = events.find((e) => e.action === 'experiment.auto_stopped')!;
    expect(stopped.actor).toBe('system:experiment-watch');
    expect(stopped.details).toMatchObject({ metric: 'error_rate', variant: 'concise', threshold: 0.1 });
    expect(stopped.details!['value']).toBeGreaterThan(0.1);
    expect(stopped.reason).toMatch(/error_rate of "concise" is 0\.\d+, above its threshold 0\.1/);

    // The console's work queue lists stopped experiments that carry a halt.
    const listed = (await analyst.get(`/api/v1/experiments?filter=${encodeURIComponent('{"archived":true}')}`))
      .body as { key: string; halt?: { reason: string } }[];
    expect(listed.find((e) => e.key === 'garde')?.halt?.reason).toBe('guardrail');

    // Everyone is served the control's version (1, while 2 is in force), outside the experiment; the prompt is free.
    await new Promise((r) => setTimeout(r, 2_100)); // other instances' caches of running experiments expire
    for (let i = 0; i < 6; i++) {
      const answer = (await complete(randomUUID())).body;
      expect(answer.version).toBe(1);
      expect(answer.experiment).toBeUndefined();
    }
    expect(await t.db.collection('experiment_prompt_slots').countDocuments({ _id: 'ask' } as never)).toBe(0);
    // Watching again (the timer) changes nothing more.
    await t.app.get(ExperimentsService).watchRunning();
    const again = (await risk.get('/api/v1/audit?resourceType=experiment&resourceKey=garde')).body as {
      action: string;
    }[];
    expect(again.filter((e) => e.action === 'experiment.auto_stopped')).toHaveLength(1);
  });

  const cachesExpire = () => new Promise((r) => setTimeout(r, 2_100)); // instances' caches of running experiments

  /** An experiment on `ask` splitting its people evenly between versions 2 (the control) and 1. */
  const evenSplit = (key: string, name: string) => ({
    key,
    name,
    prompt: 'ask',
    variants: [
      { name: 'control', version: 2, weight: 1 },
      { name: 'first', version: 1, weight: 1 },
    ],
  });

  /** Submits version `n` of experiment `key` and has it approved. */
  const toApproved = async (key: string, n: number) => {
    expect((await analyst.post(`/api/v1/experiments/${key}/versions/${n}/submit`)).status).toBe(200);
    expect((await approver.post(`/api/v1/experiments/${key}/versions/${n}/approve`)).status).toBe(200);
  };

  it('ends the fallback for good when another experiment runs on the prompt, even once it is stopped by hand', async () => {
    expect((await analyst.post('/api/v1/experiments', evenSplit('garde-suite', 'Suite'))).status).toBe(201);
    await toApproved('garde-suite', 1);
    expect((await approver.post('/api/v1/experiments/garde-suite/versions/1/publish')).status).toBe(200);
    expect((await approver.post('/api/v1/experiments/garde-suite/stop', { comment: 'Assez vu' })).status).toBe(200);
    await cachesExpire();
    // Version 2 is in force, as at the automatic stop: the old fallback (version 1) does not come back.
    for (let i = 0; i < 4; i++) expect((await complete(randomUUID())).body.version).toBe(2);
    expect((await analyst.get('/api/v1/prompts/ask/experiments')).body).toEqual([]);
  });

  it('refuses a version that would move subjects a running experiment has served; coverage may change', async () => {
    const split = evenSplit('repartition', 'Répartition');
    expect((await analyst.post('/api/v1/experiments', split)).status).toBe(201);
    const etag = async () => (await analyst.get('/api/v1/experiments/repartition')).headers['etag'] as string;
    await toApproved('repartition', 1);
    expect((await approver.post('/api/v1/experiments/repartition/versions/1/publish')).status).toBe(200);
    const before = new Map<string, string>();
    for (let i = 0; i < 20; i++) before.set(`s${i}`, (await complete(`s${i}`)).body.variant);
    expect(new Set(before.values())).toEqual(new Set(['control', 'first']));

    const weights = { variants: [split.variants[0], { ...split.variants[1], weight: 9 }] };
    expect((await analyst.put('/api/v1/experiments/repartition/draft', weights, await etag())).status).toBe(200);
    await toApproved('repartition', 2);
    const moved = await approver.post('/api/v1/experiments/repartition/versions/2/publish');
    expect([moved.status, moved.body.error, moved.body.details]).toEqual([
      409,
      'assignment_changed',
      [
        {
          path: '/variants',
          message: 'differs from version 1, which serves subjects',
          keyword: 'assignmentChanged',
          params: { version: 1 },
        },
      ],
    ]);
    const coverage = { ...weights, variants: split.variants, coverage: 1 };
    expect((await analyst.put('/api/v1/experiments/repartition/draft', coverage, await etag())).status).toBe(200);
    await toApproved('repartition', 3);
    expect((await approver.post('/api/v1/experiments/repartition/versions/3/publish')).status).toBe(200);
    await cachesExpire();
    for (const [subject, variant] of before) expect((await complete(subject)).body.variant).toBe(variant);
    expect((await approver.post('/api/v1/experiments/repartition/stop', { comment: 'Fini' })).status).toBe(200);
  });

  it('refuses a second scheduled version that would change the split on its date, before either starts', async () => {
    const later = evenSplit('plus-tard', 'Plus tard');
    expect((await analyst.post('/api/v1/experiments', later)).status).toBe(201);
    await toApproved('plus-tard', 1);
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const first = await approver.post('/api/v1/experiments/plus-tard/versions/1/publish', { effectiveFrom: inAnHour });
    expect(first.status).toBe(200);
    const etag = (await analyst.get('/api/v1/experiments/plus-tard')).headers['etag'] as string;
    const weights = { variants: [later.variants[0], { ...later.variants[1], weight: 9 }] };
    expect((await analyst.put('/api/v1/experiments/plus-tard/draft', weights, etag)).status).toBe(200);
    await toApproved('plus-tard', 2);
    const inTwoHours = new Date(Date.now() + 7_200_000).toISOString();
    const second = await approver.post('/api/v1/experiments/plus-tard/versions/2/publish', {
      effectiveFrom: inTwoHours,
    });
    expect([second.status, second.body.error]).toEqual([409, 'assignment_changed']);
    // Stopped before it started: its start is withdrawn, and the prompt is free again.
    expect((await approver.post('/api/v1/experiments/plus-tard/stop', { comment: 'Annulée' })).status).toBe(200);
  });

  it('ends the fallback when the prompt publishes a new version, and a rollback to the old one does not revive it', async () => {
    const n = await promptVersion('Question (v3) : {{question}}');
    await cachesExpire();
    expect((await complete(randomUUID())).body.version).toBe(n);
    const back = await approver.post('/api/v1/prompts/ask/rollback', { version: 2, comment: 'Retour à 2' });
    expect(back.status).toBe(200);
    await cachesExpire();
    for (let i = 0; i < 4; i++) expect((await complete(randomUUID())).body.version).toBe(2);
  });
});

describe('an experiment whose variant cannot render what callers send', () => {
  const fake = new FakeAnthropic();
  let t: TestApp;
  let analyst: ReturnType<typeof as>;
  let approver: ReturnType<typeof as>;
  let frontEnd: string;

  beforeAll(async () => {
    t = await startTestApp('experiment_render_failures', {
      ANTHROPIC_API_KEY: fake.apiKey,
      ANTHROPIC_BASE_URL: await fake.start(),
    });
    const cast = await signInCast(t);
    analyst = as(t, cast.analyst);
    approver = as(t, cast.approver);
    await publishAskPrompt(analyst, approver);
    // Version 2 writes a variable the schema declares optional, which callers of version 1 do not send: it
    // renders for none of them (a strict render refuses a missing variable).
    const etag = (await analyst.get('/api/v1/prompts/ask')).headers['etag'];
    const draft = await analyst.put(
      '/api/v1/prompts/ask/draft',
      {
        template: 'Question : {{question}} (contexte : {{contexte}})',
        variablesSchema: {
          type: 'object',
          required: ['question'],
          properties: { question: { type: 'string' }, contexte: { type: 'string' } },
        },
      },
      etag,
    );
    expect(draft.status).toBe(200);
    await analyst.post('/api/v1/prompts/ask/versions/2/submit');
    await approver.post('/api/v1/prompts/ask/versions/2/approve');
    expect((await approver.post('/api/v1/prompts/ask/versions/2/publish')).status).toBe(200);
    frontEnd = (
      await as(t, cast.admin).post('/api/v1/api-keys', { name: 'Assistant', scopes: ['prompts:complete:ask'] })
    ).body.key;
    await startExperiment(analyst, approver, {
      key: 'rendu',
      name: 'Rendu',
      prompt: 'ask',
      variants: [
        { name: 'control', version: 1, weight: 1 },
        { name: 'contexte', version: 2, weight: 1 },
      ],
      guardrails: { maxErrorRate: 0.1, minSamplePerVariant: 10 },
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('counts the failed renders as the variant’s errors, and stops it for its error rate, not for its split', async () => {
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await completeAsk(t, frontEnd, randomUUID())).status);
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThanOrEqual(10);
    const results = (await analyst.get('/api/v1/experiments/rendu/results')).body;
    const failing = results.variants.find((v: { name: string }) => v.name === 'contexte');
    // Unrecorded, the variant's subjects vanished from its counts (assigned 0, error rate null), and the split
    // check stopped the experiment for a broken split.
    expect(failing.errorRate).toBe(1);
    expect(failing.assigned).toBe(statuses.filter((s) => s === 400).length);
    expect(results.halt).toMatchObject({ reason: 'guardrail', metric: 'error_rate', variant: 'contexte' });
  });
});
