import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { errorBodySchema } from '../src/common/errors/error-body.js';
import { as, invoiceRuleset, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { countDecisions } from './support/decision-records.js';

const isErrorBody = new Ajv({ strict: false }).compile(errorBodySchema);
const leaf = { fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 1 };
const withRules = (key: string, rules: object[]) => ({ ...invoiceRuleset(key), definition: { rules } });
const rule = (over: object = {}) => ({ name: 'r', conditions: { all: [leaf] }, event: { type: 'reject' }, ...over });

/** Every input a hostile or careless caller can send gets a 4xx with the error body, and changes nothing. */
describe('hostile inputs', () => {
  let t: TestApp;
  let analyst: ReturnType<typeof as>;
  let etag: string;
  let erpKey: string;
  beforeAll(async () => {
    t = await startTestApp('hostile_inputs', { BODY_LIMIT_BYTES: String(8 * 1024 * 1024) });
    const cast = await signInCast(t);
    analyst = as(t, cast.analyst);
    etag = (await analyst.post('/api/v1/rulesets', invoiceRuleset('target'))).headers['etag'] as string;
    erpKey = (await as(t, cast.admin).post('/api/v1/api-keys', { name: 'erp', scopes: ['evaluate:*'] })).body.key;
    await analyst.post('/api/v1/rulesets/target/versions/1/submit');
    await as(t, cast.approver).post('/api/v1/rulesets/target/versions/1/approve');
    await as(t, cast.approver).post('/api/v1/rulesets/target/versions/1/publish');
  });
  afterAll(() => t.close());

  async function stored(): Promise<string> {
    const collections = ['rulesets', 'ruleset_contents', 'ruleset_revisions', 'audit_events', 'prompts'];
    const counts = await Promise.all(collections.map((c) => t.db.collection(c).countDocuments()));
    counts.push(await countDecisions(t.db));
    const target = await t.db.collection('rulesets').findOne({ _id: 'target' } as never);
    return JSON.stringify({ counts, target });
  }

  const raw = (path: string, body: string, headers: Record<string, string> = {}) => {
    let request = analyst.post(path).set('content-type', 'application/json');
    for (const [name, value] of Object.entries(headers)) request = request.set(name, value);
    return request.send(body);
  };
  const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const longKey = 'k'.repeat(10_000);

  type Send = () => PromiseLike<{ status: number; body: { error: string; details: { path: string }[] } }>;
  const cases: [string, Send, RegExp][] = [
    [
      '50 000 rules',
      () =>
        analyst.post(
          '/api/v1/rulesets',
          withRules(
            'many',
            Array.from({ length: 50_000 }, (_, i) => rule({ name: `r${i}` })),
          ),
        ) as never,
      /^4(00|13)$/,
    ],
    [
      'a rule with 10 000 children',
      () =>
        analyst.post(
          '/api/v1/rulesets',
          withRules('wide', [rule({ conditions: { all: Array.from({ length: 10_000 }, () => leaf) } })]),
        ) as never,
      /^4(00|13)$/,
    ],
    [
      '3 000-deep nesting',
      () => raw('/api/v1/rulesets', `{"key":"deep","definition":${deepJson(3000)}}`) as never,
      /^400$/,
    ],
    [
      'a key of 10 000 characters',
      () =>
        analyst.post(
          '/api/v1/rulesets',
          withRules('long-key', [rule({ event: { type: 'reject', params: { [longKey]: 1 } } })]),
        ) as never,
      /^400$/,
    ],
    [
      'a key with a NUL byte',
      () =>
        raw(
          '/api/v1/rulesets',
          JSON.stringify(withRules('nul-key', [rule()]))
            .replace('"params"', '"par\\u0000ams"')
            .replace('"event":{', '"event":{"a\\u0000b":1,'),
        ) as never,
      /^400$/,
    ],
    [
      'facts with a key of 10 000 characters',
      () =>
        t.http
          .post('/api/v1/rulesets/target/evaluate')
          .set('x-api-key', erpKey)
          .send({ facts: { invoice: { total: 5 }, [longKey]: 1 } }) as never,
      /^400$/,
    ],
    [
      'a 5 MB body',
      () =>
        analyst.post('/api/v1/rulesets', {
          ...withRules('five-mb', [rule()]),
          description: 'x'.repeat(5 * 1024 * 1024),
        }) as never,
      /^4(00|13)$/,
    ],
    [
      '1e309 as a fact',
      () =>
        t.http
          .post('/api/v1/rulesets/target/evaluate')
          .set('x-api-key', erpKey)
          .set('content-type', 'application/json')
          .send('{"facts":{"invoice":{"total":1e309}}}') as never,
      /^400$/,
    ],
    [
      '1e309 as a rule value',
      () =>
        raw(
          '/api/v1/rulesets',
          JSON.stringify(withRules('inf', [rule()])).replace('"value":1', '"value":1e309'),
        ) as never,
      /^400$/,
    ],
    [
      'a lone surrogate in a name',
      () =>
        raw(
          '/api/v1/rulesets',
          JSON.stringify(invoiceRuleset('surrogate')).replace('"Factures', '"\\ud800Factures'),
        ) as never,
      /^400$/,
    ],
    [
      'a lone surrogate in a fact',
      () =>
        t.http
          .post('/api/v1/rulesets/target/evaluate')
          .set('x-api-key', erpKey)
          .set('content-type', 'application/json')
          .send('{"facts":{"invoice":{"total":1,"note":"\\udc00"}}}') as never,
      /^400$/,
    ],
    [
      'a remote $ref in the input schema',
      () =>
        analyst.post('/api/v1/rulesets', {
          ...invoiceRuleset('remote-ref'),
          inputSchema: { type: 'object', properties: { a: { $ref: 'https://evil.example/schema.json' } } },
        }) as never,
      /^400$/,
    ],
    [
      'a $ref pointing at itself',
      () =>
        analyst.post('/api/v1/rulesets', {
          ...invoiceRuleset('self-ref'),
          inputSchema: { type: 'object', properties: { a: { $ref: '#/properties/a' } } },
        }) as never,
      /^400$/,
    ],
    [
      'a JSONPath script filter',
      () =>
        analyst.post(
          '/api/v1/rulesets',
          withRules('script', [
            rule({ conditions: { all: [{ ...leaf, path: "$..[?(@.constructor.constructor('return process')())]" }] } }),
          ]),
        ) as never,
      /^400$/,
    ],
    [
      'a JSONPath filter expression',
      () =>
        analyst.post(
          '/api/v1/rulesets',
          withRules('filter', [rule({ conditions: { all: [{ ...leaf, path: '$.lines[?(@.qty > 1)]' }] } })]),
        ) as never,
      /^400$/,
    ],
    [
      'a partial in an explanation',
      () =>
        analyst.post(
          '/api/v1/rulesets',
          withRules('partial', [rule({ explanation: { fr: 'Voir {{> secret}}', en: 'x' } })]),
        ) as never,
      /^400$/,
    ],
    [
      'a lookup helper in an explanation',
      () =>
        analyst.post(
          '/api/v1/rulesets',
          withRules('lookup', [rule({ explanation: { fr: '{{lookup this "constructor"}}', en: 'x' } })]),
        ) as never,
      /^400$/,
    ],
    [
      'a log helper in an explanation',
      () =>
        analyst.post(
          '/api/v1/rulesets',
          withRules('log', [rule({ explanation: { fr: '{{log invoice}}', en: 'x' } })]),
        ) as never,
      /^400$/,
    ],
    [
      'a partial in a prompt template',
      () =>
        analyst.post('/api/v1/prompts', {
          key: 'hostile',
          name: 'x',
          pilot: 'chatbot',
          locale: 'fr',
          template: '{{> secret}}',
          model: 'claude-sonnet-4-6',
          maxTokens: 64,
          variablesSchema: { type: 'object' },
        }) as never,
      /^400$/,
    ],
    [
      'a key of 300 characters in the URL (Zalgo text: combining marks)',
      () =>
        analyst.post(`/api/v1/rulesets/${encodeURIComponent('Z\u0351\u0300'.repeat(100))}/versions/1/submit`) as never,
      /^404$/,
    ],
    [
      'a URL whose percent-escape is not UTF-8 text (a lone surrogate)',
      () => analyst.get('/api/v1/rulesets/%ED%A0%80') as never,
      /^400$/,
    ],
    [
      'a key of 5 000 characters in the URL, past the router’s limit',
      async () => {
        const response = await analyst.get(`/api/v1/rulesets/${'k'.repeat(5000)}`);
        // Said in the error body, without the URL echoed back.
        expect([response.body.error, response.body.details[0]?.path]).toEqual(['uri_too_long', '/url']);
        expect(JSON.stringify(response.body)).not.toContain('k'.repeat(100));
        return response as never;
      },
      /^414$/,
    ],
    [
      'a URL larger than the header limit',
      () => analyst.get(`/api/v1/rulesets/${'a'.repeat(100_000)}`) as never,
      /^431$/,
    ],
    ['a version that is not a number', () => analyst.get('/api/v1/rulesets/target/versions/abc') as never, /^404$/],
    [
      'a version that is not a number, for its analysis',
      () => analyst.get('/api/v1/rulesets/target/versions/01/analysis') as never,
      /^404$/,
    ],
    [
      'a version number past any integer',
      () => analyst.get('/api/v1/rulesets/target/versions/99999999999999999999') as never,
      /^404$/,
    ],
    [
      'If-Match: *',
      () =>
        analyst.put('/api/v1/rulesets/target/draft', { definition: withRules('x', [rule()]).definition }, '*') as never,
      /^400$/,
    ],
    [
      'a weak If-Match tag',
      () =>
        analyst.put(
          '/api/v1/rulesets/target/draft',
          { definition: withRules('x', [rule()]).definition },
          'W/"x"',
        ) as never,
      /^412$/,
    ],
  ];

  it.each(cases.map(([name, send, status]) => ({ name, send, status })))(
    'refuses $name with a 4xx and changes nothing',
    async ({ send, status }) => {
      const before = await stored();
      const response = await send();
      expect(String(response.status)).toMatch(status);
      expect(isErrorBody(response.body)).toBe(true);
      expect(await stored()).toBe(before);
    },
  );

  it('refuses an operator stacking more than six decorators at save, naming it briefly; six are taken', async () => {
    const withOperator = (key: string, operator: string) =>
      withRules(key, [rule({ conditions: { all: [{ ...leaf, operator }] } })]);
    // 40 000 `not:` were saved, then held the service 16 s compiling the version at its first evaluation.
    const long = await analyst.post('/api/v1/rulesets', withOperator('nots', `${'not:'.repeat(40_000)}equal`));
    expect(long.status).toBe(400);
    expect(long.body.details).toEqual([
      {
        path: '/definition/rules/0/conditions/all/0/operator',
        message: 'stacks 40000 decorators; at most 6 may be stacked',
        keyword: 'maxDecorators',
        params: { limit: 6, count: 40_000 },
      },
    ]);
    expect(JSON.stringify(long.body).length).toBeLessThan(1_000);
    const seven = await analyst.post('/api/v1/rulesets', withOperator('seven', 'not:swap:not:swap:not:swap:not:equal'));
    expect([seven.status, seven.body.details?.[0]?.keyword]).toEqual([400, 'maxDecorators']);
    const unknown = await analyst.post('/api/v1/rulesets', withOperator('unknown', `${'x'.repeat(5_000)}`));
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].message).toMatch(/^"x{80}…" is not a known operator/);
    const six = await analyst.post('/api/v1/rulesets', withOperator('six', 'not:swap:not:swap:not:swap:greaterThan'));
    expect(six.status).toBe(201);
  });

  it('explains a decision whose fact is an object with a toString member (it answered 500)', async () => {
    const explained = withRules('tostring', [
      rule({ event: { type: 'reject' }, explanation: { fr: 'Note : {{invoice.note}}', en: 'Note: {{invoice.note}}' } }),
    ]);
    expect((await analyst.post('/api/v1/rulesets', explained)).status).toBe(201);
    const facts = { invoice: { total: 5, note: JSON.parse('{"toString": "a", "valueOf": 1}') } };
    const decided = await analyst.post('/api/v1/rulesets/tostring/evaluate', { facts, version: 1, explain: true });
    expect([decided.status, decided.body.events]).toEqual([200, [{ type: 'reject' }]]);
    expect(JSON.stringify(decided.body)).toContain('[object Object]');
  });

  it('names the fact when facts have an empty name, or a value an operator cannot compare', async () => {
    const evaluate = (body: object) =>
      t.http.post('/api/v1/rulesets/target/evaluate').set('x-api-key', erpKey).send(body);
    const before = await stored();
    const unnamed = await evaluate({ facts: { invoice: { total: 5 }, '': 3 } });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.details).toEqual([{ path: '/facts/', message: 'a fact needs a name' }]);
    const batch = await t.http
      .post('/api/v1/rulesets/target/evaluate/batch')
      .set('x-api-key', erpKey)
      .send({ items: [{ facts: { invoice: { total: 5 } } }, { facts: { invoice: { total: 5 }, '': 3 } }] });
    expect(batch.status).toBe(400);
    expect(batch.body.details.map((d: { path: string }) => d.path)).toEqual(['/items/1/facts/']);

    // `swap:in` looks the constant up in the fact: a number has no indexOf.
    const swapped = { ...leaf, operator: 'swap:in', value: [1] };
    await analyst.post('/api/v1/rulesets', withRules('swapped', [rule({ conditions: { all: [swapped] } })]));
    const failed = await analyst.post('/api/v1/rulesets/swapped/evaluate', {
      version: 1,
      facts: { invoice: { total: 5 } },
    });
    expect(failed.status).toBe(400);
    expect(failed.body.error).toBe('operator_failed');
    expect(failed.body.details).toEqual([
      { path: '/facts/invoice', message: expect.stringContaining('the operator "swap:in" can compare') },
    ]);
    // Compared with another fact, `in` finds no list in it: that fact is named too, not the first one alone.
    const listed = { fact: 'status', operator: 'in', value: { fact: 'allowed' } };
    await analyst.post('/api/v1/rulesets', withRules('listed', [rule({ conditions: { all: [listed] } })]));
    const notAList = await analyst.post('/api/v1/rulesets/listed/evaluate', {
      version: 1,
      facts: { status: 'x', allowed: 5 },
    });
    expect(notAList.status).toBe(400);
    expect(notAList.body.error).toBe('operator_failed');
    expect(notAList.body.details.map((d: { path: string }) => d.path)).toEqual(['/facts/status', '/facts/allowed']);
    // A computed fact is named by the facts it reads that were sent: the caller never sent « allowedList ».
    await analyst.post('/api/v1/rulesets', {
      ...withRules('listed-computed', [
        rule({ conditions: { all: [{ fact: 'status', operator: 'in', value: { fact: 'allowedList' } }] } }),
      ]),
      computedFacts: [{ name: 'allowedList', expression: 'allowed' }],
    });
    const computed = await analyst.post('/api/v1/rulesets/listed-computed/evaluate', {
      version: 1,
      facts: { status: 'x', allowed: 5 },
    });
    expect(computed.status).toBe(400);
    expect(computed.body.details).toEqual([
      { path: '/facts/status', message: expect.stringContaining('with the fact "allowedList"') },
      {
        path: '/facts/allowed',
        message: expect.stringMatching(/^gives the computed fact "allowedList", which is not/),
      },
    ]);
    // No decision was recorded for any of the three refusals.
    expect(await countDecisions(t.db)).toBe(JSON.parse(before).counts[5]);
  });

  it('refuses an integer too long to be read exactly rather than deciding on, or recording, another number', async () => {
    const refused = await t.http
      .post('/api/v1/rulesets/target/evaluate')
      .set('x-api-key', erpKey)
      .set('content-type', 'application/json')
      .send('{"facts":{"invoice":{"total":5,"supplierId":9007199254740993}}}');
    expect([refused.status, refused.body.error, refused.body.details]).toEqual([
      400,
      'unacceptable_value',
      [{ path: '/facts/invoice/supplierId', message: expect.stringContaining('send it as a string') }],
    ]);
  });

  it('refuses facts holding an object of more than 10 000 members before parsing them, naming where it is', async () => {
    const members = (n: number) => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    const evaluate = (extra: string) =>
      t.http
        .post('/api/v1/rulesets/target/evaluate')
        .set('x-api-key', erpKey)
        .set('content-type', 'application/json')
        .send(`{"facts":{"invoice":{"total":5},"extra":${extra}}}`);
    const refused = await evaluate(`[1,${members(10_001)}]`);
    expect([refused.status, refused.body.error, refused.body.details]).toEqual([
      400,
      'too_wide',
      [{ path: '/facts/extra/1', message: 'has more than 10000 members' }],
    ]);
    expect(isErrorBody(refused.body)).toBe(true);
    // As wide as the bound: parsed and decided.
    const decided = await evaluate(members(10_000));
    expect([decided.status, decided.body.events]).toEqual([200, []]);
  });

  it('names the first of 160 000 wrong items, and weighs schemas with 200 000 parts: never a 500', async () => {
    const cast = await signInCast(t);
    const lines = {
      ...invoiceRuleset('many-lines'),
      inputSchema: { type: 'object', properties: { lines: { type: 'array', items: { type: 'object' } } } },
    };
    expect((await analyst.post('/api/v1/rulesets', lines)).status).toBe(201);
    await analyst.post('/api/v1/rulesets/many-lines/versions/1/submit');
    await as(t, cast.approver).post('/api/v1/rulesets/many-lines/versions/1/approve');
    expect((await as(t, cast.approver).post('/api/v1/rulesets/many-lines/versions/1/publish')).status).toBe(200);
    const wrong = await t.http
      .post('/api/v1/rulesets/many-lines/evaluate')
      .set('x-api-key', erpKey)
      .send({ facts: { lines: Array(160_000).fill(0) } });
    // Past 10 000 values the facts are checked up to their first problem: listing all 160 000 took one call of
    // the event loop as long as there were problems (163 ms for 400 000).
    expect([wrong.status, wrong.body.error, wrong.body.details.length]).toEqual([400, 'validation_failed', 1]);
    expect(wrong.body.details[0]).toMatchObject({ path: '/facts/lines/0', keyword: 'type' });
    expect(wrong.body.details[0].message).toMatch(/first problem found/);
    // Fewer values: every problem, up to the error body's 100.
    const fewer = await t.http
      .post('/api/v1/rulesets/many-lines/evaluate')
      .set('x-api-key', erpKey)
      .send({ facts: { lines: Array(9_000).fill(0) } });
    expect([fewer.status, fewer.body.details.length]).toEqual([400, 100]);
    expect(fewer.body.details[99]).toMatchObject({ path: '/facts/lines/99', keyword: 'type' });

    // Spread as arguments, their parts had overflowed the stack while the schema's size was counted.
    const saved = [];
    for (const [i, inputSchema] of [
      { type: 'object', 'x-note': Array(200_000).fill(0) },
      { type: 'object', allOf: Array(200_000).fill(true) },
    ].entries()) {
      const answer = await analyst.post('/api/v1/rulesets', { ...invoiceRuleset(`many-parts-${i}`), inputSchema });
      saved.push([answer.status, answer.body.error, answer.body.details?.[0]?.path]);
    }
    expect(saved).toEqual([
      [201, undefined, undefined], // a long annotation is no subschema: within the size limit, it is kept
      [413, 'ruleset_too_large', '/inputSchema'],
    ]);
  });

  it('bounds the alternatives a schema makes the service try: too wide refused at save, too many values at /facts', async () => {
    const cast = await signInCast(t);
    const branches = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'integer', minimum: i, maximum: i }));
    const withItems = (key: string, n: number) => ({
      ...invoiceRuleset(key),
      inputSchema: {
        type: 'object',
        definitions: { v: { anyOf: branches(n) } },
        properties: { d: { type: 'array', items: { $ref: '#/definitions/v' } } },
      },
    });
    // 440 branches: 100 000 items held the service 13 s, with `contains` it ran out of memory and ended.
    const before = await stored();
    const wide = await analyst.post('/api/v1/rulesets', withItems('too-wide', 440));
    expect([wide.status, wide.body.error, wide.body.details]).toEqual([
      400,
      'validation_failed',
      [{ path: '/inputSchema/properties/d/items', message: expect.stringContaining('against 442 subschemas at once') }],
    ]);
    expect(await stored()).toEqual(before);
    // 61 branches (63 subschemas with the $ref and the anyOf): saved, and each caller's list bounded.
    expect((await analyst.post('/api/v1/rulesets', withItems('union', 61))).status).toBe(201);
    await analyst.post('/api/v1/rulesets/union/versions/1/submit');
    await as(t, cast.approver).post('/api/v1/rulesets/union/versions/1/approve');
    expect((await as(t, cast.approver).post('/api/v1/rulesets/union/versions/1/publish')).status).toBe(200);
    const decide = (d: number[]) =>
      t.http
        .post('/api/v1/rulesets/union/evaluate')
        .set('x-api-key', erpKey)
        .send({ facts: { invoice: { total: 5 }, d } });
    const refused = await decide(Array(100_000).fill(-1));
    expect([refused.status, refused.body.error, refused.body.details]).toEqual([
      400,
      'validation_failed',
      [expect.objectContaining({ path: '/facts', keyword: 'maxWork' })],
    ]);
    expect(refused.body.details[0].message).toMatch(/^holds more values than its schema can check in one request/);
    // 1 500 items (94 500 subschemas tried): checked, up to the first problem.
    const checked = await decide(Array(1_500).fill(-1));
    expect([checked.status, checked.body.details[0].path]).toEqual([400, '/facts/d/0']);
    const decided = await decide(Array(1_500).fill(60));
    expect([decided.status, decided.body.error]).toEqual([200, undefined]);
  });

  it('refuses a fact schema whose recursion meets the same value twice, which doubled validation per level', async () => {
    // Saved and published, this one made a 60-byte body nested 26 deep hold every caller up for 7.9 s.
    const inputSchema = {
      type: 'object',
      properties: { x: { $ref: '#/$defs/n' } },
      $defs: { n: { allOf: [{ items: { $ref: '#/$defs/n' } }, { items: { $ref: '#/$defs/n' } }] } },
    };
    const before = await stored();
    const refused = await analyst.post('/api/v1/rulesets', { ...invoiceRuleset('doubling'), inputSchema });
    expect([refused.status, refused.body.details?.[0]?.path]).toEqual([400, '/inputSchema/$defs/n/allOf/1/items/$ref']);
    expect(refused.body.details[0].message).toMatch(/double with each level/);
    expect(await stored()).toBe(before);
    // Referring back once per value, as a list of lists does, is kept.
    const lists = { ...inputSchema, $defs: { n: { type: 'array', items: { $ref: '#/$defs/n' } } } };
    expect(
      (await analyst.post('/api/v1/rulesets', { ...invoiceRuleset('nested-lists'), inputSchema: lists })).status,
    ).toBe(201);
  });

  it('stops a decorated operator that would compare a caller’s list with a rule’s past two million pairs: 400, no stall', async () => {
    const cast = await signInCast(t);
    const listed = Array.from({ length: 20_000 }, (_, i) => i + 1_000_000);
    const decorated = withRules('decorated', [
      rule({ conditions: { all: [{ fact: 'codes', operator: 'someFact:in', value: listed }] } }),
    ]);
    expect((await analyst.post('/api/v1/rulesets', decorated)).status).toBe(201);
    await analyst.post('/api/v1/rulesets/decorated/versions/1/submit');
    await as(t, cast.approver).post('/api/v1/rulesets/decorated/versions/1/approve');
    expect((await as(t, cast.approver).post('/api/v1/rulesets/decorated/versions/1/publish')).status).toBe(200);
    const evaluate = (n: number) =>
      t.http
        .post('/api/v1/rulesets/decorated/evaluate')
        .set('x-api-key', erpKey)
        .send({ facts: { codes: Array.from({ length: n }, (_, i) => i) } });
    // 100 000 codes against 20 000: two billion pairs, 1.9 s of a held event loop before.
    const refused = await evaluate(100_000);
    expect([refused.status, refused.body.error, refused.body.details[0]?.path]).toEqual([
      400,
      'operator_failed',
      '/facts/codes',
    ]);
    expect(refused.body.message).toMatch(/search more than 2000000 list members/);
    expect((await evaluate(40)).body.events).toEqual([]);
  });

  it('judges facts with keys named like methods against const, enum and uniqueItems: a 400, never a 500', async () => {
    const inputSchema = {
      type: 'object',
      properties: {
        invoice: { type: 'object' },
        terms: { const: { days: 30 } },
        kind: { enum: [{ a: 1 }, 'x'] },
        lines: { type: 'array', maxItems: 5, uniqueItems: true },
      },
    };
    const created = await analyst.post('/api/v1/rulesets', { ...withRules('methods', [rule()]), inputSchema });
    expect(created.status).toBe(201);
    const evaluate = (facts: object) => analyst.post('/api/v1/rulesets/methods/evaluate', { version: 1, facts });
    const refused = await evaluate({
      invoice: { total: 5 },
      terms: { valueOf: null },
      kind: { toString: null },
      lines: [{ valueOf: null }, { valueOf: null }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      '/facts/kind',
      '/facts/lines',
      '/facts/terms',
    ]);
    const accepted = await evaluate({ invoice: { total: 5 }, terms: { days: 30 }, kind: { a: 1 }, lines: [{ a: 1 }] });
    expect(accepted.status).toBe(200);
  });

  it('refuses a megabyte URL fact that is no URL (400 naming the fact) and decides on a long valid one', async () => {
    const inputSchema = {
      type: 'object',
      properties: { invoice: { type: 'object' }, link: { type: 'string', format: 'url' } },
    };
    const created = await analyst.post('/api/v1/rulesets', { ...withRules('links', [rule()]), inputSchema });
    expect(created.status).toBe(201);
    const evaluate = (link: string) =>
      analyst.post('/api/v1/rulesets/links/evaluate', { version: 1, facts: { invoice: { total: 5 }, link } });
    // ajv-formats' own expression took 70 s on 300 000 such colons, holding every other request.
    const refused = await evaluate(`http://${':'.repeat(1_000_000)}`);
    expect([refused.status, refused.body.details?.[0]?.path]).toEqual([400, '/facts/link']);
    const decided = await evaluate(`https://exemple.québec/${'a'.repeat(1_000_000)}`);
    expect(decided.status).toBe(200);
  });

  it('stops explanations that would render without bound on a caller’s list, with 400 render_limit', async () => {
    const cube = '{{#each lines}}{{#each @root.lines}}{{#each @root.lines}}x{{/each}}{{/each}}{{/each}}';
    const explained = rule({ explanation: { fr: cube, en: 'x' } });
    const created = await analyst.post('/api/v1/rulesets', {
      ...withRules('cube', [explained]),
      inputSchema: { type: 'object', properties: { invoice: { type: 'object' }, lines: { type: 'array' } } },
    });
    expect(created.status).toBe(201);
    const facts = { invoice: { total: 5 }, lines: Array.from({ length: 100 }, (_, i) => i) };
    // A draft tried from the console keeps no record, so its explanation is rendered only when asked for.
    const response = await analyst.post('/api/v1/rulesets/cube/evaluate', { version: 1, facts, explain: true });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('render_limit');
    expect(response.body.details).toEqual([
      {
        path: '/facts',
        message: expect.stringMatching(/^an explanation (needs more work|took longer) than a render allows/),
        // The step budget, or on a busy machine the clock backstop, whichever comes first.
        params: { limit: expect.stringMatching(/^(steps|time)$/) },
      },
    ]);
    // A short list explains as written.
    const few = await analyst.post('/api/v1/rulesets/cube/evaluate', {
      version: 1,
      facts: { ...facts, lines: [1, 2] },
      explain: true,
    });
    expect(few.status).toBe(200);
    expect(few.body.explanation.fr).toContain('xxxxxxxx');
  });

  /** Published: a named condition of 100 leaves used 50 times, 5 000 conditions each reading the caller's list. */
  async function publishFanned(key: string) {
    const cast = await signInCast(t);
    const readsBig = { fact: 'big', operator: 'notEqual', value: [0] };
    const fanned = {
      ...invoiceRuleset(key),
      inputSchema: { type: 'object', properties: { invoice: { type: 'object' }, big: { type: 'array' } } },
      definition: {
        conditions: { n0: { all: Array.from({ length: 100 }, () => readsBig) } },
        rules: [rule({ conditions: { all: Array.from({ length: 50 }, () => ({ condition: 'n0' })) } })],
      },
    };
    expect((await analyst.post('/api/v1/rulesets', fanned)).status).toBe(201);
    await analyst.post(`/api/v1/rulesets/${key}/versions/1/submit`);
    await as(t, cast.approver).post(`/api/v1/rulesets/${key}/versions/1/approve`);
    expect((await as(t, cast.approver).post(`/api/v1/rulesets/${key}/versions/1/publish`)).status).toBe(200);
    return cast;
  }

  it('keeps a large fact out of the traces of every condition that reads it: answer and record stay small', async () => {
    const cast = await publishFanned('fanned');
    const big = Array.from({ length: 2_000 }, (_, i) => i + 1);
    // Written out in full, its 2 000 numbers at each of the 5 000 conditions were 45 MB of answer, in one go.
    const decided = await t.http
      .post('/api/v1/rulesets/fanned/evaluate')
      .set('x-api-key', erpKey)
      .send({ facts: { invoice: { total: 5 }, big }, explain: true });
    expect(decided.status).toBe(200);
    expect(decided.text.length).toBeLessThan(2_000_000);
    // Written in turns (5 000 conditions shown), and sent as the route's JSON all the same.
    expect(decided.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(decided.headers['content-length'])).toBe(Buffer.byteLength(decided.text));
    expect(decided.body.logged).toBe(true);
    const conditions = decided.body.fired[0].conditions;
    expect(conditions).toHaveLength(5_000);
    expect(conditions[0]).toEqual({
      fact: 'big',
      operator: 'notEqual',
      value: [0],
      result: true,
      omitted: { factValue: { type: 'array', length: 2_000 } },
    });
    // The record keeps the facts once, and its traces say the same.
    const record = await as(t, cast.risk).get(`/api/v1/decisions/${decided.body.evaluationId}`);
    expect(record.status).toBe(200);
    expect(record.text.length).toBeLessThan(2_000_000);
    expect(record.body.facts.big).toEqual(big);
    expect(record.body.fired[0].conditions[4_999]).toEqual(conditions[4_999]);
    // A short list is traced as it was.
    const small = await t.http
      .post('/api/v1/rulesets/fanned/evaluate')
      .set('x-api-key', erpKey)
      .send({ facts: { invoice: { total: 5 }, big: [1, 2, 3] }, explain: true });
    expect(small.body.fired[0].conditions[0]).toEqual({
      fact: 'big',
      operator: 'notEqual',
      value: [0],
      factValue: [1, 2, 3],
      result: true,
    });
  });

  it('refuses a batch whose decisions would trace more than 100 000 conditions, keeping none of its records', async () => {
    await publishFanned('fanned-batch');
    const batch = (n: number) =>
      t.http
        .post('/api/v1/rulesets/fanned-batch/evaluate/batch')
        .set('x-api-key', erpKey)
        .send({
          items: Array.from({ length: n }, () => ({ facts: { invoice: { total: 5 }, big: [1] } })),
          explain: true,
        });
    const records = () => countDecisions(t.db, { ruleset: 'fanned-batch' });
    // 100 of them traced 500 000 conditions: with a larger fact, 236 MB of answer and seconds of a held loop.
    const refused = await batch(100);
    expect([refused.status, refused.body.error, refused.body.details]).toEqual([
      400,
      'traces_too_large',
      [
        {
          path: '/items/20',
          message: 'the decisions asked for trace more than 100000 conditions in all by this item',
          params: { limit: 100_000 },
        },
      ],
    ]);
    expect(await records()).toBe(0);
    // Twenty, 100 000 conditions, are decided and kept.
    const decided = await batch(20);
    expect(decided.status).toBe(200);
    expect(decided.body.results.every((r: { logged: boolean }) => r.logged)).toBe(true);
    expect(await records()).toBe(20);
  });

  it('stops a computed fact that shares one list hundreds of times, which is small in memory and huge written out', async () => {
    const list = (item: string, n: number) => `[${Array.from({ length: n }, () => item).join(', ')}]`;
    const shared = {
      ...invoiceRuleset('shared-lists'),
      computedFacts: [
        { name: 'a', expression: `cel.bind(x, "${'y'.repeat(100)}", ${list('x', 300)})` },
        { name: 'b', expression: list('a', 300) },
        { name: 'c', expression: list('b', 3) },
      ],
      definition: { rules: [rule({ conditions: { all: [{ fact: 'c', operator: 'notEqual', value: 0 }] } })] },
    };
    expect((await analyst.post('/api/v1/rulesets', shared)).status).toBe(201);
    // Built by reference for a few hundred steps, `c` is 27 MB of JSON in its trace: it was written out, 0.2 s.
    const refused = await analyst.post('/api/v1/rulesets/shared-lists/evaluate', {
      version: 1,
      facts: { invoice: { total: 5 } },
      explain: true,
    });
    expect([refused.status, refused.body.error, refused.body.details]).toEqual([
      400,
      'expression_limit',
      [{ path: '/computedFacts/2', message: '"c" exceeds the evaluation limit (steps)' }],
    ]);
  });

  it('still has the ETag it started with', () => {
    expect(etag).toMatch(/^"ruleset:target:/);
  });
});
