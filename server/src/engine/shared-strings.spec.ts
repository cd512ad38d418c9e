import { describe, expect, it } from '@jest/globals';
import { frozenSharedCopy, sharedString } from './shared-strings.js';

describe('frozenSharedCopy', () => {
  it('gives what structuredClone gives, frozen all the way down', () => {
    const rule = JSON.parse(
      '{"name":"r","__proto__":{"polluted":true},"conditions":{"all":[{"fact":"f","operator":"in","value":[1,"a",null,{"b":[]}]}]},"event":{"type":"t","params":{"n":-0}}}',
    ) as Record<string, unknown>;
    Object.assign(rule, { when: new Date('2026-12-05T00:00:00Z'), missing: undefined, nan: Number.NaN });
    const copy = frozenSharedCopy(rule);
    expect(copy).toStrictEqual(structuredClone(rule));
    expect(Object.hasOwn(copy, '__proto__')).toBe(true); // a member, as JSON.parse made it: no prototype set
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.is((copy['event'] as { params: { n: number } }).params.n, -0)).toBe(true);
    expect((copy['when'] as Date).toISOString()).toBe('2026-12-05T00:00:00.000Z');
    const frozen = (value: unknown): boolean =>
      value === null || typeof value !== 'object' || (Object.isFrozen(value) && Object.values(value).every(frozen));
    expect(frozen(copy)).toBe(true);
    expect(Object.isFrozen(rule)).toBe(false); // the caller's object is left as it was
  });

  it('refuses what is no JSON as structuredClone does', () => {
    expect(() => frozenSharedCopy({ rule: () => 1 })).toThrow(/could not be cloned/);
  });

  it('keeps working past its table limit: every string comes back equal', () => {
    const texts = Array.from({ length: 60_000 }, (_, i) => `fact-${i}`);
    expect(texts.every((text) => sharedString(text) === text)).toBe(true);
    expect(sharedString('x'.repeat(1_000))).toBe('x'.repeat(1_000));
  });
});
