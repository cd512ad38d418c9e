import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { runSteps, runStepsInTurns, type Steps } from '../common/async/steps.js';
import type { Program } from './rule-program.js';
import type { ConditionTrace, OmittedValue, RuleTrace } from './trace.js';

// Decision records keep every rule's trace, and each condition in it repeats what the version always writes the
// same: the rule's name and event, the condition's fact, path, operator and value. A trace table lists those once
// per version; a record then keeps of each condition its place in the table, its result and the fact's value
// (docs/adr/0012). Anything the table does not hold (a value the run computed, fact-to-fact) stays whole in the
// record, so a record always reads back complete, byte for byte as JSON.

/** A condition as the table lists it: a condition's trace without what the run found. */
export interface TableCondition {
  fact: string;
  path?: string;
  operator: string;
  value?: unknown;
}

/** What a table lists, as stored (JSON): rules by name and event, conditions by fact, path, operator and value. */
export interface TableContent {
  rules: { name: string; event: RuleTrace['event'] }[];
  conditions: TableCondition[];
}

/**
 * A condition in a compact trace: `[place, result]`, `[place, result, factValue]`, `[-1 - place, result, omitted]`
 * when the fact's value was left out for its size (`omitted` says what it was), or whole when not in the table.
 */
export type CompactCondition =
  | [number, boolean | null]
  | [number, boolean | null, unknown]
  | [number, boolean | null, OmittedValue]
  | ConditionTrace;
/** A rule in a compact trace: `[place, conditions]`, or whole when the table does not hold its name and event. */
export type CompactRule = [number, CompactCondition[]] | RuleTrace;

/** Versions whose trace table is kept in memory, as the explanations of those that decided last (HOT_EXPLANATIONS). */
export const HOT_TRACE_TABLES = 128;

const tables = new LRUCache<Program, TraceTable>({ max: HOT_TRACE_TABLES });
const building = new Map<Program, Promise<TraceTable>>();

/** The version's trace table, built now if it is not kept (tests, and callers off the request path). */
export function traceTableOf(program: Program): TraceTable {
  let table = tables.get(program);
  if (!table) {
    table = new TraceTable(runSteps(tableContentSteps(program)));
    tables.set(program, table);
  }
  return table;
}

/** The version left the compiled-version cache: its table goes with it, rather than keep its program alive. */
export function forgetTraceTable(program: Program): void {
  tables.delete(program);
}

/**
 * The version's trace table: at once when it is kept, else built giving the event loop back whenever `pause` says
 * (a rule set at the size limit lists 7 800 conditions, 25–60 ms of work in one go). Concurrent callers share one
 * build.
 */
export function traceTableInTurns(
  program: Program,
  pause: () => Promise<void> | undefined,
): TraceTable | Promise<TraceTable> {
  const table = tables.get(program);
  if (table) return table;
  let pending = building.get(program);
  if (!pending) {
    pending = runStepsInTurns(tableContentSteps(program), pause)
      .then((content) => {
        const built = new TraceTable(content);
        tables.set(program, built);
        return built;
      })
      .finally(() => building.delete(program));
    building.set(program, pending);
  }
  return pending;
}

interface ValuesAt {
  /** Primitive values, compared as Map keys compare them (JSON writes equal keys the same). */
  same: Map<unknown, number>;
  /** Objects and arrays, by their JSON. */
  json: Map<string, number>;
}

export class TraceTable {
  /** The hash of `json`: the same content has the same id whoever built it, so storing it twice is harmless. */
  readonly id: string;
  readonly json: string;
  private readonly rules = new Map<string, Map<string, number>>();
  private readonly conditions = new Map<string, Map<string, Map<string | undefined, ValuesAt>>>();

  constructor(content: TableContent) {
    this.json = JSON.stringify(content);
    this.id = createHash('sha256').update(this.json).digest('hex');
    // Indexed from the JSON as stored, so that what a place stands for is what a reader will get back.
    const stored = JSON.parse(this.json) as TableContent;
    stored.rules.forEach(({ name, event }, place) => {
      const events = this.rules.get(name) ?? new Map<string, number>();
      this.rules.set(name, events);
      if (!events.has(JSON.stringify(event))) events.set(JSON.stringify(event), place);
    });
    stored.conditions.forEach(({ fact, path, operator, value }, place) => {
      const byOperator = this.conditions.get(fact) ?? new Map<string, Map<string | undefined, ValuesAt>>();
      this.conditions.set(fact, byOperator);
      const byPath = byOperator.get(operator) ?? new Map<string | undefined, ValuesAt>();
      byOperator.set(operator, byPath);
      const values = byPath.get(path) ?? { same: new Map<unknown, number>(), json: new Map<string, number>() };
      byPath.set(path, values);
      if (value !== null && typeof value === 'object') {
        if (!values.json.has(JSON.stringify(value))) values.json.set(JSON.stringify(value), place);
      } else if (!values.same.has(value)) values.same.set(value, place);
    });
  }

  /** The traces with each rule and condition the table holds replaced by its place. */
  compact(traces: readonly RuleTrace[]): CompactRule[] {
    const out = new Array<CompactRule>(traces.length);
    for (let i = 0; i < traces.length; i++) {
      const rule = traces[i]!;
      const place = this.rules.get(rule.name)?.get(jsonOf(rule.event));
      if (place === undefined) {
        out[i] = rule;
        continue;
      }
      const conditions = new Array<CompactCondition>(rule.conditions.length);
      for (let j = 0; j < conditions.length; j++) {
        const condition = rule.conditions[j]!;
        const omitted = condition.omitted;
        if (omitted === undefined) {
          const at = this.place(condition);
          conditions[j] =
            at === undefined
              ? condition
              : condition.factValue === undefined
                ? [at, condition.result]
                : [at, condition.result, condition.factValue];
        } else if (omitted.value === undefined && omitted.factValue !== undefined) {
          // A fact's value left out for its size (trace-bounds.ts), as when a caller's long list is read by
          // thousands of conditions: the place is negative so that it says so. A rule value left out (rare: a
          // rule's own list past 1 KiB) stays whole, since the table's entry holds the value the trace lacks.
          const at = this.place(condition);
          conditions[j] = at === undefined ? condition : [-1 - at, condition.result, omitted.factValue];
        } else conditions[j] = condition;
      }
      out[i] = [place, conditions];
    }
    return out;
  }

  private place({ fact, operator, path, value }: ConditionTrace): number | undefined {
    const values = this.conditions.get(fact)?.get(operator)?.get(path);
    if (values === undefined) return undefined;
    return value !== null && typeof value === 'object' ? values.json.get(jsonOf(value)) : values.same.get(value);
  }
}

/** Compact traces read back whole, with the table they cite; throws when they cite a place it does not have. */
export function expandTraces(content: TableContent, compact: readonly CompactRule[]): RuleTrace[] {
  return compact.map((rule) => {
    if (!Array.isArray(rule)) return rule;
    const [place, conditions] = rule;
    const listed = content.rules[place];
    if (!listed) throw new Error(`a trace cites rule ${place}, which its table does not list`);
    return {
      name: listed.name,
      event: listed.event,
      conditions: conditions.map((condition) => {
        if (!Array.isArray(condition)) return condition;
        const factLeftOut = condition[0] < 0;
        const place = factLeftOut ? -1 - condition[0] : condition[0];
        const entry = content.conditions[place];
        if (!entry) throw new Error(`a trace cites condition ${place}, which its table does not list`);
        // The members in the order the evaluator and the trace bounds write them, and a fact value it did not find
        // absent as there, so the JSON reads back the same.
        return {
          fact: entry.fact,
          ...(entry.path !== undefined && { path: entry.path }),
          operator: entry.operator,
          value: entry.value,
          ...(condition.length === 3 && !factLeftOut && { factValue: condition[2] }),
          result: condition[1],
          ...(factLeftOut && { omitted: { factValue: condition[2] as OmittedValue } }),
        } as ConditionTrace;
      }),
    };
  });
}

/**
 * Rule and condition values of a version are frozen (shared-strings.ts) and the same objects in every run: their
 * JSON is written once. Values a run computed are not frozen and are written each time.
 */
const frozenJson = new WeakMap<object, string>();
function jsonOf(value: object): string {
  if (!Object.isFrozen(value)) return JSON.stringify(value);
  let json = frozenJson.get(value);
  if (json === undefined) frozenJson.set(value, (json = JSON.stringify(value)));
  return json;
}

type Json = Record<string, unknown>;

/** Leaves listed between two turns given back to the event loop. */
const LEAVES_PER_STEP = 500;

/** Every rule's name and event, and every leaf of its conditions and of the named conditions, listed once. */
function* tableContentSteps(program: Program): Steps<TableContent> {
  const { rules, named } = program.trees.json();
  yield;
  const conditions: TableCondition[] = [];
  const listed = new Set<string>();
  const pending: unknown[] = [...rules.map((rule) => rule['conditions']), ...named.values()].reverse();
  let leaves = 0;
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object') continue;
    const condition = node as Json;
    // Children in the order they are written: the table lists leaves as a walk of the JSON meets them.
    if (condition['not'] !== undefined) pending.push(condition['not']);
    for (const group of ['any', 'all'] as const)
      if (Array.isArray(condition[group])) pending.push(...(condition[group] as unknown[]).toReversed());
    if (typeof condition['fact'] !== 'string') continue;
    // As the evaluator traces a leaf (condition-compiler.ts): the path only when it is a string that is not empty.
    const path = condition['path'];
    const entry: TableCondition = {
      fact: condition['fact'],
      ...(typeof path === 'string' && path !== '' && { path }),
      operator: condition['operator'] as string,
      value: condition['value'],
    };
    const key = JSON.stringify(entry);
    if (!listed.has(key)) {
      listed.add(key);
      conditions.push(entry);
    }
    if (++leaves % LEAVES_PER_STEP === 0) yield;
  }
  return { rules: program.rules.map(({ name, event }) => ({ name, event })), conditions };
}
