import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EvaluationService } from '../src/modules/evaluation/evaluation.service.js';
import { readFileSync } from 'node:fs';
import { metric } from './support/metrics.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { countDecisions } from './support/decision-records.js';

// On start the service prepares the versions in force before it listens (main.ts), so that the first caller of
// each does not compile it while others wait.
describe('preparing the versions in force at start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('warm-up', { METRICS_PUBLIC: 'true' });
  });
  afterAll(() => t.close());

  it('prepares the pilots in force, decides nothing on record and counts no decision', async () => {
    expect(await metric(t, 'gabarit_compiled_versions')).toBe(0);
    const warmUp = (limit: number, milliseconds?: number) => t.app.get(EvaluationService).warmUp(limit, milliseconds);
    // No time for it: nothing is prepared, and the first callers prepare what they ask for.
    expect(await warmUp(100, 0)).toBe(0);
    expect(await metric(t, 'gabarit_compiled_versions')).toBe(0);
    // The first stored only, when asked for fewer than there are.
    expect(await warmUp(1)).toBe(1);
    expect(await metric(t, 'gabarit_compiled_versions')).toBe(1);
    expect(await warmUp(100)).toBe(3);
    expect(await metric(t, 'gabarit_compiled_versions')).toBe(3);
    expect(await countDecisions(t.db)).toBe(0);
    const counted = /^gabarit_evaluations_total\{/m;
    expect((await t.http.get('/metrics')).text).not.toMatch(counted);
    // A caller's decision is counted and kept, and finds its version prepared.
    const facts = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8')).tests[0].facts;
    const decided = await t.http
      .post('/api/v1/rulesets/invoices/evaluate')
      .set('authorization', `Bearer ${await t.login('analyst')}`)
      .send({ facts });
    expect(decided.status).toBe(200);
    expect((await t.http.get('/metrics')).text).toMatch(counted);
    expect(await countDecisions(t.db)).toBe(1);
    expect(await metric(t, 'gabarit_compiled_versions')).toBe(3);
  });
});
