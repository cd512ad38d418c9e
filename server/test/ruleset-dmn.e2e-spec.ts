import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A table with a cell DMN cannot express (`matches`). */
const patterned = {
  key: 'routing-pattern',
  name: 'Routage par motif',
  pilot: 'invoices',
  format: 'decisionTable',
  inputSchema: {
    type: 'object',
    properties: { invoice: { type: 'object', properties: { ref: { type: 'string' }, total: { type: 'number' } } } },
  },
  definition: {
    hitPolicy: 'first',
    inputs: [
      { id: 'total', fact: 'invoice', path: '$.total' },
      { id: 'ref', fact: 'invoice', path: '$.ref' },
    ],
    rows: [
      {
        id: 'po',
        cells: { total: { operator: 'lessThan', value: 100 }, ref: { operator: 'matches', value: '^PO-' } },
        event: { type: 'approve' },
      },
      { id: 'other', cells: {}, event: { type: 'review' } },
    ],
  },
};

describe('DMN exchange over HTTP', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  beforeAll(async () => {
    t = await startTestApp('ruleset_dmn');
    cast = await signInCast(t);
  });
  afterAll(() => t.close());

  const exportXml = (token: string, path: string) =>
    as(t, token)
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      });
  const importXml = (token: string, query: string, xml: string, type = 'application/xml') =>
    t.http
      .post(`/api/v1/rulesets/import/dmn?${query}`)
      .set('authorization', `Bearer ${token}`)
      .set('content-type', type)
      .send(xml);

  it('exports the seeded routing table, imports it under a new key, and the submitted copy has its checksum', async () => {
    const seeded = (await as(t, cast.risk).get('/api/v1/rulesets/invoices-approval-routing')).body;
    const n = seeded.activeVersion as number;
    const exported = await exportXml(cast.risk, `/api/v1/rulesets/invoices-approval-routing/versions/${n}/dmn`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/xml/);
    const xml = exported.body as string;
    expect(xml).toContain('<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"');
    expect(xml).toContain('hitPolicy="FIRST"');

    const imported = await importXml(cast.analyst, 'key=routing-copy&pilot=invoices', xml);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ key: 'routing-copy', format: 'decisionTable', pilot: 'invoices' });
    expect(imported.headers['etag']).toBeDefined();
    expect((await as(t, cast.analyst).post('/api/v1/rulesets/routing-copy/versions/1/submit')).status).toBe(200);
    const original = (await as(t, cast.risk).get(`/api/v1/rulesets/invoices-approval-routing/versions/${n}`)).body;
    const copy = (await as(t, cast.risk).get('/api/v1/rulesets/routing-copy/versions/1')).body;
    expect(copy.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(copy.checksum).toBe(original.checksum);
    expect(copy.content).toEqual(original.content);
  });

  it('refuses to export a cell with no FEEL unary test, and a version that is not a table', async () => {
    expect((await as(t, cast.analyst).post('/api/v1/rulesets', patterned)).status).toBe(201);
    const refused = await as(t, cast.risk).get('/api/v1/rulesets/routing-pattern/versions/1/dmn');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: 'dmn_unmappable',
      details: [{ path: '/definition/rows/0/cells/ref', message: expect.stringContaining('matches') }],
    });
    const rules = await as(t, cast.risk).get('/api/v1/rulesets/invoices/versions/1/dmn');
    expect(rules.status).toBe(400);
    expect(rules.body.details).toEqual([{ path: '/format', message: expect.stringContaining('rules') }]);
    expect((await as(t, cast.risk).get('/api/v1/rulesets/nothing-here/versions/1/dmn')).status).toBe(404);
  });

  it('refuses an import naming every entry that does not map, and creates nothing', async () => {
    const xml = (await exportXml(cast.risk, '/api/v1/rulesets/routing-copy/versions/1/dmn')).body as string;
    const broken = xml
      .replace('<text>"team_lead"</text>', '<text>not([1..5])</text>')
      .replace('<text>"director"</text>', '<text>matches(?, "x")</text>');
    const refused = await importXml(cast.analyst, 'key=routing-broken&pilot=invoices', broken, 'text/xml');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('dmn_unmappable');
    expect(refused.body.details).toEqual([
      {
        path: '/definitions/decision/0/decisionTable/rule/0/inputEntry/0',
        message: expect.stringContaining('rule rule_1'),
        // What the console words in French or English.
        keyword: 'dmn',
        params: { reason: 'range', text: 'not([1..5])' },
      },
      {
        path: '/definitions/decision/0/decisionTable/rule/2/inputEntry/0',
        message: expect.stringContaining('rule rule_3'),
        keyword: 'dmn',
        params: { reason: 'not_literal', at: 1, text: 'matches(?, "x")' },
      },
    ]);
    expect((await as(t, cast.risk).get('/api/v1/rulesets/routing-broken')).status).toBe(404);
  });

  it('refuses params nested thousands deep, naming the entry, where it had answered 500 (and, published, broken decisions)', async () => {
    const xml = (await exportXml(cast.risk, '/api/v1/rulesets/routing-copy/versions/1/dmn')).body as string;
    const deep = xml.replace(
      /(<outputEntry id="[^"]*_params"><text>)[^<]*/,
      (_, open: string) => `${open}{"level": ${'['.repeat(3000)}1${']'.repeat(3000)}}`,
    );
    const refused = await importXml(cast.analyst, 'key=routing-deep&pilot=invoices', deep);
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      expect.objectContaining({
        path: '/definitions/decision/0/decisionTable/rule/0/outputEntry/1',
        params: expect.objectContaining({ reason: 'too_deep', max: 64 }),
      }),
    ]);
    expect((await as(t, cast.risk).get('/api/v1/rulesets/routing-deep')).status).toBe(404);
  });

  it('places the rule set checks’ refusals of what a file converts to in the file: the rule and output, not a JSON path', async () => {
    const xml = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision name="x"><decisionTable><input><inputExpression typeRef="number"><text>a</text></inputExpression></input><output name="risk"/><output name="$set"/><rule id="r1"><inputEntry><text>1</text></inputEntry><outputEntry><text>"A"</text></outputEntry><outputEntry><text>"B"</text></outputEntry></rule></decisionTable></decision></definitions>`;
    const refused = await importXml(cast.analyst, 'key=dollar-set&pilot=invoices', xml);
    expect(refused.status).toBe(400);
    // It named /definition/rows/0/event/params/$set: no place an analyst holding the XML could find.
    expect(refused.body.details).toEqual([
      expect.objectContaining({
        path: '/definitions/decision/0/decisionTable/rule/0/outputEntry/1',
        params: expect.objectContaining({
          convertedPath: expect.stringMatching(/^\/definition\/rows\/0\/event\/params/),
        }),
      }),
    ]);
    expect((await as(t, cast.risk).get('/api/v1/rulesets/dollar-set')).status).toBe(404);
  });

  it('imports a column of ranges as two columns, and places a refusal after it in the file’s own column', async () => {
    const table = (second: string) =>
      `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision name="x"><decisionTable>` +
      `<input><inputExpression typeRef="number"><text>invoice.total</text></inputExpression></input>` +
      `<input><inputExpression typeRef="string"><text>${second}</text></inputExpression></input><output name="o"/>` +
      `<rule><inputEntry><text>[1000..10000)</text></inputEntry><inputEntry><text>"QC"</text></inputEntry>` +
      `<outputEntry><text>"x"</text></outputEntry></rule></decisionTable></decision></definitions>`;
    const imported = await importXml(cast.analyst, 'key=ranges-ok&pilot=invoices', table('invoice.region'));
    expect(imported.status).toBe(201);
    const draft = await as(t, cast.analyst).get('/api/v1/rulesets/ranges-ok/versions/1');
    expect(draft.body.content.definition.rows[0].cells).toEqual({
      'invoice-total': { operator: 'greaterThanInclusive', value: 1000 },
      'invoice-total-max': { operator: 'lessThan', value: 10000 },
      'invoice-region': { operator: 'equal', value: 'QC' },
    });
    // The second column of the file is the third of the table: the refusal names the file's.
    const refused = await importXml(cast.analyst, 'key=ranges-set&pilot=invoices', table('vendor.$'));
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual([
      '/definitions/decision/0/decisionTable/input/1',
    ]);
    expect((await as(t, cast.risk).get('/api/v1/rulesets/ranges-set')).status).toBe(404);
  });

  it('refuses an input reading __proto__, and the service goes on answering signed-in requests', async () => {
    const xml = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision name="x"><decisionTable><input><inputExpression typeRef="number"><text>a.__proto__</text></inputExpression></input><output name="o"/><rule><inputEntry><text>1</text></inputEntry><outputEntry><text>"x"</text></outputEntry></rule></decisionTable></decision></definitions>`;
    const refused = await importXml(cast.analyst, 'key=proto-x&pilot=invoices', xml);
    expect([refused.status, refused.body.details?.map((d: { path: string }) => d.path)]).toEqual([
      400,
      ['/definitions/decision/0/decisionTable/input/0/inputExpression'],
    ]);
    expect((await as(t, cast.analyst).get('/api/v1/auth/me')).status).toBe(200);
  });

  it('reads XML in UTF-8 only: Latin-1 bytes, another declared encoding or charset are refused, not stored as �', async () => {
    const xml = (name: string, declaration = '') =>
      `${declaration}<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision name="${name}"><decisionTable><input><inputExpression typeRef="number"><text>a</text></inputExpression></input><output name="o"/><rule><inputEntry><text>1</text></inputEntry><outputEntry><text>"x"</text></outputEntry></rule></decisionTable></decision></definitions>`;
    const send = (body: string | Buffer, type = 'application/xml') =>
      t.http
        .post('/api/v1/rulesets/import/dmn?key=dmn-latin&pilot=invoices')
        .set('authorization', `Bearer ${cast.analyst}`)
        .set('content-type', type)
        .send(body);
    const latin = await send(Buffer.from(xml('Café'), 'latin1'));
    expect([latin.status, latin.body.error]).toEqual([400, 'invalid_encoding']);
    const declared = await send(xml('Cafe', '<?xml version="1.0" encoding="ISO-8859-1"?>'));
    expect([declared.status, declared.body.details]).toEqual([
      400,
      [
        {
          path: '/',
          message: 'declares the encoding iso-8859-1',
          keyword: 'encoding',
          params: { reason: 'declared', encoding: 'iso-8859-1' },
        },
      ],
    ]);
    expect((await send(xml('Cafe'), 'text/xml; charset=iso-8859-1')).status).toBe(415);
    expect((await as(t, cast.risk).get('/api/v1/rulesets/dmn-latin')).status).toBe(404);
    // The same file in UTF-8, declared so, is imported with its name as written.
    const utf8 = await send(xml('Café', '<?xml version="1.0" encoding="UTF-8"?>'));
    expect([utf8.status, utf8.body.name]).toEqual([201, 'Café']);
  });

  it('refuses a DOCTYPE, malformed XML, JSON bodies, XML elsewhere, and callers who are not analysts', async () => {
    const xml = (await exportXml(cast.risk, '/api/v1/rulesets/routing-copy/versions/1/dmn')).body as string;
    const entity = xml.replace(
      '<definitions',
      '<!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<definitions',
    );
    const doctype = await importXml(cast.analyst, 'key=routing-xxe&pilot=invoices', entity);
    expect(doctype.status).toBe(400);
    expect(doctype.body).toMatchObject({ error: 'xml_doctype_refused', details: [{ path: '/' }] });
    const malformed = await importXml(cast.analyst, 'key=routing-bad&pilot=invoices', '<definitions><decision>');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].message).toMatch(/^line 1, column \d+/);
    expect((await importXml(cast.analyst, 'pilot=invoices', xml)).status).toBe(400);
    expect((await as(t, cast.analyst).post('/api/v1/rulesets/import/dmn?key=x-json&pilot=invoices', {})).status).toBe(
      415,
    );
    // JSON that does not even parse is still the wrong file for this route: a 415 saying what to send, not a 400.
    const brokenJson = await t.http
      .post('/api/v1/rulesets/import/dmn?key=x-json&pilot=invoices')
      .set('authorization', `Bearer ${cast.analyst}`)
      .set('content-type', 'application/json')
      .send('{"a":');
    expect([brokenJson.status, brokenJson.body.message]).toEqual([
      415,
      'The body is application/json; this route takes application/xml or text/xml.',
    ]);
    const elsewhere = await t.http
      .post('/api/v1/rulesets')
      .set('authorization', `Bearer ${cast.analyst}`)
      .set('content-type', 'application/xml')
      .send(xml);
    expect([elsewhere.status, elsewhere.body.message]).toEqual([
      415,
      'The body is application/xml; this route takes application/json.',
    ]);
    expect((await importXml(cast.risk, 'key=routing-risk&pilot=invoices', xml)).status).toBe(403);
    expect((await importXml(cast.analyst, 'key=routing-copy&pilot=invoices', xml)).status).toBe(409);
  });

  it('declares both operations in the OpenAPI document, with their media types and roles', async () => {
    const doc = (await t.http.get('/api/docs-json')).body;
    const exportOp = doc.paths['/api/v1/rulesets/{key}/versions/{n}/dmn'].get;
    expect(exportOp['x-roles']).toEqual(['analyst', 'approver', 'risk', 'admin']);
    expect(Object.keys(exportOp.responses['200'].content)).toEqual(['application/xml']);
    expect(exportOp.responses['400']).toBeDefined();
    const importOp = doc.paths['/api/v1/rulesets/import/dmn'].post;
    expect(importOp['x-roles']).toEqual(['analyst']);
    expect(Object.keys(importOp.requestBody.content)).toEqual(['application/xml', 'text/xml']);
    expect(importOp.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort()).toEqual([
      'query:key',
      'query:pilot',
    ]);
    expect(Object.keys(importOp.responses)).toEqual(expect.arrayContaining(['201', '400', '403', '409', '413', '415']));
  });
});
