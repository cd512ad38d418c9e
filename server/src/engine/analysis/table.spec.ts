import { describe, expect, it } from '@jest/globals';
import { analyseRuleset } from './analyse.js';

const inputSchema = {
  type: 'object',
  properties: {
    invoice: {
      type: 'object',
      required: ['total', 'language', 'urgent', 'note'],
      properties: {
        total: { type: 'number', minimum: 0 },
        language: { type: 'string', enum: ['fr', 'en'] },
        urgent: { type: 'boolean' },
        note: { type: 'string' },
      },
    },
  },
};
const inputs = [
  { id: 'total', fact: 'invoice', path: '$.total' },
  { id: 'language', fact: 'invoice', path: '$.language' },
  { id: 'urgent', fact: 'invoice', path: '$.urgent' },
];
const row = (id: string, cells: Record<string, [string, unknown]>) => ({
  id,
  cells: Object.fromEntries(Object.entries(cells).map(([k, [operator, value]]) => [k, { operator, value }])),
  event: { type: 'route' },
});
const table = (rows: object[], hitPolicy = 'first', cols = inputs) =>
  analyseRuleset('decisionTable', { inputSchema, definition: { hitPolicy, inputs: cols, rows } });
const kinds = (a: ReturnType<typeof table>, kind: string) => a.findings.filter((f) => f.kind === kind);

describe('decision tables', () => {
  const complete = [
    row('big', { total: ['greaterThanInclusive', 1000] }),
    row('small-fr', { total: ['lessThan', 1000], language: ['equal', 'fr'] }),
    row('small-en', { total: ['lessThan', 1000], language: ['equal', 'en'] }),
  ];

  it('finds nothing wrong in a complete table without overlaps', () => {
    const a = table(complete);
    expect(a.findings).toEqual([]);
    expect(a.checked.length).toBeGreaterThan(0);
  });

  it('takes a last row that constrains nothing, under first, as the default row: said once, not once a row', () => {
    const withDefault = [
      row('big', { total: ['greaterThanInclusive', 1000] }),
      row('urgent', { urgent: ['equal', true] }),
      row('otherwise', {}),
    ];
    expect(kinds(table(withDefault), 'overlap')).toEqual([
      expect.objectContaining({ severity: 'warning', path: '/definition/rows/1' }), // big and urgent, a real one
    ]);
    expect(kinds(table(withDefault), 'default_row')).toEqual([
      expect.objectContaining({
        severity: 'info',
        path: '/definition/rows/2',
        message:
          'row "otherwise" constrains nothing: it takes the inputs none of the 2 rows before it take (the default row)',
      }),
    ]);
    expect(kinds(table(withDefault), 'unreachable')).toEqual([]);
  });

  it('reports two rows that can match one input, a warning under first and info under collect', () => {
    const rows = [...complete, row('urgent', { urgent: ['equal', true], total: ['greaterThan', 500] })];
    expect(kinds(table(rows), 'overlap')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: '/definition/rows/3',
        message: expect.stringContaining('"big"'),
      }),
      expect.objectContaining({
        severity: 'warning',
        path: '/definition/rows/3',
        message: expect.stringContaining('"small-fr"'),
      }),
      expect.objectContaining({
        severity: 'warning',
        path: '/definition/rows/3',
        message: expect.stringContaining('"small-en"'),
      }),
    ]);
    expect(kinds(table(rows, 'collect'), 'overlap').map((f) => f.severity)).toEqual(['info', 'info', 'info']);
  });

  it('makes an overlap an error under unique, naming both rows, and no error when the rows are disjoint', () => {
    const rows = [...complete, row('urgent', { urgent: ['equal', true], total: ['greaterThan', 500] })];
    const overlaps = kinds(table(rows, 'unique'), 'overlap');
    expect(overlaps.map((f) => [f.severity, f.path])).toEqual([
      ['error', '/definition/rows/3'],
      ['error', '/definition/rows/3'],
      ['error', '/definition/rows/3'],
    ]);
    expect(overlaps[0]!.message).toContain('"big" and "urgent"');
    expect(overlaps[0]!.message).toContain('unique');
    expect(table(complete, 'unique').findings).toEqual([]);
  });

  it('under any, an overlap of rows with the same output is info, and one of rows that disagree an error', () => {
    const same = [
      row('big', { total: ['greaterThanInclusive', 1000] }),
      row('urgent', { urgent: ['equal', true] }),
      row('rest', { total: ['lessThan', 1000], urgent: ['equal', false] }),
    ];
    expect(kinds(table(same, 'any'), 'overlap').map((f) => [f.severity, f.path])).toEqual([
      ['info', '/definition/rows/1'],
    ]);
    expect(table(same, 'any').findings.filter((f) => f.severity === 'error')).toEqual([]);
    const differ = [
      { ...same[0]!, event: { type: 'route', params: { to: 'director' } } },
      { ...same[1]!, event: { type: 'route', params: { to: 'manager' } } },
      same[2]!,
    ];
    expect(kinds(table(differ, 'any'), 'overlap')).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: '/definition/rows/1',
        message: expect.stringContaining('"big" and "urgent"'),
      }),
    ]);
  });

  it('does not report shadowed rows under unique or any (only first stops at a row)', () => {
    const rows = [row('fr', { language: ['equal', 'fr'] }), row('fr-again', { language: ['in', ['fr']] })];
    expect(kinds(table(rows, 'unique'), 'unreachable')).toEqual([]);
    expect(kinds(table(rows, 'any'), 'unreachable')).toEqual([]);
  });

  it('does not call rows that meet at an open bound overlapping', () => {
    const rows = [row('a', { total: ['lessThan', 10] }), row('b', { total: ['greaterThanInclusive', 10] })];
    expect(table(rows).findings).toEqual([]);
    const touching = [
      row('a', { total: ['lessThanInclusive', 10] }),
      row('b', { total: ['greaterThanInclusive', 10] }),
    ];
    expect(kinds(table(touching), 'overlap')).toHaveLength(1);
  });

  it('reports a row earlier rows shadow under first, and not under collect', () => {
    const rows = [
      row('fr', { language: ['equal', 'fr'] }),
      row('en', { language: ['in', ['en']] }),
      row('mid', { total: ['greaterThan', 10], language: ['notEqual', 'de'] }),
    ];
    const a = table(rows);
    expect(kinds(a, 'unreachable')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: '/definition/rows/2',
        message: expect.stringContaining('"mid"'),
      }),
    ]);
    expect(kinds(table(rows, 'collect'), 'unreachable')).toEqual([]);
  });

  it('reports a row whose cells contradict each other through the schema (minimum 0)', () => {
    const a = table([...complete, row('negative', { total: ['lessThan', 0] })]);
    expect(kinds(a, 'contradiction')).toEqual([
      expect.objectContaining({ severity: 'error', path: '/definition/rows/3' }),
    ]);
  });

  it('gives an example of an input no row matches, on enums, booleans and numbers', () => {
    const rows = [
      row('big', { total: ['greaterThanInclusive', 1000] }),
      row('small-fr', { total: ['lessThan', 1000], language: ['equal', 'fr'], urgent: ['equal', true] }),
      row('small-en', { total: ['lessThan', 500], language: ['equal', 'en'] }),
    ];
    const gaps = kinds(table(rows), 'gap');
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.length).toBeLessThanOrEqual(3);
    const text = gaps.map((g) => g.message).join('\n');
    expect(text).toContain('total >= 500 and < 1000, language = "en"');
    expect(text).toContain('language = "fr", urgent = false');
    expect(gaps[0]).toMatchObject({ severity: 'warning', path: '/definition/rows' });
  });

  it('finds the gap left between two numeric ranges', () => {
    const rows = [row('low', { total: ['lessThan', 100] }), row('high', { total: ['greaterThan', 200] })];
    const gaps = kinds(table(rows, 'first', [inputs[0]!]), 'gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.message).toContain('total >= 100 and <= 200');
  });

  it('counts an optional field as possibly absent: a gap there, and no shadowing by rows that need it', () => {
    const optional = {
      ...inputSchema,
      properties: { invoice: { ...inputSchema.properties.invoice, required: ['total'] } },
    };
    const rows = [
      row('fr', { language: ['equal', 'fr'] }),
      row('en', { language: ['in', ['en']] }),
      row('other', { language: ['notEqual', 'de'] }),
    ];
    const definition = { hitPolicy: 'first', inputs: [inputs[1]!], rows };
    const a = analyseRuleset('decisionTable', { inputSchema: optional, definition });
    expect(kinds(a, 'unreachable')).toEqual([]);
    const gaps = kinds(
      analyseRuleset('decisionTable', { inputSchema: optional, definition: { ...definition, rows: rows.slice(0, 2) } }),
      'gap',
    );
    expect(gaps.map((g) => g.message)).toEqual(['no row matches inputs where language = (absent)']);
  });

  it('reports an absent optional number as a gap, once, beside a numeric one', () => {
    const optional = { ...inputSchema, properties: { invoice: { ...inputSchema.properties.invoice, required: [] } } };
    const rows = [row('low', { total: ['lessThan', 100] }), row('high', { total: ['greaterThan', 200] })];
    const definition = { hitPolicy: 'first', inputs: [inputs[0]!], rows };
    const gaps = kinds(analyseRuleset('decisionTable', { inputSchema: optional, definition }), 'gap');
    expect(gaps.map((g) => g.message).sort()).toEqual([
      'no row matches inputs where total >= 100 and <= 200',
      'no row matches inputs where total absent or not a number',
    ]);
  });

  it('does not search gaps over a free-text column, and says so', () => {
    const cols = [...inputs, { id: 'note', fact: 'invoice', path: '$.note' }];
    const a = table([row('n', { note: ['equal', 'x'] })], 'first', cols);
    expect(kinds(a, 'gap')).toEqual([]);
    expect(a.notChecked).toContainEqual(
      expect.objectContaining({ path: '/definition/inputs/3', reason: expect.stringContaining('"note"') }),
    );
  });

  it('reports a cell whose value does not fit the column type or enum', () => {
    const a = table([
      row('a', { total: ['greaterThan', '1000'] }),
      row('b', { language: ['equal', 'de'] }),
      row('c', { urgent: ['equal', 'yes'] }),
      row('d', { language: ['lessThan', 3] }),
    ]);
    expect(kinds(a, 'type_mismatch').map((f) => [f.path, f.severity])).toEqual([
      ['/definition/rows/0/cells/total', 'error'],
      ['/definition/rows/1/cells/language', 'error'],
      ['/definition/rows/2/cells/urgent', 'error'],
      ['/definition/rows/3/cells/language', 'error'],
    ]);
  });

  it('reports a column on a fact the input schema does not have', () => {
    const cols = [...inputs, { id: 'vip', fact: 'customer', path: '$.vip' }];
    const a = table([row('v', { vip: ['equal', true] })], 'first', cols);
    expect(kinds(a, 'unknown_fact')).toEqual([
      expect.objectContaining({ path: '/definition/rows/0/cells/vip', message: expect.stringContaining('customer') }),
    ]);
  });

  it('does not decide on an operator it does not model, and lists it', () => {
    const rows = [row('a', { language: ['matches', '^f'] }), row('b', { language: ['equal', 'fr'] })];
    const a = table(rows);
    expect(kinds(a, 'unreachable')).toEqual([]);
    expect(a.notChecked).toContainEqual(
      expect.objectContaining({ path: '/definition/rows/1', reason: expect.stringContaining('matches') }),
    );
  });
});
