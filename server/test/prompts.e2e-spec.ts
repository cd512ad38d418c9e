import { createHash, createHmac } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeAnthropic } from './support/fake-anthropic.js';
import { as, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { LlmService } from '../src/modules/llm/llm.service.js';

const chatbotPrompt = {
  key: 'answer',
  name: 'Réponse de l’assistant',
  pilot: 'chatbot',
  locale: 'fr',
  system:
    'Tu aides à trouver des jeux de données sur Données Québec. Réponds en {{#if (eq locale "en")}}anglais{{else}}français{{/if}}.',
  template: 'Question : {{question}}\n{{#each datasets}}- {{title}} ({{organization}}) : {{url}}\n{{/each}}',
  model: 'claude-sonnet-4-6',
  maxTokens: 512,
  variablesSchema: {
    type: 'object',
    required: ['question', 'locale', 'datasets'],
    properties: {
      question: { type: 'string', minLength: 1, maxLength: 2000 },
      locale: { type: 'string', enum: ['fr', 'en'] },
      datasets: {
        type: 'array',
        items: {
          type: 'object',
          required: ['title', 'organization', 'url'],
          properties: { title: { type: 'string' }, organization: { type: 'string' }, url: { type: 'string' } },
        },
      },
    },
  },
  tests: [
    {
      name: 'liens présents',
      variables: {
        question: 'Où sont les arbres ?',
        locale: 'fr',
        datasets: [
          {
            title: 'Arbres publics',
            organization: 'Ville de Montréal',
            url: 'https://www.donneesquebec.ca/recherche/dataset/arbres',
          },
        ],
      },
      expect: { contains: ['Arbres publics', 'https://www.donneesquebec.ca'], maxLength: 2000 },
    },
  ],
};
const variables = chatbotPrompt.tests[0]!.variables;

/** Creates the prompt without test cases and publishes version 1 (analyst, then approver); returns the analyst. */
async function publishPromptWithoutTests(t: TestApp) {
  const cast = await signInCast(t);
  const analyst = as(t, cast.analyst);
  const approver = as(t, cast.approver);
  await analyst.post('/api/v1/prompts', { ...chatbotPrompt, tests: undefined });
  await analyst.post('/api/v1/prompts/answer/versions/1/submit');
  await approver.post('/api/v1/prompts/answer/versions/1/approve');
  await approver.post('/api/v1/prompts/answer/versions/1/publish');
  return analyst;
}

describe('prompts', () => {
  const fake = new FakeAnthropic();
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  let analyst: ReturnType<typeof as>;
  let frontEndKey: string;
  beforeAll(async () => {
    const baseUrl = await fake.start();
    t = await startTestApp('prompts', { ANTHROPIC_API_KEY: fake.apiKey, ANTHROPIC_BASE_URL: baseUrl });
    cast = await signInCast(t);
    analyst = as(t, cast.analyst);
    const approver = as(t, cast.approver);
    const created = await analyst.post('/api/v1/prompts', chatbotPrompt);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'answer', version: 1, status: 'draft' });
    expect((await analyst.post('/api/v1/prompts/answer/versions/1/test')).body).toMatchObject({ passed: 1, failed: 0 });
    await analyst.post('/api/v1/prompts/answer/versions/1/submit');
    expect((await as(t, cast.analyst).post('/api/v1/prompts/answer/versions/1/approve')).status).toBe(403);
    await approver.post('/api/v1/prompts/answer/versions/1/approve');
    expect((await approver.post('/api/v1/prompts/answer/versions/1/publish')).body.activeVersion).toBe(1);
    frontEndKey = (
      await as(t, cast.admin).post('/api/v1/api-keys', {
        name: 'Assistant',
        scopes: ['prompts:render:answer', 'prompts:complete:answer'],
      })
    ).body.key;
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  const call = (path: string, body: object) =>
    t.http.post(`/api/v1/prompts/answer/${path}`).set('x-api-key', frontEndKey).send(body);

  it('has the model’s SDK loaded before it listens, so that the first completion does not load it (155 ms of the loop)', async () => {
    const loaded = (t.app.get(LlmService) as unknown as { client?: Promise<unknown> }).client;
    expect(loaded).toBeDefined();
    await expect(loaded).resolves.toMatchObject({ client: expect.anything() });
  });

  it('renders the published version with the variables validated first, without HTML escaping', async () => {
    const rendered = await call('render', { variables: { ...variables, question: 'Arbres & "parcs" <Montréal>' } });
    expect(rendered.status).toBe(200);
    expect(rendered.body).toMatchObject({ prompt: 'answer', version: 1, model: 'claude-sonnet-4-6', maxTokens: 512 });
    expect(rendered.body.text).toBe(
      'Question : Arbres & "parcs" <Montréal>\n- Arbres publics (Ville de Montréal) : https://www.donneesquebec.ca/recherche/dataset/arbres\n',
    );
    expect(rendered.body.system).toContain('Réponds en français.');
    const invalid = await call('render', { variables: { question: '', locale: 'de', datasets: [{}] } });
    expect(invalid.status).toBe(400);
    expect((invalid.body.details as { path: string }[]).map((d) => d.path).sort()).toEqual([
      '/variables/datasets/0/organization',
      '/variables/datasets/0/title',
      '/variables/datasets/0/url',
      '/variables/locale',
      '/variables/question',
    ]);
  });

  it.each([
    ['prototype access', '{{question.constructor.constructor}}', /prototype access/],
    ['__proto__', '{{__proto__}}', /prototype access/],
    ['helper injection', '{{#each datasets}}{{lookup this "x"}}{{/each}}', /not an allowed helper/],
    ['a missing partial', '{{> footer}}', /partial/],
    ['an undeclared variable', 'Bonjour {{user.name}}', /does not declare/],
    [
      'a loop over a text',
      '{{#each question}}{{this}}{{/each}}',
      /loops over \{\{#each question\}\}, which .* not as a list/,
    ],
  ])('refuses a template with %s, never running it', async (_name, template, reason) => {
    const etag = (await analyst.get('/api/v1/prompts/answer')).headers['etag'];
    const response = await analyst.put('/api/v1/prompts/answer/draft', { template }, etag);
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { message: string }) => d.message).join(' ')).toMatch(reason);
    expect((await analyst.get('/api/v1/prompts/answer')).body.draftVersion).toBeNull();
  });

  it('completes through the real SDK against the fake Messages API and records usage', async () => {
    const response = await call('complete', { variables, subjectId: 'citoyen-42' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      prompt: 'answer',
      version: 1,
      text: expect.stringContaining('Réponse simulée'),
      usage: { inputTokens: expect.any(Number), outputTokens: 12 },
      stopReason: 'end_turn',
      logged: true,
    });
    const sent = fake.requests.at(-1)!;
    expect(sent.body).toMatchObject({
      model: 'claude-sonnet-4-6',
      max_tokens: 512,
      system: expect.stringContaining('français'),
    });
    expect(sent.body).not.toHaveProperty('temperature');
    const record = await t.db.collection('completions').findOne({ _id: response.body.completionId } as never);
    expect(record).toMatchObject({ prompt: 'answer', version: 1, outcome: 'ok', usage: { outputTokens: 12 } });
    // A pseudonym keyed by its own key: not the identifier, and not a hash anyone holding the JWT secret could recompute.
    expect(record!['subject']).toBe(
      createHmac('sha256', t.config.subjectKey).update('citoyen-42').digest('hex').slice(0, 32),
    );
    expect(record!['subject']).not.toBe(
      createHash('sha256').update(`${t.config.jwtSecret}:citoyen-42`).digest('hex').slice(0, 32),
    );
  });

  it('maps provider errors: 429 stays 429, a failing provider is 503, and each call is recorded', async () => {
    fake.mode = 'rate_limited';
    const limited = await call('complete', { variables, subjectId: 's' });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('llm_rate_limited');
    expect(limited.headers['retry-after']).toBe('7'); // the provider's own
    fake.retryAfter = '1000000000';
    const asked = await call('complete', { variables, subjectId: 's' });
    fake.retryAfter = '7';
    expect([asked.status, asked.headers['retry-after']]).toEqual([429, '600']); // not 31 years
    fake.mode = 'server_error';
    const down = await call('complete', { variables, subjectId: 's' });
    expect(down.status).toBe(503);
    expect(down.body.error).toBe('llm_unavailable');
    expect(down.headers['retry-after']).toBe('10'); // the provider said nothing: ours
    // A provider that answers 200 with what is not a message is unavailable too: not the caller's invalid JSON,
    // not a 500.
    for (const mode of ['garbled', 'no_usage', 'huge_usage'] as const) {
      fake.mode = mode;
      const unreadable = await call('complete', { variables, subjectId: 's' });
      expect([mode, unreadable.status, unreadable.body.error]).toEqual([mode, 503, 'llm_unavailable']);
      expect(unreadable.body.message).toMatch(/could not read/);
    }
    fake.mode = 'ok';
    // Recorded, as failures of the provider whatever was asked: charged to no experiment variant (ADR 0029).
    expect(await t.db.collection('completions').countDocuments({ outcome: 'unavailable' })).toBe(6);
    expect(await t.db.collection('completions').countDocuments({ outcome: 'error' })).toBe(0);
    // A request the provider refuses says which kind of refusal, not the provider's message, which quotes the prompt.
    fake.mode = 'refused';
    const refused = await call('complete', { variables, subjectId: 's' });
    fake.mode = 'ok';
    // A 502, not a 503: the same request would be refused again, so the caller is not told to retry.
    expect([refused.status, refused.body.error, refused.headers['retry-after']]).toEqual([
      502,
      'llm_rejected',
      undefined,
    ]);
    expect(refused.body.message).toContain('invalid_request_error');
    expect(refused.body.message).not.toContain('prompt is too long');
    // Calls and their latency by model and outcome, on /metrics.
    const metrics = (await t.http.get('/metrics').set('authorization', `Bearer ${await t.login('admin')}`)).text;
    for (const outcome of ['ok', 'llm_rate_limited', 'llm_unavailable']) {
      expect(metrics).toMatch(
        new RegExp(`gabarit_llm_requests_total\\{model="claude-sonnet-4-6",outcome="${outcome}"\\} [1-9]`),
      );
    }
    expect(metrics).toMatch(/gabarit_llm_request_duration_seconds_count\{model="claude-sonnet-4-6"\} [1-9]/);
  }, 60_000);

  it('refuses a stop sequence of whitespace only, which the provider refuses in every call', async () => {
    const etag = (await analyst.get('/api/v1/prompts/answer')).headers['etag'];
    const response = await analyst.put('/api/v1/prompts/answer/draft', { stopSequences: ['FIN', '\n\n'] }, etag);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      expect.objectContaining({
        path: '/stopSequences/1',
        message: expect.stringContaining('at least one character that is not a space'),
      }),
    ]);
    expect((await analyst.get('/api/v1/prompts/answer')).body.draftVersion).toBeNull();
  });

  it('refuses a model the provider is retiring', async () => {
    const etag = (await analyst.get('/api/v1/prompts/answer')).headers['etag'];
    const response = await analyst.put('/api/v1/prompts/answer/draft', { model: 'claude-sonnet-4-5' }, etag);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      {
        path: '/model',
        message: expect.stringContaining('end of life 2026-11-30'),
        keyword: 'retiringModel',
        params: { model: 'claude-sonnet-4-5', endOfLife: '2026-11-30' },
      },
    ]);
  });

  it('refuses variables in a JSON Schema dialect it does not read, at $schema, and keeps the draft', async () => {
    const before = await analyst.get('/api/v1/prompts/answer');
    const variablesSchema = { ...chatbotPrompt.variablesSchema, $schema: 'urn:x' };
    const response = await analyst.put('/api/v1/prompts/answer/draft', { variablesSchema }, before.headers['etag']);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { path: '/variablesSchema/$schema', message: expect.stringContaining('dialect') },
    ]);
    expect((await analyst.get('/api/v1/prompts/answer')).headers['etag']).toBe(before.headers['etag']);
  });

  it('checks needsModel cases against the model answer', async () => {
    const etag = (await analyst.get('/api/v1/prompts/answer')).headers['etag'];
    const tests = [
      ...chatbotPrompt.tests,
      { name: 'la réponse est en français', variables, expect: { contains: ['Réponse simulée'] }, needsModel: true },
    ];
    const n = (await analyst.put('/api/v1/prompts/answer/draft', { tests }, etag)).body.draftVersion;
    const run = await analyst.post(`/api/v1/prompts/answer/versions/${n}/test`);
    expect(run.body).toMatchObject({
      passed: 2,
      failed: 0,
      skipped: 0,
      cases: [{ passed: true }, { name: 'la réponse est en français', passed: true, checkedAnswer: true }],
    });
    // What a case finds wrong comes as data too, for the console to word (the English `failures` stay).
    const wrong = [
      ...tests,
      { name: 'trop long', variables, expect: { contains: ['absent'], maxLength: 3 }, needsModel: true },
      { name: 'sans question', variables: { ...variables, question: undefined }, expect: {} },
    ];
    const etag2 = (await analyst.get('/api/v1/prompts/answer')).headers['etag'];
    await analyst.put('/api/v1/prompts/answer/draft', { tests: wrong }, etag2);
    const failed = await analyst.post(`/api/v1/prompts/answer/versions/${n}/test`);
    expect(failed.body.cases[2]).toMatchObject({
      passed: false,
      problems: [
        { kind: 'missing', text: 'absent' },
        { kind: 'too_long', max: 3 },
      ],
      failures: ['does not contain "absent"', expect.stringMatching(/^is \d+ characters, more than 3$/)],
    });
    // A case that cannot run says why, at its path: the code alone read « the content has problems, each shown
    // in its place », no place shown.
    expect(failed.body.cases[3].problems).toEqual([
      expect.objectContaining({
        kind: 'error',
        code: 'validation_failed',
        details: [expect.objectContaining({ path: '/variables/question', keyword: 'required' })],
      }),
    ]);
  });

  it('uses a fake Messages API that takes both x-api-key and Authorization: Bearer', async () => {
    const bearer = new Anthropic({
      authToken: fake.apiKey,
      apiKey: null,
      baseURL: t.config.anthropicBaseUrl,
      maxRetries: 0,
    });
    const message = await bearer.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 10,
      messages: [{ role: 'user', content: 'Bonjour' }],
    });
    expect(message.content[0]).toMatchObject({ type: 'text' });
    expect(fake.requests.at(-1)!.auth).toBe('bearer');
    const wrong = new Anthropic({ apiKey: 'sk-wrong', baseURL: t.config.anthropicBaseUrl, maxRetries: 0 });
    await expect(
      wrong.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
  });

  it('shows a line diff of the template between versions', async () => {
    const etag = (await analyst.get('/api/v1/prompts/answer')).headers['etag'];
    const draft = await analyst.put(
      '/api/v1/prompts/answer/draft',
      { template: chatbotPrompt.template.replace('Question :', 'Question posée :') },
      etag,
    );
    const diff = await analyst.get(`/api/v1/prompts/answer/diff?from=1&to=${draft.body.draftVersion}`);
    expect(diff.body.template).toEqual([
      { field: 'template', kind: 'removed', text: 'Question : {{question}}\n' },
      { field: 'template', kind: 'added', text: 'Question posée : {{question}}\n' },
    ]);
  });
});

describe('prompts with a slow or failing model', () => {
  const fake = new FakeAnthropic();
  let t: TestApp;
  let analyst: Awaited<ReturnType<typeof publishPromptWithoutTests>>;
  beforeAll(async () => {
    t = await startTestApp('prompts_slow', {
      ANTHROPIC_API_KEY: fake.apiKey,
      ANTHROPIC_BASE_URL: await fake.start(),
      LLM_TIMEOUT_MS: '3000',
      LLM_MAX_RETRIES: '2',
      PROMPT_TEST_MODEL_BUDGET_MS: '2000',
    });
    analyst = await publishPromptWithoutTests(t);
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });
  beforeEach(() => {
    fake.mode = 'ok';
    fake.requests.length = 0;
  });
  const complete = () => analyst.post('/api/v1/prompts/answer/complete', { variables, subjectId: 'x' });
  const latestRecord = async () =>
    (await t.db.collection('completions').find({ prompt: 'answer' }).sort({ at: -1 }).limit(1).toArray())[0];

  it('bounds the model checks of a test run by PROMPT_TEST_MODEL_BUDGET_MS: the cases past it fail as not checked', async () => {
    fake.mode = 'slow';
    fake.slowMs = 1_200;
    const etag = (await analyst.get('/api/v1/prompts/answer')).headers['etag'];
    const tests = ['a', 'b', 'c', 'd'].map((name) => ({ name, variables, expect: {}, needsModel: true }));
    const n = (await analyst.put('/api/v1/prompts/answer/draft', { tests }, etag)).body.draftVersion;
    const started = Date.now();
    const run = await analyst.post(`/api/v1/prompts/answer/versions/${n}/test`);
    // Each case waited for the model in turn, however many: 200 cases of 30 s held the request for hours.
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(run.body).toMatchObject({ passed: 2, failed: 2 });
    expect(run.body.cases[3]).toMatchObject({ passed: false, problems: [{ kind: 'not_checked', seconds: 2 }] });
  });

  it('bounds the whole call by LLM_TIMEOUT_MS, retries included: 503 llm_timeout once it is spent', async () => {
    fake.mode = 'slow';
    fake.slowMs = 6_000;
    const started = Date.now();
    const response = await complete();
    expect([response.status, response.body.error, response.headers['retry-after']]).toEqual([503, 'llm_timeout', '5']);
    // Each try had its own 3 s, and the retries theirs: 3 × 3 s (3 × 30 s by default) for one hung provider.
    expect(Date.now() - started).toBeLessThan(5_500);
    expect(fake.requests).toHaveLength(1);
  });

  it('answers a 429 at once, with the provider’s Retry-After, when waiting it out would pass the deadline', async () => {
    fake.mode = 'rate_limited'; // Retry-After: 7, past the 3 s the call has
    const started = Date.now();
    const response = await complete();
    expect([response.status, response.body.error, response.headers['retry-after']]).toEqual([
      429,
      'llm_rate_limited',
      '7',
    ]);
    // The SDK waited it out before each retry: 14 s here, two hours for `Retry-After: 3600`.
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a failing provider within the deadline, then says it is unavailable', async () => {
    fake.mode = 'server_error';
    const response = await complete();
    expect([response.status, response.body.error]).toEqual([503, 'llm_unavailable']);
    expect(fake.requests).toHaveLength(3); // the first try and LLM_MAX_RETRIES more, after 0.5 and 1 s
  });

  it('charges a model the provider does not have to the prompt: 502 llm_rejected, recorded as an error', async () => {
    fake.mode = 'unknown_model';
    const response = await complete();
    // It was 503 « unavailable, try again in 10 s », recorded as the provider's failure, which no experiment
    // guardrail counts: a variant calling a mistyped model failed for its share of subjects unseen.
    expect([response.status, response.body.error, response.headers['retry-after']]).toEqual([
      502,
      'llm_rejected',
      undefined,
    ]);
    expect(response.body.message).toContain('not_found_error');
    expect(fake.requests).toHaveLength(1);
    expect(await latestRecord()).toMatchObject({ outcome: 'error', error: 'llm_rejected' });
  });

  it('says why the model stopped: an answer cut at the maximum tokens is not a whole one', async () => {
    fake.mode = 'cut';
    const cut = await complete();
    expect(cut.status).toBe(200);
    expect(cut.body).toMatchObject({ stopReason: 'max_tokens', logged: true });
    expect(await latestRecord()).toMatchObject({ outcome: 'ok', stopReason: 'max_tokens' });
    fake.mode = 'ok';
    expect((await complete()).body).toMatchObject({ stopReason: 'end_turn', logged: true });
  });

  it('gives an answer holding half a character or a NUL with each as U+FFFD, the sign of a character lost', async () => {
    fake.reply = () => 'avant\u0000après \ud800 fin 😀';
    try {
      const answer = await complete();
      expect([answer.status, answer.body.text]).toEqual([200, 'avant\uFFFDaprès \uFFFD fin 😀']);
    } finally {
      fake.reply = undefined;
    }
  });

  it('counts an answer with no text as the variant’s error, though the caller gets it', async () => {
    fake.mode = 'empty';
    const empty = await complete();
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ text: '', stopReason: 'end_turn', logged: true });
    // It was recorded `ok`: a variant answering nothing to part of its subjects looked healthy to every guardrail.
    expect(await latestRecord()).toMatchObject({ outcome: 'error', error: 'empty_answer', stopReason: 'end_turn' });
    fake.mode = 'ok';
    await complete();
    expect(await latestRecord()).toMatchObject({ outcome: 'ok' });
    expect(await latestRecord()).not.toHaveProperty('error');
  });

  it('does not read an answer larger than a model can give, nor ask again for it: 503 llm_unavailable', async () => {
    const reply = fake.reply;
    fake.reply = () => 'x'.repeat(5 * 1024 * 1024); // past the 4 MiB a model's answer stays under
    try {
      const response = await complete();
      expect([response.status, response.body.error]).toEqual([503, 'llm_unavailable']);
      expect(response.body.message).toMatch(/larger than a model's answer can be \(over 4 MB\)/);
    } finally {
      fake.reply = reply;
    }
    // The same answer would come again: one call, where a failing provider is tried three times.
    expect(fake.requests).toHaveLength(1);
    // The provider's failure, as an outage is: charged to no variant.
    expect(await latestRecord()).toMatchObject({ outcome: 'unavailable', error: 'llm_unavailable' });
    expect((await complete()).status).toBe(200);
  });

  it('gives the model call up when the caller leaves, and counts it as no answer served', async () => {
    fake.mode = 'slow';
    fake.slowMs = 2_000;
    await expect(complete().timeout(300)).rejects.toThrow(/Timeout/);
    // The service closed its call to the model: it ran to its end before, for an answer nobody read.
    for (let i = 0; i < 50 && fake.abandoned === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(fake.abandoned).toBe(1);
    for (let i = 0; i < 50 && (await latestRecord())?.['error'] !== 'caller_gone'; i++)
      await new Promise((r) => setTimeout(r, 100));
    // Recorded, but charged to no variant and no exposure: the person saw nothing.
    expect(await latestRecord()).toMatchObject({ outcome: 'unavailable', error: 'caller_gone' });
  });
});

describe('prompts without a model configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('prompts_nokey');
  });
  afterAll(() => t.close());

  it('still renders but answers 503 llm_not_configured to complete', async () => {
    const analyst = await publishPromptWithoutTests(t);
    expect((await analyst.post('/api/v1/prompts/answer/render', { variables })).status).toBe(200);
    const complete = await analyst.post('/api/v1/prompts/answer/complete', { variables, subjectId: 'x' });
    expect(complete.status).toBe(503);
    expect(complete.body.error).toBe('llm_not_configured');
    // Only configuration helps: no Retry-After, so a client does not retry in a loop.
    expect(complete.headers['retry-after']).toBeUndefined();
    // Nothing was served: no completion is recorded, so none counts as an experiment variant's error.
    expect(await t.db.collection('completions').countDocuments({ prompt: 'answer' })).toBe(0);
    // An unknown prompt is not found, model or no model.
    const unknown = await analyst.post('/api/v1/prompts/nulle-part/complete', { variables, subjectId: 'x' });
    expect([unknown.status, unknown.body.error]).toEqual([404, 'not_found']);
    // A prompt with a draft only has nothing to serve: said at the key.
    expect(
      (await analyst.post('/api/v1/prompts', { ...chatbotPrompt, key: 'brouillon', tests: undefined })).status,
    ).toBe(201);
    const unpublished = await analyst.post('/api/v1/prompts/brouillon/complete', { variables, subjectId: 'x' });
    expect([unpublished.status, unpublished.body.details]).toEqual([
      404,
      [{ path: '/key', message: 'has no version published' }],
    ]);
  });

  it('keeps with a version’s test run how many model checks went unchecked, for the approver to see', async () => {
    const analyst = as(t, (await signInCast(t)).analyst);
    const tests = [
      ...chatbotPrompt.tests,
      { name: 'la réponse est en français', variables, expect: { contains: ['Réponse'] }, needsModel: true },
    ];
    expect((await analyst.post('/api/v1/prompts', { ...chatbotPrompt, key: 'sans-modele', tests })).status).toBe(201);
    const run = await analyst.post('/api/v1/prompts/sans-modele/versions/1/test');
    expect([run.body.passed, run.body.skipped]).toEqual([1, 1]);
    const version = (await analyst.get('/api/v1/prompts/sans-modele/versions')).body as {
      testRun?: { passed: number; skipped?: number };
    }[];
    expect(version[0]!.testRun).toMatchObject({ passed: 1, failed: 0, skipped: 1 });
  });

  it('refuses an evaluation run at once, rather than keeping every case failed as evidence for approvers', async () => {
    const analyst = as(t, (await signInCast(t)).analyst);
    const set = { name: 'base', cases: [{ variables, expect: [{ type: 'contains', value: 'données' }] }] };
    expect((await analyst.post('/api/v1/prompts/answer/evaluation-sets', set)).status).toBe(201);
    const run = await analyst.post('/api/v1/prompts/answer/versions/1/evaluation-runs', { set: 'base' });
    expect([run.status, run.body.error]).toEqual([503, 'llm_not_configured']);
    // An unknown set is said first, model or no model.
    const unknown = await analyst.post('/api/v1/prompts/answer/versions/1/evaluation-runs', { set: 'nulle' });
    expect([unknown.status, unknown.body.details[0]?.path]).toEqual([400, '/set']);
    expect(await t.db.collection('prompt_evaluation_runs').countDocuments({})).toBe(0);
    expect((await analyst.get('/api/v1/prompts/answer/versions/1/evaluation-runs')).body).toEqual([]);
  });
});
