import { expect } from '@jest/globals';
import type { CompletionDocument } from '../../src/modules/completions/completion.schema.js';
import { CompletionsRepository } from '../../src/modules/completions/completions.repository.js';
import type { as } from './rulesets.js';
import type { TestApp } from './test-app.js';

type Client = ReturnType<typeof as>;

/** The chatbot prompt the experiment specs split traffic on. */
export const askPrompt = {
  key: 'ask',
  name: 'Question',
  pilot: 'chatbot',
  locale: 'fr',
  template: 'Question : {{question}}',
  model: 'claude-sonnet-4-6',
  maxTokens: 256,
  variablesSchema: { type: 'object', required: ['question'], properties: { question: { type: 'string' } } },
};

/** Creates `ask` and publishes it as version 1 (analyst submits, approver approves and publishes). */
export async function publishAskPrompt(analyst: Client, approver: Client): Promise<void> {
  await analyst.post('/api/v1/prompts', askPrompt);
  await analyst.post('/api/v1/prompts/ask/versions/1/submit');
  await approver.post('/api/v1/prompts/ask/versions/1/approve');
  await approver.post('/api/v1/prompts/ask/versions/1/publish');
}

/** Publishes a new version of `ask` with this template (and model, if given); returns its number. */
export async function publishAskVersion(
  analyst: Client,
  approver: Client,
  template: string,
  model?: string,
): Promise<number> {
  const etag = (await analyst.get('/api/v1/prompts/ask')).headers['etag'];
  const draft = { template, ...(model !== undefined && { model }) };
  const n = (await analyst.put('/api/v1/prompts/ask/draft', draft, etag)).body.draftVersion as number;
  await analyst.post(`/api/v1/prompts/ask/versions/${n}/submit`);
  await approver.post(`/api/v1/prompts/ask/versions/${n}/approve`);
  await approver.post(`/api/v1/prompts/ask/versions/${n}/publish`);
  return n;
}

/** Creates an experiment as `body` says and starts it: the analyst submits version 1, the approver publishes it. */
export async function startExperiment(
  analyst: Client,
  approver: Client,
  body: { key: string } & Record<string, unknown>,
): Promise<void> {
  expect((await analyst.post('/api/v1/experiments', body)).status).toBe(201);
  await analyst.post(`/api/v1/experiments/${body.key}/versions/1/submit`);
  await approver.post(`/api/v1/experiments/${body.key}/versions/1/approve`);
  expect((await approver.post(`/api/v1/experiments/${body.key}/versions/1/publish`)).status).toBe(200);
}

/** A front end asking `ask` one question for this subject, with its API key. */
export function completeAsk(t: TestApp, apiKey: string, subjectId: string) {
  return t.http
    .post('/api/v1/prompts/ask/complete')
    .set('x-api-key', apiKey)
    .send({ variables: { question: 'Où trouver les arbres de Montréal ?' }, subjectId });
}

/** Stores completions as serving records them: in the completions collection and in the experiment log. */
export async function storeCompletions(t: TestApp, completions: CompletionDocument[]): Promise<void> {
  const repository = t.app.get(CompletionsRepository);
  for (const completion of completions) await repository.insert(completion);
}
