import { describe, expect, it } from '@jest/globals';
import { membersNamed } from './member-names.js';

describe('membersNamed', () => {
  const doc = JSON.parse(
    '{"a":{"__proto__":1,"b":[{"__proto__":{"__proto__":2}}]},"c~/":{"__proto__":3},"__proto__":4}',
  ) as object;

  it('finds own members by name at any depth, in document order, escaped as JSON Pointers', () => {
    expect(membersNamed(doc, '__proto__', '/definition', 10)).toEqual([
      '/definition/a/__proto__',
      '/definition/a/b/0/__proto__',
      '/definition/a/b/0/__proto__/__proto__',
      '/definition/c~0~1/__proto__',
      '/definition/__proto__',
    ]);
  });

  it('stops at the number asked for, and finds nothing an object only inherits', () => {
    expect(membersNamed(doc, '__proto__', '', 2)).toEqual(['/a/__proto__', '/a/b/0/__proto__']);
    expect(membersNamed({ a: { b: 1 } }, 'constructor', '', 10)).toEqual([]);
  });
});
