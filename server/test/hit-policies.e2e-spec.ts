import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Detail = { path: string; message: string; keyword?: string };

const inputSchema = {
  type: 'object',
  required: ['invoice'],
  properties: {
    invoice: {
      type: 'object',
      required: ['total', 'urgent'],
      properties: { total: { type: 'number', minimum: 0 }, urgent: { type: 'boolean' }, note: { type: 'string' } },
    },
  },
};
const inputs = [
  { id: 'total', fact: 'invoice', path: '$.total' },
  { id: 'urgent', fact: 'invoice', path: '$.urgent' },
  { id: 'note', fact: 'invoice', path: '$.note' },
];
const director = { type: 'review', params: { to: 'director' } };

/** Small invoices pass; big or urgent ones go to the director: `big` and `urgent` overlap on big urgent invoices. */
const routing = (key: string, hitPolicy: string, urgentEvent: object = director, tests: object[] = []) => ({
  key,
  name: `Routage (${hitPolicy})`,
  pilot: 'invoices',
  format: 'decisionTable',
  inputSchema,
  definition: {
    hitPolicy,
    inputs,
    rows: [
      {
        id: 'small',
        cells: { total: { operator: 'lessThan', value: 1000 }, urgent: { operator: 'equal', value: false } },
        event: { type: 'auto' },
      },
      { id: 'big', cells: { total: { operator: 'greaterThanInclusive', value: 1000 } }, event: director },
      { id: 'urgent', cells: { urgent: { operator: 'equal', value: true } }, event: urgentEvent },
    ],
  },
  tests,
});
const bigAndUrgent = { invoice: { total: 5000, urgent: true } };

describe('decision-table hit policies unique and any (docs/adr/0026)', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  let key: string;
  beforeAll(async () => {
    t = await startTestApp('hit_policies');
    cast = await signInCast(t);
    key = (await as(t, cast.admin).post('/api/v1/api-keys', { name: 'ERP', scopes: ['evaluate:hit-*'] })).body.key;
  });
  afterAll(() => t.close());

  const evaluate = (ruleset: string, body: object) =>
    t.http.post(`/api/v1/rulesets/${ruleset}/evaluate`).set('x-api-key', key).send(body);
  const publish = async (ruleset: string) => {
    expect((await as(t, cast.analyst).post(`/api/v1/rulesets/${ruleset}/versions/1/submit`)).status).toBe(200);
    expect((await as(t, cast.approver).post(`/api/v1/rulesets/${ruleset}/versions/1/approve`)).status).toBe(200);
    expect((await as(t, cast.approver).post(`/api/v1/rulesets/${ruleset}/versions/1/publish`)).status).toBe(200);
  };

  it('unique: overlapping rows block submission; facts two rows match are a 400 naming them, never a 500', async () => {
    const tests = [
      { name: 'petite', facts: { invoice: { total: 10, urgent: false } }, expectedEvents: ['auto'] },
      { name: 'grosse et urgente', facts: bigAndUrgent, expectedEvents: ['review'] },
    ];
    const analyst = as(t, cast.analyst);
    expect((await analyst.post('/api/v1/rulesets', routing('hit-unique', 'unique', director, tests))).status).toBe(201);
    const refused = await analyst.post('/api/v1/rulesets/hit-unique/versions/1/submit');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('analysis_errors');
    expect(refused.body.details).toEqual([
      { path: '/definition/rows/2', keyword: 'overlap', message: expect.stringContaining('"big" and "urgent"') },
    ]);

    // The draft can still be tried from the console: one match decides, two are the caller's 400.
    const one = await analyst.post('/api/v1/rulesets/hit-unique/evaluate', {
      version: 1,
      facts: { invoice: { total: 10, urgent: false } },
    });
    expect([one.status, one.body.events]).toEqual([200, [{ type: 'auto' }]]);
    const two = await analyst.post('/api/v1/rulesets/hit-unique/evaluate', { version: 1, facts: bigAndUrgent });
    expect(two.status).toBe(400);
    expect(two.body).toMatchObject({ error: 'hit_policy_violation', message: expect.stringContaining('unique') });
    expect((two.body.details as Detail[]).map((d) => d.path)).toEqual(['/definition/rows/1', '/definition/rows/2']);
    expect(two.body.details[0].message).toContain('"big"');

    // The version's test cases apply the policy the same way: the overlapping case fails with the reason.
    const run = await analyst.post('/api/v1/rulesets/hit-unique/versions/1/test');
    expect(run.body).toMatchObject({
      passed: 1,
      failed: 1,
      cases: [
        { name: 'petite', passed: true },
        { name: 'grosse et urgente', passed: false, error: expect.stringContaining('"big", "urgent"') },
      ],
    });
  });

  it('unique: an overlap the analysis cannot decide is published, and caught at evaluation as a 400', async () => {
    const undecided = routing('hit-unique-live', 'unique');
    undecided.definition.rows[2]!.cells = { note: { operator: 'matches', value: '^URG' } } as never;
    expect((await as(t, cast.analyst).post('/api/v1/rulesets', undecided)).status).toBe(201);
    await publish('hit-unique-live');
    const facts = { invoice: { total: 5000, urgent: false, note: 'URGENT' } };
    const single = await evaluate('hit-unique-live', { facts: { invoice: { total: 5000, urgent: false } } });
    expect([single.status, single.body.events]).toEqual([200, [director]]);
    const breach = await evaluate('hit-unique-live', { facts });
    expect(breach.status).toBe(400);
    expect(breach.body.error).toBe('hit_policy_violation');
    expect((breach.body.details as Detail[]).map((d) => d.path)).toEqual(['/definition/rows/1', '/definition/rows/2']);
    const batch = await t.http
      .post('/api/v1/rulesets/hit-unique-live/evaluate/batch')
      .set('x-api-key', key)
      .send({ items: [{ facts: { invoice: { total: 1, urgent: false } } }, { facts }] });
    expect(batch.status).toBe(400);
    expect(batch.body.message).toContain('/items/1/facts');
  });

  it('any: overlapping rows that agree are published and give their decision once; rows that disagree are refused', async () => {
    const tests = [{ name: 'grosse et urgente', facts: bigAndUrgent, expectedEvents: ['review'] }];
    expect(
      (await as(t, cast.analyst).post('/api/v1/rulesets', routing('hit-any', 'any', director, tests))).status,
    ).toBe(201);
    const analysis = (await as(t, cast.analyst).get('/api/v1/rulesets/hit-any/versions/1/analysis')).body;
    expect(analysis.findings).toContainEqual(
      expect.objectContaining({ kind: 'overlap', severity: 'info', path: '/definition/rows/2' }),
    );
    expect((await as(t, cast.analyst).post('/api/v1/rulesets/hit-any/versions/1/submit')).status).toBe(200);
    expect((await as(t, cast.analyst).post('/api/v1/rulesets/hit-any/versions/1/test')).body).toMatchObject({
      passed: 1,
      failed: 0,
    });
    expect((await as(t, cast.approver).post('/api/v1/rulesets/hit-any/versions/1/approve')).status).toBe(200);
    expect((await as(t, cast.approver).post('/api/v1/rulesets/hit-any/versions/1/publish')).status).toBe(200);
    const decided = await evaluate('hit-any', { facts: bigAndUrgent, explain: true });
    expect(decided.status).toBe(200);
    expect(decided.body.events).toEqual([director]);
    expect(decided.body.fired.map((r: { name: string }) => r.name)).toEqual(['big', 'urgent']);

    const disagreeing = routing('hit-any-differ', 'any', { type: 'review', params: { to: 'manager' } });
    expect((await as(t, cast.analyst).post('/api/v1/rulesets', disagreeing)).status).toBe(201);
    const refused = await as(t, cast.analyst).post('/api/v1/rulesets/hit-any-differ/versions/1/submit');
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ path: '/definition/rows/2', keyword: 'overlap' })]);
    const breach = await as(t, cast.analyst).post('/api/v1/rulesets/hit-any-differ/evaluate', {
      version: 1,
      facts: bigAndUrgent,
    });
    expect(breach.status).toBe(400);
    expect(breach.body).toMatchObject({ error: 'hit_policy_violation', message: expect.stringContaining('any') });
  });
});
