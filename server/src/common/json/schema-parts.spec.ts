import { describe, expect, it } from '@jest/globals';
import { declaredPropertyNames, expandSchemas } from './schema-parts.js';
import { resolveLocalRef } from './schema-walk.js';

describe('the parts of a schema', () => {
  it('finds the properties declared in every part: allOf, anyOf, oneOf and local $refs', () => {
    const schema = {
      properties: { invoice: {} },
      allOf: [{ $ref: '#/$defs/person' }, { anyOf: [{ properties: { lines: {} } }] }],
      oneOf: [{ properties: { supplier: {} } }],
      $defs: { person: { properties: { employee: {} } } },
    };
    expect([...declaredPropertyNames(schema)].sort()).toEqual(['employee', 'invoice', 'lines', 'supplier']);
  });

  it('visits each part once: refs that fan out 40 levels deep, and a schema that refers to itself', () => {
    // Each level refers twice to the next: walking every path would take 2^40 steps.
    const $defs: Record<string, object> = { d40: { properties: { deepest: {} } } };
    for (let i = 0; i < 40; i++)
      $defs[`d${i}`] = { anyOf: [{ $ref: `#/$defs/d${i + 1}` }, { $ref: `#/$defs/d${i + 1}` }] };
    const fanning = { $ref: '#/$defs/d0', $defs };
    expect(declaredPropertyNames(fanning)).toEqual(new Set(['deepest']));
    expect(expandSchemas([fanning], fanning)).toHaveLength(1 + 41 + 40 * 2);
    const itself = { properties: { a: {} }, allOf: [{ $ref: '#' }] };
    expect(declaredPropertyNames(itself)).toEqual(new Set(['a']));
  });

  it('reads a malformed pointer as no part at all, not as an error', () => {
    expect(resolveLocalRef({ a: 1 }, '#/%zz')).toBeUndefined();
    expect(declaredPropertyNames({ allOf: [{ $ref: '#/%zz' }], properties: { x: {} } })).toEqual(new Set(['x']));
    expect(resolveLocalRef({ 'a/b': { c: 2 } }, '#/a~1b/c')).toBe(2);
  });

  it('follows a $ref to an anchor to the part that declares it, not to the whole schema', () => {
    const title = { $anchor: 'titre', type: 'string' };
    const tags = { $anchor: 'liste', type: 'array', items: { type: 'string' } };
    const schema = {
      type: 'object',
      properties: { title: { $ref: '#titre' }, tags: { $ref: '#liste' } },
      $defs: { title, tags },
    };
    expect(resolveLocalRef(schema, '#titre')).toBe(title);
    expect(resolveLocalRef(schema, '#nowhere')).toBeUndefined();
    expect(expandSchemas([schema['properties']['tags']], schema)).toEqual([{ $ref: '#liste' }, tags]);
    expect(declaredPropertyNames(schema['properties']['title'])).toEqual(new Set());
  });

  it('reads a reference through the schema’s own $id as a local one, and one to another document as nothing', () => {
    const schema = { $id: 'https://gabarit.example/facts', $defs: { a: { type: 'string' } } };
    expect(resolveLocalRef(schema, 'https://gabarit.example/facts#/$defs/a')).toEqual({ type: 'string' });
    expect(resolveLocalRef(schema, 'facts#/$defs/a')).toEqual({ type: 'string' });
    expect(resolveLocalRef(schema, 'https://elsewhere.example/facts#/$defs/a')).toBeUndefined();
    expect(resolveLocalRef({ $defs: { a: {} } }, 'other.json#/$defs/a')).toBeUndefined();
  });
});
