import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Words = { fr: string; en: string };
type Finding = { kind: string; severity: string; path: string; message: string; text: Words };
type Analysis = {
  findings: Finding[];
  checked: string[];
  checkedText: Words[];
  notChecked: { path: string; reason: string; text: Words }[];
};

/** A routing table with a planted shadowed row and a cell of the wrong type (`"1000"`, a string). */
const routing = {
  key: 'routing-analysed',
  name: 'Routage',
  pilot: 'invoices',
  format: 'decisionTable',
  inputSchema: {
    type: 'object',
    properties: { invoice: { type: 'object', properties: { total: { type: 'number', minimum: 0 } } } },
  },
  definition: {
    hitPolicy: 'first',
    inputs: [{ id: 'total', fact: 'invoice', path: '$.total' }],
    rows: [
      { id: 'big', cells: { total: { operator: 'greaterThanInclusive', value: 1000 } }, event: { type: 'review' } },
      { id: 'huge', cells: { total: { operator: 'greaterThan', value: 5000 } }, event: { type: 'escalate' } },
      { id: 'typo', cells: { total: { operator: 'lessThan', value: '1000' } }, event: { type: 'approve' } },
    ],
  },
};

describe('static analysis of a rule-set version over HTTP', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  beforeAll(async () => {
    t = await startTestApp('ruleset_analysis');
    cast = await signInCast(t);
    expect((await as(t, cast.analyst).post('/api/v1/rulesets', routing)).status).toBe(201);
  });
  afterAll(() => t.close());

  it('reports the shadowed row, the overlap and the type mismatch, with pointers into the content', async () => {
    const response = await as(t, cast.risk).get('/api/v1/rulesets/routing-analysed/versions/1/analysis');
    expect(response.status).toBe(200);
    const body = response.body as Analysis;
    const summary = body.findings.map((f) => [f.kind, f.severity, f.path]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['unreachable', 'warning', '/definition/rows/1'],
        ['overlap', 'warning', '/definition/rows/1'],
        ['type_mismatch', 'error', '/definition/rows/2/cells/total'],
      ]),
    );
    // Below 1000 only the mistyped cell could match: whether a gap is left there is not decided, and said so.
    expect(body.findings.filter((f) => f.kind === 'gap')).toEqual([]);
    expect(body.notChecked).toContainEqual(
      expect.objectContaining({ path: '/definition/rows', reason: expect.stringContaining('gaps') }),
    );
    expect(body.checked.length).toBeGreaterThan(0);
    // Each text in French and English, the English being the plain `message`, `reason` and `checked`.
    for (const f of body.findings) expect(f.text.en).toBe(f.message);
    for (const n of body.notChecked) expect(n.text.en).toBe(n.reason);
    expect(body.checkedText.map((c) => c.en)).toEqual(body.checked);
    const overlap = body.findings.find((f) => f.kind === 'overlap')!;
    expect(overlap.text.fr).toMatch(
      /^les lignes «\u00a0.+\u00a0» et «\u00a0.+\u00a0» peuvent correspondre à une même entrée\u202f; /,
    );
  });

  it('refuses to submit a version the analysis finds errors in, naming them, and changes nothing', async () => {
    const refused = await as(t, cast.analyst).post('/api/v1/rulesets/routing-analysed/versions/1/submit');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: 'analysis_errors',
      details: [{ path: '/definition/rows/2/cells/total', keyword: 'type_mismatch', message: expect.any(String) }],
    });
    const view = (await as(t, cast.analyst).get('/api/v1/rulesets/routing-analysed')).body;
    expect(view.versions).toEqual([expect.objectContaining({ number: 1, status: 'draft' })]);
    // Warnings (the shadowed row) do not block: once the cell is a number, the version goes to review.
    const draft = await as(t, cast.analyst).get('/api/v1/rulesets/routing-analysed');
    const fixed = structuredClone(routing.definition);
    fixed.rows[2]!.cells.total.value = 1000 as never;
    const saved = await t.http
      .put('/api/v1/rulesets/routing-analysed/draft')
      .set('authorization', `Bearer ${cast.analyst}`)
      .set('if-match', draft.headers['etag'] as string)
      .send({ definition: fixed, inputSchema: routing.inputSchema });
    expect(saved.status).toBe(200);
    const submitted = await as(t, cast.analyst).post('/api/v1/rulesets/routing-analysed/versions/1/submit');
    expect(submitted.status).toBe(200);
  });

  it('warns of an outcome that looks like a misspelt one, where it is written', async () => {
    const rule = (name: string, type: string) => ({
      name,
      conditions: { all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 0 }] },
      event: { type },
    });
    const typo = {
      ...routing,
      key: 'outcome-typo',
      format: 'rules',
      definition: { rules: [rule('a', 'manual_review'), rule('b', 'manual_reveiw')] },
    };
    expect((await as(t, cast.analyst).post('/api/v1/rulesets', typo)).status).toBe(201);
    const body = (await as(t, cast.analyst).get('/api/v1/rulesets/outcome-typo/versions/1/analysis')).body as Analysis;
    expect(body.findings.filter((f) => f.kind === 'outcome_typo')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: '/definition/rules/1/event/type',
        text: {
          fr: expect.stringMatching(
            /^la décision «\u00a0manual_reveiw\u00a0» ressemble à «\u00a0manual_review\u00a0»\u00a0:/,
          ),
          en: expect.stringContaining('"manual_reveiw" looks like a misspelling of "manual_review"'),
        },
      }),
    ]);
  });

  it('analyses the three pilots as shipped without an error', async () => {
    for (const key of ['invoices', 'invoices-approval-routing', 'enrolment']) {
      const response = await as(t, cast.analyst).get(`/api/v1/rulesets/${key}/versions/1/analysis`);
      expect([key, response.status]).toEqual([key, 200]);
      const errors = (response.body as Analysis).findings.filter(
        (f) => f.severity === 'error' || f.kind === 'outcome_typo',
      );
      expect([key, errors]).toEqual([key, []]);
    }
    const enrolment = (await as(t, cast.analyst).get('/api/v1/rulesets/enrolment/versions/1/analysis')).body;
    // Its branches compare computed facts with parameters: undecided, and said so.
    expect((enrolment as Analysis).notChecked.length).toBeGreaterThan(0);
  });

  it('answers 404 for a version or rule set that does not exist, and 401 without credentials', async () => {
    expect((await as(t, cast.analyst).get('/api/v1/rulesets/routing-analysed/versions/9/analysis')).status).toBe(404);
    expect((await as(t, cast.analyst).get('/api/v1/rulesets/nothing-here/versions/1/analysis')).status).toBe(404);
    expect((await t.http.get('/api/v1/rulesets/routing-analysed/versions/1/analysis')).status).toBe(401);
  });
});
