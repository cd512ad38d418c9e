import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// The console reads a version's variants and coverage to show them and to edit the draft with its ETag.
describe('experiment versions', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  beforeAll(async () => {
    t = await startTestApp('experiment_versions');
    cast = await signInCast(t);
  });
  afterAll(() => t.close());

  it('gives a version with its content and the ETag that lets an analyst edit the next draft', async () => {
    const analyst = as(t, cast.analyst);
    const first = await as(t, cast.risk).get('/api/v1/experiments/chatbot-brievete/versions/1');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      number: 1,
      status: 'published',
      content: {
        prompt: 'chatbot-answer',
        coverage: 1,
        variants: [
          { name: 'detaillee-v3', version: 3, weight: 50 },
          { name: 'concise-v4', version: 4, weight: 50 },
        ],
      },
    });
    const etag = first.headers['etag'];
    expect(etag).toBeTruthy();

    const edited = await analyst.put('/api/v1/experiments/chatbot-brievete/draft', { coverage: 0.25 }, etag);
    expect(edited.status).toBe(200);
    expect(edited.body.draftVersion).toBe(2);
    const draft = await analyst.get('/api/v1/experiments/chatbot-brievete/versions/2');
    expect(draft.body).toMatchObject({
      number: 2,
      status: 'draft',
      content: { coverage: 0.25, variants: [{ name: 'detaillee-v3' }, { name: 'concise-v4' }] },
    });
    expect(draft.headers['etag']).not.toBe(etag);
    expect((await analyst.put('/api/v1/experiments/chatbot-brievete/draft', { coverage: 0.5 }, etag)).status).toBe(412);
  });

  it('has the lifecycle every governed resource has: versions listed, compared by number or by draft/active', async () => {
    const risk = as(t, cast.risk);
    // The draft of the previous test (coverage 0.25) stands beside the published version 1.
    const versions = await risk.get('/api/v1/experiments/chatbot-brievete/versions');
    expect(versions.status).toBe(200);
    expect(versions.headers['content-range']).toBe('versions 0-1/2');
    expect(versions.body.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
    const diff = await risk.get('/api/v1/experiments/chatbot-brievete/diff?from=active&to=draft');
    expect(diff.status).toBe(200);
    expect(diff.body).toEqual({ from: 1, to: 2, changes: [{ path: '/coverage', before: 1, after: 0.25 }] });
    const prompts = await risk.get('/api/v1/prompts/chatbot-answer/diff?from=1&to=active');
    expect(prompts.status).toBe(200);
    expect(prompts.body).toMatchObject({ from: 1, to: 4 });
    expect((await risk.get('/api/v1/prompts/chatbot-answer/versions')).body.length).toBe(4);
  });

  it('refuses a range, a sort or a filter on lists returned whole, naming the parameter', async () => {
    const risk = as(t, cast.risk);
    for (const path of [
      '/api/v1/experiments/chatbot-brievete/versions',
      '/api/v1/rulesets/invoices/versions',
      '/api/v1/prompts/chatbot-answer/evaluation-sets',
      '/api/v1/prompts/chatbot-answer/versions/1/evaluation-runs',
    ]) {
      expect((await risk.get(path)).status).toBe(200);
      const paged = await risk.get(`${path}?range=${encodeURIComponent('[1,1]')}`);
      expect([path, paged.status, paged.body.details?.[0]?.path]).toEqual([path, 400, '/range']);
      expect((await risk.get(`${path}?foo=1`)).status).toBe(400);
    }
  });

  it('answers 404 for a version that does not exist', async () => {
    expect((await as(t, cast.analyst).get('/api/v1/experiments/chatbot-brievete/versions/9')).status).toBe(404);
    expect((await as(t, cast.analyst).get('/api/v1/experiments/nope/versions/1')).status).toBe(404);
  });
});
