import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Computed facts are bounded (docs/adr/0010-computed-facts.md): what cannot be bounded is refused at save,
// what depends on the facts' size is stopped by the work budget, and the server keeps answering meanwhile.
const ruleset = (computedFacts: { name: string; expression: string }[]) => ({
  key: 'computed-bounds',
  name: 'Faits calculés bornés',
  pilot: 'invoices',
  format: 'rules',
  inputSchema: {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: { type: 'number' } }, note: { type: 'string' } },
  },
  computedFacts,
  definition: {
    rules: [
      {
        name: 'beaucoup',
        conditions: { all: [{ fact: 'count', operator: 'greaterThan', value: 100 }] },
        event: { type: 'manual_review' },
      },
    ],
  },
});

describe('computed facts: bounded at save and at evaluation', () => {
  let t: TestApp;
  let analyst: ReturnType<typeof as>;
  let token: string;
  let admin: ReturnType<typeof as>;

  beforeAll(async () => {
    t = await startTestApp('computed-facts');
    const cast = await signInCast(t);
    token = cast.analyst;
    analyst = as(t, token);
    admin = as(t, cast.admin);
  });
  afterAll(() => t.close());

  it('refuses a hostile expression at save with 400 naming its path', async () => {
    const response = await analyst.post(
      '/api/v1/rulesets',
      ruleset([
        { name: 'count', expression: 'size(items)' },
        { name: 'pairs', expression: 'items.map(a, items.map(b, a * b))' },
        { name: 'old', expression: '$count([1..6000000].($*2))' },
      ]),
    );
    expect(response.status).toBe(400);
    const details = response.body.details as { path: string; message: string }[];
    expect(details.map((d) => d.path)).toEqual(['/computedFacts/1/expression', '/computedFacts/2/expression']);
    expect(details[0]!.message).toMatch(/inside another comprehension/);
  });

  it('stops an accepted expression that is quadratic on a large input with a 4xx naming the fact, while /health answers', async () => {
    const created = await analyst.post(
      '/api/v1/rulesets',
      ruleset([
        { name: 'count', expression: 'size(items)' },
        { name: 'repeated', expression: 'items.filter(x, x in items)' },
      ]),
    );
    expect(created.status).toBe(201);
    const version = created.body.draftVersion ?? 1;
    const evaluate = (facts: object) =>
      t.http
        .post('/api/v1/rulesets/computed-bounds/evaluate')
        .set('authorization', `Bearer ${token}`)
        .send({ facts, version });

    const compiledNow = async () =>
      Number(/^gabarit_computed_facts_compiled (\d+)$/m.exec((await admin.get('/metrics')).text)?.[1]);
    const before = await compiledNow();
    const small = await evaluate({ items: [1, 2, 2] });
    expect(small.status).toBe(200);
    expect(small.body.events).toEqual([]);
    // The version it prepared keeps its computed facts compiled while it is among the last to decide (ADR 0013).
    expect(await compiledNow()).toBe(before + 1);

    // About 0.9 MB of JSON: 150 000 numbers; `x in items` over it would take 150 000² steps.
    const items = Array.from({ length: 150_000 }, (_, i) => i % 10_000);
    const [large, health] = await Promise.all([evaluate({ items, note: 'grande liste' }), t.http.get('/health')]);
    expect(health.status).toBe(200);
    expect(large.status).toBeGreaterThanOrEqual(400);
    expect(large.status).toBeLessThan(500);
    expect(JSON.stringify(large.body)).toContain('repeated');

    // The next request is served normally.
    expect((await t.http.get('/health')).status).toBe(200);
    const next = await evaluate({ items: Array.from({ length: 200 }, (_, i) => i) });
    // The refusal's message, if any, says which limit was passed: a failure here shows it.
    expect({ status: next.status, events: next.body.events, refusal: next.body.message }).toEqual({
      status: 200,
      events: [{ type: 'manual_review' }],
      refusal: undefined,
    });
  });
});
