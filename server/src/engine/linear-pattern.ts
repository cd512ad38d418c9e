import { RE2JS } from 're2js';
import { ClearingMemo } from '../common/memo/clearing-memo.js';
import type { ErrorDetail } from '../common/errors/domain-errors.js';
import { MAX_PATTERN_LENGTH } from './pattern-limits.js';

export { MAX_PATTERN_LENGTH };

/** A regular expression matched in time linear in the text: RE2's automaton, no backtracking. */
export interface LinearPattern {
  test(text: string): boolean;
}

/** Why a pattern is refused: the kind a client words, the English message, RE2's own reason when invalid. */
interface Refusal {
  reason: 'too_long' | 'too_large' | 'invalid';
  message: string;
  engine?: string;
}

const patterns = new ClearingMemo<string, LinearPattern | Refusal>(1000);

/**
 * Compiles a pattern with RE2 (re2js, in plain JavaScript). JavaScript's engine backtracks: `(a|a)*$` took 2 s
 * on 25 characters and `.*.*.*.*x` did not finish, and no static check catches every such pattern. RE2 has no
 * backreferences or lookarounds; a pattern using them is refused, with RE2's reason. Cached by source.
 */
function compile(source: string): LinearPattern | Refusal {
  return patterns.get(source, compileNew);
}

function isRefusal(compiled: LinearPattern | Refusal): compiled is Refusal {
  return 'reason' in compiled;
}

function compileNew(source: string): LinearPattern | Refusal {
  if (source.length > MAX_PATTERN_LENGTH)
    return { reason: 'too_long', message: `is longer than ${MAX_PATTERN_LENGTH} characters` };
  const weight = repeatedWeight(source);
  if (weight > MAX_PATTERN_WEIGHT)
    return {
      reason: 'too_large',
      message: `is too large once its counted repetitions ({n}) are written out: ${weight} steps, where at most ${MAX_PATTERN_WEIGHT} are allowed`,
    };
  try {
    const re2 = RE2JS.compile(source); // RE2 decides what is accepted, whichever engine then runs it
    return matcherFor(source, (text) => re2.test(text));
  } catch (err) {
    const engine = (err as Error).message.replace(/^error parsing regexp: /, '');
    return { reason: 'invalid', message: `is not a regular expression Gabarit can match: ${engine}`, engine };
  }
}

/**
 * Steps a pattern holds once its counted repetitions are written out (`\p{L}{3}` is three). RE2 builds its
 * automaton from them: at 800 (`\p{L}{800}1`) its fast matcher gave up and a search of 10 000 characters held
 * the event loop 100–460 ms, where 600 took a fraction of a millisecond. The pilots' patterns weigh under 20.
 */
export const MAX_PATTERN_WEIGHT = 400;

/** See MAX_PATTERN_WEIGHT: each atom one step, a group the sum of its parts, `{n,m}` times m (`{n,}` n + 1). */
function repeatedWeight(source: string): number {
  // One character each: `\p{Greek}`, an escape, a class; a group's `?:`, `?P<name>` or flags are no steps.
  const structure = source
    .replace(/\\[pP]\{[^}]*\}/g, 'e')
    .replace(/\\./g, 'e')
    .replace(/\[(?:\\.|[^\]\\])*\]/g, 'c')
    .replace(/\(\?(?:P?<[^>]*>|[a-zA-Z-]*:?)/g, '(');
  const frames: number[] = [0];
  let last = 0; // the weight of the atom or group a quantifier would apply to
  for (let i = 0; i < structure.length; i++) {
    const c = structure[i]!;
    if (c === '(') {
      frames.push(0);
      last = 0;
      continue;
    }
    if (c === ')') {
      last = frames.length > 1 ? frames.pop()! : 0;
      frames[frames.length - 1]! += last;
      continue;
    }
    if (c === '|') {
      last = 0;
      continue;
    }
    const counted = /^\{(\d+)(,(\d*))?\}/.exec(structure.slice(i, i + 16));
    if (counted) {
      const times =
        counted[2] === undefined ? Number(counted[1]) : counted[3] ? Number(counted[3]) : Number(counted[1]) + 1;
      frames[frames.length - 1]! += last * (Math.min(times, 100_000) - 1);
      last = 0;
      i += counted[0].length - 1;
      continue;
    }
    if ('*+?'.includes(c)) continue; // a variable repetition is a loop in the automaton, not copies
    last = 1;
    frames[frames.length - 1]! += 1;
  }
  return frames.reduce((a, b) => a + b, 0);
}

/** What decides whether JavaScript's backtracking engine may run a pattern: its groups, alternatives and repetitions. */
interface Shape {
  groups: number;
  alternatives: number;
  /** `*`, `+`, `?`, `{n,}`, `{n,m}`: repetitions whose count depends on the text. */
  variable: number;
  /** A repetition, even `{n}`, applied to a group: `(a|a){25}b` tries 2^25 ways at each position. */
  repeatedGroup: boolean;
  /** `(?:`, `(?P<name>`, `(?i)`…: left to RE2. */
  special: boolean;
}

const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})/;

function shapeOf(source: string): Shape {
  // Escapes and character classes match one character each, whatever they contain.
  const structure = source.replace(/\\./g, 'e').replace(/\[(?:\\.|[^\]\\])*\]/g, 'c');
  const shape: Shape = { groups: 0, alternatives: 0, variable: 0, repeatedGroup: false, special: false };
  for (let i = 0; i < structure.length; i++) {
    const c = structure[i]!;
    if (c === '(') {
      shape.groups++;
      if (structure[i + 1] === '?') shape.special = true;
    } else if (c === '|') shape.alternatives++;
    else {
      const quantifier = QUANTIFIER.exec(structure.slice(i, i + 12))?.[0];
      if (!quantifier) continue;
      if (structure[i - 1] === ')') shape.repeatedGroup = true;
      if (!/^\{\d+\}$/.test(quantifier)) shape.variable++;
      i += quantifier.length - 1;
      if (structure[i + 1] === '?') i++; // lazy
    }
  }
  return shape;
}

/**
 * Patterns whose backtracking cannot grow with the text: no variable repetition (`*`, `+`, `?`, `{n,}`,
 * `{n,m}`), no repetition of a group, at most one group. An attempt at one position tries each alternative at
 * most once, so a search costs at most the text's length times the pattern's (200 characters at most).
 * JavaScript's engine runs them ten times faster than re2js (identifiers like `^[0-9]{9}RT[0-9]{4}$`, the
 * pilots' kind); anything else goes to RE2.
 */
export function fixedShape(source: string): boolean {
  const shape = shapeOf(source);
  return !shape.special && !shape.repeatedGroup && shape.variable === 0 && shape.groups <= 1;
}

/** Texts up to this length may be matched by JavaScript's engine with a pattern of bounded shape. */
export const SHORT_TEXT = 64;

/**
 * Patterns whose backtracking grows at most with the square of the text: one variable repetition of a single
 * character, class or escape (never of a group), two groups and three `|` at most, 64 characters at most
 * (`(^|[^0-9])0+([0-9])`, which drops leading zeros). On a text of SHORT_TEXT characters that is a few
 * thousand steps at each of 64 positions, well under a millisecond; longer texts go to RE2.
 */
export function boundedShape(source: string): boolean {
  if (source.length > SHORT_TEXT) return false;
  const shape = shapeOf(source);
  return !shape.special && !shape.repeatedGroup && shape.variable <= 1 && shape.groups <= 2 && shape.alternatives <= 3;
}

/** JavaScript's engine where the pattern's shape bounds its backtracking (and its syntax is the same), else RE2. */
function matcherFor(source: string, re2: (text: string) => boolean): LinearPattern {
  const js = javascriptRegExp(source, 'u');
  if (js && fixedShape(source)) return js;
  if (js && boundedShape(source)) return { test: (text) => (text.length <= SHORT_TEXT ? js.test(text) : re2(text)) };
  return { test: re2 };
}

/** RE2's `\s`: ASCII white space only. JavaScript's also takes U+00A0, U+2028, \v and the other Unicode spaces. */
const RE2_SPACE = '\\t\\n\\f\\r ';

/**
 * The pattern in JavaScript's syntax with RE2's meaning, or undefined where that cannot be said simply (then
 * RE2 runs it). The two engines read most of the syntax alike; they differ on `.`, which in RE2 takes every
 * character but `\n` (JavaScript's also refuses `\r`, U+2028 and U+2029), and on `\s` and `\S`, ASCII
 * in RE2 and Unicode in JavaScript (a non-breaking space, common in French text, is `\s` only there).
 */
function javascriptSource(source: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      i++;
      if (next === 's') out += inClass ? RE2_SPACE : `[${RE2_SPACE}]`;
      else if (next === 'S') {
        if (inClass) return undefined; // a negated class inside a class has no JavaScript spelling without /v
        out += `[^${RE2_SPACE}]`;
      } else out += c + (next ?? '');
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else out += c === '.' ? '[^\\n]' : c;
  }
  return out;
}

/**
 * The same pattern for JavaScript's engine, with RE2's meaning of `.`, `\s` and `\S`, or undefined where its
 * syntax differs from RE2's (`\pL`).
 */
export function javascriptRegExp(source: string, flags: string): RegExp | undefined {
  const translated = javascriptSource(source);
  if (translated === undefined) return undefined;
  try {
    return new RegExp(translated, flags);
  } catch {
    return undefined;
  }
}

/** The compiled pattern, or null when it is refused (see `patternProblem`). */
export function linearPattern(source: string): LinearPattern | null {
  const compiled = compile(source);
  return isRefusal(compiled) ? null : compiled;
}

/** Why a pattern is refused (too long, invalid, or a construct RE2 does not have), or undefined if it is fine. */
export function patternProblem(source: string): string | undefined {
  const compiled = compile(source);
  return isRefusal(compiled) ? compiled.message : undefined;
}

/**
 * A refused `matches` pattern as a detail at `path`: keyword `regex`, with the kind of refusal a client words
 * (`too_long`, `too_large`, `invalid` with RE2's own reason in `engine`), the English message beside it.
 */
export function patternRefusal(path: string, source: string): ErrorDetail | undefined {
  const compiled = compile(source);
  if (!isRefusal(compiled)) return undefined;
  const { reason, message, engine } = compiled;
  return {
    path,
    message,
    keyword: 'regex',
    params: {
      reason,
      ...(engine !== undefined && { engine }),
      ...(reason === 'too_long' && { limit: MAX_PATTERN_LENGTH }),
      ...(reason === 'too_large' && { limit: MAX_PATTERN_WEIGHT }),
    },
  };
}

/**
 * ajv's `code.regExp`: the `pattern` keyword of analysts' JSON Schemas (and `patternProperties`) matched by RE2
 * too. A pattern RE2 refuses makes the schema fail to compile, which is reported at its place when it is saved.
 */
export const linearRegExp = Object.assign(
  (source: string): LinearPattern & { toString(): string } => {
    const compiled = compile(source);
    if (isRefusal(compiled)) throw new Error(`pattern "${source}" ${compiled.message}`);
    // Called as a method of this object, not of the RegExp a fixed-shape pattern compiles to: bind the call.
    return { test: (text) => compiled.test(text), toString: () => `/${source}/` };
  },
  { code: 'linearRegExp' },
);
