import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Collection } from 'mongodb';
import { DecisionRetention } from '../src/modules/evaluation/decision-retention.js';
import { DecisionSamplesRepository } from '../src/modules/evaluation/decision-samples.repository.js';
import { ShadowTalliesRepository } from '../src/modules/evaluation/shadow-tallies.repository.js';
import { DecisionsRepository } from '../src/modules/evaluation/decisions.repository.js';
import { LatestDecisions } from '../src/modules/evaluation/latest-decisions.js';
import { isDecisionCollection } from '../src/modules/evaluation/decision-partitions.js';
import { as, signInCast } from './support/rulesets.js';
import { startTestApp, startAnotherInstance, type TestApp } from './support/test-app.js';
import { countDecisions, decisionCollection } from './support/decision-records.js';

const enrolmentLike = (threshold: number, tests?: object[]) => ({
  key: 'eval-demo',
  name: 'Démo évaluation',
  pilot: 'invoices',
  format: 'rules',
  inputSchema: {
    type: 'object',
    required: ['invoice', 'supplier'],
    properties: {
      invoice: {
        type: 'object',
        required: ['subtotal'],
        properties: { subtotal: { type: 'number', minimum: 0 }, number: { type: 'string' } },
      },
      supplier: {
        type: 'object',
        properties: { name: { type: 'string' }, contactEmail: { type: 'string', 'x-pii': true } },
      },
    },
  },
  computedFacts: [
    { name: 'gst', expression: 'round(invoice.subtotal * 0.05, 2)' },
    { name: 'total', expression: 'round(invoice.subtotal + gst + round(invoice.subtotal * 0.09975, 2), 2)' },
  ],
  definition: {
    rules: [
      {
        name: 'montant-eleve',
        priority: 2,
        conditions: { all: [{ fact: 'total', operator: 'greaterThan', value: threshold }] },
        event: { type: 'manual_review', params: { threshold } },
        explanation: {
          fr: 'Montant {{total}} $ supérieur au seuil de {{event.threshold}} $',
          en: 'Amount {{total}} $ above the {{event.threshold}} $ threshold',
        },
      },
      {
        name: 'courriel-interne',
        priority: 1,
        conditions: {
          all: [{ fact: 'supplier', path: '$.contactEmail', operator: 'matches', value: '@gouv\\.qc\\.ca$' }],
        },
        event: { type: 'internal_supplier' },
      },
    ],
  },
  ...(tests && { tests }),
});

/** The demo rule set under `key`, its facts `invoice` and `supplier` checked by these object schemas. */
const withFactSchemas = (key: string, invoice: object, supplier: object) => ({
  ...enrolmentLike(10000),
  key,
  inputSchema: {
    type: 'object',
    required: ['invoice', 'supplier'],
    properties: { invoice: { type: 'object', ...invoice }, supplier: { type: 'object', ...supplier } },
  },
});
describe('evaluation', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  let analyst: ReturnType<typeof as>;
  let approver: ReturnType<typeof as>;
  let erpKey: string;

  async function publishNext(threshold: number, options: object = {}): Promise<number> {
    const current = await analyst.get('/api/v1/rulesets/eval-demo');
    const edited = await analyst.put(
      '/api/v1/rulesets/eval-demo/draft',
      { definition: enrolmentLike(threshold).definition, tests: [] },
      current.headers['etag'],
    );
    const n = edited.body.draftVersion as number;
    await analyst.post(`/api/v1/rulesets/eval-demo/versions/${n}/submit`);
    await approver.post(`/api/v1/rulesets/eval-demo/versions/${n}/approve`);
    expect((await approver.post(`/api/v1/rulesets/eval-demo/versions/${n}/publish`, options)).status).toBe(200);
    return n;
  }

  /** Creates a rule set and publishes its first version through review. */
  async function publishNew(ruleset: { key: string }): Promise<void> {
    expect((await analyst.post('/api/v1/rulesets', ruleset)).status).toBe(201);
    await analyst.post(`/api/v1/rulesets/${ruleset.key}/versions/1/submit`);
    await approver.post(`/api/v1/rulesets/${ruleset.key}/versions/1/approve`);
    expect((await approver.post(`/api/v1/rulesets/${ruleset.key}/versions/1/publish`)).status).toBe(200);
  }

  beforeAll(async () => {
    t = await startTestApp('evaluation');
    cast = await signInCast(t);
    analyst = as(t, cast.analyst);
    approver = as(t, cast.approver);
    expect((await analyst.post('/api/v1/rulesets', enrolmentLike(10000))).status).toBe(201);
    await analyst.post('/api/v1/rulesets/eval-demo/versions/1/submit');
    await approver.post('/api/v1/rulesets/eval-demo/versions/1/approve');
    await approver.post('/api/v1/rulesets/eval-demo/versions/1/publish');
    erpKey = (await as(t, cast.admin).post('/api/v1/api-keys', { name: 'ERP', scopes: ['evaluate:eval-*'] })).body.key;
  });
  afterAll(() => t.close());

  const evaluate = (body: object, key = erpKey) =>
    t.http.post('/api/v1/rulesets/eval-demo/evaluate').set('x-api-key', key).send(body);
  const facts = (subtotal: number, email = 'ventes@fournisseur.ca') => ({
    invoice: { subtotal, number: 'F-1' },
    supplier: { name: 'Fournisseur', contactEmail: email },
  });

  it('refuses options sent in the query string instead of the body, rather than ignoring them', async () => {
    const response = await t.http
      .post('/api/v1/rulesets/eval-demo/evaluate?version=1&explain=true')
      .set('x-api-key', erpKey)
      .send({ facts: facts(9000) });
    expect(response.status).toBe(400);
    expect((response.body.details as { path: string }[]).map((d) => d.path)).toEqual([
      '/query/version',
      '/query/explain',
    ]);
    const batch = await t.http
      .post('/api/v1/rulesets/eval-demo/evaluate/batch?explain=1')
      .set('x-api-key', erpKey)
      .send({ items: [{ facts: facts(9000) }] });
    expect([batch.status, batch.body.details?.[0]?.path]).toEqual([400, '/query/explain']);
  });

  it('decides with a scoped API key and explains in French and English, from computed facts', async () => {
    const response = await evaluate({ facts: facts(9000), explain: true });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      ruleset: 'eval-demo',
      version: 1,
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
      events: [{ type: 'manual_review', params: { threshold: 10000 } }],
      logged: true,
    });
    expect(response.body.explanation.fr).toBe('Montant 10347.75 $ supérieur au seuil de 10000 $');
    expect(response.body.explanation.en).toBe('Amount 10347.75 $ above the 10000 $ threshold');
    expect(response.body.fired[0].conditions[0]).toMatchObject({
      fact: 'total',
      operator: 'greaterThan',
      value: 10000,
      factValue: 10347.75,
      result: true,
    });
    expect(response.body.failed[0].name).toBe('courriel-interne');
    expect(response.body.evaluationId).toMatch(/^[0-9a-f-]{36}$/);
    const plain = await evaluate({ facts: facts(100) });
    expect(plain.body.events).toEqual([]);
    expect(plain.body.explanation).toBeUndefined();
  });

  it('refuses keys without the scope and facts that do not match the input schema', async () => {
    const otherKey = (await as(t, cast.admin).post('/api/v1/api-keys', { name: 'RH', scopes: ['evaluate:enrolment'] }))
      .body.key;
    const denied = await evaluate({ facts: facts(1) }, otherKey);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toBe('missing_scope');
    const invalid = await evaluate({ facts: { invoice: { subtotal: -5 } } });
    expect(invalid.status).toBe(400);
    expect((invalid.body.details as { path: string }[]).map((d) => d.path).sort()).toEqual([
      '/facts/invoice/subtotal',
      '/facts/supplier',
    ]);
    expect((await evaluate({ facts: facts(1), version: 'latest' })).status).toBe(400);
    // An integer to JSON, but no version: named at /version rather than echoed back as another number.
    const huge = await evaluate({ facts: facts(1), version: 1e20 });
    expect(huge.status).toBe(400);
    expect(huge.body.details.map((d: { path: string }) => d.path)).toContain('/version');
    expect(
      (
        await t.http
          .post('/api/v1/rulesets/nope/evaluate')
          .set('authorization', `Bearer ${cast.analyst}`)
          .send({ facts: {} })
      ).status,
    ).toBe(404);
  });

  it('masks personal information for callers who may not read it, in responses and records', async () => {
    const response = await evaluate({ facts: facts(1, 'lea.roy@gouv.qc.ca'), explain: true });
    expect(response.body.events).toEqual([{ type: 'internal_supplier' }]);
    expect(response.body.fired[0].conditions[0]).toMatchObject({
      fact: 'supplier',
      path: '$.contactEmail',
      factValue: '***',
    });
    const id = response.body.evaluationId;
    const forAnalyst = await analyst.get(`/api/v1/decisions/${id}`);
    expect(forAnalyst.body.facts.supplier).toEqual({ name: 'Fournisseur', contactEmail: '***' });
    const forRisk = await as(t, cast.risk).get(`/api/v1/decisions/${id}`);
    expect(forRisk.body.facts.supplier.contactEmail).toBe('lea.roy@gouv.qc.ca');

    // What the caller sent beyond the schema is not known to be safe to show: masked like a marked field.
    const extra = await evaluate({
      facts: { ...facts(1), supplier: { name: 'F', nas: '123-456-789' }, notes: 'Jean Tremblay, diabétique' },
    });
    expect(extra.status).toBe(200);
    const extraForAnalyst = (await analyst.get(`/api/v1/decisions/${extra.body.evaluationId}`)).body;
    expect(extraForAnalyst.facts).toMatchObject({ supplier: { name: 'F', nas: '***' }, notes: '***' });
    const extraForRisk = (await as(t, cast.risk).get(`/api/v1/decisions/${extra.body.evaluationId}`)).body;
    expect(extraForRisk.facts.notes).toBe('Jean Tremblay, diabétique');
    expect(forRisk.body).toMatchObject({
      ruleset: 'eval-demo',
      version: 1,
      actor: expect.stringMatching(/^api-key:/),
      events: [{ type: 'internal_supplier' }],
    });
    expect((await analyst.get('/api/v1/decisions/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    const metrics = (await as(t, cast.admin).get('/metrics')).text;
    expect(metrics).toMatch(/gabarit_evaluations_total\{ruleset="eval-demo",outcome="internal_supplier"\} [1-9]/);
  });

  it('masks what a rule reads beyond the schema in traces too, for callers who may not read personal fields', async () => {
    const notes = {
      key: 'eval-notes',
      name: 'Notes',
      pilot: 'enrolment',
      format: 'rules',
      inputSchema: {
        type: 'object',
        properties: { person: { type: 'object', properties: { name: { type: 'string', 'x-pii': true } } } },
      },
      definition: {
        rules: [
          {
            name: 'note-sante',
            conditions: { all: [{ fact: 'notes', operator: 'equal', value: 'diabétique' }] },
            event: { type: 'manual_review' },
          },
        ],
      },
    };
    await publishNew(notes);
    const decided = await t.http
      .post('/api/v1/rulesets/eval-notes/evaluate')
      .set('x-api-key', erpKey)
      .send({ facts: { person: { name: 'Jean' }, notes: 'diabétique' }, explain: true });
    expect(decided.body.events).toEqual([{ type: 'manual_review' }]);
    expect(decided.body.fired[0].conditions[0]).toMatchObject({ fact: 'notes', factValue: '***' });
    const forAnalyst = (await analyst.get(`/api/v1/decisions/${decided.body.evaluationId as string}`)).body;
    expect(forAnalyst.facts.notes).toBe('***');
    expect(forAnalyst.fired[0].conditions[0].factValue).toBe('***');
    const forRisk = (await as(t, cast.risk).get(`/api/v1/decisions/${decided.body.evaluationId as string}`)).body;
    expect(forRisk.fired[0].conditions[0].factValue).toBe('diabétique');
  });

  it('stores and evaluates input schemas written with $-keywords ($defs, $ref, $comment, $id), two rule sets sharing one $id', async () => {
    const schema = {
      $id: 'https://exemple.gouv.qc.ca/schemas/facture',
      $comment: 'Le montant est défini une fois',
      type: 'object',
      required: ['invoice', 'supplier'],
      $defs: { amount: { type: 'number', minimum: 0 } },
      properties: {
        invoice: { type: 'object', required: ['subtotal'], properties: { subtotal: { $ref: '#/$defs/amount' } } },
        supplier: { type: 'object' },
      },
    };
    for (const key of ['eval-dollar-a', 'eval-dollar-b']) {
      const created = await analyst.post('/api/v1/rulesets', { ...enrolmentLike(10000), key, inputSchema: schema });
      expect(created.status).toBe(201);
      await analyst.post(`/api/v1/rulesets/${key}/versions/1/submit`);
      await approver.post(`/api/v1/rulesets/${key}/versions/1/approve`);
      expect((await approver.post(`/api/v1/rulesets/${key}/versions/1/publish`)).status).toBe(200);
      const stored = await analyst.get(`/api/v1/rulesets/${key}/versions/1`);
      expect(stored.body.content.inputSchema).toEqual(schema);
      const decided = await t.http
        .post(`/api/v1/rulesets/${key}/evaluate`)
        .set('x-api-key', erpKey)
        .send({ facts: facts(20000) });
      expect(decided.body.events).toEqual([{ type: 'manual_review', params: { threshold: 10000 } }]);
      const refused = await t.http
        .post(`/api/v1/rulesets/${key}/evaluate`)
        .set('x-api-key', erpKey)
        .send({ facts: facts(-1) });
      expect(refused.status).toBe(400);
      expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['/facts/invoice/subtotal']);
    }
  });

  it('matches patterns that backtrack exponentially in JavaScript in linear time, in rules and in input schemas', async () => {
    // With JavaScript's engine, `(a|a)*$` took 2 s on 25 characters and doubles with each one: these would not finish.
    const hostile = (key: string) => ({
      ...withFactSchemas(
        key,
        { properties: { subtotal: { type: 'number' }, number: { type: 'string', pattern: '^(\\w|\\d)+$' } } },
        {},
      ),
      definition: {
        rules: [
          {
            name: 'motif',
            conditions: {
              any: [
                { fact: 'supplier', path: '$.name', operator: 'matches', value: '(a|a)*$' },
                { fact: 'supplier', path: '$.name', operator: 'matches', value: '.*.*.*.*x' },
              ],
            },
            event: { type: 'manual_review' },
          },
        ],
      },
    });
    await publishNew(hostile('eval-regex'));
    const long = 'a'.repeat(5000);
    const decided = await t.http
      .post('/api/v1/rulesets/eval-regex/evaluate')
      .set('x-api-key', erpKey)
      .send({ facts: { invoice: { subtotal: 1, number: `${long}` }, supplier: { name: `${long}b` } } });
    expect(decided.status).toBe(200);
    expect(decided.body.events).toEqual([{ type: 'manual_review' }]); // (a|a)*$ matches the empty string at the end
    const refused = await t.http
      .post('/api/v1/rulesets/eval-regex/evaluate')
      .set('x-api-key', erpKey)
      .send({ facts: { invoice: { subtotal: 1, number: `${long}!` }, supplier: { name: 'x' } } });
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['/facts/invoice/number']);
  });

  it('checks facts against the plain patterns analysts write most (fixed repetitions) and patternProperties', async () => {
    // These run on JavaScript's RegExp: each call of ajv's test once lost its receiver and answered 500.
    await publishNew(
      withFactSchemas(
        'eval-gst',
        { properties: { subtotal: { type: 'number' } }, patternProperties: { '^line[0-9]$': { type: 'number' } } },
        { properties: { gstNumber: { type: 'string', pattern: '^[0-9]{9}RT[0-9]{4}$' } } },
      ),
    );
    const evaluateWith = (invoice: object, supplier: object) =>
      t.http.post('/api/v1/rulesets/eval-gst/evaluate').set('x-api-key', erpKey).send({ facts: { invoice, supplier } });
    const decided = await evaluateWith({ subtotal: 1, line1: 5 }, { gstNumber: '123456789RT0001' });
    expect(decided.status).toBe(200);
    const refused = await evaluateWith({ subtotal: 1, line1: 'cinq' }, { gstNumber: '123456789RT001' });
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      '/facts/invoice/line1',
      '/facts/supplier/gstNumber',
    ]);
  });

  it('refuses facts that the rule set computes itself, rather than let a caller stand in for them', async () => {
    const forged = await evaluate({ facts: { ...facts(9000), total: 1 } });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({
      error: 'derived_fact',
      details: [{ path: '/facts/total', message: expect.stringContaining('computed fact') }],
    });
    const inBatch = await t.http
      .post('/api/v1/rulesets/eval-demo/evaluate/batch')
      .set('x-api-key', erpKey)
      .send({ items: [{ facts: facts(1) }, { facts: { ...facts(1), gst: 0 } }] });
    expect(inBatch.status).toBe(400);
    expect(inBatch.body.details.map((d: { path: string }) => d.path)).toEqual(['/items/1/facts/gst']);
  });

  it('writes the stored explanation again from masked facts for readers without access, and masks everything when the version cannot be read', async () => {
    const withEmail = enrolmentLike(10000);
    withEmail.definition.rules[1] = {
      ...withEmail.definition.rules[1]!,
      explanation: {
        fr: 'Fournisseur interne : {{supplier.contactEmail}}',
        en: 'Internal supplier: {{supplier.contactEmail}}',
      },
    } as never;
    expect((await analyst.post('/api/v1/rulesets', { ...withEmail, key: 'eval-pii' })).status).toBe(201);
    await analyst.post('/api/v1/rulesets/eval-pii/versions/1/submit');
    await approver.post('/api/v1/rulesets/eval-pii/versions/1/approve');
    await approver.post('/api/v1/rulesets/eval-pii/versions/1/publish');
    const decided = await t.http
      .post('/api/v1/rulesets/eval-pii/evaluate')
      .set('x-api-key', erpKey)
      .send({ facts: facts(1, 'lea.roy@gouv.qc.ca') });
    const id = decided.body.evaluationId as string;
    const forRisk = await as(t, cast.risk).get(`/api/v1/decisions/${id}`);
    expect(forRisk.body.explanation.fr).toBe('Fournisseur interne : lea.roy@gouv.qc.ca');
    const forAnalyst = await analyst.get(`/api/v1/decisions/${id}`);
    expect(forAnalyst.body.explanation.fr).toBe('Fournisseur interne : ***');
    expect(JSON.stringify(forAnalyst.body)).not.toContain('lea.roy');

    // The version's content gone (restored from an old backup, say): nothing is known of which fields are personal.
    await t.db.collection('ruleset_contents').deleteOne({ _id: decided.body.checksum } as never);
    const blind = await analyst.get(`/api/v1/decisions/${id}`);
    expect(blind.status).toBe(200);
    expect(blind.body.facts).toEqual({ invoice: '***', supplier: '***' });
    expect(blind.body.explanation).toBeUndefined();
    expect(JSON.stringify(blind.body)).not.toContain('lea.roy');
  });

  it('masks computed facts derived from personal fields (an age from a birth year) like the fields themselves', async () => {
    const ages = {
      key: 'eval-age',
      name: 'Âge',
      pilot: 'enrolment',
      format: 'rules',
      inputSchema: {
        type: 'object',
        required: ['employee'],
        properties: {
          employee: {
            type: 'object',
            required: ['birthYear'],
            properties: { birthYear: { type: 'integer', 'x-pii': true }, plan: { type: 'string' } },
          },
        },
      },
      computedFacts: [
        { name: 'age', expression: '2026 - employee.birthYear' },
        { name: 'band', expression: 'age >= 65 ? "65 et plus" : "moins de 65"' },
        { name: 'planName', expression: 'employee.plan' },
      ],
      definition: {
        rules: [
          {
            name: 'senior',
            conditions: {
              all: [
                { fact: 'age', operator: 'greaterThanInclusive', value: 65 },
                { fact: 'planName', operator: 'equal', value: 'famille' },
              ],
            },
            event: { type: 'senior_plan' },
            explanation: {
              fr: '{{age}} ans ({{band}}), régime {{planName}}',
              en: '{{age}} years old ({{band}}), {{planName}} plan',
            },
          },
        ],
      },
    };
    expect((await analyst.post('/api/v1/rulesets', ages)).status).toBe(201);
    await analyst.post('/api/v1/rulesets/eval-age/versions/1/submit');
    await approver.post('/api/v1/rulesets/eval-age/versions/1/approve');
    await approver.post('/api/v1/rulesets/eval-age/versions/1/publish');
    const decided = await t.http
      .post('/api/v1/rulesets/eval-age/evaluate')
      .set('x-api-key', erpKey)
      .send({ facts: { employee: { birthYear: 1958, plan: 'famille' } }, explain: true });
    expect(decided.body.events).toEqual([{ type: 'senior_plan' }]);
    expect(decided.body.explanation.fr).toBe('*** ans (***), régime famille');
    expect(
      decided.body.fired[0].conditions.map((c: { fact: string; factValue: unknown }) => [c.fact, c.factValue]),
    ).toEqual([
      ['age', '***'],
      ['planName', 'famille'],
    ]);
    const forAnalyst = await analyst.get(`/api/v1/decisions/${decided.body.evaluationId as string}`);
    expect(forAnalyst.body.explanation.fr).toBe('*** ans (***), régime famille');
    expect(JSON.stringify(forAnalyst.body)).not.toMatch(/1958|\b68\b/);
    const forRisk = await as(t, cast.risk).get(`/api/v1/decisions/${decided.body.evaluationId as string}`);
    expect(forRisk.body.explanation.fr).toBe('68 ans (65 et plus), régime famille');

    // An impact analysis on masked facts: the age cannot be computed from "***", so neither version decides.
    // That is not "no change": the analyst is told how many decisions could not be compared.
    const draft = await analyst.put(
      '/api/v1/rulesets/eval-age/draft',
      { definition: { rules: [{ ...ages.definition.rules[0]!, event: { type: 'senior' } }] } },
      (await analyst.get('/api/v1/rulesets/eval-age')).headers['etag'],
    );
    const impactFor = (token: string) =>
      as(t, token).post(`/api/v1/rulesets/eval-age/versions/${draft.body.draftVersion as number}/impact`, {});
    expect((await impactFor(cast.analyst)).body).toMatchObject({ compared: 1, changed: 0, notCompared: 1 });
    expect((await impactFor(cast.risk)).body).toMatchObject({ compared: 1, changed: 1, notCompared: 0 });
  });

  it('names the facts a computed fact reads when it cannot be computed from them, not the computed fact', async () => {
    const response = await evaluate({ facts: facts(1.7e308) });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: 'computed_fact_failed',
      message: expect.stringContaining('"total" could not be computed'),
      details: [{ path: '/facts/invoice/subtotal', message: 'read to compute "total", which could not be computed' }],
    });
  });

  it('evaluates a batch, naming the item whose facts are wrong', async () => {
    const ok = await t.http
      .post('/api/v1/rulesets/eval-demo/evaluate/batch')
      .set('x-api-key', erpKey)
      .send({ items: [{ facts: facts(1) }, { facts: facts(50000) }] });
    expect(ok.body.results.map((r: { events: { type: string }[] }) => r.events.map((e) => e.type))).toEqual([
      [],
      ['manual_review'],
    ]);
    const bad = await t.http
      .post('/api/v1/rulesets/eval-demo/evaluate/batch')
      .set('x-api-key', erpKey)
      .send({ items: [{ facts: facts(1) }, { facts: { invoice: {} } }] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toContain('/items/1/facts/invoice/subtotal');
    // Every bad item is named at once, not the first only.
    const many = await t.http
      .post('/api/v1/rulesets/eval-demo/evaluate/batch')
      .set('x-api-key', erpKey)
      .send({ items: [{ facts: { invoice: {} } }, { facts: facts(1) }, { facts: { ...facts(1), gst: 3 } }] });
    expect(many.status).toBe(400);
    expect(many.body.message).toBe('The facts of 2 item(s) do not match the rule set’s input schema.');
    expect(many.body.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['/items/0/facts/invoice/subtotal', '/items/2/facts/gst']),
    );
  });

  it('writes out the rules of a busy rule set, answering exactly as before (docs/adr/0009)', async () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ facts: facts(i * 997 + 1, i % 3 ? 'a@b.ca' : 'x@y.com') }));
    const batch = async () => {
      const res = await t.http
        .post('/api/v1/rulesets/eval-demo/evaluate/batch')
        .set('x-api-key', erpKey)
        .send({ items });
      expect(res.status).toBe(200);
      // What a caller reads of each decision: events and the explanation (the record's id differs per call).
      return (res.body.results as { events: unknown; explanation?: unknown }[]).map((r) => [r.events, r.explanation]);
    };
    const writtenOut = async () =>
      Number(/^gabarit_versions_written_out (\d+)$/m.exec((await as(t, cast.admin).get('/metrics')).text)?.[1]);
    const before = await batch();
    // A thousand runs make a version busy; each run after that writes out one more of its rules.
    for (let i = 0; i < 11; i++) await batch();
    expect(await writtenOut()).toBeGreaterThanOrEqual(1);
    expect(await batch()).toEqual(before);
  });

  it('lets console users evaluate a draft, but not API keys', async () => {
    const current = await analyst.get('/api/v1/rulesets/eval-demo');
    const draft = await analyst.put(
      '/api/v1/rulesets/eval-demo/draft',
      { definition: enrolmentLike(500).definition },
      current.headers['etag'],
    );
    const n = draft.body.draftVersion;
    const byAnalyst = await t.http
      .post('/api/v1/rulesets/eval-demo/evaluate')
      .set('authorization', `Bearer ${cast.analyst}`)
      .send({ facts: facts(1000), version: n });
    expect(byAnalyst.body).toMatchObject({ version: n, events: [{ type: 'manual_review' }] });
    // A trial decides about nobody: no record, so no receipt and no review request can cite it.
    expect(byAnalyst.body.logged).toBe(false);
    expect(await countDecisions(t.db, { _id: byAnalyst.body.evaluationId })).toBe(0);
    expect((await analyst.get(`/api/v1/decisions/${byAnalyst.body.evaluationId}`)).status).toBe(404);
    const byKey = await evaluate({ facts: facts(1000), version: n });
    expect(byKey.status).toBe(403);
    expect(byKey.body.error).toBe('unpublished_version');
  });

  it('counts a decision routed elsewhere as changed, the same for every reader: both versions replayed today', async () => {
    const routing = (manager: string) => ({
      key: 'eval-route',
      name: 'Acheminement',
      pilot: 'invoices',
      format: 'rules',
      inputSchema: {
        type: 'object',
        required: ['amount'],
        properties: { amount: { type: 'number' }, contact: { type: 'string', 'x-pii': true } },
      },
      definition: {
        rules: [
          {
            name: 'petit',
            conditions: { all: [{ fact: 'amount', operator: 'lessThan', value: 1000 }] },
            event: { type: 'route_approval', params: { level: manager } },
          },
          {
            name: 'grand',
            conditions: { all: [{ fact: 'amount', operator: 'greaterThanInclusive', value: 1000 }] },
            event: { type: 'route_approval', params: { level: 'director' } },
          },
        ],
      },
    });
    await publishNew(routing('manager'));
    for (const amount of [100, 200, 5000])
      expect(
        (
          await t.http
            .post('/api/v1/rulesets/eval-route/evaluate')
            .set('x-api-key', erpKey)
            .send({ facts: { amount, contact: 'x@y.ca' } })
        ).body.logged,
      ).toBe(true);
    const etag = (await analyst.get('/api/v1/rulesets/eval-route')).headers['etag'];
    const draft = await analyst.put(
      '/api/v1/rulesets/eval-route/draft',
      { definition: routing('team_lead').definition },
      etag,
    );
    const impactFor = async (token: string) =>
      (await as(t, token).post(`/api/v1/rulesets/eval-route/versions/${draft.body.draftVersion as number}/impact`, {}))
        .body;
    // Compared by event types alone, `route_approval` on both sides was « no change ».
    const expected = { compared: 3, changed: 2, byTransition: { 'route_approval → route_approval (level)': 2 } };
    expect(await impactFor(cast.analyst)).toMatchObject(expected);
    expect(await impactFor(cast.risk)).toMatchObject(expected);
  });

  it('reports the impact of a draft on the latest logged decisions', async () => {
    for (const subtotal of [600, 700, 800, 20000]) await evaluate({ facts: facts(subtotal) });
    const draft = (await analyst.get('/api/v1/rulesets/eval-demo')).body.draftVersion;
    const impact = await analyst.post(`/api/v1/rulesets/eval-demo/versions/${draft}/impact`, { limit: 4 });
    expect(impact.status).toBe(200);
    // The 20 000 $ invoice is reviewed by both, above another threshold (the event's parameter).
    expect(impact.body).toMatchObject({
      activeVersion: 1,
      compared: 4,
      changed: 4,
      byTransition: { '(none) → manual_review': 3, 'manual_review → manual_review (threshold)': 1 },
    });
    expect(impact.body.examples).toHaveLength(4);
    // The latest are found without a search through every record (latest-decisions.ts): two decided on another
    // instance are the newest, and an impact of two asked there compares exactly those.
    const other = await startAnotherInstance(t);
    try {
      const newest = [];
      for (const subtotal of [600, 700]) {
        const decided = await other.http
          .post('/api/v1/rulesets/eval-demo/evaluate')
          .set('x-api-key', erpKey)
          .send({ facts: facts(subtotal) });
        newest.push(decided.body.evaluationId as string);
      }
      await t.app.get(LatestDecisions).flush();
      await other.app.get(LatestDecisions).flush();
      const latestTwo = (body: { examples: { evaluationId: string }[] }) =>
        body.examples.map((e) => e.evaluationId).sort();
      // What the instance asks the database meanwhile: no search of the decisions by version (watched, not replaced).
      const finds = jest.spyOn(Collection.prototype, 'find');
      const there = await as(other, cast.analyst).post(`/api/v1/rulesets/eval-demo/versions/${draft}/impact`, {
        limit: 2,
      });
      const searches = finds.mock.calls.filter(
        ([filter], i) =>
          'checksum' in (filter as object) &&
          isDecisionCollection((finds.mock.contexts[i] as Collection).collectionName),
      );
      finds.mockRestore();
      expect([there.body.compared, latestTwo(there.body), searches]).toEqual([2, [...newest].sort(), []]);
      // One more decided here and not written yet: this instance counts it among the latest at once.
      const unwritten = (await evaluate({ facts: facts(600) })).body.evaluationId as string;
      const here = await analyst.post(`/api/v1/rulesets/eval-demo/versions/${draft}/impact`, { limit: 2 });
      expect(latestTwo(here.body)).toEqual([newest[1]!, unwritten].sort());
      // Records stored before versions kept samples are found by searching them: the same ones.
      await t.app.get(LatestDecisions).flush();
      await t.db.collection('decision_samples').deleteMany({});
      const searched = await analyst.post(`/api/v1/rulesets/eval-demo/versions/${draft}/impact`, { limit: 2 });
      expect([searched.body.compared, latestTwo(searched.body)]).toEqual([2, [newest[1]!, unwritten].sort()]);
    } finally {
      await other.close();
    }
    // A rule set with nothing in force has nothing to compare with: said at the key, and nothing is replayed.
    expect((await analyst.post('/api/v1/rulesets', { ...enrolmentLike(10000), key: 'eval-unpublished' })).status).toBe(
      201,
    );
    const nothing = await analyst.post('/api/v1/rulesets/eval-unpublished/versions/1/impact', {});
    expect([nothing.status, nothing.body.details]).toEqual([
      404,
      [{ path: '/key', message: 'has no version in force to compare with' }],
    ]);
    // Evaluating it says the same, at the same place.
    const undecided = await analyst.post('/api/v1/rulesets/eval-unpublished/evaluate', { facts: {} });
    expect([undecided.status, undecided.body.details]).toEqual([
      404,
      [
        {
          path: '/key',
          message: 'nothing is published yet',
          keyword: 'notInForce',
          params: { reason: 'nothing_published' },
        },
      ],
    ]);
  });

  it('counts among the latest decisions the ones an instance stored just before it stopped', async () => {
    const draft = (await analyst.get('/api/v1/rulesets/eval-demo')).body.draftVersion;
    await evaluate({ facts: facts(600) });
    await t.app.get(LatestDecisions).flush(); // this instance's sample exists: impact reads samples, not a search
    const other = await startAnotherInstance(t);
    let last: string;
    try {
      const decided = await other.http
        .post('/api/v1/rulesets/eval-demo/evaluate')
        .set('x-api-key', erpKey)
        .send({ facts: facts(700) });
      expect(decided.body.logged).toBe(true);
      last = decided.body.evaluationId as string;
    } finally {
      await other.close(); // before its samples' timer (every 5 s) wrote the id: stopping writes it
    }
    const impact = await analyst.post(`/api/v1/rulesets/eval-demo/versions/${draft}/impact`, { limit: 1 });
    expect([
      impact.status,
      impact.body.compared,
      impact.body.examples.map((e: { evaluationId: string }) => e.evaluationId),
    ]).toEqual([200, 1, [last]]);
  });

  it('reads only the samples that can hold the latest decisions, however many restarts left one', async () => {
    const draft = (await analyst.get('/api/v1/rulesets/eval-demo')).body.draftVersion;
    const latest = (await evaluate({ facts: facts(800) })).body.evaluationId as string;
    await t.app.get(LatestDecisions).flush();
    const { checksum } = (await decisionCollection(t.db, latest).findOne({ _id: latest } as never))!;
    // Each restart leaves a sample per version until retention: thirty instances that stopped long ago.
    const gone = Array.from({ length: 30 }, (_, i) => ({
      _id: `${checksum}/instance-arretee-${i}`,
      newest: `00000000-0000-7000-8000-0000000000${String(i).padStart(2, '0')}`,
    }));
    await t.db
      .collection('decision_sample_ids')
      .insertMany(gone.map(({ _id, newest }) => ({ _id, ids: newest })) as never[]);
    await t.db
      .collection('decision_samples')
      .insertMany(gone.map(({ _id, newest }) => ({ _id, checksum, at: new Date(), newest })) as never[]);
    const reads = jest.spyOn(t.app.get(DecisionSamplesRepository), 'get');
    try {
      const impact = await analyst.post(`/api/v1/rulesets/eval-demo/versions/${draft}/impact`, { limit: 1 });
      const planted = reads.mock.calls.map(([id]) => id).filter((id) => id.includes('instance-arretee'));
      expect([impact.body.examples.map((e: { evaluationId: string }) => e.evaluationId), planted]).toEqual([
        [latest],
        [],
      ]);
    } finally {
      reads.mockRestore();
      const planted = { _id: { $in: gone.map(({ _id }) => _id) } } as never;
      await t.db.collection('decision_samples').deleteMany(planted);
      await t.db.collection('decision_sample_ids').deleteMany(planted);
    }
  });

  it('keeps the latest ids in segments another instance reads newest first, a full segment written once', async () => {
    const draft = (await analyst.get('/api/v1/rulesets/eval-demo')).body.draftVersion;
    const other = await startAnotherInstance(t);
    try {
      const decided: string[] = [];
      for (let request = 0; request < 4; request++) {
        const batch = await other.http
          .post('/api/v1/rulesets/eval-demo/evaluate/batch')
          .set('x-api-key', erpKey)
          .send({ items: Array.from({ length: 100 }, () => ({ facts: facts(700) })) });
        expect(batch.body.results.every((r: { logged: boolean }) => r.logged)).toBe(true);
        decided.push(...batch.body.results.map((r: { evaluationId: string }) => r.evaluationId));
      }
      await other.app.get(LatestDecisions).flush();
      const { checksum } = (await decisionCollection(t.db, decided[0]!).findOne({ _id: decided[0] } as never))!;
      const { instance } = other.app.get(LatestDecisions) as unknown as { instance: string };
      const listing = await t.db.collection('decision_samples').findOne({ _id: `${checksum}/${instance}` } as never);
      // 400 ids: a full segment of 250 and a head of 150, each listed with its newest id.
      const segments = (listing!.segments as string).split(',').map((s) => s.split(':')[0]);
      const stored = await Promise.all(
        segments.map(async (seq) => {
          const doc = await t.db.collection('decision_sample_ids').findOne({ _id: `${listing!._id}/${seq}` } as never);
          return (doc!.ids as string).split(',').length;
        }),
      );
      expect(stored).toEqual([250, 150]);
      // This instance reads the other's segments: the newest 300, from the head and the segment before it (the
      // examples are the first 20 of them, newest first).
      const impact = await analyst.post(`/api/v1/rulesets/eval-demo/versions/${draft}/impact`, { limit: 300 });
      const examples = impact.body.examples.map((e: { evaluationId: string }) => e.evaluationId);
      expect([impact.body.compared, examples]).toEqual([300, decided.sort().reverse().slice(0, 20)]);
    } finally {
      await other.close();
    }
  });

  it('replays masked facts in an impact analysis for readers without access, so a draft cannot spell out personal fields', async () => {
    for (const email of ['lea.roy@fournisseur.ca', 'max.cote@fournisseur.ca', 'lucie.b@fournisseur.ca'])
      await evaluate({ facts: facts(100, email) });
    const current = await analyst.get('/api/v1/rulesets/eval-demo');
    const probe = enrolmentLike(10000).definition;
    probe.rules.push({
      name: 'sonde',
      priority: 1,
      conditions: { all: [{ fact: 'supplier', path: '$.contactEmail', operator: 'matches', value: '^l' }] },
      event: { type: 'initiale_l' },
    } as never);
    const edited = await analyst.put(
      '/api/v1/rulesets/eval-demo/draft',
      { definition: probe },
      current.headers['etag'],
    );
    const draft = edited.body.draftVersion as number;
    const forAnalyst = await analyst.post(`/api/v1/rulesets/eval-demo/versions/${draft}/impact`, { limit: 3 });
    expect(forAnalyst.status).toBe(200);
    expect(forAnalyst.body).toMatchObject({ compared: 3, changed: 0, maskedFacts: true });
    const forRisk = await as(t, cast.risk).post(`/api/v1/rulesets/eval-demo/versions/${draft}/impact`, { limit: 3 });
    expect(forRisk.body).toMatchObject({ compared: 3, changed: 2, byTransition: { '(none) → initiale_l': 2 } });
  });

  it('runs test cases, and publishing a version with tests requires a passing run of it', async () => {
    const current = await analyst.get('/api/v1/rulesets/eval-demo');
    const tests = [
      { name: 'petite facture', facts: facts(100), expectedEvents: [] },
      { name: 'grosse facture', facts: facts(900), expectedEvents: ['manual_review'] },
    ];
    const draft = await analyst.put(
      '/api/v1/rulesets/eval-demo/draft',
      { definition: enrolmentLike(800).definition, tests },
      current.headers['etag'],
    );
    const n = draft.body.draftVersion;
    const run = await analyst.post(`/api/v1/rulesets/eval-demo/versions/${n}/test`);
    expect(run.body).toMatchObject({
      passed: 2,
      failed: 0,
      cases: [
        { name: 'petite facture', passed: true },
        { name: 'grosse facture', passed: true, actual: ['manual_review'] },
      ],
    });
    await analyst.post(`/api/v1/rulesets/eval-demo/versions/${n}/submit`);
    await approver.post(`/api/v1/rulesets/eval-demo/versions/${n}/approve`);
    expect((await approver.post(`/api/v1/rulesets/eval-demo/versions/${n}/publish`)).status).toBe(200);

    const next = await analyst.put(
      '/api/v1/rulesets/eval-demo/draft',
      { definition: enrolmentLike(5000).definition },
      (await analyst.get('/api/v1/rulesets/eval-demo')).headers['etag'],
    );
    const m = next.body.draftVersion;
    const failing = await analyst.post(`/api/v1/rulesets/eval-demo/versions/${m}/test`);
    expect(failing.body).toMatchObject({
      passed: 1,
      failed: 1,
      cases: [{ passed: true }, { name: 'grosse facture', passed: false, expected: ['manual_review'], actual: [] }],
    });
    await analyst.post(`/api/v1/rulesets/eval-demo/versions/${m}/submit`);
    await approver.post(`/api/v1/rulesets/eval-demo/versions/${m}/approve`);
    const refused = await approver.post(`/api/v1/rulesets/eval-demo/versions/${m}/publish`);
    expect(refused.status).toBe(409);
    // The tests ran on this content and one failed: the refusal says so, not "run them first".
    expect(refused.body.error).toBe('tests_failed');
    expect(refused.body.message).toMatch(/^1 of version \d+'s test cases fail/);
  });

  it('judges by the version in force at asOf, and a scheduled version takes over on its date', async () => {
    const now = await evaluate({ facts: facts(1000) });
    const before = now.body.version as number;
    const from = new Date(Date.now() + 7 * 86400_000).toISOString();
    const scheduled = await publishNext(20000, { effectiveFrom: from });
    expect((await evaluate({ facts: facts(1000) })).body.version).toBe(before);
    // Asked for by number, it does not decide for callers before its date either.
    const early = await evaluate({ facts: facts(1000), version: scheduled });
    expect([early.status, early.body.error, early.body.details]).toEqual([
      403,
      'unpublished_version',
      [{ path: '/version', message: `takes effect on ${from}` }],
    ]);
    const later = await evaluate({ facts: facts(1000), asOf: new Date(Date.now() + 8 * 86400_000).toISOString() });
    expect(later.body).toMatchObject({ version: scheduled, events: [] });
    const past = await evaluate({ facts: facts(9000), asOf: new Date(Date.now() - 365 * 86400_000).toISOString() });
    expect(past.status).toBe(404);
    // Said apart from an unknown rule set: the date is the question.
    expect(past.body.details).toEqual([
      expect.objectContaining({
        path: '/asOf',
        message: expect.stringMatching(/^is before the first version took effect/),
        keyword: 'notInForce',
        params: { reason: 'before_first', firstEffectiveFrom: expect.stringMatching(/^\d{4}-/) },
      }),
    ]);
    // A leap second is RFC 3339 but no instant a Date holds: it was taken for now.
    const leap = await evaluate({ facts: facts(1000), asOf: '2030-06-30T23:59:60Z' });
    expect(leap.status).toBe(400);
    expect(leap.body.details).toEqual([expect.objectContaining({ path: '/asOf' })]);
    // Withdrawn before its date, it never takes over; publishing now is no longer refused for it.
    const withdrawn = await approver.post(`/api/v1/rulesets/eval-demo/versions/${scheduled}/unschedule`, {
      comment: 'Seuil à revoir',
    });
    expect(withdrawn.status).toBe(200);
    const afterAll = await evaluate({ facts: facts(1000), asOf: new Date(Date.now() + 8 * 86400_000).toISOString() });
    expect(afterAll.body.version).toBe(before);
  });

  it('notices a publication made on another instance within seconds', async () => {
    const other = await startAnotherInstance(t);
    try {
      const ask = () =>
        other.http
          .post('/api/v1/rulesets/eval-demo/evaluate')
          .set('x-api-key', erpKey)
          .send({ facts: facts(1000) });
      const first = (await ask()).body.version as number;
      const published = await publishNext(100);
      let seen = first;
      for (let i = 0; i < 50 && seen !== published; i++) {
        await sleep(200);
        seen = (await ask()).body.version;
      }
      expect(seen).toBe(published);
    } finally {
      await other.close();
    }
  });

  it('keeps 100 concurrent evaluations correct', async () => {
    const subtotals = Array.from({ length: 100 }, (_, i) => i * 7);
    const responses = await Promise.all(subtotals.map((s) => evaluate({ facts: facts(s) })));
    const expected = subtotals.map((s) =>
      Math.round((s + Math.round(s * 5) / 100 + Math.round(s * 9.975) / 100) * 100) / 100 > 100
        ? ['manual_review']
        : [],
    );
    expect(responses.map((r) => r.body.events.map((e: { type: string }) => e.type))).toEqual(expected);
  });

  it('deletes decision records older than the retention period', async () => {
    await t.db
      .collection('decisions')
      .insertOne({ _id: 'old-decision', ruleset: 'eval-demo', at: new Date(Date.now() - 91 * 86400_000) } as never);
    const deleted = await t.app.get(DecisionRetention).purge();
    expect(deleted.records).toBe(1);
    expect(await countDecisions(t.db, { _id: 'old-decision' } as never)).toBe(0);
    expect(await countDecisions(t.db)).toBeGreaterThan(10); // the recent ones, in their day's collection
  });

  it('deletes the shadow examples past the retention period with the records: they hold a person’s facts', async () => {
    const examples = t.db.collection('shadow_examples');
    const example = (id: string, daysAgo: number) => ({
      _id: id,
      run: 'run-retention',
      ruleset: 'eval-demo',
      evaluationId: id,
      before: 'a',
      after: 'b',
      rulesOnlyBefore: [],
      rulesOnlyAfter: [],
      factsJson: '{"employee":{"name":"Personne test"}}',
      at: new Date(Date.now() - daysAgo * 86400_000),
    });
    await examples.insertMany([example('ex-old', 91), example('ex-recent', 1)] as never[]);
    await t.app.get(DecisionRetention).purge();
    expect(await examples.distinct('_id', { run: 'run-retention' })).toEqual(['ex-recent']);
  });

  it('deletes a large backlog of old records in chunks, keeping the recent ones', async () => {
    const decisions = t.db.collection('decisions');
    const recent = await decisions.countDocuments();
    const day = 86400_000;
    await decisions.insertMany(
      Array.from({ length: 1_201 }, (_, i) => ({
        _id: `backlog-${i}`,
        ruleset: 'eval-demo',
        at: new Date(Date.now() - (91 + (i % 30)) * day),
      })) as never[],
    );
    await decisions.insertOne({
      _id: 'young-enough',
      ruleset: 'eval-demo',
      at: new Date(Date.now() - 89 * day),
    } as never);
    const retention = t.app.get(DecisionRetention);
    const [first, second] = await Promise.all([retention.purge(), retention.purge()]);
    expect(first.records).toBe(1_201);
    expect(second).toBe(first); // the same purge, not a second one racing it
    expect(await decisions.countDocuments({ _id: /^backlog-/ } as never)).toBe(0);
    expect(await decisions.countDocuments()).toBe(recent + 1);
  });

  it('stops a purge between chunks when the service shuts down, and the next purge goes on', async () => {
    const decisions = t.db.collection('decisions');
    await decisions.insertMany(
      Array.from({ length: 1_100 }, (_, i) => ({
        _id: `halted-${i}`,
        ruleset: 'eval-demo',
        at: new Date(Date.now() - 100 * 86400_000),
      })) as never[],
    );
    const stopping = new DecisionRetention(
      t.config,
      t.app.get(DecisionsRepository),
      t.app.get(ShadowTalliesRepository),
    );
    const purging = stopping.purge();
    await stopping.onApplicationShutdown(); // before the first chunk of 500 is stored
    expect((await purging).records).toBe(500);
    expect(await decisions.countDocuments({ _id: /^halted-/ } as never)).toBe(600);
    expect((await t.app.get(DecisionRetention).purge()).records).toBe(600);
  });
});
