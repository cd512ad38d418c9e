import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, invoiceRuleset } from './support/rulesets.js';
import { ResponseContract } from './support/response-contract.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Operation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: Record<string, unknown>; content?: unknown }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  security?: unknown[];
  tags?: string[];
};
type Document = {
  openapi: string;
  info: { description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

const hasSchema = (response: { content?: Record<string, { schema?: unknown }> }) =>
  Object.values(response.content ?? {}).some((media) => media.schema !== undefined);

// The contract fuzzing itself runs with `npm run test:contract` (Schemathesis); these are the promises a
// client reads in the document, and the behaviours behind them.
describe('the OpenAPI document as a contract', () => {
  let t: TestApp;
  let doc: Document;
  beforeAll(async () => {
    t = await startTestApp('openapi-contract');
    doc = (await t.http.get('/api/docs-json')).body as Document;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );

  it('is OpenAPI 3.1, and every error it documents has the one error body', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas['Error']).toMatchObject({ required: ['error', 'message', 'details'] });
    for (const { op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400)
          expect(response.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
  });

  it('names the views it returns as components, referenced wherever they appear', () => {
    const ok = (path: string, method = 'get', status = '200') =>
      doc.paths[path]![method]!.responses[status]!.content?.['application/json']?.schema;
    expect(ok('/api/v1/rulesets/{key}')).toEqual({ $ref: '#/components/schemas/RulesetView' });
    expect(ok('/api/v1/prompts/{key}')).toEqual({ $ref: '#/components/schemas/PromptView' });
    expect(ok('/api/v1/experiments')).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/ExperimentView' },
    });
    expect(ok('/api/v1/reference-tables/{key}')).toEqual({ $ref: '#/components/schemas/ReferenceTableView' });
    expect(doc.components.schemas['RulesetView']).toMatchObject({
      properties: { versions: { type: 'array', items: { $ref: '#/components/schemas/VersionView' } } },
    });
    expect(JSON.stringify(doc)).not.toContain('"$id"');
  });

  it('says which console roles and which API-key scope each protected operation takes', () => {
    const op = (path: string, method: string) => doc.paths[path]![method] as Operation & Record<string, unknown>;
    expect(op('/api/v1/rulesets/{key}/versions/{n}/approve', 'post')).toMatchObject({ 'x-roles': ['approver'] });
    expect(op('/api/v1/rulesets/{key}/versions/{n}/approve', 'post')['description']).toContain(
      'API keys: not accepted.',
    );
    expect(op('/api/v1/rulesets/{key}/evaluate', 'post')).toMatchObject({
      'x-roles': ['analyst', 'approver', 'risk', 'admin'],
      'x-api-key-scope': 'evaluate:{key}',
    });
    for (const { path, method, op: operation } of operations()) {
      const described = operation as Operation & { description?: string; 'x-roles'?: string[] };
      if (!operation.security?.length || described.description?.includes('Any signed-in user or API key.')) continue;
      expect([path, method, described['x-roles']]).not.toEqual([path, method, undefined]);
    }
  });

  it('introduces itself to an integrator, and groups its operations by what they act on', () => {
    // One line had introduced the API, and its operations were listed bare, the audit trail first.
    for (const words of ['X-API-Key', 'evaluate:invoices', 'X-Request-Id', 'If-Match', 'Retry-After', 'logged: false'])
      expect([words, doc.info.description.includes(words)]).toEqual([words, true]);
    expect(doc.tags[0]).toMatchObject({ name: 'evaluation' });
    expect(doc.paths['/api/v1/rulesets/{key}/evaluate']!['post']!.tags).toEqual(['evaluation']);
    // Every operation in one group, and every group declared with its words.
    const declared = new Set(doc.tags.map((tag) => tag.name));
    const ungrouped = operations().filter(({ op }) => op.tags?.length !== 1 || !declared.has(op.tags[0]!));
    expect(ungrouped.map(({ path, method, op }) => [path, method, op.tags])).toEqual([]);
  });

  it('asks for credentials in its 401 as HTTP says: WWW-Authenticate: Bearer', async () => {
    const answer = await t.http.post('/api/v1/rulesets/invoices/evaluate').send({ facts: {} });
    expect([answer.status, answer.headers['www-authenticate']]).toEqual([401, 'Bearer realm="gabarit"']);
    const badKey = await t.http.get('/api/v1/rulesets').set('x-api-key', 'gbt_not-a-key');
    expect([badKey.status, badKey.headers['www-authenticate']]).toEqual([401, 'Bearer realm="gabarit"']);
    // Each refusal names the header it read, as every other error names its place.
    expect([answer.body.details, badKey.body.details]).toEqual([
      [{ path: '/headers/authorization', message: 'is missing', keyword: 'credentials', params: { state: 'missing' } }],
      [
        {
          path: '/headers/x-api-key',
          message: 'is not accepted',
          keyword: 'credentials',
          params: { state: 'refused' },
        },
      ],
    ]);
    const admin = await t.login('admin');
    const key = await t.http
      .post('/api/v1/api-keys')
      .set('authorization', `Bearer ${admin}`)
      .send({ name: 'métriques seulement', scopes: ['metrics:*'] });
    const outOfScope = await t.http.post('/api/v1/rulesets/invoices/evaluate').set('x-api-key', key.body.key).send({});
    expect([outOfScope.status, outOfScope.body.error, outOfScope.body.details]).toEqual([
      403,
      'missing_scope',
      [
        {
          path: '/headers/x-api-key',
          message: 'does not allow this operation',
          keyword: 'credentials',
          params: { state: 'insufficient' },
        },
      ],
    ]);
  });

  it('documents credentials, 401 and 403 on every protected operation, and a success status on every one', () => {
    const open = ['/health', '/health/live', '/api/v1/auth/login'];
    for (const { path, method, op } of operations()) {
      expect([path, method, Object.keys(op.responses).some((s) => s.startsWith('2'))]).toEqual([path, method, true]);
      if (open.includes(path)) continue;
      expect([path, method, op.security?.length ?? 0]).not.toEqual([path, method, 0]);
      expect([path, method, Boolean(op.responses['401'])]).toEqual([path, method, true]);
    }
  });

  it('gives a schema for every success it answers with a body', () => {
    const missing = operations().flatMap(({ path, method, op }) =>
      Object.entries(op.responses)
        .filter(([status, response]) => status.startsWith('2') && status !== '204' && !hasSchema(response))
        .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
    );
    expect(missing).toEqual([]);
  });

  // Every e2e test's answers are held to the document (support/test-app.ts): here, that the check can fail.
  it('names an answer the document does not describe: a wrong body, an unlisted status', () => {
    const contract = new ResponseContract(doc as unknown as ConstructorParameters<typeof ResponseContract>[0]);
    const json = { 'content-type': 'application/json; charset=utf-8' };
    const rendered = {
      prompt: 'p',
      version: 1,
      system: null,
      text: 'Bonjour',
      model: 'claude-sonnet-4-6',
      maxTokens: 50,
    };
    expect(contract.problem('post', '/api/v1/prompts/p/render', { status: 200, headers: json, body: rendered })).toBe(
      undefined,
    );
    expect(
      contract.problem('post', '/api/v1/prompts/p/render', {
        status: 200,
        headers: json,
        body: { ...rendered, _id: 1 },
      }),
    ).toMatch(/POST \/api\/v1\/prompts\/\{key\}\/render answered 200 with a body the document's schema refuses/);
    expect(
      contract.problem('post', '/api/v1/prompts/p/render', { status: 200, headers: json, body: { prompt: 'p' } }),
    ).toMatch(/must have required property 'version'/);
    // A named view, through its $ref: each version listed is a VersionView, whose number is an integer.
    const version = {
      id: 1,
      number: 1,
      status: 'draft',
      authors: [],
      createdBy: 'a',
      createdAt: '2026-12-03T10:00:00Z',
    };
    const listed = (number: unknown) => [{ ...version, number, comments: [], inForce: false, publications: [] }];
    expect(
      contract.problem('get', '/api/v1/rulesets/r/versions', { status: 200, headers: json, body: listed(1) }),
    ).toBe(undefined);
    expect(
      contract.problem('get', '/api/v1/rulesets/r/versions', { status: 200, headers: json, body: listed('one') }),
    ).toMatch(/\/0\/number must be integer/);
    expect(contract.problem('get', '/api/v1/rulesets/r', { status: 418, headers: json, body: {} })).toMatch(
      /GET \/api\/v1\/rulesets\/\{key\} answered 418, a status the document does not list/,
    );
    // The most literal route wins: the DMN import is not a rule set called "import".
    expect(
      contract.problem('post', '/api/v1/rulesets/import/dmn?key=k', { status: 200, headers: json, body: {} }),
    ).toMatch(/POST \/api\/v1\/rulesets\/import\/dmn answered 200/);
  });

  it('declares If-Match, the list parameters, search terms and integer version numbers', () => {
    const draft = doc.paths['/api/v1/rulesets/{key}/draft']!['put']!;
    expect(draft.parameters).toContainEqual(
      expect.objectContaining({ name: 'If-Match', in: 'header', required: true }),
    );
    expect(Object.keys(draft.responses)).toEqual(expect.arrayContaining(['400', '404', '412', '428']));
    const list = doc.paths['/api/v1/rulesets']!['get']!;
    expect(list.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['sort', 'range', 'filter']));
    const search = doc.paths['/api/v1/catalogue/search']!['get']!;
    expect(search.parameters).toContainEqual(expect.objectContaining({ name: 'q', in: 'query', required: true }));
    const diff = doc.paths['/api/v1/rulesets/{key}/diff']!['get']!;
    expect(diff.parameters?.filter((p) => p.required).map((p) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to']),
    );
    const version = doc.paths['/api/v1/rulesets/{key}/versions/{n}']!['get']!;
    expect(version.parameters?.find((p) => p.name === 'n')?.schema).toMatchObject({ type: 'integer', minimum: 1 });
    const evaluate = doc.paths['/api/v1/rulesets/{key}/evaluate']!['post']!;
    expect(evaluate.requestBody?.content['application/json']?.schema['properties']).toHaveProperty('version.oneOf');
  });

  it('declares the response headers a client reads: ETag, Content-Range, Retry-After', () => {
    const headersOf = (path: string, method: string, status: string) =>
      Object.keys((doc.paths[path]![method]!.responses[status] as { headers?: Record<string, unknown> }).headers ?? {});
    expect(headersOf('/api/v1/rulesets/{key}', 'get', '200')).toContain('ETag');
    expect(headersOf('/api/v1/rulesets/{key}/draft', 'put', '200')).toContain('ETag');
    expect(headersOf('/api/v1/rulesets', 'get', '200')).toContain('Content-Range');
    expect(headersOf('/api/v1/auth/login', 'post', '429')).toContain('Retry-After');
    expect(headersOf('/api/v1/experiments/{key}/results', 'get', '503')).toContain('Retry-After');
    expect(headersOf('/api/v1/rulesets/{key}/evaluate', 'post', '200')).toEqual([]);
  });

  it('answers a method a path does not serve with 405 and Allow, not 404', async () => {
    const response = await t.http.delete('/api/v1/rulesets');
    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('GET, HEAD, POST');
    expect(response.body).toMatchObject({ error: 'method_not_allowed', details: [] });
    expect((await t.http.patch('/api/v1/rulesets/invoices/draft')).headers['allow']).toBe('PUT');
    expect((await t.http.get('/api/v1/no-such-thing')).status).toBe(404);
    const probe = await t.http.delete('/health/live');
    expect([probe.status, probe.headers['allow']]).toEqual([405, 'GET, HEAD']);
  });

  it('refuses a body of null where an object is expected, and takes no body as an empty one', async () => {
    const analyst = as(t, await t.login('analyst'));
    expect((await analyst.post('/api/v1/rulesets', invoiceRuleset('contract-null'))).status).toBe(201);
    const approverToken = await t.login('approver');
    const archive = () =>
      t.http.post('/api/v1/rulesets/contract-null/archive').set('authorization', `Bearer ${approverToken}`);
    const nullBody = await archive().set('content-type', 'application/json').send('null');
    expect(nullBody.status).toBe(400);
    expect((await as(t, approverToken).get('/api/v1/rulesets/contract-null')).body.archived).toBe(false);
    const noBody = await archive();
    expect(noBody.status).toBe(200);
    expect(noBody.body.archived).toBe(true);
  });

  it('reads an inverted range as an empty page', async () => {
    const admin = as(t, await t.login('admin'));
    const response = await admin.get('/api/v1/users?range=[5,2]');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([]);
    expect(response.headers['content-range']).toMatch(/^users \*\/\d+$/);
  });

  it('answers a bad filter on the CSV export with the JSON error body, not a 500', async () => {
    const risk = as(t, await t.login('risk'));
    const response = await risk.get('/api/v1/audit/export?to=');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.body.details).toEqual([
      {
        path: '/to',
        message: expect.stringContaining('date-time'),
        keyword: 'format',
        params: { format: 'date-time' },
      },
    ]);
  });
});
