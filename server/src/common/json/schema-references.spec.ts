import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { referenceProblems } from './schema-references.js';

// The options the service compiles analysts' schemas with (input-schemas.ts): no schema is registered by name.
const ajv = new Ajv({ strict: false, addUsedSchema: false, logger: false });
const compiles = (schema: object) => {
  try {
    ajv.compile(schema);
    return true;
  } catch {
    return false;
  }
};
const paths = (schema: object) => referenceProblems(schema, '/inputSchema').map((p) => p.path);

describe('references in an analyst’s JSON Schema', () => {
  it.each([
    ['a definition', { definitions: { x: { type: 'string' } }, properties: { a: { $ref: '#/definitions/x' } } }],
    [
      'an escaped key',
      { definitions: { 'a/b': { type: 'string' } }, properties: { a: { $ref: '#/definitions/a~1b' } } },
    ],
    ['a percent-encoded key', { $defs: { 'a b': { type: 'string' } }, properties: { a: { $ref: '#/$defs/a%20b' } } }],
    ['an anchor', { properties: { a: { $ref: '#foo' } }, definitions: { f: { $id: '#foo' } } }],
    [
      'the schema’s own $id',
      { $id: 'http://x/root.json', properties: { a: { $ref: 'root.json#/definitions/d' } }, definitions: { d: {} } },
    ],
    [
      'a recursive definition (it follows the data)',
      {
        definitions: { node: { type: 'object', properties: { kids: { items: { $ref: '#/definitions/node' } } } } },
        $ref: '#/definitions/node',
      },
    ],
  ])('lets %s through, as ajv does', (_, schema) => {
    expect(paths(schema)).toEqual([]);
    expect(compiles(schema)).toBe(true);
  });

  it.each([
    ['a missing definition', { properties: { a: { $ref: '#/definitions/x' } } }, ['/inputSchema/properties/a/$ref']],
    [
      'a malformed escape',
      { definitions: { x: {} }, properties: { a: { $ref: '#/definitions/%E0' } } },
      ['/inputSchema/properties/a/$ref'],
    ],
    ['another document', { properties: { a: { $ref: 'other.json' } } }, ['/inputSchema/properties/a/$ref']],
    [
      'an anchor nobody declares',
      { properties: { a: { $ref: '#bar' } }, definitions: { f: { $id: '#foo' } } },
      ['/inputSchema/properties/a/$ref'],
    ],
    [
      'a missing definition under the schema’s own $id',
      { $id: 'http://x/root.json', properties: { a: { $ref: 'http://x/root.json#/definitions/zz' } } },
      ['/inputSchema/properties/a/$ref'],
    ],
    [
      'a reference to the whole schema, which has no $id',
      { type: 'object', properties: { kids: { type: 'array', items: { $ref: '#' } } } },
      ['/inputSchema/properties/kids/items/$ref'],
    ],
    [
      'an $id used twice (at both places)',
      { definitions: { x: { $id: 'b' }, y: { $id: 'b' } } },
      expect.arrayContaining(['/inputSchema/definitions/x/$id', '/inputSchema/definitions/y/$id']),
    ],
    [
      'a reference to itself',
      { definitions: { a: { $ref: '#/definitions/a' } }, properties: { x: { $ref: '#/definitions/a' } } },
      ['/inputSchema/definitions/a/$ref'],
    ],
  ])('names %s at its place, where ajv refuses the whole schema', (_, schema, expected) => {
    expect(paths(schema)).toEqual(expected);
    expect(compiles(schema)).toBe(false);
  });

  it('names each reference of a loop through references alone, which ajv compiles and then overflows on', () => {
    const loop = {
      definitions: { a: { $ref: '#/definitions/b', type: 'object' }, b: { $ref: '#/definitions/a' } },
      properties: { x: { $ref: '#/definitions/a' } },
    };
    expect(paths(loop).sort()).toEqual(['/inputSchema/definitions/a/$ref', '/inputSchema/definitions/b/$ref']);
    expect(() => ajv.compile(loop)({ x: {} })).toThrow(/call stack/);
  });
});
