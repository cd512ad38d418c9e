import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { FakeAnthropic } from './support/fake-anthropic.js';
import { as, signInCast } from './support/rulesets.js';
import { startAnotherInstance, startTestApp, type TestApp } from './support/test-app.js';

const KEY = 'faq';
const prompt = {
  key: KEY,
  name: 'Réponse FAQ',
  pilot: 'chatbot',
  locale: 'fr',
  template: 'Question : {{question}}',
  model: 'claude-sonnet-4-6',
  maxTokens: 256,
  variablesSchema: {
    type: 'object',
    required: ['question'],
    properties: { question: { type: 'string', minLength: 1 } },
  },
};
const judgePrompt = {
  key: 'juge',
  name: 'Juge',
  pilot: 'chatbot',
  locale: 'fr',
  template: 'JUGE\nCritères : {{criteria}}\nRéponse : {{output}}\nEntrée : {{input}}',
  model: 'claude-haiku-4-6',
  maxTokens: 64,
  variablesSchema: {
    type: 'object',
    properties: { criteria: { type: 'string' }, output: { type: 'string' }, input: { type: 'string' } },
  },
};

/** Six cases: the first needs "version deux" (and the judge's 4+), the second a JSON answer, the rest an echo. */
const regression = {
  name: 'regression',
  judgePrompt: 'juge',
  cases: [
    {
      name: 'arbres',
      variables: { question: 'arbres' },
      expect: [
        { type: 'contains', value: 'version deux' },
        { type: 'regex', pattern: '^Réponse' },
        { type: 'length', max: 500 },
        { type: 'rubric', criteria: 'La réponse est claire', minScore: 4 },
      ],
    },
    {
      name: 'json',
      variables: { question: 'JSON' },
      expect: [
        { type: 'jsonSchema', schema: { type: 'object', required: ['ok'], properties: { ok: { const: true } } } },
        { type: 'notContains', value: 'erreur' },
      ],
    },
    ...['trois', 'quatre', 'cinq', 'six'].map((q) => ({
      variables: { question: q },
      expect: [{ type: 'contains', value: q }],
    })),
  ],
};

describe('prompt evaluation sets', () => {
  const fake = new FakeAnthropic();
  let t: TestApp;
  let analyst: ReturnType<typeof as>;
  let approver: ReturnType<typeof as>;
  let risk: ReturnType<typeof as>;

  beforeAll(async () => {
    const baseUrl = await fake.start();
    // The fake model echoes the prompt; JSON questions get fenced JSON; the judge scores 5 for "version deux", else 2.
    fake.reply = ({ prompt: text }) => {
      if (text.startsWith('JUGE')) return text.includes('version deux') ? 'Score : 5 — clair.' : '{"score": 2}';
      if (text.includes('JSON')) return '```json\n{"ok": true}\n```';
      return `Réponse : ${text}`;
    };
    t = await startTestApp('prompt-evaluation', {
      ANTHROPIC_API_KEY: fake.apiKey,
      ANTHROPIC_BASE_URL: baseUrl,
      LLM_MAX_RETRIES: '0',
    });
    const cast = await signInCast(t);
    analyst = as(t, cast.analyst);
    approver = as(t, cast.approver);
    risk = as(t, cast.risk);
    for (const p of [prompt, judgePrompt]) {
      expect((await analyst.post('/api/v1/prompts', p)).status).toBe(201);
      await analyst.post(`/api/v1/prompts/${p.key}/versions/1/submit`);
      await approver.post(`/api/v1/prompts/${p.key}/versions/1/approve`);
      expect((await approver.post(`/api/v1/prompts/${p.key}/versions/1/publish`)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  const auditOf = async (action: string) =>
    (await risk.get(`/api/v1/audit?resourceKey=${KEY}&action=${action}`)).body as {
      version: number;
      actor: string;
      details?: { evaluation?: Record<string, unknown> } & Record<string, unknown>;
    }[];

  it('refuses a set with bad patterns, schemas, variables or a rubric without a judge, naming each path', async () => {
    const bad = await analyst.post(`/api/v1/prompts/${KEY}/evaluation-sets`, {
      name: 'mauvais',
      cases: [
        {
          variables: { question: 5 },
          expect: [
            { type: 'regex', pattern: '(a)\\1' },
            { type: 'jsonSchema', schema: { type: 'nope' } },
            { type: 'contains' },
            { type: 'length', min: 9, max: 3 },
            { type: 'rubric', criteria: 'clair' },
          ],
        },
      ],
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/cases/0/variables/question',
        '/cases/0/expect/0/pattern',
        '/cases/0/expect/2/value',
        '/cases/0/expect/3/min',
        '/cases/0/expect/4',
      ]),
    );
    expect(paths.some((p) => p.startsWith('/cases/0/expect/1/schema'))).toBe(true);
    const noJudge = await analyst.post(`/api/v1/prompts/${KEY}/evaluation-sets`, {
      ...regression,
      judgePrompt: 'absent',
    });
    expect([noJudge.status, noJudge.body.details[0].path]).toEqual([400, '/judgePrompt']);
    // A judge is given criteria, output and input: a prompt whose schema refuses them would fail every rubric.
    const unfit = await analyst.post(`/api/v1/prompts/${KEY}/evaluation-sets`, { ...regression, judgePrompt: KEY });
    expect([unfit.status, unfit.body.details]).toEqual([
      400,
      [expect.objectContaining({ path: '/judgePrompt', keyword: 'judgeVariables' })],
    ]);
    expect((await risk.post(`/api/v1/prompts/${KEY}/evaluation-sets`, regression)).status).toBe(403);
  });

  it('refuses a set checking answers against more than 20 different schemas, naming the first past them', async () => {
    const shaped = (n: number) => ({ type: 'jsonSchema', schema: { type: 'object', required: [`champ${n}`] } });
    const cases = (schemas: number) =>
      Array.from({ length: 50 }, (_, i) => ({ variables: { question: 'arbres' }, expect: [shaped(i % schemas)] }));
    const refused = await analyst.post(`/api/v1/prompts/${KEY}/evaluation-sets`, { name: 'formes', cases: cases(21) });
    expect([refused.status, refused.body.details]).toEqual([
      400,
      [expect.objectContaining({ path: '/cases/20/expect/0/schema', params: { limit: 20, count: 21 } })],
    ]);
    // Nothing stored: the next test finds the one set it creates.
  });

  it('stores a set, lists it to readers, and refuses a second set of the same name', async () => {
    const created = await analyst.post(`/api/v1/prompts/${KEY}/evaluation-sets`, regression);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'regression', prompt: KEY, judgePrompt: 'juge', createdBy: 'analyst' });
    expect((await analyst.post(`/api/v1/prompts/${KEY}/evaluation-sets`, regression)).status).toBe(409);
    const list = await risk.get(`/api/v1/prompts/${KEY}/evaluation-sets`);
    expect(list.status).toBe(200);
    expect(list.headers['content-range']).toBe('evaluation-sets 0-0/1');
    // Listed without its cases (a set may hold a megabyte of them), which are read one set at a time.
    expect(list.body[0]).toMatchObject({ name: 'regression', caseCount: 6 });
    expect(list.body[0]).not.toHaveProperty('cases');
    const one = await risk.get(`/api/v1/prompts/${KEY}/evaluation-sets/regression`);
    expect([one.status, one.body.cases]).toEqual([200, regression.cases]);
    const missing = await risk.get(`/api/v1/prompts/${KEY}/evaluation-sets/absente`);
    expect([missing.status, missing.body.details]).toEqual([
      404,
      [{ path: '/name', message: 'names no evaluation set of this prompt' }],
    ]);
    // A set stored before sets kept their count is counted from its cases.
    await t.db.collection('prompt_evaluation_sets').updateOne({ name: 'regression' }, { $unset: { caseCount: '' } });
    expect((await risk.get(`/api/v1/prompts/${KEY}/evaluation-sets`)).body[0]).toMatchObject({ caseCount: 6 });
  });

  it('gates publication: refused without a run, with a run cut by its budget, accepted after a passing run', async () => {
    const etag = (await analyst.get(`/api/v1/prompts/${KEY}`)).headers['etag'];
    const draft = await analyst.put(
      `/api/v1/prompts/${KEY}/draft`,
      {
        template: 'Question : {{question}} (version deux)',
        settings: { requireEvaluation: { set: 'regression', minPassRate: 0.9 } },
      },
      etag,
    );
    expect(draft.status).toBe(200);
    expect((await analyst.post(`/api/v1/prompts/${KEY}/versions/2/submit`)).status).toBe(200);
    expect((await approver.post(`/api/v1/prompts/${KEY}/versions/2/approve`)).status).toBe(200);

    const refused = await approver.post(`/api/v1/prompts/${KEY}/versions/2/publish`);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('evaluation_required');
    expect(refused.body.details[0]).toMatchObject({
      path: '/settings/requireEvaluation',
      message: expect.stringContaining('no run of "regression" on version 2'),
    });

    // A budget of one token: the first four cases (the concurrency) are already running, the rest are skipped.
    const before = fake.requests.length;
    const cut = await analyst.post(`/api/v1/prompts/${KEY}/versions/2/evaluation-runs`, {
      set: 'regression',
      budgetTokens: 1,
    });
    expect(cut.status).toBe(201);
    expect(fake.requests.length - before).toBe(4 * 2 + 2); // four cases on both sides, two judge calls
    expect(cut.body.budgetExhausted).toBe(true);
    expect(cut.body.cases.filter((c: { skipped?: string }) => c.skipped === 'budget')).toHaveLength(2);
    const stillRefused = await approver.post(`/api/v1/prompts/${KEY}/versions/2/publish`);
    expect(stillRefused.status).toBe(400);
    expect(stillRefused.body.details[0].message).toMatch(/skipped cases/);

    const run = await approver.post(`/api/v1/prompts/${KEY}/versions/2/evaluation-runs`, { set: 'regression' });
    expect(run.status).toBe(201);
    expect(run.body).toMatchObject({
      version: 2,
      inForceVersion: 1,
      budgetExhausted: false,
      passRate: {
        candidate: { rate: 1, interval: [expect.any(Number), 1] },
        inForce: { rate: 5 / 6, interval: [expect.any(Number), expect.any(Number)] },
      },
      scores: { candidate: { mean: 5, n: 1, interval: null }, inForce: { mean: 2, n: 1, interval: null } },
    });
    expect(run.body.passRate.candidate.interval[0]).toBeCloseTo(0.61, 2);
    expect(run.body.cost.totalUsd).toBeGreaterThan(0);
    expect(run.body.cost.totalUsd).toBeCloseTo(run.body.cost.candidateUsd + run.body.cost.inForceUsd, 10);
    expect(run.body.latency.candidate.total).toBeGreaterThanOrEqual(0);
    const [first, json] = run.body.cases;
    expect(first.candidate).toMatchObject({
      version: 2,
      passed: true,
      output: 'Réponse : Question : arbres (version deux)',
      checks: [
        { type: 'contains', passed: true },
        { type: 'regex', passed: true },
        { type: 'length', passed: true },
        { type: 'rubric', passed: true, score: 5 },
      ],
    });
    expect(first.inForce).toMatchObject({
      version: 1,
      passed: false,
      output: 'Réponse : Question : arbres',
      checks: [
        {
          type: 'contains',
          passed: false,
          message: 'does not contain "version deux"',
          reason: { code: 'missing_text', text: 'version deux' },
        },
        { type: 'regex', passed: true },
        { type: 'length', passed: true },
        { type: 'rubric', passed: false, score: 2, reason: { code: 'below_min_score', score: 2, min: 4 } },
      ],
    });
    expect(first.candidate.tokens.input).toBeGreaterThan(0);
    expect(json.candidate.checks).toEqual([
      { type: 'jsonSchema', passed: true },
      { type: 'notContains', passed: true },
    ]);
    const read = await risk.get(`/api/v1/prompts/${KEY}/evaluation-runs/${run.body.id}`);
    expect(read.body).toEqual(run.body);
    const runs = await risk.get(`/api/v1/prompts/${KEY}/versions/2/evaluation-runs`);
    expect(runs.body.map((r: { id: string }) => r.id)).toEqual([run.body.id, cut.body.id]);

    expect((await approver.post(`/api/v1/prompts/${KEY}/versions/2/publish`)).body.activeVersion).toBe(2);
  });

  it('a run on a draft counts once submitted (same checksum), and the approval event carries its summary', async () => {
    const etag = (await analyst.get(`/api/v1/prompts/${KEY}`)).headers['etag'];
    await analyst.put(`/api/v1/prompts/${KEY}/draft`, { template: 'Question : {{question}} (version deux) !' }, etag);
    const run = await analyst.post(`/api/v1/prompts/${KEY}/versions/3/evaluation-runs`, { set: 'regression' });
    expect(run.body).toMatchObject({ version: 3, inForceVersion: 2, passRate: { candidate: { rate: 1 } } });
    await analyst.post(`/api/v1/prompts/${KEY}/versions/3/submit`);
    await approver.post(`/api/v1/prompts/${KEY}/versions/3/approve`);
    const approved = (await auditOf('prompt.approved')).find((e) => e.version === 3)!;
    expect(approved.details!.evaluation).toMatchObject({
      id: run.body.id,
      set: 'regression',
      checksum: run.body.checksum,
      candidate: { version: 3, passed: 6, passRate: { rate: 1 } },
      inForce: { version: 2, passed: 6 },
    });
    expect((await auditOf('prompt.approved')).find((e) => e.version === 2)!.details?.evaluation).toBeUndefined();
    expect((await approver.post(`/api/v1/prompts/${KEY}/versions/3/publish`)).body.activeVersion).toBe(3);
  });

  it('a model or judge failure is the case’s error, not the run’s', async () => {
    fake.mode = 'server_error';
    const run = await analyst.post(`/api/v1/prompts/${KEY}/versions/3/evaluation-runs`, { set: 'regression' });
    fake.mode = 'ok';
    expect(run.status).toBe(201);
    expect(run.body.passRate.candidate.rate).toBe(0);
    expect(run.body.cases[0].candidate.error).toMatch(/llm_unavailable/);
    expect(run.body.summary.candidate.errors).toBe(6);
    const reply = fake.reply;
    fake.reply = (r) => (r.prompt.startsWith('JUGE') ? 'Je ne sais pas.' : reply!(r));
    const judged = await analyst.post(`/api/v1/prompts/${KEY}/versions/3/evaluation-runs`, { set: 'regression' });
    fake.reply = reply;
    expect(judged.body.cases[0].candidate.error).toMatch(/^judge: .*no score/);
    expect(judged.body.passRate.candidate.rate).toBeCloseTo(5 / 6, 10);
    expect((await analyst.post(`/api/v1/prompts/${KEY}/versions/3/evaluation-runs`, { set: 'absent' })).status).toBe(
      400,
    );
    expect(
      (await analyst.post(`/api/v1/prompts/${KEY}/versions/9/evaluation-runs`, { set: 'regression' })).status,
    ).toBe(404);
  });

  it('keeps a run whose answers are more than a stored run holds, their stored copies shortened after the checks', async () => {
    const reply = fake.reply;
    // Six answers of 3 MB: 18 MB, past the database's 16 MiB for one run.
    fake.reply = (r) => (r.prompt.startsWith('JUGE') ? reply!(r) : `${reply!(r)} ${'x'.repeat(3_000_000)}`);
    const run = await analyst.post(`/api/v1/prompts/${KEY}/versions/3/evaluation-runs`, { set: 'regression' });
    fake.reply = reply;
    expect(run.status).toBe(201); // 500 before, every model call paid for and nothing kept
    const side = run.body.cases[0].candidate;
    expect(side.outputLength).toBeGreaterThan(3_000_000);
    expect(side.output.length).toBeLessThan(1_500_000); // six shares of 8 MB
    expect(side.checks[0].passed).toBe(true); // checked on the whole answer, which holds the question
    const stored = await analyst.get(`/api/v1/prompts/${KEY}/evaluation-runs/${run.body.id}`);
    expect([stored.status, stored.body.cases[0].candidate.outputLength]).toEqual([200, side.outputLength]);
  });

  it('sends a version that requires a set to review only once the set exists, and audits sets, runs and the run a publication met', async () => {
    const etag = (await analyst.get(`/api/v1/prompts/${KEY}`)).headers['etag'];
    const settings = { requireEvaluation: { set: 'ecrite-ensuite', minPassRate: 1 } };
    const draft = await analyst.put(`/api/v1/prompts/${KEY}/draft`, { template: 'Q : {{question}}', settings }, etag);
    expect(draft.status).toBe(200);
    const version = draft.body.draftVersion as number;
    // Otherwise the set could be written after the approval, of cases anything passes, and meet the gate.
    const early = await analyst.post(`/api/v1/prompts/${KEY}/versions/${version}/submit`);
    expect([early.status, early.body.error, early.body.details]).toEqual([
      400,
      'evaluation_set_missing',
      [
        {
          path: '/settings/requireEvaluation/set',
          message: `names the evaluation set "ecrite-ensuite", which "${KEY}" does not have`,
        },
      ],
    ]);
    expect((await analyst.get(`/api/v1/prompts/${KEY}`)).body.draftVersion).toBe(version);

    const set = {
      name: 'ecrite-ensuite',
      cases: [{ variables: { question: 'lacs' }, expect: [{ type: 'contains', value: 'lacs' }] }],
    };
    expect((await analyst.post(`/api/v1/prompts/${KEY}/evaluation-sets`, set)).status).toBe(201);
    const taken = await analyst.post(`/api/v1/prompts/${KEY}/evaluation-sets`, set);
    expect(taken.body.details).toEqual([{ path: '/name', message: 'is already taken', keyword: 'taken' }]);
    expect(await auditOf('prompt.evaluation_set_created')).toContainEqual(
      expect.objectContaining({ actor: 'analyst', details: { set: 'ecrite-ensuite', cases: 1 } }),
    );
    expect((await analyst.post(`/api/v1/prompts/${KEY}/versions/${version}/submit`)).status).toBe(200);
    expect((await approver.post(`/api/v1/prompts/${KEY}/versions/${version}/approve`)).status).toBe(200);
    const run = await approver.post(`/api/v1/prompts/${KEY}/versions/${version}/evaluation-runs`, {
      set: 'ecrite-ensuite',
    });
    expect(run.body.passRate.candidate.rate).toBe(1);
    const ran = (await auditOf('prompt.evaluation_run')).find((e) => e.details?.['id'] === run.body.id);
    expect(ran).toMatchObject({
      actor: 'approver',
      version,
      details: { set: 'ecrite-ensuite', checksum: run.body.checksum },
    });
    expect((await approver.post(`/api/v1/prompts/${KEY}/versions/${version}/publish`)).status).toBe(200);
    const published = (await auditOf('prompt.published')).find((e) => e.version === version)!;
    expect(published.details!.evaluation).toMatchObject({ id: run.body.id, set: 'ecrite-ensuite' });
  });

  it('answers a set and a run as done when their audit writes fail, and records the events shortly after', async () => {
    const audit = t.app.get(AuditService);
    const recordOnce = audit.recordOnce.bind(audit);
    const set = {
      name: 'trace-differee',
      cases: [{ variables: { question: 'parcs' }, expect: [{ type: 'contains', value: 'parcs' }] }],
    };
    // The audit store fails right after the set (with its event) is stored, then after the run is.
    audit.recordOnce = () => Promise.reject(new Error('audit store away'));
    let created;
    let run;
    try {
      created = await analyst.post(`/api/v1/prompts/${KEY}/evaluation-sets`, set);
      const version = (await analyst.get(`/api/v1/prompts/${KEY}`)).body.activeVersion as number;
      run = await approver.post(`/api/v1/prompts/${KEY}/versions/${version}/evaluation-runs`, { set: set.name });
    } finally {
      audit.recordOnce = recordOnce;
    }
    expect([created.status, run.status]).toEqual([201, 201]);
    const recorded = async () =>
      (await t.db
        .collection('audit_events')
        .countDocuments({ action: 'prompt.evaluation_set_created', 'details.set': set.name })) +
      (await t.db
        .collection('audit_events')
        .countDocuments({ action: 'prompt.evaluation_run', 'details.id': run.body.id }));
    for (let i = 0; i < 50 && (await recorded()) < 2; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await recorded()).toBe(2);
    // Once recorded, each event leaves the outbox it was stored in.
    const stored = await t.db.collection('prompt_evaluation_sets').findOne({ _id: `${KEY}/${set.name}` as never });
    const storedRun = await t.db.collection('prompt_evaluation_runs').findOne({ _id: run.body.id as never });
    expect([stored?.['outbox'], storedRun?.['outbox']]).toEqual([[], []]);
  });

  it('keeps cases apart from their set or run, and moves those stored inline before at the next start', async () => {
    const sets = t.db.collection('prompt_evaluation_sets');
    const runs = t.db.collection('prompt_evaluation_runs');
    const cases = t.db.collection('prompt_evaluation_cases');
    // A list selects sets and runs by prompt: the embedded database reads each document whole to do it.
    const stored = (await sets.findOne({ _id: `${KEY}/regression` } as never))!;
    expect(stored['casesJson']).toBeUndefined();
    const setCases = (await cases.findOne({ _id: stored['casesId'] } as never))!['json'] as string;
    expect(JSON.parse(setCases)).toHaveLength(6);
    const [run] = (await risk.get(`/api/v1/prompts/${KEY}/versions/2/evaluation-runs`)).body as { id: string }[];
    const storedRun = (await runs.findOne({ _id: run!.id } as never))!;
    expect(storedRun['casesJson']).toBeUndefined();
    const runCases = (await cases.findOne({ _id: storedRun['casesId'] } as never))!['json'] as string;

    // As an earlier version stored them: the cases inline.
    const { casesId: _set, ...setFields } = stored;
    const { casesId: _run, ...runFields } = storedRun;
    await sets.insertOne({ ...setFields, _id: `${KEY}/ancien`, name: 'ancien', casesJson: setCases } as never);
    await runs.insertOne({ ...runFields, _id: `${run!.id}-ancien`, casesJson: runCases } as never);
    const next = await startAnotherInstance(t);
    try {
      const inline = () => sets.countDocuments({ casesJson: { $exists: true } });
      for (
        let i = 0;
        i < 100 && ((await inline()) > 0 || (await runs.countDocuments({ casesJson: { $exists: true } })) > 0);
        i++
      )
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await inline()).toBe(0);
      const reader = as(next, await next.login('risk'));
      const set = await reader.get(`/api/v1/prompts/${KEY}/evaluation-sets/ancien`);
      expect([set.status, set.body.cases]).toEqual([200, JSON.parse(setCases)]);
      const moved = await reader.get(`/api/v1/prompts/${KEY}/evaluation-runs/${run!.id}-ancien`);
      expect([moved.status, moved.body.cases]).toEqual([200, JSON.parse(runCases)]);
    } finally {
      await next.close();
    }
  });

  it('removes cases whose set or run was never stored, and only those, once they are ten minutes old', async () => {
    const cases = t.db.collection('prompt_evaluation_cases');
    const writes = t.db.collection('prompt_evaluation_cases_writes');
    // Sets and runs stored through the API leave no entry behind.
    expect(await writes.countDocuments({})).toBe(0);
    const stored = (await t.db.collection('prompt_evaluation_sets').findOne({ _id: `${KEY}/regression` } as never))!;
    const old = new Date(Date.now() - 11 * 60_000);
    const left = [
      // An insert that failed after its cases were stored, and a process stopped before its run was stored.
      { _id: `set:${KEY}/jamais:1`, owner: 'set', ownerId: `${KEY}/jamais`, at: old },
      { _id: 'run:never-stored', owner: 'run', ownerId: 'never-stored', at: old },
      // A set stored whose entry was not removed; a set of the same name stored by another writer first.
      { _id: stored['casesId'], owner: 'set', ownerId: `${KEY}/regression`, at: old },
      { _id: `set:${KEY}/regression:2`, owner: 'set', ownerId: `${KEY}/regression`, at: old },
      // A write still in progress.
      { _id: 'run:in-progress', owner: 'run', ownerId: 'in-progress', at: new Date() },
    ];
    await writes.insertMany(left as never[]);
    await cases.insertMany(
      left.filter((e) => e._id !== stored['casesId']).map((e) => ({ _id: e._id, json: '[]' })) as never[],
    );
    const next = await startAnotherInstance(t);
    try {
      const remaining = async () => (await writes.find({}).toArray()).map((e) => String(e._id));
      for (let i = 0; i < 100 && (await remaining()).length > 1; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await remaining()).toEqual(['run:in-progress']);
      const kept = (await cases.find({ _id: { $in: left.map((e) => e._id) } } as never).toArray()).map((c) =>
        String(c._id),
      );
      expect(kept.sort()).toEqual([stored['casesId'], 'run:in-progress'].sort());
      const set = await as(next, await next.login('risk')).get(`/api/v1/prompts/${KEY}/evaluation-sets/regression`);
      expect([set.status, set.body.cases.length]).toEqual([200, 6]);
    } finally {
      await next.close();
    }
  });
});

describe('prompt evaluation runs with a slow model', () => {
  const fake = new FakeAnthropic();
  let t: TestApp;
  let analyst: ReturnType<typeof as>;
  let approver: ReturnType<typeof as>;
  /** Ten cases of an echo: each passes when the model answers at all. */
  const tenCases = {
    name: 'dix',
    cases: Array.from({ length: 10 }, (_, i) => ({
      variables: { question: `q${i}` },
      expect: [{ type: 'contains', value: `q${i}` }],
    })),
  };
  const runsOf = async (version: number) =>
    (await analyst.get(`/api/v1/prompts/${KEY}/versions/${version}/evaluation-runs`)).body as {
      id: string;
      stoppedBy: string | null;
    }[];

  beforeAll(async () => {
    fake.reply = ({ prompt: text }) => `Réponse : ${text}`;
    t = await startTestApp('prompt-evaluation-slow', {
      ANTHROPIC_API_KEY: fake.apiKey,
      ANTHROPIC_BASE_URL: await fake.start(),
      LLM_MAX_RETRIES: '0',
      EVAL_RUN_BUDGET_MS: '2000',
    });
    const cast = await signInCast(t);
    analyst = as(t, cast.analyst);
    approver = as(t, cast.approver);
    expect((await analyst.post('/api/v1/prompts', prompt)).status).toBe(201);
    await analyst.post(`/api/v1/prompts/${KEY}/versions/1/submit`);
    await approver.post(`/api/v1/prompts/${KEY}/versions/1/approve`);
    expect((await approver.post(`/api/v1/prompts/${KEY}/versions/1/publish`)).status).toBe(200);
    expect((await analyst.post(`/api/v1/prompts/${KEY}/evaluation-sets`, tenCases)).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });
  beforeEach(() => {
    fake.mode = 'slow';
    fake.requests.length = 0;
    fake.abandoned = 0;
  });

  it('starts no case once EVAL_RUN_BUDGET_MS is spent, keeps what ran, and a publication gate does not count it', async () => {
    fake.slowMs = 1_200;
    const etag = (await analyst.get(`/api/v1/prompts/${KEY}`)).headers['etag'];
    const settings = { requireEvaluation: { set: 'dix', minPassRate: 0.5 } };
    const draft = await analyst.put(`/api/v1/prompts/${KEY}/draft`, { settings }, etag);
    const version = draft.body.draftVersion as number;
    const run = await analyst.post(`/api/v1/prompts/${KEY}/versions/${version}/evaluation-runs`, { set: 'dix' });
    expect(run.status).toBe(201);
    // Four cases at a time, 1.2 s each, 2 s in all: the third round never starts (before, all ten ran).
    const skipped = run.body.cases.filter((c: { skipped?: string }) => c.skipped === 'time');
    expect(skipped.length).toBeGreaterThanOrEqual(2);
    expect(run.body).toMatchObject({ stoppedBy: 'time', budgetExhausted: false });
    const ran = run.body.cases.filter((c: { skipped?: string }) => c.skipped === undefined);
    expect(ran.length).toBeGreaterThanOrEqual(4);
    expect(ran.every((c: { candidate: { passed: boolean } }) => c.candidate.passed)).toBe(true);
    expect(fake.requests).toHaveLength(ran.length * 2); // both versions of every case that ran, and no other
    expect((await runsOf(version)).map((r) => [r.id, r.stoppedBy])).toEqual([[run.body.id, 'time']]);

    expect((await analyst.post(`/api/v1/prompts/${KEY}/versions/${version}/submit`)).status).toBe(200);
    expect((await approver.post(`/api/v1/prompts/${KEY}/versions/${version}/approve`)).status).toBe(200);
    const refused = await approver.post(`/api/v1/prompts/${KEY}/versions/${version}/publish`);
    expect([refused.status, refused.body.error]).toEqual([400, 'evaluation_required']);
    expect(refused.body.details[0].message).toContain('when its time (EVAL_RUN_BUDGET_MS) ran out');
  });

  it('gives a run up when its caller leaves: calls in flight are closed, no case starts after, what ran is kept', async () => {
    fake.slowMs = 2_000;
    const version = (await analyst.get(`/api/v1/prompts/${KEY}`)).body.activeVersion as number;
    const before = (await runsOf(version)).length;
    await expect(
      analyst.post(`/api/v1/prompts/${KEY}/versions/${version}/evaluation-runs`, { set: 'dix' }).timeout(500),
    ).rejects.toThrow(/Timeout/);
    let runs = await runsOf(version);
    for (let i = 0; i < 50 && runs.length === before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      runs = await runsOf(version);
    }
    expect(runs[0]!.stoppedBy).toBe('caller_gone');
    const stored = await analyst.get(`/api/v1/prompts/${KEY}/evaluation-runs/${runs[0]!.id}`);
    // Every case either never started or had its model call closed: none is counted as the version's failure.
    expect(stored.body.cases.map((c: { skipped?: string }) => c.skipped)).toEqual(Array(10).fill('caller_gone'));
    expect(stored.body.summary.candidate).toMatchObject({ cases: 0, failed: 0, skipped: 10 });
    // The four cases already running were closed (it ran to the last case, 25 minutes for 200, before).
    for (let i = 0; i < 50 && fake.abandoned < 4; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect([fake.requests.length, fake.abandoned]).toEqual([4, 4]);
  });
});
