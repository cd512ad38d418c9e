import { describe, expect, it } from '@jest/globals';
import { declaredPropertyNames, expandSchemas, resolveSchemaPointer } from './schema-parts.js';

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
    expect(resolveSchemaPointer({ a: 1 }, '/%zz')).toBeUndefined();
    expect(declaredPropertyNames({ allOf: [{ $ref: '#/%zz' }], properties: { x: {} } })).toEqual(new Set(['x']));
    expect(resolveSchemaPointer({ 'a/b': { c: 2 } }, '/a~1b/c')).toBe(2);
  });
});
