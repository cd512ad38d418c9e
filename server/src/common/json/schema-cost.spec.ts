import { describe, expect, it } from '@jest/globals';
import { SCHEMA_LIMITS, schemaCostProblems, schemaWidthProblems } from './schema-cost.js';

/** d0 = allOf [d1, d1], d1 = allOf [d2, d2], …: 2^depth subschemas once the references are put in place. */
function doubling(depth: number) {
  const $defs: Record<string, object> = { [`d${depth}`]: { type: 'object' } };
  for (let i = depth - 1; i >= 0; i--)
    $defs[`d${i}`] = { allOf: [{ $ref: `#/$defs/d${i + 1}` }, { $ref: `#/$defs/d${i + 1}` }] };
  return { type: 'object', properties: { o: { $ref: '#/$defs/d0' } }, $defs };
}

describe('what an analyst’s JSON Schema may cost', () => {
  it('accepts the pilots’ kind of schema, and long enums (data, not schemas)', () => {
    const schema = {
      type: 'object',
      properties: {
        invoice: {
          type: 'object',
          properties: {
            total: { type: 'number' },
            currency: { enum: Array.from({ length: 1000 }, (_, i) => `c${i}`) },
          },
        },
        codes: { type: 'array', uniqueItems: true, items: { type: 'string' } },
        lines: { type: 'array', uniqueItems: true, maxItems: 10, items: { type: 'object' } },
      },
    };
    expect(schemaCostProblems(schema, '/inputSchema')).toEqual([]);
  });

  it('refuses references that double at every level, counted without expanding them', () => {
    expect(schemaCostProblems(doubling(8), '/inputSchema')).toEqual([]);
    const problems = schemaCostProblems(doubling(60), '/inputSchema');
    expect(problems).toEqual([
      { path: '/inputSchema', message: expect.stringContaining(`more than ${SCHEMA_LIMITS.expanded} subschemas`) },
    ]);
  });

  it('refuses a place where one value meets more than 64 subschemas at once, naming it (13 s for 100 000 items)', () => {
    // 62 subschemas check `o` once d0 to d4 are put in place; 126 with d5.
    expect(schemaWidthProblems(doubling(4), '/inputSchema')).toEqual([]);
    expect(schemaWidthProblems(doubling(5), '/inputSchema')).toEqual([
      {
        path: '/inputSchema/properties/o',
        message: expect.stringMatching(/^checks one value against 126 subschemas at once/),
      },
    ]);
    const branches = Array.from({ length: 440 }, (_, i) => ({ type: 'integer', minimum: i, maximum: i }));
    const schema = {
      type: 'object',
      definitions: { v: { anyOf: branches } },
      properties: { d: { type: 'array', items: { $ref: '#/definitions/v' } } },
    };
    expect(schemaWidthProblems(schema, '/variablesSchema')).toEqual([
      {
        path: '/variablesSchema/properties/d/items',
        message: expect.stringContaining('against 442 subschemas at once'),
      },
    ]);
    const union = { anyOf: branches.slice(0, 62) }; // 63 with the anyOf itself
    expect(schemaWidthProblems({ type: 'array', items: union }, '/inputSchema')).toEqual([]);
  });

  it('counts a recursive schema once: it follows the data, which the body limits bound', () => {
    const tree = {
      type: 'object',
      $defs: { node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } } } },
      properties: { root: { $ref: '#/$defs/node' } },
    };
    expect(schemaCostProblems(tree, '/variablesSchema')).toEqual([]);
  });

  it('refuses a schema with too many subschemas to compile quickly', () => {
    const wide = {
      type: 'object',
      properties: {
        o: {
          anyOf: Array.from({ length: 50 }, () => ({ anyOf: Array.from({ length: 50 }, () => ({ type: 'object' })) })),
        },
      },
    };
    expect(schemaCostProblems(wide, '/inputSchema')).toEqual([
      { path: '/inputSchema', message: expect.stringContaining(`the limit is ${SCHEMA_LIMITS.subschemas}`) },
    ]);
  });

  it('refuses uniqueItems over a long list of objects, at its place', () => {
    const schema = {
      type: 'object',
      properties: { 'a/b': { type: 'array', uniqueItems: true, items: { type: 'object' } } },
    };
    expect(schemaCostProblems(schema, '/inputSchema').map((p) => p.path)).toEqual([
      '/inputSchema/properties/a~1b/uniqueItems',
    ]);
    const bounded = { ...schema.properties['a/b'], maxItems: SCHEMA_LIMITS.uniqueItemsMaxItems + 1 };
    expect(schemaCostProblems(bounded, '/s')).toHaveLength(1);
  });

  it('refuses $async wherever it is written: an asynchronous validator answers a promise, "valid" for anything', () => {
    const schema = { $async: true, type: 'object', properties: { a: { $async: false, type: 'number' } } };
    expect(schemaCostProblems(schema, '/variablesSchema').map((p) => p.path)).toEqual([
      '/variablesSchema/$async',
      '/variablesSchema/properties/a/$async',
    ]);
  });

  it('bounds what enum and const hold: how many values, how many objects, how many bytes', () => {
    const at = (schema: object) => schemaCostProblems(schema, '/inputSchema').map((p) => `${p.path} ${p.message}`);
    expect(at({ enum: Array.from({ length: 1001 }, (_, i) => i) })).toEqual([
      expect.stringMatching(/^\/inputSchema\/enum lists 1001 values; at most 1000/),
    ]);
    expect(at({ properties: { a: { enum: Array.from({ length: 21 }, (_, i) => ({ a: i })) } } })).toEqual([
      expect.stringMatching(/^\/inputSchema\/properties\/a\/enum lists 21 objects or lists; at most 20/),
    ]);
    expect(at({ enum: ['x'.repeat(40_000)] })).toEqual([expect.stringMatching(/enum is 40004 bytes/)]);
    expect(at({ const: { text: 'x'.repeat(5_000) } })).toEqual([
      expect.stringMatching(/^\/inputSchema\/const is 5011 bytes/),
    ]);
    expect(at({ enum: Array.from({ length: 20 }, (_, i) => ({ a: i })), const: { a: 1 } })).toEqual([]);
  });
});
