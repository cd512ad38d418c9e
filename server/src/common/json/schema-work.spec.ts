import { describe, expect, it } from '@jest/globals';
import { SchemaWork, schemaWorkOn } from './schema-work.js';

describe('SchemaWork', () => {
  it('counts the subschemas checking each place, references and in-place branches followed', () => {
    const work = new SchemaWork({
      type: 'object',
      definitions: {
        amount: { type: 'number' },
        either: { anyOf: [{ type: 'string' }, { $ref: '#/definitions/amount' }] },
      },
      properties: { total: { $ref: '#/definitions/amount' }, code: { $ref: '#/definitions/either' } },
      additionalProperties: { type: 'boolean' },
    });
    expect(work.root?.count).toBe(1);
    expect(work.root?.member('total')?.count).toBe(2); // the $ref and its target
    expect(work.root?.member('code')?.count).toBe(5); // $ref, anyOf, its two branches, the second's target
    expect(work.root?.member('other')?.count).toBe(1); // additionalProperties
    expect(work.root?.item).toBeUndefined();
    // Only where alternatives are tried does a value weigh anything.
    expect([work.root?.weight, work.root?.member('total')?.weight, work.root?.member('code')?.weight]).toEqual([
      0, 0, 5,
    ]);
    expect(work.widest()).toEqual({ count: 5, first: { $ref: '#/definitions/either' }, weight: 5 });
  });

  it('weighs every item under contains, and walks a recursive schema as far as the data goes', () => {
    const tree = new SchemaWork({
      $defs: { node: { type: 'object', properties: { kids: { type: 'array', contains: { $ref: '#/$defs/node' } } } } },
      $ref: '#/$defs/node',
    });
    // Each of the four kids weighs its place's two subschemas (the contains target and the node it refers to);
    // the root and the lists weigh nothing.
    const data = { kids: [{ kids: [{}, {}] }, {}] };
    expect(tree.root?.member('kids')?.item?.count).toBe(2);
    expect(schemaWorkOn(data, tree, 1_000)).toBe(4 * 2);
    expect(schemaWorkOn(data, tree, 3)).toBeGreaterThan(3); // stops counting just past the limit
  });

  it('counts every pattern for every member, an upper bound, and nothing for values no subschema reaches', () => {
    const work = new SchemaWork({
      type: 'object',
      patternProperties: { '^a': { anyOf: [{ type: 'string' }, { type: 'number' }] } },
      properties: { free: {} },
    });
    expect(work.root?.member('b')?.weight).toBe(3);
    expect(work.root?.member('free')?.count).toBe(4); // `free` itself and the pattern's three
    expect(schemaWorkOn({ b: { deep: [1, 2, 3] } }, work, 1_000)).toBe(3);
  });
});
