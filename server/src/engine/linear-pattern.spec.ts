import { describe, expect, it } from '@jest/globals';
import { fixedShape, linearPattern, linearRegExp, patternProblem } from './linear-pattern.js';

describe('linear-time patterns', () => {
  it('answers like JavaScript on the patterns the pilots and analysts write', () => {
    const cases: [string, string[]][] = [
      ['^[0-9]{9}RT[0-9]{4}$', ['123456789RT0001', '123456789RT001', 'x123456789RT0001']],
      ['^[0-9]{10}TQ[0-9]{4}$', ['1234567890TQ0001', '1234567890TQ00011']],
      ['^(11|22|33|88)[0-9]{8}$', ['1112345678', '4412345678']],
      ['@gouv\\.qc\\.ca$', ['lea.roy@gouv.qc.ca', 'lea.roy@gouvXqc.ca']],
      ['^\\p{L}+(-\\p{L}+)*$', ['Léa', 'Jean-Éric', 'R2D2']],
      ['.', ['', 'x']],
    ];
    for (const [source, texts] of cases) {
      const ours = linearPattern(source)!;
      for (const text of texts)
        expect([source, text, ours.test(text)]).toEqual([source, text, new RegExp(source, 'u').test(text)]);
    }
  });

  it('refuses what RE2 does not have, too-long patterns and invalid ones, saying why', () => {
    expect(patternProblem('^(?=.*[0-9]).+$')).toMatch(/Perl syntax/);
    expect(patternProblem('^(a)\\1$')).toMatch(/escape/);
    expect(patternProblem('a'.repeat(201))).toMatch(/longer than 200/);
    expect(patternProblem('([a-z]')).toMatch(/missing/);
    expect(linearPattern('([a-z]')).toBeNull();
    expect(patternProblem('(a|a)*$')).toBeUndefined();
  });

  it('gives ajv a RegExp-like object, and a refusal ajv reports as a schema that does not compile', () => {
    expect(linearRegExp('^a+$').test('aaa')).toBe(true);
    expect(() => linearRegExp('(?<=a)b')).toThrow(/Gabarit can match/);
  });

  it('lets JavaScript run only patterns whose backtracking cannot grow: fixed repetition, one group at most', () => {
    for (const fixed of [
      '^[0-9]{9}RT[0-9]{4}$',
      '^[0-9]{10}TQ[0-9]{4}$',
      '^(11|22|33|88)[0-9]{8}$',
      '^\\d{3}-\\d{4}$',
      '^[*+?]{2}$',
      '@gouv\\.qc\\.ca$',
      '.',
    ])
      expect([fixed, fixedShape(fixed)]).toEqual([fixed, true]);
    for (const growing of [
      '(a|a)*$',
      '^(a|a)*$',
      '^(a|a)(a|a)x',
      '^a{1,3}$',
      '^a{2,}$',
      '^.*x',
      '^a+$',
      '^a?$',
      '^(?:ab)$',
      '.*.*x',
      '(a)(b)',
    ])
      expect([growing, fixedShape(growing)]).toEqual([growing, false]);
  });
});
