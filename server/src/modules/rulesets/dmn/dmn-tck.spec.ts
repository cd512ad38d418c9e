import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../../../common/errors/domain-errors.js';
import { prepare, runNow } from '../../../engine/evaluate.js';
import { decisionTableDefinitionSchema } from '../ruleset-definition.schema.js';
import { importDmn } from './dmn-import.js';
import { child, children, parseDmnXml, type XmlElement } from './dmn-xml.js';

/** Decision-table cases of the DMN TCK (server/test/fixtures/dmn-tck/README.md says where they come from). */
const DIR = 'server/test/fixtures/dmn-tck';
const read = (file: string) => readFileSync(`${DIR}/${file}`, 'utf8');

/** The TCK test file's cases: its inputs, and the expected result (a value, a structure, or a list of them). */
async function tckCases(file: string): Promise<{ id: string; inputs: Record<string, string>; expected: unknown }[]> {
  // The test files declare no DMN namespace: read them with the same parser, under a DMN root for the check.
  const text = read(file).replace(
    '<testCases',
    '<definitions xmlns:d="https://www.omg.org/spec/DMN/20191111/MODEL/"><testCases',
  );
  const root = await parseDmnXml(`${text.replace(/<\?xml[^>]*\?>/, '')}</definitions>`);
  const valueOf = (node: XmlElement): unknown => {
    const list = child(node, 'list');
    if (list) return children(list, 'item').map(valueOf);
    const components = children(node, 'component');
    if (components.length > 0) return Object.fromEntries(components.map((c) => [c.attrs['name'], valueOf(c)]));
    return child(node, 'value')?.text;
  };
  return children(child(root, 'testCases'), 'testCase').map((testCase) => ({
    id: testCase.attrs['id']!,
    inputs: Object.fromEntries(children(testCase, 'inputNode').map((n) => [n.attrs['name'], child(n, 'value')!.text])),
    expected: valueOf(
      child(child(testCase, 'resultNode'), 'expected') ?? child(child(testCase, 'resultNode'), 'computed')!,
    ),
  }));
}

/** TCK inputs are text; the imported input schema says which are numbers and booleans. */
function factsFor(inputs: Record<string, string>, schema: Record<string, unknown>): Record<string, unknown> {
  const properties = schema['properties'] as Record<string, { type?: string }>;
  return Object.fromEntries(
    Object.entries(inputs).map(([name, text]) => {
      const type = properties[name]?.type;
      return [name, type === 'number' ? Number(text) : type === 'boolean' ? text === 'true' : text];
    }),
  );
}

const hasPolicy = (policy: string) =>
  (decisionTableDefinitionSchema.properties.hitPolicy.enum as readonly string[]).includes(policy);

describe('DMN TCK decision tables, imported and evaluated', () => {
  it.each([
    // [case, result shape]: a single output's value is the event's one param; several outputs are its params.
    ['0108-first-hitpolicy', 'single'],
    ['0111-first-hitpolicy-singleoutputcol', 'single'],
    ['0119-multi-collect-hitpolicy', 'list'],
  ])('%s gives the TCK results', async (name, shape) => {
    const imported = await importDmn(read(`${name}.dmn`), { key: 'tck', pilot: 'tck' });
    const definition = imported.definition as Record<string, unknown>;
    const prepared = prepare('decisionTable', definition, []);
    const cases = await tckCases(`${name}-test-01.xml`);
    expect(cases.length).toBeGreaterThan(0);
    for (const tck of cases) {
      const { events } = runNow(prepared, factsFor(tck.inputs, imported.inputSchema as Record<string, unknown>));
      const results = events.map((event) => {
        const params = event.params as Record<string, unknown>;
        return Object.keys(params).length === 1 ? Object.values(params)[0] : params;
      });
      expect({ id: tck.id, result: shape === 'list' ? results : results[0] }).toEqual({
        id: tck.id,
        result: tck.expected,
      });
    }
  });

  it('0004-simpletable-U: UNIQUE is imported where the schema has `unique`, else refused naming the hit policy', async () => {
    const xml = read('0004-simpletable-U.dmn');
    if (!hasPolicy('unique')) {
      let refusal: ValidationError | undefined;
      try {
        await importDmn(xml, { key: 'tck', pilot: 'tck' });
      } catch (err) {
        refusal = err as ValidationError;
      }
      expect(refusal?.details).toEqual([
        { path: '/definitions/decision/0/decisionTable/@hitPolicy', message: expect.stringContaining('UNIQUE') },
      ]);
      return;
    }
    const imported = await importDmn(xml, { key: 'tck', pilot: 'tck' });
    const prepared = prepare('decisionTable', imported.definition as Record<string, unknown>, []);
    for (const tck of await tckCases('0004-simpletable-U-test-01.xml')) {
      const { events } = runNow(prepared, factsFor(tck.inputs, imported.inputSchema as Record<string, unknown>));
      expect(events.map((e) => (e.params as Record<string, unknown>)['Approval Status'])).toEqual([tck.expected]);
    }
  });

  it('names the event after the decision and keeps the TCK column names as params', async () => {
    const imported = await importDmn(read('0108-first-hitpolicy.dmn'), { key: 'tck', pilot: 'tck' });
    expect(imported.name).toBe('Approval');
    const definition = imported.definition as { hitPolicy: string; inputs: unknown[]; rows: { event: unknown }[] };
    expect(definition.hitPolicy).toBe('first');
    expect(definition.inputs).toEqual([
      { id: 'age', fact: 'Age' },
      { id: 'riskcategory', fact: 'RiskCategory' },
      { id: 'isaffordable', fact: 'isAffordable' },
    ]);
    expect(definition.rows[0]!.event).toEqual({ type: 'approval', params: { Status: 'Approved', Rate: 'Best' } });
    expect(imported.inputSchema).toEqual({
      type: 'object',
      required: ['Age', 'RiskCategory', 'isAffordable'],
      properties: { Age: { type: 'number' }, RiskCategory: { type: 'string' }, isAffordable: { type: 'boolean' } },
    });
  });
});
