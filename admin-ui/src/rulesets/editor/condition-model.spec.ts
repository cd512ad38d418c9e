import { describe, expect, it } from 'vitest';
import {
  addChild,
  checkCondition,
  isKnownOperator,
  parseValue,
  removeNode,
  switchGroup,
  toggleNot,
  valueTypeFor,
  type Condition,
} from './condition-model';
import { factLabel, factOptions, parseFactLabel } from './fact-paths';
import { SERVER_VOCABULARY } from './vocabulary.fixture';

const schema = {
  type: 'object',
  properties: {
    invoice: {
      type: 'object',
      properties: { total: { type: 'number' }, language: { type: 'string', enum: ['fr', 'en'] } },
    },
    supplierStatus: { type: 'object', properties: { onRena: { type: 'boolean' } } },
  },
};
const facts = factOptions(schema, [{ name: 'gstCheck' }]);
const context = { facts, namedConditions: ['rena'], vocabulary: SERVER_VOCABULARY };

describe('fact options from the input schema', () => {
  it('offers every nested field as fact + path, and computed facts by name', () => {
    expect(facts.map((f) => f.label)).toEqual([
      'invoice',
      'invoice.total',
      'invoice.language',
      'supplierStatus',
      'supplierStatus.onRena',
      'gstCheck',
    ]);
    expect(facts.find((f) => f.label === 'invoice.total')).toMatchObject({
      fact: 'invoice',
      path: '$.total',
      type: 'number',
    });
  });

  it('reads a typed label back into fact and path', () => {
    expect(parseFactLabel('invoice.total', facts)).toEqual({ fact: 'invoice', path: '$.total' });
    expect(parseFactLabel('gstCheck', facts)).toEqual({ fact: 'gstCheck' });
    expect(parseFactLabel('other.deep.field', facts)).toEqual({ fact: 'other', path: '$.deep.field' });
    // An index after the fact is part of the path, not of the fact's name.
    expect(parseFactLabel('lines[0].amount', facts)).toEqual({ fact: 'lines', path: '$[0].amount' });
  });

  it('names a fact and path as it reads them back', () => {
    for (const [fact, path, label] of [
      ['invoice', '$.total', 'invoice.total'],
      ['lines', '$[0].amount', 'lines[0].amount'],
      ['gstCheck', undefined, 'gstCheck'],
    ] as const) {
      expect(factLabel(fact, path)).toBe(label);
      expect(parseFactLabel(label, [])).toEqual(path ? { fact, path } : { fact });
    }
  });
});

describe('checking a condition tree as the analyst types', () => {
  it('accepts the pilot’s own shapes: nested groups, not, named conditions, fact-to-fact values, decorators', () => {
    const condition: Condition = {
      all: [
        { condition: 'rena' },
        { not: { fact: 'invoice', path: '$.language', operator: 'in', value: ['en'] } },
        { any: [{ fact: 'invoice', path: '$.total', operator: 'not:withinTolerance', value: { fact: 'gstCheck' } }] },
      ],
    };
    expect(checkCondition(condition, context)).toEqual([]);
  });

  it('places each problem at its JSON Pointer', () => {
    const condition = {
      any: [
        { fact: 'invoice', path: '$.totl', operator: 'equal', value: 1 },
        { all: [{ fact: 'nope', operator: 'bogus' }] },
        { condition: 'missing' },
        { any: [] },
      ],
    };
    expect(checkCondition(condition, context)).toEqual([
      { path: '/any/0/path', problem: 'unknown_path', args: { path: '$.totl' } },
      { path: '/any/1/all/0/fact', problem: 'unknown_fact', args: { fact: 'nope' } },
      { path: '/any/1/all/0/operator', problem: 'unknown_operator', args: { operator: 'bogus' } },
      { path: '/any/1/all/0/value', problem: 'value_required' },
      { path: '/any/2/condition', problem: 'unknown_condition', args: { name: 'missing' } },
      { path: '/any/3/any', problem: 'group_empty' },
    ]);
  });

  it('says as the analyst types that a « matches » value is no pattern Gabarit runs, as the server would on save', () => {
    const leaf = (operator: string, value: string) => ({ fact: 'invoice', path: '$.total', operator, value });
    const found = (operator: string, value: string) =>
      checkCondition(leaf(operator, value), context).map((p) => p.problem);
    expect(found('matches', '([a-z')).toEqual(['pattern_invalid']);
    expect(found('not:matches', '^(?<=a)b')).toEqual(['pattern_unsupported']);
    expect(found('matches', '(a)\\1')).toEqual(['pattern_unsupported']);
    expect(found('matches', 'a'.repeat(201))).toEqual(['pattern_too_long']);
    expect(found('matches', '^[A-Z]{2}-\\d{4}$')).toEqual([]);
    // RE2's own forms, which the server runs: no false alarm.
    for (const re2 of ['\\-', '(?i)^abc', '(?i:abc)d', '\\pL+', '[[:alpha:]]', '(?P<code>[0-9]+)'])
      expect([re2, found('matches', re2)]).toEqual([re2, []]);
    // Other operators take any text.
    expect(found('equal', '([a-z')).toEqual([]);
  });

  it('leaves a path below an open object, into a list or with brackets unchecked; a declared object still catches typos', () => {
    const open = {
      ...context,
      facts: factOptions({
        type: 'object',
        properties: {
          ...schema.properties,
          parameters: { type: 'object' },
          lines: { type: 'array', items: { type: 'object', properties: { amount: { type: 'number' } } } },
          extra: { type: 'object', properties: { notes: {} } },
        },
      }),
    };
    const at = (fact: string, path: string) => ({ fact, path, operator: 'equal', value: 1 });
    const condition = {
      all: [
        at('parameters', '$.threshold'),
        at('parameters', '$.limits.max'),
        at('lines', '$.length'),
        at('invoice', '$.lines[0].amount'),
        at('extra', '$.notes.author'),
        at('invoice', '$.totl'),
        at('invoice', '$.total.cents'),
      ],
    };
    expect(checkCondition(condition, open)).toEqual([
      { path: '/all/5/path', problem: 'unknown_path', args: { path: '$.totl' } },
      { path: '/all/6/path', problem: 'unknown_path', args: { path: '$.total.cents' } },
    ]);
  });

  it('leaves a path into a computed fact or a lookup unchecked: the input schema does not describe their shape', () => {
    const derived = {
      ...context,
      facts: factOptions(schema, [{ name: 'duplicates' }], [{ fact: 'supplierRegistration' }]),
    };
    const condition = {
      all: [
        { fact: 'duplicates', path: '$.length', operator: 'greaterThan', value: 0 },
        { fact: 'supplierRegistration', path: '$.neq', operator: 'equal', value: 'x' },
        { fact: 'invoice', path: '$.length', operator: 'greaterThan', value: 0 },
      ],
    };
    // The input fact's wrong path is still caught; the derived facts' paths are not reported.
    expect(checkCondition(condition, derived)).toEqual([
      { path: '/all/2/path', problem: 'unknown_path', args: { path: '$.length' } },
    ]);
  });

  it('knows operators with decorators and refuses invented ones', () => {
    expect(isKnownOperator('someFact:not:equal', SERVER_VOCABULARY)).toBe(true);
    expect(isKnownOperator('dateOnOrAfter', SERVER_VOCABULARY)).toBe(true);
    expect(isKnownOperator('sometimes:equal', SERVER_VOCABULARY)).toBe(false);
    expect(isKnownOperator('approximately', SERVER_VOCABULARY)).toBe(false);
  });
});

describe('reading a value box by the fact’s type', () => {
  it('keeps text for string facts and parses JSON otherwise', () => {
    expect(parseValue('fr', 'string')).toEqual({ value: 'fr' });
    expect(parseValue('10000', 'number')).toEqual({ value: 10000 });
    expect(parseValue('["fr","en"]', 'string')).toEqual({ value: ['fr', 'en'] });
    expect(parseValue('{"fact":"gstCheck"}', 'number')).toEqual({ value: { fact: 'gstCheck' } });
    expect(parseValue('true', 'boolean')).toEqual({ value: true });
  });

  it('refuses an empty box and words where a number is needed', () => {
    expect(parseValue('  ', 'string')).toEqual({ error: 'value_required' });
    expect(parseValue('dix mille', 'number')).toEqual({ error: 'value_number' });
    expect(parseValue('"10"', 'number')).toEqual({ error: 'value_number' });
  });

  it('reads numbers written the French way, and refuses one that reads two ways', () => {
    expect(parseValue('12,5', 'number')).toEqual({ value: 12.5 });
    expect(parseValue('1 000,50', 'number')).toEqual({ value: 1000.5 });
    expect(parseValue('25\u202f000', 'integer')).toEqual({ value: 25000 });
    expect(parseValue('-3,25', 'number')).toEqual({ value: -3.25 });
    expect(parseValue('1,500', 'number')).toEqual({ error: 'value_number_ambiguous' });
    expect(parseValue('12,5', 'string')).toEqual({ value: '12,5' });
  });

  it('reads a list for « fait partie de », written with commas or as JSON, never as one text', () => {
    const listOf = (type: string) => valueTypeFor(type, 'in');
    expect(listOf('string')).toBe('list:string');
    expect(valueTypeFor('string', 'not:notIn')).toBe('list:string');
    expect(parseValue('director, executive_director', listOf('string'))).toEqual({
      value: ['director', 'executive_director'],
    });
    expect(parseValue('10; 20', listOf('number'))).toEqual({ value: [10, 20] });
    expect(parseValue('10, vingt', listOf('number'))).toEqual({ error: 'value_number' });
    expect(parseValue('["a b", "c"]', listOf('string'))).toEqual({ value: ['a b', 'c'] });
    expect(parseValue('{"fact": "levels"}', listOf('string'))).toEqual({ value: { fact: 'levels' } });
    expect(parseValue('"director"', listOf('string'))).toEqual({ value: ['director'] });
    expect(parseValue('{"level": 1}', listOf('string'))).toEqual({ error: 'value_list' });
  });
});

describe('editing the tree', () => {
  const root: { all: Condition[] } = { all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 0 }] };

  it('adds, regroups, negates and removes nodes without touching the original', () => {
    const added = addChild(root, [], { any: [{ condition: 'rena' }] });
    expect(added).toEqual({ all: [root.all[0], { any: [{ condition: 'rena' }] }] });
    expect(root).toEqual({ all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 0 }] });
    expect(switchGroup(added, [], 'any')).toEqual({ any: (added as { all: Condition[] }).all });
    const negated = toggleNot(added, ['all', 1]);
    expect(negated).toEqual({ all: [root.all[0], { not: { any: [{ condition: 'rena' }] } }] });
    expect(toggleNot(negated, ['all', 1])).toEqual(added);
    expect(removeNode(added, ['all', 0])).toEqual({ all: [{ any: [{ condition: 'rena' }] }] });
  });
});
