import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeAnthropic } from './support/fake-anthropic.js';
import { as, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// The open-data chatbot pilot as shipped: prompts and experiment loaded from prompts/, catalogue from seeds/.
describe('the open-data chatbot pilot', () => {
  const fake = new FakeAnthropic();
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  let key: string;
  beforeAll(async () => {
    t = await startTestApp('chatbot', { ANTHROPIC_API_KEY: fake.apiKey, ANTHROPIC_BASE_URL: await fake.start() });
    cast = await signInCast(t);
    key = (
      await as(t, cast.admin).post('/api/v1/api-keys', {
        name: 'Front end',
        scopes: ['prompts:complete:chatbot-*', 'prompts:render:chatbot-*', 'experiments:feedback:chatbot-*'],
      })
    ).body.key;
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('ships two published versions of the answer prompt, their offline cases passing, and a running experiment', async () => {
    const analyst = as(t, cast.analyst);
    const prompt = (await analyst.get('/api/v1/prompts/chatbot-answer')).body;
    expect(prompt).toMatchObject({
      activeVersion: 2,
      versions: [
        { number: 1, publishedBy: 'seed' },
        { number: 2, publishedBy: 'seed' },
      ],
    });
    for (const n of [1, 2])
      expect((await analyst.post(`/api/v1/prompts/chatbot-answer/versions/${n}/test`)).body).toMatchObject({
        failed: 0,
        passed: 5,
      });
    expect((await analyst.get('/api/v1/experiments/chatbot-brievete/results')).body).toMatchObject({
      running: true,
      prompt: 'chatbot-answer',
      variants: [{ name: 'detaillee' }, { name: 'concise' }],
    });
  });

  it('answers a question from the catalogue: search, then complete with the datasets as context', async () => {
    const search = await t.http
      .get('/api/v1/catalogue/search?q=' + encodeURIComponent('Où sont les arbres publics de Montréal ?'))
      .set('x-api-key', key);
    expect(search.status).toBe(200);
    const datasets = search.body.results
      .slice(0, 3)
      .map((d: { title: string; organization: string; url: string; formats: string[] }) => ({
        title: d.title,
        organization: d.organization,
        url: d.url,
        formats: d.formats,
      }));
    expect(datasets[0].title).toBe('Arbres publics');
    const rendered = await t.http
      .post('/api/v1/prompts/chatbot-answer/render')
      .set('x-api-key', key)
      .send({ variables: { question: 'Où sont les arbres publics de Montréal ?', locale: 'fr', datasets } });
    expect(rendered.body.text).toContain('https://www.donneesquebec.ca/recherche/dataset/arbres-publics');
    const answer = await t.http
      .post('/api/v1/prompts/chatbot-answer/complete')
      .set('x-api-key', key)
      .send({
        variables: { question: 'Où sont les arbres publics de Montréal ?', locale: 'fr', datasets },
        subjectId: randomUUID(),
      });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      experiment: 'chatbot-brievete',
      variant: expect.stringMatching(/^(detaillee|concise)$/),
    });
    expect(fake.requests.at(-1)!.body['system']).toContain('SOPFEU');
    const feedback = await t.http
      .post('/api/v1/experiments/chatbot-brievete/feedback')
      .set('x-api-key', key)
      .send({ completionId: answer.body.completionId, outcome: 'positive' });
    expect(feedback.status).toBe(200);
  });
});
