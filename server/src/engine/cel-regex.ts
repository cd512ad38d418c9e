import { RE2JS } from 're2js';
import { ClearingMemo } from '../common/memo/clearing-memo.js';
import { charge, type Run } from './cel-budget.js';
import { fail } from './cel-values.js';
import { boundedShape, fixedShape, javascriptRegExp, patternProblem, SHORT_TEXT } from './linear-pattern.js';

// `regex.replace(text, pattern, replacement)` of computed facts (CEL's regex extension), matched by RE2.

/**
 * Longer texts are not searched (the fact is absent): re2js cannot be interrupted while it scans, and it scans
 * slowly (up to 1 µs a character and 8 µs a match here), so one call stays within a few milliseconds.
 */
export const MAX_REPLACE_TEXT = 1_000;
/** Work units per character and per match: re2js, and JavaScript's engine for patterns of a fixed shape. */
const COST = { re2: { char: 48, match: 128 }, fixed: { char: 1 / 8, match: 4 } } as const;

export type Replacer = (run: Run, text: string) => string;

/**
 * Compiles a pattern and a replacement written in the expression, or says why they are refused. The pattern is
 * matched by RE2 (time linear in the text, no lookaround or backreference); in the replacement, `\1`…`\9` stand
 * for the pattern's groups (`\0` for the whole match) and `\\` for a backslash. Every match is charged to the
 * budget before its replacement is written (through JavaScript's replacement text, every match the text could hold).
 */
export function regexReplacer(pattern: string, replacement: string): Replacer | string {
  // A replacer depends on nothing else: every expression (and every cached version) with the same pattern and
  // replacement shares one, with its RE2 program (the invoice pilot's 30 weighed about 17 KB a version).
  // The key is the JSON of the pair: either may hold any character, NUL included.
  return replacers.get(JSON.stringify([pattern, replacement]), () => newReplacer(pattern, replacement));
}

const replacers = new ClearingMemo<string, Replacer | string>(1000);

function newReplacer(pattern: string, replacement: string): Replacer | string {
  const refused = patternProblem(pattern);
  if (refused) return `the pattern ${refused}`;
  const re2 = RE2JS.compile(pattern); // RE2 decides what is accepted, whichever engine then runs it
  const parts = replacementParts(replacement, re2.groupCount());
  if (typeof parts === 'string') return parts;
  const expand = (group: (n: number) => string | null | undefined) => {
    let out = '';
    for (const part of parts) out += typeof part === 'number' ? (group(part) ?? '') : part;
    return out;
  };
  // As for `matches`: JavaScript's engine runs the patterns whose shape bounds its backtracking twenty times
  // faster than re2js (`[ -]`, `[^A-Z0-9]`; `(^|[^0-9])0+([0-9])` on short texts). Those of fixed shape are
  // charged for what they do; the others are charged as RE2 would be, so the budget means the same either way.
  const js = javascriptRegExp(pattern, 'gu');
  const fixed = js !== undefined && fixedShape(pattern);
  const bounded = js !== undefined && !fixed && boundedShape(pattern);
  const cost = fixed ? COST.fixed : COST.re2;
  const perMatchJs = cost.match + (replacement.length >> 3);
  // A replacement without groups is the same text each time: no arguments to gather, nothing to expand.
  const literal = parts.every((part) => typeof part === 'string') ? parts.join('') : undefined;
  // A pattern of fixed shape with a short replacement replaces through JavaScript's own replacement text, a
  // third faster than a function called at each match. No match is seen then, so the most matches the text can
  // hold (one per position) are charged first: at most 8 000 units for the longest text searched, under 2 % of
  // the budget.
  const byText = fixed && replacement.length <= 32;
  const replacementText = parts
    .map((part) => (typeof part === 'number' ? (part === 0 ? '$&' : `$0${part}`) : part.replaceAll('$', '$$$$')))
    .join('');
  const replaceWithJs = (run: Run, text: string): string => {
    if (byText) {
      charge(run, Math.ceil(text.length * cost.char) + (text.length + 1) * perMatchJs);
      return text.replace(js!, replacementText);
    }
    charge(run, Math.ceil(text.length * cost.char));
    if (literal !== undefined)
      return text.replace(js!, () => {
        charge(run, perMatchJs);
        return literal;
      });
    return text.replace(js!, (...match: unknown[]) => {
      charge(run, perMatchJs);
      return expand((n) => match[n] as string | undefined);
    });
  };
  const perMatch = COST.re2.match + (replacement.length >> 3);
  return (run, text) => {
    if (text.length > MAX_REPLACE_TEXT) fail(`regex.replace() searches at most ${MAX_REPLACE_TEXT} characters`);
    if (fixed || (bounded && text.length <= SHORT_TEXT)) return replaceWithJs(run, text);
    charge(run, text.length * COST.re2.char);
    const matcher = re2.matcher(text);
    let out = '';
    let last = 0;
    while (matcher.find()) {
      charge(run, perMatch);
      out += text.slice(last, matcher.start()) + expand((n) => matcher.group(n));
      last = matcher.end();
    }
    return out + text.slice(last);
  };
}

/** The replacement as literal text and group numbers; a string says what is wrong with it. */
function replacementParts(replacement: string, groups: number): (string | number)[] | string {
  const parts: (string | number)[] = [];
  let literal = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]!;
    if (c !== '\\') {
      literal += c;
      continue;
    }
    const next = replacement[++i];
    if (next === '\\') literal += '\\';
    else if (next !== undefined && next >= '0' && next <= '9') {
      const group = Number(next);
      if (group > groups) return `the replacement refers to group \\${group}; the pattern has ${groups}`;
      if (literal) parts.push(literal);
      literal = '';
      parts.push(group);
    } else return 'in the replacement, a backslash comes before a group number (\\1) or another backslash';
  }
  if (literal) parts.push(literal);
  return parts;
}
