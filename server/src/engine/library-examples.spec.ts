import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { compileDefinition } from './compile.js';
import { prepare, run } from './evaluate.js';
import { writeOutNow } from './hot-programs.js';
import { asEvent, describeError, runLibrary, type Observed } from './fidelity-oracle.js';

/*
 * json-rules-engine's own documented examples (CacheControl/json-rules-engine, examples/ and docs/), ported as
 * data in fixtures/, each run through the library and through the compiled evaluator.
 * Skipped, with the reason:
 * - 03-dynamic-facts, 04-fact-dependency: async facts calling an account API (rule sets have no code facts);
 * - 06-custom-operators: custom operators (`startsWith`...) outside our vocabulary;
 * - 07-rule-chaining: onSuccess/onFailure callbacks adding runtime facts to the almanac;
 * - 10-facts-with-pipes: a custom pathResolver;
 * - 11-using-facts-in-events: fact references in event params (replaceFactsInEventParams);
 * - 12-using-custom-almanac: a custom Almanac;
 * - the second half of 13-using-operator-decorators: a custom decorator (`caseInsensitive`).
 */
interface Fixture {
  source: string;
  rules: Record<string, unknown>[];
  conditions?: Record<string, unknown>;
  runs: { facts: Record<string, unknown>; expectedEvents?: string[]; expectedError?: string }[];
}

const folder = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(folder, f), 'utf8')) as Fixture] as const);

describe('json-rules-engine documented examples', () => {
  it('has the ported examples', () => expect(fixtures.length).toBeGreaterThanOrEqual(8));

  it.each(fixtures)('%s: same events, traces and errors as the library, and as documented', async (_file, fixture) => {
    const definition = { rules: fixture.rules, conditions: fixture.conditions ?? {} };
    const prepared = prepare('rules', structuredClone(definition));
    const asTheLibraryGetsIt = compileDefinition('rules', structuredClone(definition));
    // Each run on the rules' closures, then on the rules written out, as a busy version runs them.
    for (const writtenOut of [false, true]) {
      if (writtenOut) writeOutNow(prepared.program);
      for (const { facts, expectedEvents, expectedError } of fixture.runs) {
        const expected = await runLibrary(asTheLibraryGetsIt, facts);
        const actual: Observed = await run(prepared, structuredClone(facts)).then(
          (r) => ({ events: r.events.map(asEvent), fired: r.fired, failed: r.failed }),
          (err: unknown) => describeError(err),
        );
        expect(actual).toEqual(expected);
        if (expectedError) expect(actual).toEqual({ error: expectedError });
        else
          expect('events' in actual && actual.events.map((e) => (e as { type: string }).type)).toEqual(expectedEvents);
      }
    }
  });
});
