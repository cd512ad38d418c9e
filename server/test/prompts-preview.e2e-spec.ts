import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const variables = {
  question: 'Où sont les arbres ?',
  locale: 'fr',
  datasets: [
    {
      title: 'Arbres publics',
      organization: 'Ville de Montréal',
      url: 'https://example.org/arbres',
      formats: ['CSV'],
      licence: 'CC BY 4.0',
    },
  ],
  services: [],
};

// The console editor previews unsaved edits of the seeded chatbot prompt; nothing is stored.
describe('prompt preview (console live preview)', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  beforeAll(async () => {
    t = await startTestApp('prompts_preview');
    cast = await signInCast(t);
  });
  afterAll(() => t.close());

  it('renders unsaved edits over the version in force and stores nothing', async () => {
    const analyst = as(t, cast.analyst);
    const before = (await analyst.get('/api/v1/prompts/chatbot-answer')).body;
    const response = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template: 'Q: {{question}} ({{datasets.length}})',
      variables,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      prompt: 'chatbot-answer',
      version: 4,
      text: 'Q: Où sont les arbres ? (1)',
      model: 'claude-sonnet-4-6',
    });
    expect(response.body.system).toContain('Répondez en français');
    expect((await analyst.get('/api/v1/prompts/chatbot-answer')).body).toEqual(before);
  });

  it('starts from the draft once there is one', async () => {
    const analyst = as(t, cast.analyst);
    const etag = (await analyst.get('/api/v1/prompts/chatbot-answer')).headers['etag'];
    expect(
      (await analyst.put('/api/v1/prompts/chatbot-answer/draft', { system: 'Système du brouillon' }, etag)).status,
    ).toBe(200);
    const response = await analyst.post('/api/v1/prompts/chatbot-answer/preview', { variables });
    expect(response.body).toMatchObject({ version: 5, system: 'Système du brouillon' });
  });

  it('puts refusals on the edited field and variable problems under /variables', async () => {
    const analyst = as(t, cast.analyst);
    const undeclared = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template: 'Bonjour {{user.name}}',
      variables,
    });
    expect(undeclared.status).toBe(400);
    expect(undeclared.body.details).toEqual([
      expect.objectContaining({ path: '/template', message: expect.stringMatching(/does not declare/) }),
    ]);
    const helper = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template: '{{lookup question "x"}}',
      variables,
    });
    expect(helper.body.details[0]).toMatchObject({
      path: '/template',
      message: expect.stringMatching(/not an allowed helper/),
    });
    const missing = await analyst.post('/api/v1/prompts/chatbot-answer/preview', { variables: { locale: 'de' } });
    expect(missing.status).toBe(400);
    expect((missing.body.details as { path: string }[]).map((d) => d.path).sort()).toEqual([
      '/variables/datasets',
      '/variables/locale',
      '/variables/question',
      '/variables/services',
    ]);
  });

  it('takes variables its schema declares in allOf and references, lists included', async () => {
    const analyst = as(t, cast.analyst);
    const response = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template: '{{question}} : {{#each liens}}{{titre}} {{/each}}',
      system: 'Réponds.',
      variablesSchema: {
        type: 'object',
        allOf: [{ properties: { question: { type: 'string' } } }, { $ref: '#/$defs/avecLiens' }],
        $defs: {
          avecLiens: {
            properties: { liens: { type: 'array', items: { properties: { titre: { type: 'string' } } } } },
          },
        },
      },
      variables: { question: 'Où ?', liens: [{ titre: 'Arbres' }, { titre: 'Parcs' }] },
    });
    expect([response.status, response.body.text]).toEqual([200, 'Où ? : Arbres Parcs ']);
  });

  it('says which variable the template reads and the sample left out, in a form the console words', async () => {
    const analyst = as(t, cast.analyst);
    const missing = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template: 'Bonjour {{nom}}',
      system: 'Réponds.',
      variablesSchema: { type: 'object', properties: { nom: { type: 'string' } } },
      variables: {},
    });
    expect([missing.status, missing.body.error]).toEqual([400, 'render_failed']);
    expect(missing.body.details).toEqual([
      {
        path: '/variables',
        message: 'a variable the template reads is missing ("nom")',
        keyword: 'template',
        params: { reason: 'missing_variable', name: 'nom' },
      },
    ]);
  });

  it('blames the variables, not the template, for a value the template cannot write', async () => {
    const analyst = as(t, cast.analyst);
    // An object whose toString is a text: « Cannot convert object to primitive value » had named /template.
    const unwritable = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template: 'Bonjour {{nom}}',
      system: 'Réponds.',
      variablesSchema: { type: 'object', properties: { nom: {} } },
      variables: { nom: { toString: 't' } },
    });
    expect([unwritable.status, unwritable.body.error]).toEqual([400, 'render_failed']);
    expect(unwritable.body.details).toEqual([
      expect.objectContaining({ path: '/variables', params: { reason: 'unwritable_value' } }),
    ]);
  });

  it('renders again and again with a variables schema that has an $id (it was a 500 from the second render on)', async () => {
    const analyst = as(t, cast.analyst);
    const variablesSchema = {
      $id: 'https://exemple.gouv.qc.ca/schemas/question',
      type: 'object',
      required: ['question'],
      properties: { question: { type: 'string', maxLength: 200 } },
    };
    for (let i = 0; i < 3; i++) {
      const response = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
        template: 'Q: {{question}}',
        variablesSchema,
        variables: { question: `Question ${i}` },
      });
      expect(response.status).toBe(200);
      expect(response.body.text).toBe(`Q: Question ${i}`);
    }
    const tooLong = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template: 'Q: {{question}}',
      variablesSchema,
      variables: { question: 'x'.repeat(201) },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details.map((d: { path: string }) => d.path)).toEqual(['/variables/question']);
  });

  it('refuses hostile templates before running them, naming the field', async () => {
    const analyst = as(t, cast.analyst);
    const variablesSchema = { type: 'object', properties: { q: { type: 'string' } } };
    const deep = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template: '{{#if q}}'.repeat(2000) + 'x' + '{{/if}}'.repeat(2000),
      variablesSchema,
      variables: { q: 'oui' },
    });
    expect(deep.status).toBe(400);
    expect(deep.body.details).toEqual([
      expect.objectContaining({ path: '/template', message: expect.stringMatching(/^nests 2000 levels deep/) }),
    ]);
    // A dense 32 KB template held the event loop more than a second on its first compile.
    const dense = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template: '{{q}} '.repeat(5400),
      variablesSchema,
      variables: { q: 'oui' },
    });
    expect(dense.status).toBe(400);
    expect(dense.body.details).toEqual([
      expect.objectContaining({ path: '/template', message: expect.stringMatching(/^has 5400 tags; at most 200/) }),
    ]);
    const unclosed = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template: 'Q: {{#if q}}{{q}}',
      variablesSchema,
      variables: { q: 'oui' },
    });
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.details).toEqual([
      expect.objectContaining({
        path: '/template',
        message: expect.stringMatching(
          /^is not a valid template: line 1, after "Q: \{\{#if q\}\}\{\{q\}\}": found the end/,
        ),
      }),
    ]);
    const prototype = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template: 'Q: {{q}}',
      system: '{{@root.constructor}}',
      variablesSchema,
      variables: { q: 'oui' },
    });
    expect(prototype.status).toBe(400);
    expect(prototype.body.details).toEqual([
      expect.objectContaining({ path: '/system', message: expect.stringMatching(/prototype access/) }),
    ]);
  });

  it('refuses helpers given the wrong values before any render: how many, a length, a list', async () => {
    const analyst = as(t, cast.analyst);
    const variablesSchema = {
      type: 'object',
      properties: {
        q: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        items: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
      },
    };
    const reasons = async (template: string) => {
      const response = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
        template,
        variablesSchema,
        variables: { q: 'oui', tags: ['a', 'b'], items: [{ name: 'x' }] },
      });
      expect(response.status).toBe(400);
      return (response.body.details as { path: string; params: { reason: string } }[]).map((d) => [
        d.path,
        d.params.reason,
      ]);
    };
    // Each had rendered something (« true », nothing, « … ») and was saved without a word.
    expect(await reasons('{{eq}}')).toEqual([['/template', 'helper_arity']]);
    expect(await reasons('{{truncate q -5}}')).toEqual([['/template', 'truncate_length']]);
    expect(await reasons('{{join q}}')).toEqual([['/template', 'join_not_a_list']]);
    expect(await reasons('{{join "a,b"}}')).toEqual([['/template', 'join_not_a_list']]);
    expect(await reasons('{{formatDate}}')).toEqual([['/template', 'helper_arity_range']]);
    // Named values were ignored; a list of objects was written « [object Object] »; a subexpression, or the whole
    // set of variables, is no list; a length in quotes is no number.
    expect(await reasons('{{join tags sep="/"}}')).toEqual([['/template', 'helper_hash']]);
    expect(await reasons('{{join items ", "}}')).toEqual([['/template', 'join_objects']]);
    expect(await reasons('{{join (join tags ",") ","}}')).toEqual([['/template', 'join_not_a_list']]);
    expect(await reasons('{{join this ","}}')).toEqual([['/template', 'join_not_a_list']]);
    expect(await reasons('{{truncate q "3"}}')).toEqual([['/template', 'truncate_length']]);
    // An object, or a list of objects, written as text: « [object Object] » in the model's prompt.
    expect(await reasons('{{#each items}}{{formatDate this}}{{/each}}')).toEqual([['/template', 'writes_object']]);
    expect(await reasons('{{items}}')).toEqual([['/template', 'writes_object']]);
    expect(await reasons('{{#with items}}{{truncate this 5}}{{/with}}')).toEqual([['/template', 'writes_object']]);
    const itemOfList = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template: '{{#each tags}}{{join this ","}}{{/each}}',
      variablesSchema,
      variables: { q: 'oui', tags: ['a'], items: [] },
    });
    expect(itemOfList.body.details[0].message).toMatch(/^joins \{\{join tags\.\[\]\}\}/);
    const fine = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template:
        '{{truncate q 10}} {{#if (eq q "oui")}}oui{{/if}} {{join tags "/"}}{{#each items}} {{name}}{{/each}} {{tags}}',
      variablesSchema,
      variables: { q: 'oui', tags: ['a', 'b'], items: [{ name: 'x' }] },
    });
    expect([fine.status, fine.body.text]).toEqual([200, 'oui oui a/b x a,b']);
    // What may hold a text, and lists of lists of texts (written with commas), are not taken for objects.
    const maybeText = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template: '{{adresse}} {{grille}}',
      variablesSchema: {
        type: 'object',
        properties: {
          adresse: { anyOf: [{ type: 'object' }, { const: 'inconnue' }] },
          grille: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
        },
      },
      variables: { adresse: 'inconnue', grille: [['a', 'b'], ['c']] },
    });
    expect([maybeText.status, maybeText.body.text]).toEqual([200, 'inconnue a,b,c']);
  });

  it('stops a render past its budget with 400 render_limit naming the template', async () => {
    const analyst = as(t, cast.analyst);
    // Four nested #each over 60 items: 13 million iterations, 260 MB of text before renders were bounded.
    const response = await analyst.post('/api/v1/prompts/chatbot-answer/preview', {
      template:
        '{{#each l}}{{#each @root.l}}{{#each @root.l}}{{#each @root.l}}{{@root.q}}{{/each}}{{/each}}{{/each}}{{/each}}',
      system: 'Système',
      variablesSchema: {
        type: 'object',
        properties: { l: { type: 'array', items: { type: 'string' } }, q: { type: 'string' } },
      },
      variables: { l: Array.from({ length: 60 }, (_, i) => `élément ${i}`), q: 'x'.repeat(20) },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: 'render_limit',
      details: [{ path: '/template', message: expect.stringMatching(/render allows|characters/) }],
    });
  });

  it('is for analysts only', async () => {
    expect((await as(t, cast.risk).post('/api/v1/prompts/chatbot-answer/preview', { variables })).status).toBe(403);
    expect((await t.http.post('/api/v1/prompts/chatbot-answer/preview').send({ variables })).status).toBe(401);
  });
});
