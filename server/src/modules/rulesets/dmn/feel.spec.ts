import { describe, expect, it } from '@jest/globals';
import { cellToUnaryTests, feelNumber, feelString, feelValue, parseFeelValue, unaryTestsToCell } from './feel.js';

describe('cells as FEEL unary tests', () => {
  it.each([
    [{ operator: 'equal', value: 'team_lead' }, '"team_lead"'],
    [{ operator: 'equal', value: 5 }, '5'],
    [{ operator: 'equal', value: true }, 'true'],
    [{ operator: 'equal', value: null }, 'null'],
    [{ operator: 'notEqual', value: 'x' }, 'not("x")'],
    [{ operator: 'lessThan', value: 10 }, '< 10'],
    [{ operator: 'lessThanInclusive', value: -2.5 }, '<= -2.5'],
    [{ operator: 'greaterThan', value: 0 }, '> 0'],
    [{ operator: 'greaterThanInclusive', value: 18 }, '>= 18'],
    [{ operator: 'in', value: ['a', 'b'] }, '"a", "b"'],
    [{ operator: 'notIn', value: ['a', 'b'] }, 'not("a", "b")'],
    [{ operator: 'not:lessThan', value: 5 }, 'not(< 5)'],
    [{ operator: 'not:in', value: [1, 2] }, 'not(1, 2)'],
  ])('%j → %s, and back', (cell, text) => {
    expect(cellToUnaryTests(cell)).toEqual({ text });
    const back = unaryTestsToCell(text, cell.operator);
    expect(back).toEqual({ cell });
  });

  it('reads the forms other tools write, whitespace and all', () => {
    expect(unaryTestsToCell('>=18')).toEqual({ cell: { operator: 'greaterThanInclusive', value: 18 } });
    expect(unaryTestsToCell('"Medium","Low"')).toEqual({ cell: { operator: 'in', value: ['Medium', 'Low'] } });
    expect(unaryTestsToCell(' - ')).toEqual({ cell: null });
    expect(unaryTestsToCell('not( "a" )')).toEqual({ cell: { operator: 'notEqual', value: 'a' } });
    expect(unaryTestsToCell('.5')).toEqual({ cell: { operator: 'equal', value: 0.5 } });
    // An identifier of more digits than a number keeps would be compared as another number.
    expect(unaryTestsToCell('9007199254740993')).toMatchObject({
      reason: 'inexact_number',
      params: { number: '9007199254740993' },
    });
    expect(unaryTestsToCell('9007199254740992')).toEqual({ cell: { operator: 'equal', value: 9007199254740992 } });
  });

  it('a hint picks an equivalent form, and is ignored when it does not fit', () => {
    expect(unaryTestsToCell('"a"', 'in')).toEqual({ cell: { operator: 'in', value: ['a'] } });
    expect(unaryTestsToCell('not("a")', 'notIn')).toEqual({ cell: { operator: 'notIn', value: ['a'] } });
    expect(unaryTestsToCell('not("a")', 'not:equal')).toEqual({ cell: { operator: 'not:equal', value: 'a' } });
    expect(unaryTestsToCell('< 5', 'equal')).toEqual({ cell: { operator: 'lessThan', value: 5 } });
  });

  it.each([
    { operator: 'matches', value: '^A' },
    { operator: 'contains', value: 'x' },
    { operator: 'dateBefore', value: '2026-01-01' },
    { operator: 'someValue:equal', value: 1 },
    { operator: 'lessThan', value: '10' },
    { operator: 'in', value: [] },
    { operator: 'equal', value: { fact: 'parameters', path: '$.limit' } },
    { operator: 'equal', value: [1] },
    { operator: 'not:notEqual', value: 1 },
  ])('refuses %j, saying why', (cell) => {
    expect(cellToUnaryTests(cell)).toEqual({ error: expect.any(String) });
  });

  it.each([
    ['[1000..10000)', { operator: 'greaterThanInclusive', value: 1000 }, { operator: 'lessThan', value: 10000 }],
    ['[1..10]', { operator: 'greaterThanInclusive', value: 1 }, { operator: 'lessThanInclusive', value: 10 }],
    ['(1..10)', { operator: 'greaterThan', value: 1 }, { operator: 'lessThan', value: 10 }],
    [']1..10[', { operator: 'greaterThan', value: 1 }, { operator: 'lessThan', value: 10 }],
    [
      '[ -2.5 .. .5 ]',
      { operator: 'greaterThanInclusive', value: -2.5 },
      { operator: 'lessThanInclusive', value: 0.5 },
    ],
  ])('reads the range %s as its two ends', (text, cell, upper) => {
    expect(unaryTestsToCell(text)).toEqual({ cell, upper });
  });

  it.each([
    ['not([1..10])', 'range', {}],
    ['[1..10], 20', 'range', {}],
    ['["a".."m"]', 'range_numbers', {}],
    ['[1..]', 'range_numbers', {}],
    ['[1..10', 'expected', { expected: ']', at: 7 }],
    ['< 5, > 10', 'or_list', {}],
    ['date("2026-01-01")', 'not_literal', { at: 1 }],
    ['x + 1', 'not_literal', { at: 1 }],
    ['< "b"', 'number_only', { symbol: '<' }],
    ['?', 'not_literal', { at: 1 }],
    ['"open', 'unclosed_string', {}],
    ['"a" "b"', 'unexpected_text', { at: 5 }],
    ['"\\q"', 'escape', { escape: '\\q' }],
    ['[1, 2]', 'range_numbers', {}],
    ['not("a"', 'expected', { expected: ')', at: 8 }],
  ])('refuses %s on import, with the reason the console words', (text, reason, params) => {
    expect(unaryTestsToCell(text)).toEqual({ error: expect.any(String), reason, params });
  });
});

describe('FEEL literals', () => {
  it('writes strings with FEEL escapes and reads them back', () => {
    const text = 'a "quoted" \\ line\nand tab\t and \u0001 and é';
    expect(feelString(text)).toBe('"a \\"quoted\\" \\\\ line\\nand tab\\t and \\u0001 and é"');
    expect(parseFeelValue(feelString(text))).toEqual({ value: text });
  });

  it('writes numbers without exponents, which read back to the same number', () => {
    for (const n of [0, -1, 0.1, 1e21, 1.5e-7, -2.25e30, 123456.789])
      expect(parseFeelValue(feelNumber(n))).toEqual({ value: n });
    expect(feelNumber(1e21)).toBe('1000000000000000000000');
    expect(feelNumber(1.5e-7)).toBe('0.00000015');
  });

  it('writes params as a context and reads them back', () => {
    const params = { level: 'team_lead', amount: 12.5, flags: [true, null], nested: { 'a b': 'c' } };
    expect(feelValue(params)).toBe(
      '{"level": "team_lead", "amount": 12.5, "flags": [true, null], "nested": {"a b": "c"}}',
    );
    expect(parseFeelValue(feelValue(params))).toEqual({ value: params });
    expect(parseFeelValue('{Status: "ok"}')).toEqual({ value: { Status: 'ok' } });
  });

  it('refuses expressions that are not literals, with the reason the console words', () => {
    expect(parseFeelValue('Age * 2')).toEqual({
      error: expect.stringMatching(/only literal values map$/),
      reason: 'not_literal',
      params: { at: 1, literalOnly: true },
    });
    expect(parseFeelValue('sum([1,2])')).toEqual({
      error: expect.any(String),
      reason: 'not_literal',
      params: { at: 1, literalOnly: true },
    });
    expect(parseFeelValue('"a" 2')).toEqual({ error: expect.any(String), reason: 'only_literal', params: {} });
    expect(parseFeelValue('{a 1}')).toEqual({
      error: expect.any(String),
      reason: 'expected',
      params: { expected: ':', at: 4, literalOnly: true },
    });
  });
});
