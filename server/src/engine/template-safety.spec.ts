import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  analyseTemplate,
  declarationsOf,
  declares,
  MAX_TEMPLATE_NESTING,
  MAX_TEMPLATE_TAGS,
  RENDER_LIMITS,
  RenderLimitError,
  renderTemplate,
} from './template-safety.js';

const nested = (depth: number) => '{{#if q}}'.repeat(depth) + 'x' + '{{/if}}'.repeat(depth);

/** What a render stopped on, or null when it finished. */
function stopped(template: string, variables: Record<string, unknown>): RenderLimitError['limit'] | null {
  try {
    renderTemplate(template, variables);
    return null;
  } catch (err) {
    if (err instanceof RenderLimitError) return err.limit;
    throw err;
  }
}

describe('template analysis', () => {
  it('lists the variables a template reads, inside #each and #with too', () => {
    const { variables, problems } = analyseTemplate(
      'Question : {{question}}\n{{#each datasets}}- {{title}} ({{organization.title}}) {{@index}} {{../locale}}\n{{/each}}{{#with user}}{{name}}{{/with}}{{#if (eq locale "en")}}EN{{/if}}{{join tags ", "}}',
      '/template',
    );
    expect(problems).toEqual([]);
    expect(variables.map((v) => v.join('.'))).toEqual([
      'question',
      'datasets',
      'datasets.[].title',
      'datasets.[].organization.title',
      'locale',
      'user',
      'user.name',
      'tags',
    ]);
  });

  it.each([
    ['{{constructor.constructor}}', /prototype access/],
    ['{{question.__proto__}}', /prototype access/],
    ['{{__proto__}}', /prototype access/],
    ['{{#with __proto__}}{{x}}{{/with}}', /prototype access/],
    ['{{#each x}}{{lookup this "constructor"}}{{/each}}', /not an allowed helper/],
    ['{{> secret}}', /partial/],
    ['{{#evil}}x{{/evil}}', /only #if, #unless, #each and #with/],
    ['{{exec "rm"}}', /not an allowed helper/],
    ['{{#if}}', /not a valid template/],
    ['{{@root.constructor}}', /"constructor": prototype access/],
    ['{{@root.__proto__}}', /"__proto__": prototype access/],
    ['{{@root.prototype}}', /"prototype": prototype access/],
    ['{{#each l}}{{@root.constructor.name}}{{/each}}', /"constructor": prototype access/],
    ['{{@index.constructor}}', /"constructor": prototype access/],
    ['{{this.constructor}}', /"constructor": prototype access/],
    ['{{#with q}}{{this.__proto__}}{{/with}}', /"__proto__": prototype access/],
    ['{{@index}} {{name}}', /"@index" outside \{\{#each\}\}/],
    ['{{#each l}}x{{else}}{{@first}}{{/each}}', /"@first" outside/],
    // Each of these saved, then failed every render with an error that blamed the caller's variables.
    ['{{#if}}x{{/if}}', /"#if" with 0 values; it takes exactly one/],
    ['{{#each a b}}x{{/each}}', /"#each" with 2 values/],
    ['{{"undeclared"}}', /a literal value where a variable name goes/],
    ['{{1}} {{true}} {{null}}', /a literal value where a variable name goes/],
    ['{{../name}}', /"..\/name", which climbs out of more blocks than enclose it/],
    ['{{#each l}}{{../../x}}{{/each}}', /climbs out/],
    ['{{@level}}', /"@level", which no block defines/],
  ])('refuses %s before running it', (template, reason) => {
    const { problems } = analyseTemplate(template, '/template');
    expect(problems.map((p) => p.message).join(' ')).toMatch(reason);
  });

  it('accepts the data variables of #each inside one, however deep, and anywhere in a template that is not strict', () => {
    const inside =
      '{{#each l}}{{@index}}{{@key}}{{#with this}}{{@first}}{{../x}}{{/with}}{{@last}}{{../y}}{{/each}}{{@root.x}}';
    expect(analyseTemplate(inside, '/template').problems).toEqual([]);
    // An explanation writes a name it does not find as nothing: {{@index}} there fails no render.
    expect(analyseTemplate('{{@index}}', '/explanation', ['money'], false).problems).toEqual([]);
  });

  it('checks declarations against the variables schema', () => {
    const schema = {
      type: 'object',
      properties: {
        question: { type: 'string' },
        datasets: { type: 'array', items: { type: 'object', properties: { title: { type: 'string' } } } },
      },
    };
    expect(declares(schema, ['question'])).toBe(true);
    expect(declares(schema, ['datasets', '[]', 'title'])).toBe(true);
    expect(declares(schema, ['datasets', '[]', 'url'])).toBe(false);
    expect(declares(schema, ['secret'])).toBe(false);
    expect(declares(schema, ['__proto__'])).toBe(false);
    expect(declares(schema, ['constructor'])).toBe(false);
  });

  it('declares one item of a list by its items: {{datasets.[0].title}}, and by place in a list of places', () => {
    const schema = {
      type: 'object',
      properties: {
        question: { type: 'string' },
        datasets: { type: 'array', items: { type: 'object', properties: { title: { type: 'string' } } } },
        pair: { type: 'array', items: [{ type: 'string' }, { type: 'object', properties: { n: {} } }] },
        open: { type: 'array', items: [{ type: 'string' }], additionalItems: { type: 'number' } },
        numbered: { type: 'object', properties: { '0': { type: 'string' } } },
      },
    };
    const paths = analyseTemplate('{{datasets.[0].title}} {{datasets.12.title}}', '/template').variables;
    expect(paths.map((path) => declares(schema, path))).toEqual([true, true]);
    expect(declares(schema, ['datasets', '0', 'url'])).toBe(false);
    expect(declares(schema, ['question', '0'])).toBe(false); // a text has no items
    expect(declares(schema, ['datasets', '01', 'title'])).toBe(false); // not an index Handlebars reads as one
    expect(declarationsOf(schema, ['pair', '1'])).toEqual([{ type: 'object', properties: { n: {} } }]);
    expect(declares(schema, ['pair', '2'])).toBe(false);
    expect(declarationsOf(schema, ['open', '5'])).toEqual([{ type: 'number' }]);
    expect(declarationsOf(schema, ['numbered', '0'])).toEqual([{ type: 'string' }]);
  });

  it('finds declarations in every part of the schema: allOf, anyOf, oneOf and local references', () => {
    const schema = {
      type: 'object',
      allOf: [{ properties: { question: { type: 'string' } } }, { $ref: '#/$defs/withDatasets' }],
      anyOf: [{ properties: { locale: { enum: ['fr', 'en'] } } }],
      $defs: {
        withDatasets: { properties: { datasets: { type: 'array', items: { $ref: '#/$defs/dataset' } } } },
        dataset: { oneOf: [{ properties: { title: { type: 'string' } } }] },
      },
    };
    expect(declares(schema, ['question'])).toBe(true);
    expect(declares(schema, ['locale'])).toBe(true);
    expect(declares(schema, ['datasets', 'length'])).toBe(true);
    expect(declares(schema, ['datasets', '[]', 'title'])).toBe(true);
    expect(declares(schema, ['datasets', '[]', 'url'])).toBe(false);
    expect(declares(schema, ['withDatasets'])).toBe(false);
  });

  it('follows a $ref to an anchor to the part that declares it, as the validator does', () => {
    const schema = {
      type: 'object',
      properties: { title: { $ref: '#titre' }, tags: { $ref: '#liste' } },
      $defs: {
        title: { $anchor: 'titre', type: 'string' },
        tags: { $anchor: 'liste', type: 'array', items: { type: 'string' } },
      },
    };
    // The anchor was read as the whole schema: title.title was declared, and tags an object, not a list.
    expect(declares(schema, ['title', 'title'])).toBe(false);
    expect(declares(schema, ['tags', '[]'])).toBe(true);
    expect(declarationsOf(schema, ['tags'])?.some((s) => s['type'] === 'object')).toBe(false);
  });

  it('renders without escaping and refuses prototype lookups at run time too', () => {
    expect(renderTemplate('Q: {{q}} <b>{{truncate q 5}}</b>', { q: 'Données & "arbres"' })).toBe(
      'Q: Données & "arbres" <b>Donn…</b>',
    );
    expect(() => renderTemplate('{{missing}}', {})).toThrow();
    expect(renderTemplate('{{formatDate d "fr"}}', { d: '2026-03-02' })).toBe('2 mars 2026');
  });

  it('formats only a real calendar day, and a date-time on the day it was written, leaving anything else as it is', () => {
    const formatted = (d: unknown, locale = 'fr') => renderTemplate(`{{formatDate d "${locale}"}}`, { d });
    expect(formatted('Dossier 7')).toBe('Dossier 7');
    expect(formatted('1')).toBe('1');
    expect(formatted(5)).toBe('5');
    expect(formatted('2026-02-30')).toBe('2026-02-30');
    expect(formatted('2026-02-31T10:00:00Z')).toBe('2026-02-31T10:00:00Z');
    expect(formatted('2026-12-04T23:30:00-05:00')).toBe('4 décembre 2026');
    expect(formatted('2026-12-04T23:30:00-05:00', 'en')).toBe('December 4, 2026');
    expect(formatted('2024-02-29')).toBe('29 février 2024');
  });
});

describe('the whole set of variables', () => {
  it('refuses {{this}} and {{.}} outside any block, which would print [object Object], and keeps them in a loop', () => {
    const reasons = (template: string) =>
      analyseTemplate(template, '/template').problems.map((p) => p.params?.['reason']);
    expect(reasons('A{{this}}B')).toEqual(['whole_root']);
    expect(reasons('A{{.}}B')).toEqual(['whole_root']);
    expect(reasons('{{#each l}}{{../this}}{{/each}}')).toEqual(['whole_root']);
    expect(reasons('{{#each l}}{{this}}{{/each}}{{#with o}}{{this}}{{/with}}')).toEqual([]);
    // In a block over what a helper answers, {{this}} is that answer.
    const overHelper = analyseTemplate('{{#with (truncate titre 3)}}{{this}}{{/with}}', '/template');
    expect([overHelper.problems, overHelper.variables]).toEqual([[], [['titre']]]);
    expect(renderTemplate('{{#with (truncate titre 3)}}[{{this}}]{{/with}}', { titre: 'Bonjour' })).toBe('[Bo…]');
    expect(reasons('{{#with (truncate titre 3)}}{{../this}}{{/with}}')).toEqual(['whole_root']);
  });

  it('refuses reading a member of what a helper answers, a text on which every strict render fails', () => {
    const reasons = (template: string) =>
      analyseTemplate(template, '/template').problems.map((p) => [p.params?.['reason'], p.params?.['name']]);
    expect(() => renderTemplate('{{#with (truncate titre 3)}}{{length}}{{/with}}', { titre: 'Bonjour' })).toThrow();
    expect(reasons('{{#with (truncate titre 3)}}{{length}}{{/with}}')).toEqual([['helper_member', 'length']]);
    expect(reasons('{{#with (truncate titre 3)}}{{#each this}}{{a}}{{/each}}{{/with}}')).toEqual([
      ['helper_member', 'a'],
    ]);
    // join over it is join over a text, as {{join (truncate titre)}} is.
    expect(reasons('{{#with (truncate titre)}}{{join this}}{{/with}}')).toEqual([['join_not_a_list', 'this']]);
  });

  it('lists the variables written as text: printed, or given to truncate and formatDate', () => {
    const { written, variables } = analyseTemplate(
      '{{a}} {{truncate b 3}} {{formatDate c}} {{join d}} {{#if e}}{{#each f}}{{this}}{{/each}}{{/if}}',
      '/template',
    );
    expect(written).toEqual([['a'], ['b'], ['c'], ['f', '[]']]);
    expect(variables).toEqual([['a'], ['b'], ['c'], ['d'], ['e'], ['f'], ['f', '[]']]);
  });

  it('reads the named values of a block as variables too (a review saved {{#if a b=c}} with c undeclared)', () => {
    const { problems, variables } = analyseTemplate('{{#if a b=c}}x{{/if}}{{#each l k=(truncate d 3)}}{{/each}}', '/t');
    expect(problems).toEqual([]);
    expect(variables).toEqual([['a'], ['c'], ['l'], ['d']]);
  });

  it('reads @root.x as the variable x, which the schema must declare, and refuses {{@root}} alone', () => {
    expect(() => renderTemplate('{{@root.secret}}', {})).toThrow(/"secret" not defined/);
    const read = analyseTemplate('{{#each lignes}}{{@root.secret}}{{join @root.tags}}{{/each}}', '/template');
    expect([read.problems, read.variables, read.lists]).toEqual([[], [['lignes'], ['secret'], ['tags']], [['tags']]]);
    const prototype = analyseTemplate('{{@root.constructor}}', '/template');
    expect([prototype.problems.map((p) => p.params?.['reason']), prototype.variables]).toEqual([['prototype'], []]);
    const whole = analyseTemplate('{{@root}}', '/template').problems.map((p) => p.params?.['reason']);
    expect(whole).toEqual(['whole_root']);
  });

  it('follows Handlebars where a block adds no level, and refuses what every render would fail on or read unchecked', () => {
    const reasons = (template: string) =>
      analyseTemplate(template, '/template').problems.map((p) => [p.params?.['reason'], p.params?.['name']]);
    // {{#with this}} (and {{#with @root}} at the top) is the context around it: ../ climbs past it.
    expect(
      renderTemplate('{{#each l}}{{#with this}}{{../s}}{{/with}}{{/each}}', { l: [{ s: 'item' }], s: 'top' }),
    ).toBe('top');
    expect(analyseTemplate('{{#each l}}{{#with this}}{{../s}}{{/with}}{{/each}}', '/t').variables).toEqual([
      ['l'],
      ['l', '[]'],
      ['s'],
    ]);
    expect(reasons('{{#with @root}}{{../x}}{{/with}}')).toEqual([['depth', '../x']]);
    expect(reasons('{{#with this as |r|}}{{r.z}}{{/with}}')).toEqual([['block_params', 'r']]);
    expect(reasons('{{@../root.x}}')).toEqual([['depth', '@../root.x']]);
    expect(reasons('{{#each l}}{{@../index}}{{/each}}')).toEqual([['depth', '@../index']]);
    expect(reasons('{{#each l}}{{#each this}}{{@../index}}{{/each}}{{@../root.x}}{{/each}}')).toEqual([]);
    expect(reasons('{{truncate this}} {{formatDate @root}}')).toEqual([
      ['whole_root', 'this'],
      ['whole_root', '@root'],
    ]);
    expect(reasons('{{lookup}} {{log}}')).toEqual([
      ['helper', 'lookup'],
      ['helper', 'log'],
    ]);
  });

  it('refuses ../ past a block over a value Handlebars may take for the context around it, whose level it then leaves out', () => {
    const reasons = (template: string) =>
      analyseTemplate(template, '/template').problems.map((p) => [p.params?.['reason'], p.params?.['name']]);
    // Handlebars adds a level only for a value that is not the context around it: an inner item equal to the
    // outer one (the same text, the same object) leaves it out, and ../ climbs one level less (an API probe).
    const pairs = '{{#each items}}[{{#each ../items}}{{../this}}{{/each}}]{{/each}}';
    expect(renderTemplate(pairs, { items: ['a', 'b'] })).toBe('[[object Object]a][b[object Object]]');
    expect(reasons(pairs)).toEqual([['depth_by_value', '../this']]);
    expect(reasons('{{#each items}}{{#each ../items}}{{../../name}}{{/each}}{{/each}}')).toEqual([
      ['depth_by_value', '../../name'],
    ]);
    expect(reasons('{{#each items}}{{#each @root.items}}{{../x}}{{/each}}{{/each}}')).toEqual([
      ['depth_by_value', '../x'],
    ]);
    expect(reasons('{{#each items}}{{#with (truncate this 5)}}{{../x}}{{/with}}{{/each}}')).toEqual([
      ['depth_by_value', '../x'],
    ]);
    // The same reads by path from the root, or ../ that climbs only levels every render adds, are kept.
    expect(reasons('{{#each items}}[{{#each ../items}}{{this}}{{@root.name}}{{/each}}]{{/each}}')).toEqual([]);
    expect(reasons('{{#each orders}}{{#each lines}}{{../id}} {{../../name}}{{/each}}{{/each}}')).toEqual([]);
    expect(reasons('{{#each items}}{{#each ../items}}{{#each tags}}{{../label}}{{/each}}{{/each}}{{/each}}')).toEqual(
      [],
    );
  });

  it('reads {{[()]}} as the variable it names, which the schema must declare like any other', () => {
    const schema = { type: 'object', properties: { x: { type: 'string' } }, additionalProperties: false };
    for (const template of ['{{[()]}}', '{{join [()]}}', '{{#each [()]}}{{a.b}}{{/each}}'])
      expect(analyseTemplate(template, '/template').variables[0]?.[0]).toBe('()');
    expect(declares(schema, ['()'])).toBe(false);
  });
});

describe('template nesting', () => {
  it(`accepts ${MAX_TEMPLATE_NESTING} nested blocks and refuses one more, naming the field`, () => {
    expect(analyseTemplate(nested(MAX_TEMPLATE_NESTING), '/template').problems).toEqual([]);
    expect(analyseTemplate(nested(MAX_TEMPLATE_NESTING + 1), '/system').problems).toEqual([
      {
        path: '/system',
        message: expect.stringMatching(/^nests 17 levels deep; at most 16 are allowed/),
        keyword: 'template',
        params: { reason: 'nesting', found: 17, limit: 16 },
      },
    ]);
  });

  it('refuses the 2 000 nested blocks that blew the call stack, as a problem and not an exception', () => {
    const { problems } = analyseTemplate(nested(2000), '/template');
    expect(problems).toEqual([
      expect.objectContaining({ path: '/template', message: expect.stringMatching(/^nests 2000 levels deep/) }),
    ]);
  });

  it('counts {{else if}} branches and subexpressions as levels, as Handlebars nests them', () => {
    const chain = `{{#if a}}0${Array.from({ length: 16 }, (_, i) => `{{else if b}}${i + 1}`).join('')}{{/if}}`;
    expect(analyseTemplate(chain, '/template').problems[0]?.message).toMatch(/nests 17 levels deep/);
    const sub = `{{eq ${'(eq '.repeat(17)}a${')'.repeat(17)} b}}`;
    expect(analyseTemplate(sub, '/template').problems[0]?.message).toMatch(/nests 17 levels deep/);
  });

  it('does not count what only looks like a block: comments, escaped mustaches, strings', () => {
    const lookalikes = `{{!-- ${'{{#if q}}'.repeat(20)} --}}\\{{q}} \\{{#if q}} {{eq q "${'{{#if q}}('.repeat(20)}"}}`;
    expect(analyseTemplate(lookalikes, '/template').problems).toEqual([]);
    expect(analyseTemplate('{{#each l}}{{else}}-{{/each}}'.repeat(40), '/template').problems).toEqual([]);
  });
});

describe('template size', () => {
  it(`accepts ${MAX_TEMPLATE_TAGS} tags and refuses one more, counting subexpressions, before parsing`, () => {
    expect(analyseTemplate('{{q}} '.repeat(MAX_TEMPLATE_TAGS), '/template').problems).toEqual([]);
    expect(analyseTemplate('{{q}} '.repeat(MAX_TEMPLATE_TAGS + 1), '/system').problems).toEqual([
      {
        path: '/system',
        message: expect.stringMatching(/^has 201 tags; at most 200 are allowed/),
        keyword: 'template',
        params: { reason: 'tags', found: 201, limit: 200 },
      },
    ]);
    // 100 tags with one subexpression each are 200; a comment is not a tag.
    const dense = '{{eq (truncate q 3) "a"}}'.repeat(MAX_TEMPLATE_TAGS / 2) + '{{! note }}';
    expect(analyseTemplate(dense, '/template').problems).toEqual([]);
    expect(analyseTemplate(dense + '{{q}}', '/template').problems[0]?.message).toMatch(/^has 201 tags/);
  });

  it('refuses the dense 32 KB template that took a second to compile', () => {
    expect(analyseTemplate('{{q}} '.repeat(5_400), '/template').problems).toEqual([
      expect.objectContaining({ path: '/template', message: expect.stringMatching(/^has 5400 tags/) }),
    ]);
  });

  it('does not render a template past the limit that was stored before the limit existed', () => {
    expect(() => renderTemplate('{{q}}'.repeat(MAX_TEMPLATE_TAGS + 1), { q: 1 })).toThrow(RenderLimitError);
  });
});

describe('template syntax errors', () => {
  const message = (template: string) => analyseTemplate(template, '/template').problems[0]?.message;

  it('says where the template breaks and what was found, in words rather than grammar tokens', () => {
    expect(message('Bonjour {{#if q}}oui')).toBe(
      'is not a valid template: line 1, after "Bonjour {{#if q}}oui": found the end of the template; expected {{else …}} or {{else}} or {{/…}}',
    );
    expect(message('{{q}} {{truncate q n=}}')).toBe(
      'is not a valid template: line 1, after "…{q}} {{truncate q n=": found }}; expected ( or a name or a value or an @ variable',
    );
    expect(message('a\nb\n{{#each l}}{{/if}}')).toBe('is not a valid template: line 3: {{#each}} is closed by {{/if}}');
  });

  it('gives the console the place and the words to say it in its language', () => {
    expect(analyseTemplate('Bonjour {{#if q}}oui', '/template').problems[0]).toMatchObject({
      keyword: 'template',
      params: {
        reason: 'syntax',
        line: 1,
        before: 'Bonjour {{#if q}}oui',
        found: 'end',
        expected: ['else_chain', 'else', 'close_block'],
      },
    });
    expect(analyseTemplate('{{#each l}}{{/if}}', '/template').problems[0]?.params).toEqual({
      reason: 'mismatch',
      line: 1,
      opened: 'each',
      closed: 'if',
    });
  });

  it('quotes only the 20 characters before the error on a long line', () => {
    expect(message(`${'x'.repeat(100)} {{q`)).toBe(
      'is not a valid template: line 1, after "…xxxxxxxxxxxxxxxxx {{": found a character that cannot appear there; expected a name or a value or an @ variable',
    );
  });
});

describe('render budget', () => {
  const l = Array.from({ length: 60 }, (_, i) => `item ${i}`);

  it('stops four nested #each over 60 items (13 million iterations, 260 MB) with RenderLimitError', () => {
    const template =
      '{{#each l}}{{#each @root.l}}{{#each @root.l}}{{#each @root.l}}{{@root.q}}{{/each}}{{/each}}{{/each}}{{/each}}';
    expect(['steps', 'time']).toContain(stopped(template, { l, q: 'x'.repeat(20) }));
  });

  it('stops a render past its output limit, even without a loop', () => {
    const q = 'x'.repeat(RENDER_LIMITS.characters / 4);
    expect(stopped('{{q}}{{q}}{{q}}{{q}}', { q })).toBeNull();
    expect(stopped('{{q}}{{q}}{{q}}{{q}}!', { q })).toBe('characters');
    const items = Array.from({ length: 20_000 }, () => 'x'.repeat(15)); // 320 000 characters written out
    expect(stopped('{{l}}', { l: items })).toBeNull();
    expect(stopped('{{l}}{{l}}', { l: items })).toBe('characters');
  });

  it('counts once what nested blocks render: 480 000 characters from two nested #each render', () => {
    const text = renderTemplate('{{#each l}}{{#each ../l}}{{#if @root.q}}{{@root.q}}{{/if}}{{/each}}{{/each}}', {
      l: [1, 2],
      q: 'y'.repeat(120_000),
    });
    expect(text.length).toBe(480_000);
  });

  it('charges helpers for the size of what they read', () => {
    const big = Array.from({ length: RENDER_LIMITS.steps }, () => 'a');
    expect(stopped('{{join l ""}}', { l: big })).toBe('steps');
    // truncate reads a list only as far as it shows it.
    expect(renderTemplate('{{truncate l 5}}', { l: big })).toBe('a,a,…');
  });

  it('truncates a list to what String() would write, reading only as far as it shows', () => {
    const item: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constant({}),
        fc.array(tie('value'), { maxLength: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), fc.nat(40), (list, n) => {
        const whole = String(list);
        const shown = renderTemplate(`{{truncate l ${n}}}`, { l: list });
        const expected = renderTemplate(`{{truncate t ${n}}}`, { t: whole });
        expect(shown).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
    // 100 lists of 1 300 numbers: a megabyte of text, of which five characters are shown.
    const numbers = Array.from({ length: 100 }, () => Array.from({ length: 1_300 }, (_, i) => i * 1.5));
    expect(renderTemplate('{{truncate n 5}}', { n: numbers })).toBe('0,1.…');
    // A text is charged for what is shown too: 900 KB cut to 200 characters had spent the render's budget.
    expect(renderTemplate('{{truncate q 200}}', { q: 'é'.repeat(900_000) })).toBe(`${'é'.repeat(199)}…`);
    // What it writes still counts: 3 000 cuts of 200 characters pass the render's 500 000.
    const l = Array.from({ length: 3_000 }, (_, i) => i);
    expect(stopped('{{#each l}}{{truncate ../q 200}}{{/each}}', { l, q: 'é'.repeat(900_000) })).toBe('characters');
  });

  it('charges join and formatDate for the text they write, even inside a block that writes nothing', () => {
    // 70 000 numbers: 60 calls of either, each charged a few units, held the event loop 0.4–1.8 s.
    const numbers = Array.from({ length: 70_000 }, (_, i) => 0.1234567 + i);
    expect(stopped('x' + '{{#if (join l)}}{{/if}}'.repeat(60), { l: [numbers] })).toBe('steps');
    expect(stopped('x' + '{{#if (formatDate d)}}{{/if}}'.repeat(60), { d: numbers })).toBe('steps');
    // What they write at ordinary sizes still renders.
    expect(renderTemplate('{{join l}} / {{formatDate d}}', { l: [[1, 2], 3], d: 'Dossier 7' })).toBe(
      '1,2, 3 / Dossier 7',
    );
  });

  it('truncates before a character outside the BMP rather than through it', () => {
    // « Bonjour 😀 » : the emoji is two UTF-16 units, the 9th and 10th; cut at 10, the 9th alone was left.
    expect(renderTemplate('{{truncate q 10}}', { q: 'Bonjour 😀 je cherche' })).toBe('Bonjour …');
    expect(renderTemplate('{{truncate q 11}}', { q: 'Bonjour 😀 je cherche' })).toBe('Bonjour 😀…');
  });

  it('renders the same text from the cached compiled template', () => {
    const template = '{{#each l}}{{this}}{{#unless @last}}, {{/unless}}{{/each}} — {{formatDate d "en"}}';
    const first = renderTemplate(template, { l: ['a', 'b'], d: '2026-04-01' });
    expect(first).toBe('a, b — April 1, 2026');
    expect(renderTemplate(template, { l: ['c'], d: '2026-04-01' })).toBe('c — April 1, 2026');
  });
});
