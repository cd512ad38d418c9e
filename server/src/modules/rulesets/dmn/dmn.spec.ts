import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { turnsDuring } from '../../../common/async/turns-during.js';
import { checksumOf } from '../../../common/json/canonical.js';
import { ValidationError, type ErrorDetail } from '../../../common/errors/domain-errors.js';
import type { RulesetContent } from '../ruleset.types.js';
import { runStepsInTurns } from '../../../common/async/steps.js';
import { timeSlices } from '../../../common/async/time-slices.js';
import { exportDmn, exportDmnSteps } from './dmn-export.js';
import { importDmn } from './dmn-import.js';
import { validateRulesetContent } from '../ruleset-validation.js';
import { prepare, runNow } from '../../../engine/evaluate.js';
import { parseDmnXml } from './dmn-xml.js';

type Ruleset = { key: string; name: string; description?: string; format: string } & RulesetContent;

/** The content of a create request, as the lifecycle stores it (what the checksum covers). */
const contentOf = ({
  key: _k,
  name: _n,
  pilot: _p,
  format: _f,
  description: _d,
  ...content
}: Record<string, unknown>) => content;

const refusal = async (run: () => unknown) => {
  try {
    await run();
  } catch (err) {
    if (err instanceof ValidationError) return { code: err.code, details: err.details };
    throw err;
  }
  throw new Error('expected a refusal');
};

/** Every shape a table can take: hints, explanations in one language, params of every JSON type, odd paths. */
const fixture: Ruleset = {
  key: 'fixture',
  name: 'Table « d’essai » & co',
  description: 'Lignes\nsur deux',
  format: 'decisionTable',
  inputSchema: {
    type: 'object',
    properties: {
      invoice: {
        type: 'object',
        properties: {
          total: { type: 'number' },
          lines: { type: 'array', items: { type: 'object', properties: { amount: { type: 'integer' } } } },
          'montant-ht': { type: 'number' },
          flag: { type: 'boolean' },
          language: { type: ['string', 'null'], enum: ['fr', 'en', null] },
        },
      },
    },
  },
  definition: {
    hitPolicy: 'collect',
    inputs: [
      { id: 'total', label: 'Total <TTC>', fact: 'invoice', path: '$.total' },
      { id: '1st-line', fact: 'invoice', path: '$.lines[0].amount' },
      { id: 'ht', fact: 'invoice', path: "$['montant-ht']" },
      { id: 'flag', fact: 'invoice', path: '$.flag' },
      { id: 'language', fact: 'invoice', path: '$.language' },
    ],
    rows: [
      {
        id: '1',
        cells: {
          total: { operator: 'greaterThanInclusive', value: 1e21 },
          '1st-line': { operator: 'in', value: [3] },
          ht: { operator: 'notIn', value: [0.1] },
          flag: { operator: 'equal', value: false },
          language: { operator: 'not:in', value: ['fr', null] },
        },
        event: { type: 'review', params: { level: 'x', n: 0.5, list: [1, 'a', null], deep: { ok: true } } },
        explanation: { fr: '  espaces  \n{{money invoice.total}} & <b>' },
      },
      {
        id: 'other',
        cells: { language: { operator: 'not:equal', value: 'en' }, total: { operator: 'not:lessThan', value: -3 } },
        event: { type: 'approve', params: {} },
        explanation: { en: 'Tab\there', fr: 'é"\'' },
      },
      { id: 'fallback', cells: {}, event: { type: 'manual_review' } },
    ],
  },
  tests: [{ name: 'un cas', facts: { invoice: { total: 1 } }, expectedEvents: ['manual_review'] }],
  computedFacts: [{ name: 'twice', expression: 'invoice.total * 2' }],
  settings: { logDecisions: false },
};

const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices-approval-routing.json', 'utf8')) as Ruleset;

describe('reading DMN XML', () => {
  const ns = 'xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"';
  const refused = async (xml: string) =>
    (await refusal(() => parseDmnXml(xml))) as { code: string; details: ErrorDetail[] };

  it('refuses an element with 60 000 attributes, and 100 000 nested elements, as soon as the bound is passed', async () => {
    const attributes = Array.from({ length: 60_000 }, (_, i) => `a${i}="x"`).join(' ');
    expect((await refused(`<definitions ${ns} ${attributes}/>`)).details[0]).toMatchObject({
      path: '/',
      message: expect.stringMatching(/^line 1, column \d+: an element has more than 100 attributes$/),
      keyword: 'syntax',
    });
    const deep = `<definitions ${ns}>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</definitions>`;
    expect((await refused(deep)).details[0]?.message).toMatch(/elements nest more than 100 levels deep$/);
  });

  it('names an entity XML does not define, and the place of a tag closed out of order', async () => {
    expect((await refused(`<definitions ${ns}>\n<a>&nbsp;</a></definitions>`)).details[0]?.message).toBe(
      'line 2, column 9: an entity XML does not define; only &amp; &lt; &gt; &quot; &apos; and character references are read',
    );
    expect((await refused(`<definitions ${ns}>\n<decision>\n<x></definitions>`)).details[0]?.message).toMatch(
      /^line 3, column \d+: /,
    );
  });

  it('gives the event loop turns while it reads a large file', async () => {
    const { result: root, turns } = await turnsDuring(() =>
      parseDmnXml(`<definitions ${ns}>${'<x a="&lt;&#233;"/>'.repeat(200_000)}</definitions>`),
    );
    expect(root.children).toHaveLength(200_000);
    expect(root.children[0]).toEqual({ name: 'x', attrs: { a: '<é' }, children: [], text: '' });
    // Read in one piece, the file left no turn at all to other work until it was done.
    expect(turns).toBeGreaterThan(1);
  });
});

describe('DMN export and import', () => {
  it('writes a 2 000-row table in time slices, the same text as in one go', async () => {
    const rows = (fixture.definition as { rows: { id: string }[] }).rows;
    const many = Array.from({ length: 2000 }, (_, i) => ({ ...rows[i % rows.length]!, id: `r${i}` }));
    const large = { ...fixture, definition: { ...fixture.definition, rows: many } };
    const { result, turns } = await turnsDuring(() =>
      runStepsInTurns(exportDmnSteps(large.key, large, large), timeSlices(1)),
    );
    expect(result).toBe(exportDmn(large.key, large, large));
    expect(turns).toBeGreaterThan(1);
  });

  it.each([
    ['the seeded approval-routing pilot', pilot],
    ['a table using every mapped form', fixture],
  ])('round-trips %s with the same checksum', async (_name, ruleset) => {
    const xml = exportDmn(ruleset.key, ruleset, ruleset);
    const imported = await importDmn(xml, { key: 'copy', pilot: 'invoices' });
    expect(imported.name).toBe(ruleset.name);
    expect(imported.description).toBe(ruleset.description);
    expect(contentOf(imported)).toEqual(contentOf(ruleset as unknown as Record<string, unknown>));
    expect(checksumOf(contentOf(imported))).toBe(checksumOf(contentOf(ruleset as unknown as Record<string, unknown>)));
  });

  it('writes DMN 1.3 a reader can follow: hit policy, typed inputs, FEEL tests, type and params outputs', async () => {
    const xml = exportDmn(pilot.key, pilot, pilot);
    expect(xml).toContain('<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"');
    expect(xml).toContain('<decisionTable id="decisionTable" hitPolicy="FIRST">');
    expect(xml).toContain('<text>approval.level</text>');
    expect(xml).toContain('<text>"team_lead"</text>');
    expect(xml).toContain('<output id="output_type" name="type" typeRef="string"/>');
    expect(xml).toContain('<text>{"level": "team_lead"}</text>');
    const fixtureXml = exportDmn(fixture.key, fixture, fixture);
    expect(fixtureXml).toContain('hitPolicy="COLLECT"');
    expect(fixtureXml).toContain('<inputExpression id="inputExpression_1" typeRef="number"><text>invoice.total</text>');
    expect(fixtureXml).toContain('<text>invoice.lines[1].amount</text>');
    expect(fixtureXml).toContain('<text>-</text>');
  });

  it('refuses to export a cell with no FEEL unary test, naming each', async () => {
    const table = structuredClone(fixture);
    const rows = table.definition['rows'] as { cells: Record<string, unknown> }[];
    rows[0]!.cells['total'] = { operator: 'matches', value: '^1' };
    rows[2]!.cells['ht'] = { operator: 'lessThan', value: { fact: 'parameters', path: '$.max' } };
    expect(await refusal(() => exportDmn('fixture', table, table))).toEqual({
      code: 'dmn_unmappable',
      details: [
        { path: '/definition/rows/0/cells/total', message: expect.stringContaining('matches') },
        { path: '/definition/rows/2/cells/ht', message: expect.stringContaining('another fact') },
      ],
    });
  });

  it('refuses a rule with fewer entries than the table has columns, saying how many of each', async () => {
    const xml = exportDmn(fixture.key, fixture, fixture).replace(
      /<inputEntry\b[^>]*>\s*<text>[^<]*<\/text>\s*<\/inputEntry>/,
      '',
    );
    const { details } = await refusal(() => importDmn(xml, { key: 'k', pilot: 'p' }));
    expect(details).toContainEqual({
      path: '/definitions/decision/0/decisionTable/rule/0',
      message: expect.stringMatching(/input entries for \d+ inputs$/),
      keyword: 'dmn',
      params: { reason: 'input_count', entries: expect.any(Number), expected: expect.any(Number) },
    });
    const { params } = details.find((d) => d.params?.['reason'] === 'input_count')!;
    expect(params!['entries']).toBe((params!['expected'] as number) - 1);
  });

  it('lists every entry it cannot map, naming the rule', async () => {
    const xml = exportDmn(fixture.key, fixture, fixture)
      .replace('<text>&gt;= 1000000000000000000000</text>', '<text>not([1..5])</text>')
      .replace('<text>"manual_review"</text>', '<text>upper case("x")</text>')
      .replace('<text>not("en")</text>', '<text>&lt; 1, &gt; 5</text>');
    const { details } = await refusal(() => importDmn(xml, { key: 'k', pilot: 'p' }));
    expect(details).toEqual([
      {
        path: '/definitions/decision/0/decisionTable/rule/0/inputEntry/0',
        message: expect.stringMatching(/rule rule_1.*range/),
        keyword: 'dmn',
        params: { reason: 'range', text: 'not([1..5])' },
      },
      {
        path: '/definitions/decision/0/decisionTable/rule/1/inputEntry/4',
        message: expect.stringContaining('rule rule_2'),
        keyword: 'dmn',
        params: { reason: 'or_list', text: '< 1, > 5' },
      },
      {
        path: '/definitions/decision/0/decisionTable/rule/2/outputEntry/0',
        message: expect.stringContaining('rule rule_3'),
        keyword: 'dmn',
        params: { reason: 'not_literal', at: 1, literalOnly: true, text: 'upper case("x")' },
      },
    ]);
  });

  it('reads inputs named like what every object inherits as data, and refuses __proto__, touching no prototype', async () => {
    const table = (inputs: string[]) =>
      `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision name="x"><decisionTable>${inputs
        .map((text) => `<input><inputExpression typeRef="number"><text>${text}</text></inputExpression></input>`)
        .join('')}<output name="o"/><rule>${inputs
        .map(() => '<inputEntry><text>1</text></inputEntry>')
        .join('')}<outputEntry><text>"x"</text></outputEntry></rule></decisionTable></decision></definitions>`;
    const { details } = await refusal(() =>
      importDmn(table(['a.__proto__', '__proto__', 'b.constructor.x']), { key: 'k', pilot: 'p' }),
    );
    expect(details.map((d) => [d.path, d.params?.['reason']])).toEqual([
      ['/definitions/decision/0/decisionTable/input/0/inputExpression', 'input_expression'],
      ['/definitions/decision/0/decisionTable/input/1/inputExpression', 'input_expression'],
      ['/definitions/decision/0/decisionTable/input/2/inputExpression', 'input_expression'],
    ]);
    const imported = await importDmn(table(['toString', 'a.hasOwnProperty']), { key: 'k', pilot: 'p' });
    expect(imported.inputSchema).toEqual({
      type: 'object',
      properties: {
        toString: { type: 'number' },
        a: { type: 'object', properties: { hasOwnProperty: { type: 'number' } } },
      },
      required: ['toString', 'a'],
    });
    expect(Object.prototype).not.toHaveProperty('type');
    expect(Object.prototype.toString).not.toHaveProperty('type');
    expect(Object.prototype.hasOwnProperty).not.toHaveProperty('type');
  });

  it('refuses two outputs of one name, a number too large for one, and half a character, each at its place', async () => {
    const table = (outputs: string[], input: string, values: string[]) =>
      `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision name="x"><decisionTable>` +
      `<input><inputExpression typeRef="number"><text>a</text></inputExpression></input>` +
      outputs.map((name) => `<output name="${name}"/>`).join('') +
      `<rule><inputEntry><text>${input}</text></inputEntry>` +
      values.map((v) => `<outputEntry><text>${v}</text></outputEntry>`).join('') +
      `</rule></decisionTable></decision></definitions>`;
    const huge = '9'.repeat(400);
    const { details } = await refusal(() =>
      importDmn(table(['risk', 'risk'], `&lt; ${huge}`, ['"A"', `{"limit": ${huge}}`]), { key: 'k', pilot: 'p' }),
    );
    // The first value was dropped, and the limit stored as null; `< 9…9` became `lessThan null`.
    expect(details.map((d) => [d.path, d.params?.['reason']])).toEqual([
      ['/definitions/decision/0/decisionTable/output/1/@name', 'duplicate_output'],
      ['/definitions/decision/0/decisionTable/rule/0/inputEntry/0', 'inexact_number'],
      ['/definitions/decision/0/decisionTable/rule/0/outputEntry/1', 'inexact_number'],
    ]);
    // `"\uD800"`: a text no JSON body may hold, and the draft could not be saved back.
    const half = await refusal(() => importDmn(table(['o'], '1', ['"\\uD800"']), { key: 'k', pilot: 'p' }));
    expect(half.details.map((d) => d.params?.['reason'])).toEqual(['lone_surrogate']);
    const pair = await importDmn(table(['o'], '1', ['"\\uD83D\\uDE00"']), { key: 'k', pilot: 'p' });
    expect(JSON.stringify(pair.definition)).toContain('😀');
  });

  it('reads a column of ranges as two columns on the same fact, which decide as the ranges did', async () => {
    const rule = (amount: string, region: string, discount: string) =>
      `<rule><inputEntry><text>${amount}</text></inputEntry><inputEntry><text>${region}</text></inputEntry>` +
      `<outputEntry><text>${discount}</text></outputEntry></rule>`;
    const xml =
      `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision name="Remise">` +
      `<decisionTable hitPolicy="FIRST">` +
      `<input label="Montant"><inputExpression typeRef="number"><text>order.amount</text></inputExpression></input>` +
      `<input><inputExpression typeRef="string"><text>order.region</text></inputExpression></input>` +
      `<output name="discount"/>` +
      rule('&lt; 1000', '-', '0') +
      rule('[1000..10000)', '"QC"', '0.05') +
      rule(']1000..10000]', '-', '0.02') +
      rule('&gt; 10000', '-', '0.1') +
      `</decisionTable></decision></definitions>`;
    const imported = await importDmn(xml, { key: 'k', pilot: 'p' });
    const definition = imported.definition as { inputs: unknown[]; rows: { cells: Record<string, unknown> }[] };
    expect(definition.inputs).toEqual([
      { id: 'order-amount', fact: 'order', path: '$.amount', label: 'Montant' },
      { id: 'order-amount-max', fact: 'order', path: '$.amount', label: 'Montant (max)' },
      { id: 'order-region', fact: 'order', path: '$.region' },
    ]);
    expect(definition.rows.map((row) => row.cells)).toEqual([
      { 'order-amount': { operator: 'lessThan', value: 1000 } },
      {
        'order-amount': { operator: 'greaterThanInclusive', value: 1000 },
        'order-amount-max': { operator: 'lessThan', value: 10000 },
        'order-region': { operator: 'equal', value: 'QC' },
      },
      {
        'order-amount': { operator: 'greaterThan', value: 1000 },
        'order-amount-max': { operator: 'lessThanInclusive', value: 10000 },
      },
      { 'order-amount': { operator: 'greaterThan', value: 10000 } },
    ]);
    await expect(
      validateRulesetContent('decisionTable', contentOf(imported) as unknown as RulesetContent),
    ).resolves.toBeUndefined();
    // Each end of each range, inside and out: the discount a DMN engine gives.
    const prepared = prepare('decisionTable', definition as unknown as Record<string, unknown>, []);
    const discount = (amount: number, region: string) =>
      runNow(prepared, { order: { amount, region } }).events.map((e) => (e.params as { discount: number }).discount);
    expect(
      [
        [999.99, 'QC'],
        [1000, 'QC'],
        [1000, 'ON'],
        [1000.01, 'ON'],
        [9999, 'QC'],
        [10000, 'QC'],
        [10000, 'ON'],
        [10000.5, 'QC'],
      ].map(([amount, region]) => discount(amount as number, region as string)),
    ).toEqual([[0], [0.05], [], [0.02], [0.05], [0.02], [0.02], [0.1]]);
  });

  it("reads Camunda's number types, its empty output cells as null, and a column testing null as one that may be null", async () => {
    const xml =
      `<definitions xmlns="https://www.omg.org/spec/DMN/20151101/dmn.xsd"><decision name="Plat">` +
      `<decisionTable hitPolicy="FIRST">` +
      `<input label="Invités"><inputExpression typeRef="integer"><text>guestCount</text></inputExpression></input>` +
      `<input label="Saison"><inputExpression typeRef="string"><text>season</text></inputExpression></input>` +
      `<input label="Budget"><inputExpression typeRef="double"><text>budget</text></inputExpression></input>` +
      `<input label="Visites"><inputExpression typeRef="long"><text>visits</text></inputExpression></input>` +
      `<input label="Objet"><inputExpression typeRef="constructor"><text>other</text></inputExpression></input>` +
      `<output name="dish" typeRef="string"/><output name="note" typeRef="string"/>` +
      `<rule><inputEntry><text>&lt;= 8</text></inputEntry><inputEntry><text>"Winter"</text></inputEntry>` +
      `<inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry>` +
      `<outputEntry><text>"Spareribs"</text></outputEntry><outputEntry><text></text></outputEntry></rule>` +
      `<rule><inputEntry><text>-</text></inputEntry><inputEntry><text>null</text></inputEntry>` +
      `<inputEntry><text>&gt; 0.5</text></inputEntry><inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry>` +
      `<outputEntry><text>"Soupe"</text></outputEntry><outputEntry><text>"sans saison"</text></outputEntry></rule>` +
      `</decisionTable></decision></definitions>`;
    const imported = await importDmn(xml, { key: 'k', pilot: 'p' });
    expect((imported.inputSchema as { properties: unknown }).properties).toEqual({
      guestCount: { type: 'integer' },
      season: { type: ['string', 'null'] },
      budget: { type: 'number' },
      visits: { type: 'integer' },
      other: {}, // a typeRef named like what every object inherits is no type
    });
    const definition = imported.definition as { rows: { event: unknown }[] };
    expect(definition.rows.map((row) => row.event)).toEqual([
      { type: expect.any(String), params: { dish: 'Spareribs', note: null } },
      { type: expect.any(String), params: { dish: 'Soupe', note: 'sans saison' } },
    ]);
    await expect(
      validateRulesetContent('decisionTable', contentOf(imported) as unknown as RulesetContent),
    ).resolves.toBeUndefined();
  });

  /** A one-input table of `rules` rules, each labelled `label`, whose output is `output` (FEEL). */
  const labelled = (rules: number, label: string, output = '"x"') =>
    `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision name="x"><decisionTable>` +
    `<input><inputExpression typeRef="number"><text>a</text></inputExpression></input><output name="o"/>` +
    `<rule label="${label}"><inputEntry><text>1</text></inputEntry><outputEntry><text>${output}</text></outputEntry></rule>`.repeat(
      rules,
    ) +
    `</decisionTable></decision></definitions>`;

  it('names 2 000 rows of the same label a, a-2 … a-2000, and refuses 2 001 rows before reading any', async () => {
    const imported = await importDmn(labelled(2000, 'a'), { key: 'k', pilot: 'p' });
    const ids = (imported.definition as { rows: { id: string }[] }).rows.map((r) => r.id);
    expect([ids.length, new Set(ids).size, ids[0], ids[1], ids[1999]]).toEqual([2000, 2000, 'a', 'a-2', 'a-2000']);
    const { details } = await refusal(() => importDmn(labelled(2001, 'a'), { key: 'k', pilot: 'p' }));
    expect(details).toEqual([
      {
        path: '/definitions/decision/0/decisionTable/rule',
        message: 'has 2001 rules; at most 2000 are allowed',
        keyword: 'dmn',
        params: { reason: 'too_many_rules', count: 2001, limit: 2000 },
      },
    ]);
  });

  it('reads no cell past 20 000 characters of FEEL, and quotes at most 200 of a cell it refuses', async () => {
    const long = Array.from({ length: 12_000 }, () => '1').join(', '); // 35 998 characters
    const refused = await refusal(() =>
      importDmn(labelled(1, 'a').replace('<inputEntry><text>1</text>', `<inputEntry><text>${long}</text>`), {
        key: 'k',
        pilot: 'p',
      }),
    );
    expect(refused.details).toEqual([
      {
        path: '/definitions/decision/0/decisionTable/rule/0/inputEntry/0',
        message: 'rule 1, input 1: 35998 characters of FEEL; at most 20000 are read',
        keyword: 'dmn',
        params: { reason: 'text_too_long', length: 35_998, max: 20_000 },
      },
    ]);
    const wrong = await refusal(() =>
      importDmn(labelled(1, 'a', `upper case("${'x'.repeat(500)}")`), { key: 'k', pilot: 'p' }),
    );
    expect(wrong.details[0]!.params!['text']).toBe(`upper case("${'x'.repeat(188)}…`);
  });

  it('refuses a FEEL context key __proto__, which had set the params’ prototype and vanished', async () => {
    const { details } = await refusal(() =>
      importDmn(labelled(1, 'a', '{"__proto__": {"polluted": 1}, "a": 2}'), { key: 'k', pilot: 'p' }),
    );
    expect(details.map((d) => [d.path, d.params?.['reason'], d.params?.['key']])).toEqual([
      ['/definitions/decision/0/decisionTable/rule/0/outputEntry/0', 'reserved_key', '__proto__'],
    ]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reads our bracket paths for the schema and the guard alike, and names our attribute when it is refused', async () => {
    const ours = (path: string) =>
      `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:gabarit="urn:gabarit:dmn:1"><decision name="x"><decisionTable><input gabarit:fact="inv" gabarit:path="${path}"><inputExpression typeRef="number"><text>inv</text></inputExpression></input><output name="o"/><rule><inputEntry><text>1</text></inputEntry><outputEntry><text>"x"</text></outputEntry></rule></decisionTable></decision></definitions>`;
    const imported = await importDmn(ours("$['montant-ht']"), { key: 'k', pilot: 'p' });
    expect(imported.inputSchema).toEqual({
      type: 'object',
      properties: { inv: { type: 'object', properties: { 'montant-ht': { type: 'number' } } } },
      required: ['inv'],
    });
    const { details } = await refusal(() => importDmn(ours("$['__proto__'].x"), { key: 'k', pilot: 'p' }));
    expect(details).toEqual([
      {
        path: '/definitions/decision/0/decisionTable/input/0/@gabarit:fact',
        message: `input "inv['__proto__'].x" is not a name or a path of names`,
        keyword: 'dmn',
        params: { reason: 'input_expression', text: "inv['__proto__'].x" },
      },
    ]);
  });

  it('holds its carried content to a JSON body’s bounds: too deep, too wide, or a key no body may have, is refused there', async () => {
    const xml = exportDmn(fixture.key, fixture, fixture);
    const withContent = (json: string) =>
      xml.replace(/<gabarit:content>[\s\S]*?<\/gabarit:content>/, () => `<gabarit:content>${json}</gabarit:content>`);
    const deep = `{"inputSchema":${'{"type":"object","properties":{"x":'.repeat(3000)}{}${'}}'.repeat(3000)}}`;
    const longKey = JSON.stringify({ inputSchema: { type: 'object', properties: { ['k'.repeat(2000)]: {} } } });
    // A test case's facts of 10 001 members: refused in a JSON body (too_wide), it had been stored from DMN.
    const facts = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`f${i}`, i]));
    const wide = JSON.stringify({ tests: [{ name: 'wide', facts, expectedEvents: [] }] });
    for (const [json, why] of [
      [deep, /nested more than 64 levels/],
      [longKey, /keys are limited to 1024/],
      [wide, /^Gabarit's content is not a JSON object \(\/tests\/0\/facts has more than 10000 members\)$/],
    ] as const) {
      const { details } = await refusal(() => importDmn(withContent(json), { key: 'k', pilot: 'p' }));
      expect(details).toEqual([
        expect.objectContaining({
          path: '/definitions/decision/0/extensionElements/content',
          message: expect.stringMatching(why),
        }),
      ]);
    }
  });

  it('refuses output params nested past what a rule set may hold, naming the place (3 000 levels had been a 500)', async () => {
    const xml = exportDmn(pilot.key, pilot, pilot);
    const withParams = (levels: number) =>
      xml.replace(
        /(<outputEntry id="[^"]*_params"><text>)[^<]*/,
        (_, open: string) => `${open}{"level": ${'['.repeat(levels)}1${']'.repeat(levels)}}`,
      );
    // Past 64 levels the FEEL reader stops, at the output entry (20 000 levels are past the length read at all).
    for (const levels of [64, 3000, 9_000]) {
      const { details } = await refusal(() => importDmn(withParams(levels), { key: 'k', pilot: 'p' }));
      expect(details).toEqual([
        expect.objectContaining({
          path: '/definitions/decision/0/decisionTable/rule/0/outputEntry/1',
          message: expect.stringMatching(/a value nests more than 64 levels deep$/),
          params: expect.objectContaining({ reason: 'too_deep', max: 64 }),
        }),
      ]);
    }
    // Params are the sixth level of the content (under definition, rows, a row, its event): 58 levels below them
    // make the 64 a rule set may hold; 59 is refused there, as any content past 64 levels is.
    const check = async (levels: number) =>
      validateRulesetContent(
        'decisionTable',
        contentOf(await importDmn(withParams(levels), { key: 'k', pilot: 'p' })) as unknown as RulesetContent,
      );
    await expect(check(58)).resolves.toBeUndefined();
    const refused = await refusal(() => check(59));
    expect(refused.code).toBe('too_deep');
    expect(refused.details[0]!.path).toMatch(/^\/definition\/rows\/0\/event\/params\/level\//);
  });

  it('reads back the export of a table whose params nest as deep as a rule set may hold', async () => {
    const deep = structuredClone(pilot);
    let params: unknown = 'x';
    for (let i = 0; i < 58; i++) params = [params];
    (deep.definition as { rows: { event: { params?: unknown } }[] }).rows[0]!.event.params = { level: params };
    await validateRulesetContent(
      'decisionTable',
      contentOf(deep as unknown as Record<string, unknown>) as unknown as RulesetContent,
    );
    const imported = await importDmn(exportDmn(deep.key, deep, deep), { key: 'k', pilot: 'p' });
    expect(contentOf(imported)).toEqual(contentOf(deep as unknown as Record<string, unknown>));
  });

  it('writes a file XML tools read whatever characters the table holds: values exact, a control in a label lost', async () => {
    const odd = structuredClone(pilot);
    const table = odd.definition as {
      inputs: { label?: string }[];
      rows: { cells: Record<string, { value: unknown }>; event: { params?: unknown } }[];
    };
    table.inputs[0]!.label = 'Niveau\u0001 de signature';
    table.rows[0]!.cells['level']!.value = 'team\uFFFElead';
    table.rows[0]!.event.params = { level: 'team\uFFFFlead', note: 'fin\u0003' };
    odd.description = 'Collée d’un tableur\u0002';
    const xml = exportDmn(odd.key, odd, odd);
    expect([...xml].filter((ch) => ['\u0001', '\u0002', '\u0003', '\uFFFE', '\uFFFF'].includes(ch))).toEqual([]);
    const imported = await importDmn(xml, { key: 'k', pilot: 'p' });
    const back = imported.definition as typeof table;
    expect(back.rows[0]!.cells['level']!.value).toBe('team\uFFFElead');
    expect(back.rows[0]!.event.params).toEqual({ level: 'team\uFFFFlead', note: 'fin\u0003' });
    // What XML cannot carry even as a reference, in a name or a text, is written as U+FFFD, the sign of a loss.
    expect(back.inputs[0]!.label).toBe('Niveau\uFFFD de signature');
  });

  it('refuses a DOCTYPE, entities, malformed XML and what is not DMN', async () => {
    const xml = exportDmn(pilot.key, pilot, pilot);
    const doctype = xml.replace('<definitions', '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<definitions');
    expect(await refusal(() => importDmn(doctype, { key: 'k', pilot: 'p' }))).toEqual({
      code: 'xml_doctype_refused',
      details: [
        {
          path: '/',
          message: 'line 2: <!DOCTYPE is not accepted',
          keyword: 'syntax',
          params: { line: 2, column: 1, reason: 'declaration' },
        },
      ],
    });
    expect(await refusal(() => importDmn(xml.replace('</decision>', ''), { key: 'k', pilot: 'p' }))).toMatchObject({
      code: 'invalid_xml',
      details: [
        {
          path: '/',
          message: expect.stringMatching(/^line \d+, column \d+: /),
          keyword: 'syntax',
          params: { line: expect.any(Number), column: expect.any(Number) },
        },
      ],
    });
    expect((await refusal(() => importDmn(xml.replace('"team_lead"', '&nbsp;'), { key: 'k', pilot: 'p' }))).code).toBe(
      'invalid_xml',
    );
    expect(await refusal(() => importDmn('<html/>', { key: 'k', pilot: 'p' }))).toMatchObject({
      code: 'not_dmn',
      details: [{ keyword: 'syntax', params: { reason: 'not_definitions', root: 'html' } }],
    });
    // The parser's reason as a kind a client words, with the tag it names (the console said only « syntax »).
    const cut = xml.slice(0, xml.indexOf('</rule>'));
    expect((await refusal(() => importDmn(cut, { key: 'k', pilot: 'p' }))).details[0]!.params).toMatchObject({
      reason: 'unclosed_tag',
      tag: expect.stringMatching(/rule|text|outputEntry/),
    });
    expect((await refusal(() => importDmn('', { key: 'k', pilot: 'p' }))).details[0]!.params).toMatchObject({
      reason: 'no_root',
    });
    const deep = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</definitions>`;
    expect((await refusal(() => importDmn(deep, { key: 'k', pilot: 'p' }))).code).toBe('invalid_xml');
    expect(
      (
        await refusal(() =>
          importDmn(xml.replace('https://www.omg.org/spec/DMN/20191111/MODEL/', 'urn:other'), { key: 'k', pilot: 'p' }),
        )
      ).code,
    ).toBe('not_dmn');
  });
});
