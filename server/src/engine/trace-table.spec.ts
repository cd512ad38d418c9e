import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { prepare, runNow } from './evaluate.js';
import { withSeededLookups } from './fixtures/seeded-lookups.js';
import { writeOutNow } from './hot-programs.js';
import { timeSlices } from '../common/async/time-slices.js';
import { manyConditions } from './fixtures/large-analyses.js';
import {
  expandTraces,
  forgetTraceTable,
  traceTableInTurns,
  traceTableOf,
  TraceTable,
  type TableContent,
} from './trace-table.js';
import type { RuleTrace } from './trace.js';

interface Pilot {
  format: string;
  definition: Record<string, unknown>;
  computedFacts?: { name: string; expression: string }[];
  lookups?: Parameters<typeof withSeededLookups>[0];
  tests: { name: string; facts: Record<string, unknown> }[];
}
const pilots = [
  'rulesets/invoices/invoices.json',
  'rulesets/enrolment/enrolment.json',
  'rulesets/invoices/invoices-approval-routing.json',
].map((path) => [path, JSON.parse(readFileSync(path, 'utf8')) as Pilot] as const);

/** What a record stores and reads: the traces through JSON, compact or not. */
const roundTrip = (table: TraceTable, traces: RuleTrace[]) =>
  JSON.stringify(
    expandTraces(JSON.parse(table.json) as TableContent, JSON.parse(JSON.stringify(table.compact(traces)))),
  );

describe('trace tables: what decision records repeat, stored once per version', () => {
  it.each(pilots)(
    'reads every test case of %s back as the same JSON, from closures and written-out rules',
    (_, pilot) => {
      for (const writtenOut of [false, true]) {
        const prepared = prepare(pilot.format, pilot.definition, pilot.computedFacts ?? []);
        if (writtenOut) writeOutNow(prepared.program);
        const table = traceTableOf(prepared.program);
        for (const test of pilot.tests) {
          let traces: RuleTrace[];
          try {
            const { fired, failed } = runNow(prepared, withSeededLookups(pilot.lookups, test.facts));
            traces = [...fired, ...failed];
          } catch {
            continue; // a case that expects a 400 keeps no record
          }
          expect(roundTrip(table, traces)).toBe(JSON.stringify(traces));
          // What the table holds leaves the record: only places, results and fact values stay.
          const compact = JSON.stringify(table.compact(traces));
          expect(compact.length).toBeLessThan(JSON.stringify(traces).length / 2);
        }
      }
    },
  );

  it('is built the same by every instance: the same version gives the same id, another version another', () => {
    const [, invoices] = pilots[0]!;
    const once = traceTableOf(prepare(invoices.format, invoices.definition).program);
    const again = traceTableOf(prepare(invoices.format, invoices.definition).program);
    expect(again.id).toBe(once.id);
    expect(again.json).toBe(once.json);
    const rules = (invoices.definition['rules'] as Record<string, unknown>[]).slice(1);
    const other = traceTableOf(prepare(invoices.format, { ...invoices.definition, rules }).program);
    expect(other.id).not.toBe(once.id);
  });

  it('keeps whole what the table cannot stand for: a value the run computed, a rule it does not list, a fact not found', () => {
    const table = new TraceTable({
      rules: [{ name: 'r', event: { type: 'ok', params: { level: 2 } } }],
      conditions: [
        { fact: 'a', operator: 'in', value: ['x', 'y'] },
        { fact: 'b', path: '$.c', operator: 'greaterThan', value: { fact: 'limit' } },
        { fact: 'd', operator: 'equal' },
      ],
    });
    const traces: RuleTrace[] = [
      {
        name: 'r',
        event: { type: 'ok', params: { level: 2 } },
        conditions: [
          { fact: 'a', operator: 'in', value: ['x', 'y'], factValue: 'x', result: true },
          // fact-to-fact: the trace shows the value read, not { fact: 'limit' }
          { fact: 'b', path: '$.c', operator: 'greaterThan', value: 12, factValue: 15, result: true },
          { fact: 'd', operator: 'equal', value: undefined, factValue: undefined, result: null },
        ],
      },
      { name: 'r', event: { type: 'other' }, conditions: [] },
    ];
    const compact = table.compact(traces);
    expect(compact).toEqual([[0, [[0, true, 'x'], traces[0]!.conditions[1], [2, null]]], traces[1]]);
    expect(roundTrip(table, traces)).toBe(JSON.stringify(traces));
  });

  it('keeps a condition whose fact value was left out for its size compact, and says so when read back', () => {
    const list = Array.from({ length: 2_000 }, (_, i) => i);
    const { program, ...prepared } = prepare('rules', {
      conditions: { long: { all: [{ fact: 'list', operator: 'notEqual', value: [0] }] } },
      rules: [
        {
          name: 'r',
          conditions: { all: Array.from({ length: 50 }, () => ({ condition: 'long' })) },
          event: { type: 'x' },
        },
      ],
    });
    const { fired } = runNow({ program, ...prepared }, { list });
    const conditions = fired[0]!.conditions;
    expect(conditions).toHaveLength(50);
    expect(conditions[0]!.omitted).toEqual({ factValue: { type: 'array', length: 2_000 } });
    const table = traceTableOf(program);
    const compact = table.compact(fired);
    expect(compact).toEqual([[0, Array.from({ length: 50 }, () => [-1, true, { type: 'array', length: 2_000 }])]]);
    expect(roundTrip(table, fired)).toBe(JSON.stringify(fired));
    // A rule value left out stays whole: the table's entry holds the value the trace no longer has.
    const ruleValueLeftOut = { ...conditions[0]!, omitted: { value: { type: 'array' as const, length: 2_000 } } };
    expect(table.compact([{ ...fired[0]!, conditions: [ruleValueLeftOut] }])).toEqual([[0, [ruleValueLeftOut]]]);
  });

  it('builds a large version’s table in turns, once for concurrent callers, then answers it at once', async () => {
    const { program } = prepare('rules', manyConditions(2, 39, 'turns_').definition); // 7 800 conditions
    const first = traceTableInTurns(program, timeSlices(10));
    const second = traceTableInTurns(program, timeSlices(10));
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBe(first);
    const table = await first;
    expect(traceTableInTurns(program, timeSlices(10))).toBe(table);
    expect(traceTableOf(program)).toBe(table);
    expect((JSON.parse(table.json) as TableContent).conditions.length).toBeGreaterThan(7_000);
    // A version that leaves the compiled-version cache does not stay alive through its table.
    forgetTraceTable(program);
    expect(traceTableInTurns(program, timeSlices(10))).toBeInstanceOf(Promise);
  });

  it('refuses traces that cite a place their table does not list', () => {
    const content: TableContent = { rules: [{ name: 'r', event: { type: 'ok' } }], conditions: [] };
    expect(() => expandTraces(content, [[1, []]])).toThrow(/rule 1/);
    expect(() => expandTraces(content, [[0, [[3, true]]]])).toThrow(/condition 3/);
  });
});
