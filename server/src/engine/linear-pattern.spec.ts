import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import {
  boundedShape,
  fixedShape,
  linearPattern,
  linearRegExp,
  patternProblem,
  patternRefusal,
  SHORT_TEXT,
} from './linear-pattern.js';

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
    // RE2's syntax that JavaScript's engine does not read is RE2's to run, not a refusal.
    expect(patternProblem('^\\pL$')).toBeUndefined();
    expect([linearPattern('^\\pL$')!.test('é'), linearPattern('^\\pL$')!.test('1')]).toEqual([true, false]);
  });

  it('refuses counted repetitions past what RE2’s fast matcher keeps up with, multiplied out through groups', () => {
    // These held the event loop 100–460 ms on 10 000 characters; 600 steps still took a fraction of a millisecond.
    expect(patternProblem('(?:\\p{Greek}|\\p{Han}|\\p{L}){1000}\\p{L}{1000}')).toMatch(/written out: 4000 steps/);
    expect(patternProblem('\\p{L}{800}1')).toMatch(/801 steps, where at most 400/);
    expect(patternProblem('(?:(?:a{10}){10}){10}b')).toMatch(/1001 steps/);
    for (const fine of [
      '^[0-9]{10}TQ[0-9]{4}$',
      '^\\d{3}-\\d{4}$',
      '\\p{L}{400}',
      '(?P<x>a{3})(?i)b',
      'x{1,}',
      '[^x]{150}[^y]{150}$',
    ])
      expect([fine, patternProblem(fine)]).toEqual([fine, undefined]);
  });

  it('gives ajv a RegExp-like object, and a refusal ajv reports as a schema that does not compile', () => {
    expect(linearRegExp('^a+$').test('aaa')).toBe(true);
    // A fixed-shape pattern runs on JavaScript's RegExp: its test must keep its receiver once handed over.
    const { test } = linearRegExp('^[0-9]{9}RT[0-9]{4}$');
    expect(test('123456789RT0001')).toBe(true);
    expect(test('123456789RT001')).toBe(false);
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
      '(a|a){25}b',
      '^(ab){3}$',
      '(.|a){26}$',
    ])
      expect([growing, fixedShape(growing)]).toEqual([growing, false]);
  });

  it('never gives JavaScript a repeated group: (a|a){25}b took 44 s on 40 characters there', () => {
    expect(linearPattern('(a|a){25}b')!.test('a'.repeat(40))).toBe(false);
    expect(linearPattern('^(a|a){26}$')!.test('a'.repeat(26))).toBe(true);
  });

  it('lets JavaScript run one repetition of a single character on short texts, and answers as RE2 does', () => {
    const bounded = ['(^|[^0-9])0+([0-9])', '^a+$', '^[A-Z]{2}[0-9]*$', '^(\\p{L}|-)x?$', 'x*', '^a{2,5}b'];
    for (const source of bounded) expect([source, boundedShape(source)]).toEqual([source, true]);
    for (const source of ['^a+b+$', '(a|a)*$', '(a|b)+', '((a|b)|(c|d))x*', 'a|b|c|d|e*', 'x'.repeat(65) + '*'])
      expect([source, boundedShape(source)]).toEqual([source, false]);
    const texts = [
      '',
      'a',
      'aaaa',
      'INV-000120',
      'AB00012',
      'Léa-x',
      'a'.repeat(SHORT_TEXT),
      'a'.repeat(SHORT_TEXT + 1) + 'b',
    ];
    for (const source of bounded) {
      const ours = linearPattern(source)!;
      const re2 = RE2JS.compile(source);
      for (const text of texts) expect([source, text, ours.test(text)]).toEqual([source, text, re2.test(text)]);
    }
  });

  it('means what RE2 means by ., \\s and \\S whichever engine runs the pattern (\\r, U+2028, non-breaking spaces)', () => {
    // Each takes JavaScript's engine (fixed or bounded shape): `.` there refused \r and U+2028, and `\s` took
    // U+00A0, which RE2 reads otherwise, so a short text could be decided differently from a long one.
    const sources = [
      '.',
      '^a.b$',
      '^\\s$',
      '^[0-9]+\\s\\$$',
      '\\S',
      '^[\\s,]+$',
      '^[^\\s]{3}$',
      '^x.?y$',
      '^[.]$',
      '\\.',
    ];
    for (const source of sources) expect([source, fixedShape(source) || boundedShape(source)]).toEqual([source, true]);
    const alphabet = fc.constantFrom(
      'a',
      'b',
      'x',
      'y',
      '1',
      '$',
      '.',
      ',',
      ' ',
      '\t',
      '\n',
      '\r',
      '\v',
      '\u00a0',
      '\u202f',
      '\u2028',
    );
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(alphabet, { maxLength: 6 }), (source, chars) => {
        const text = chars.join('');
        expect([source, text, linearPattern(source)!.test(text)]).toEqual([
          source,
          text,
          RE2JS.compile(source).test(text),
        ]);
      }),
      { numRuns: 3000 },
    );
    expect(linearPattern('^a.b$')!.test('a\rb')).toBe(true);
    expect(linearPattern('^10\\s\\$$')!.test('10\u00a0$')).toBe(false);
    // `\\S` inside a class has no JavaScript spelling with RE2's meaning: RE2 runs it.
    expect(linearPattern('^[\\S]$')!.test('\u00a0')).toBe(RE2JS.compile('^[\\S]$').test('\u00a0'));
  });
});

describe('a refused pattern as a detail', () => {
  it('names the kind of refusal a client words, with RE2’s own reason when it is not a pattern RE2 reads', () => {
    expect(patternRefusal('/v', '([a-z')).toEqual({
      path: '/v',
      message: expect.stringMatching(/^is not a regular expression Gabarit can match: /),
      keyword: 'regex',
      params: { reason: 'invalid', engine: expect.stringContaining('missing closing') },
    });
    expect(patternRefusal('/v', 'a'.repeat(201))?.params).toEqual({ reason: 'too_long', limit: 200 });
    expect(patternRefusal('/v', '\\p{L}{800}1')?.params).toEqual({ reason: 'too_large', limit: 400 });
    expect(patternRefusal('/v', '^[A-Z]{2}$')).toBeUndefined();
  });
});
