import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { EXPRESSION_LIMITS, type Run } from './cel-budget.js';
import { startClock } from './work-clock.js';
import { regexReplacer } from './cel-regex.js';
import { fixedShape } from './linear-pattern.js';

// regex.replace runs some patterns on JavaScript's engine (with its own replacement text, `$01`, `$&`), the
// others on re2js. Whichever runs, the answer must be RE2's with the replacement read our way (`\1`, `\0`,
// `\\`, everything else literal): the oracle below walks RE2's matches and writes each replacement itself.

function oracle(pattern: string, replacement: string, text: string): string {
  const matcher = RE2JS.compile(pattern).matcher(text);
  const expand = (): string =>
    replacement.replace(/\\([0-9\\])/g, (_all, c: string) => (c === '\\' ? '\\' : (matcher.group(Number(c)) ?? '')));
  let out = '';
  let last = 0;
  while (matcher.find()) {
    out += text.slice(last, matcher.start()) + expand();
    last = matcher.end();
  }
  return out + text.slice(last);
}

const freshRun = (): Run => ({
  facts: {},
  computed: {},
  values: [],
  locals: [],
  left: EXPRESSION_LIMITS.budget,
  checkAt: 0,
  clock: startClock(Number.POSITIVE_INFINITY),
});

// Pieces of patterns of the kinds analysts write for identifiers; at most one group, so most are of fixed shape.
const piece = fc.constantFrom('a', 'b', '0', '[ -]', '[^0-9]', '[0-9]', '[ab]', '.', '\\$', 'é', '(a|b)', '(0)');
const pattern = fc
  .tuple(fc.constantFrom('', '^'), fc.array(piece, { minLength: 0, maxLength: 4 }), fc.constantFrom('', '$'))
  .map(([start, pieces, end]) => start + pieces.join('') + end)
  .filter((p) => (p.match(/\(/g) ?? []).length <= 1);
const text = fc
  .array(fc.constantFrom('a', 'b', '0', '7', ' ', '-', 'é', '$', '😀', 'x'), { maxLength: 30 })
  .map((chars) => chars.join(''));
const replacementFor = (groups: number) =>
  fc
    .array(fc.constantFrom('x', '$', '$&', '$1', '$$', '0', '\\0', '\\\\', ...(groups > 0 ? ['\\1'] : [])), {
      maxLength: 4,
    })
    .map((parts) => parts.join(''));

describe('regex.replace', () => {
  it('answers as RE2 would, on either engine, whatever dollar signs and digits the replacement holds', () => {
    let fixed = 0;
    fc.assert(
      fc.property(
        pattern.chain((p) =>
          fc.tuple(fc.constant(p), replacementFor(RE2JS.compile(p).groupCount()), fc.array(text, { maxLength: 4 })),
        ),
        ([p, replacement, texts]) => {
          const replacer = regexReplacer(p, replacement);
          expect(typeof replacer).toBe('function');
          if (fixedShape(p)) fixed++;
          for (const t of texts)
            expect((replacer as Exclude<typeof replacer, string>)(freshRun(), t)).toBe(oracle(p, replacement, t));
        },
      ),
      { numRuns: 2_000 },
    );
    expect(fixed).toBeGreaterThan(1_000); // most runs went through JavaScript's replacement text
  });
});
