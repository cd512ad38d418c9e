import { RE2JS } from 're2js';

export const MAX_PATTERN_LENGTH = 200;

/** A regular expression matched in time linear in the text: RE2's automaton, no backtracking. */
export interface LinearPattern {
  test(text: string): boolean;
}

const patterns = new Map<string, LinearPattern | string>();

/**
 * Compiles a pattern with RE2 (re2js, in plain JavaScript). JavaScript's engine backtracks: `(a|a)*$` took 2 s
 * on 25 characters and `.*.*.*.*x` did not finish, and no static check catches every such pattern. RE2 has no
 * backreferences or lookarounds; a pattern using them is refused, with RE2's reason. Cached by source.
 */
function compile(source: string): LinearPattern | string {
  let compiled = patterns.get(source);
  if (compiled === undefined) {
    if (source.length > MAX_PATTERN_LENGTH) compiled = `is longer than ${MAX_PATTERN_LENGTH} characters`;
    else {
      try {
        const re2 = RE2JS.compile(source); // RE2 decides what is accepted, whichever engine then runs it
        compiled = fixedShape(source) ? new RegExp(source, 'u') : { test: (text: string) => re2.test(text) };
      } catch (err) {
        compiled = `is not a regular expression Gabarit can match: ${(err as Error).message.replace(/^error parsing regexp: /, '')}`;
      }
    }
    if (patterns.size > 1000) patterns.clear();
    patterns.set(source, compiled);
  }
  return compiled;
}

/**
 * Patterns whose backtracking cannot grow with the text: no variable repetition (`*`, `+`, `?`, `{n,}`,
 * `{n,m}`) and at most one group, so an attempt at one position tries each alternative at most once, and a
 * search costs at most the text's length times the pattern's (200 characters at most). JavaScript's engine runs
 * them ten times faster than re2js (identifiers like `^[0-9]{9}RT[0-9]{4}$`, the pilots' kind); anything else
 * goes to RE2.
 */
export function fixedShape(source: string): boolean {
  const structure = source.replace(/\\./g, 'e').replace(/\[(?:\\.|[^\]\\])*\]/g, 'c');
  if (/[*+?]|\{\d*,/.test(structure)) return false;
  return (structure.match(/\(/g) ?? []).length <= 1;
}

/** The compiled pattern, or null when it is refused (see `patternProblem`). */
export function linearPattern(source: string): LinearPattern | null {
  const compiled = compile(source);
  return typeof compiled === 'string' ? null : compiled;
}

/** Why a pattern is refused (too long, invalid, or a construct RE2 does not have), or undefined if it is fine. */
export function patternProblem(source: string): string | undefined {
  const compiled = compile(source);
  return typeof compiled === 'string' ? compiled : undefined;
}

/**
 * ajv's `code.regExp`: the `pattern` keyword of analysts' JSON Schemas (and `patternProperties`) matched by RE2
 * too. A pattern RE2 refuses makes the schema fail to compile, which is reported at its place when it is saved.
 */
export const linearRegExp = Object.assign(
  (source: string): LinearPattern & { toString(): string } => {
    const compiled = compile(source);
    if (typeof compiled === 'string') throw new Error(`pattern "${source}" ${compiled}`);
    return { test: compiled.test, toString: () => `/${source}/` };
  },
  { code: 'linearRegExp' },
);
