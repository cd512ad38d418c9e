import { describe, expect, it } from '@jest/globals';
import { pathNestedDeeperThan } from './nesting.js';

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { 'a/b': value };
  return value;
};

describe('pathNestedDeeperThan', () => {
  it('counts levels as the body parser counts brackets, and names the first container past the bound', () => {
    expect(pathNestedDeeperThan(nested(64), 64)).toBeUndefined();
    expect(pathNestedDeeperThan({ params: nested(3) }, 3)).toBe('/params/0/a~1b');
    expect(pathNestedDeeperThan([], 0)).toBe('/');
    expect(pathNestedDeeperThan('text', 0)).toBeUndefined();
  });

  it('measures values too deep for a recursive walk without overflowing the stack', () => {
    expect(pathNestedDeeperThan({ deep: nested(200_000) }, 64)).toMatch(/^\/deep\//);
  });
});
