import { describe, expect, it } from '@jest/globals';
import { recursionProblems } from './schema-recursion.js';

/** Where the schema is refused, or undefined when it is kept. */
const refusedAt = (schema: object) => recursionProblems(schema, '')[0]?.path;
const node = (n: object) => ({ type: 'object', properties: { x: { $ref: '#/definitions/n' } }, definitions: { n } });
/** A reference to `n`, a new object each time, as parsed JSON has them. */
const n = () => ({ $ref: '#/definitions/n' });

describe('recursionProblems', () => {
  it('finds a recursion that meets the same value twice: each level would double the work', () => {
    // A review's schemas: nested 26 deep, the first held the service 7.9 s; the second 50 s at 22.
    expect(refusedAt(node({ allOf: [{ items: n() }, { items: n() }] }))).toBe('/definitions/n/allOf/1/items/$ref');
    expect(refusedAt(node({ oneOf: [{ items: n() }, { items: n() }] }))).toBe('/definitions/n/oneOf/1/items/$ref');
    // Every item, and some items: both apply to each one.
    expect(refusedAt(node({ items: n(), contains: n() }))).toBe('/definitions/n/contains/$ref');
    // A member by name and by pattern.
    expect(refusedAt(node({ properties: { a: n() }, patternProperties: { '^a': n() } }))).toBe(
      '/definitions/n/patternProperties/^a/$ref',
    );
    // One level and two levels down: Fibonacci's numbers of ways to each depth.
    expect(refusedAt(node({ anyOf: [{ items: n() }, { items: { items: n() } }] }))).toBe(
      '/definitions/n/anyOf/1/items/items/$ref',
    );
    // Through other definitions: the way back is counted wherever it is written.
    expect(
      refusedAt({
        properties: { x: n() },
        definitions: {
          n: { anyOf: [{ $ref: '#/definitions/a' }, { $ref: '#/definitions/b' }] },
          a: { items: n() },
          b: { items: n() },
        },
      }),
    ).toBe('/definitions/b/items/$ref');
    // Draft 7's schema dependencies apply to the same value (a review's 140-byte body took 419 ms at 23 deep).
    expect(refusedAt(node({ properties: { x: n() }, dependencies: { x: { properties: { x: n() } } } }))).toBe(
      '/definitions/n/dependencies/x/properties/x/$ref',
    );
    // Through a subschema's own $id, as ajv follows it: 172 bytes nested 26 deep took 2.15 s (a review).
    expect(
      refusedAt({
        type: 'object',
        properties: { tree: { $ref: 'node.json' } },
        definitions: {
          node: {
            $id: 'node.json',
            type: 'object',
            properties: { c: { allOf: [{ $ref: 'node.json' }, { $ref: 'node.json' }] } },
          },
        },
      }),
    ).toBe('/definitions/node/properties/c/allOf/1/$ref');
    // Itself, on the same value: no data step at all.
    expect(refusedAt(node({ type: 'object', allOf: [n()] }))).toBe('/definitions/n/allOf/0/$ref');
  });

  it('refuses references crossing in more ways than it can walk, rather than passing them unchecked', () => {
    // Eight definitions each naming all the others: linear (every way back takes other names), but the ways back
    // to one of them number in the tens of thousands. A review hid a doubling schema behind such a web.
    const names = Array.from({ length: 8 }, (_, i) => `d${i}`);
    const definitions: Record<string, object> = Object.fromEntries(
      names.map((name) => [
        name,
        { properties: Object.fromEntries(names.map((o) => [`to-${o}`, { $ref: `#/definitions/${o}` }])) },
      ]),
    );
    const problems = recursionProblems(
      { properties: { x: { $ref: '#/definitions/d0' } }, definitions },
      '/inputSchema',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/too intricate to check/);
  });

  it('keeps recursions that follow the data: a list, a tree, tuples, branches of one if, a linked list', () => {
    expect(refusedAt(node({ type: 'array', items: n() }))).toBeUndefined();
    expect(refusedAt(node({ properties: { left: n(), right: n(), value: {} } }))).toBeUndefined();
    expect(refusedAt(node({ items: [n(), n()] }))).toBeUndefined();
    // The tuple's places, then what follows them.
    expect(refusedAt(node({ type: 'array', items: [n()], additionalItems: n() }))).toBeUndefined();
    // Named members, and the others.
    expect(refusedAt(node({ properties: { left: n() }, additionalProperties: n() }))).toBeUndefined();
    // ajv runs one branch of an if.
    expect(
      refusedAt(
        node({
          if: { properties: { kind: { const: 'a' } } },
          then: { properties: { next: n() } },
          else: { properties: { next: n() } },
        }),
      ),
    ).toBeUndefined();
    expect(
      refusedAt({
        properties: { x: { $ref: '#/definitions/item' } },
        definitions: { item: { properties: { next: { anyOf: [{ type: 'null' }, { $ref: '#/definitions/item' }] } } } },
      }),
    ).toBeUndefined();
    expect(refusedAt({ type: 'object', properties: { a: { type: 'string' } } })).toBeUndefined();
  });

  it('still refuses what meets one value twice around those: a tuple place and the items past it do not, two tails do', () => {
    expect(refusedAt(node({ items: [n()], additionalItems: n(), contains: n() }))).toBe('/definitions/n/contains/$ref');
    expect(
      refusedAt(node({ properties: { left: n() }, additionalProperties: n(), patternProperties: { x: n() } })),
    ).toBe('/definitions/n/patternProperties/x/$ref');
    // One if's then and another if's then can both apply.
    expect(
      refusedAt(
        node({
          allOf: [
            { if: {}, then: { items: n() } },
            { if: {}, then: { items: n() } },
          ],
        }),
      ),
    ).toBe('/definitions/n/allOf/1/then/items/$ref');
  });
});
