import { noteRun } from './hot-programs.js';
import { libraryError } from './library-order.js';
import { NOT_READ } from './fact-read.js';
import { FactRead, type FactSource, type Program } from './rule-program.js';
import type { ConditionTrace, RuleTrace } from './trace.js';
import { OperatorFailedError, UndefinedFactError, UnnamedFactError } from './undefined-fact.js';
import { chargesWork, isOperatorWorkSpent, startDecoratedPairs } from './operator-table.js';
import type { TraceStep } from './trace-steps.js';

/**
 * A fact computed on demand during a run (a reference-table lookup), synchronously. `factValue` reads another
 * fact (throwing UndefinedFactError if it is missing); the value is cached for the run, as the almanac does.
 */
export type DynamicFact = (
  params: Record<string, unknown>,
  factValue: (fact: string, path?: string) => unknown,
) => unknown;

export interface Outcome {
  events: { type: string; params?: Record<string, unknown> }[];
  fired: RuleTrace[];
  failed: RuleTrace[];
}

const NO_COMPUTED_FACTS: Readonly<Record<string, unknown>> = Object.freeze({});

/** One run's almanac: the given facts (which win over dynamic facts of the same name), then dynamic facts, cached. */
export class RunContext implements FactSource {
  readonly memo: unknown[];
  /** Dynamic fact values by cache key, with the rule set (by index) in which each was first computed. */
  readonly cache = new Map<string, { value: unknown; set: number }>();
  set = 0;
  readonly factValue = (fact: string, path?: string): unknown => this.read(dynamicRead(fact, path));

  constructor(
    readonly facts: Record<string, unknown>,
    readonly dynamic: Readonly<Record<string, DynamicFact>>,
    reads = 0,
    /** Computed facts, which win over given facts of the same name, as `{...facts, ...computed}` would (kept apart: merging costs more than the run). */
    readonly computedFacts: Readonly<Record<string, unknown>> = NO_COMPUTED_FACTS,
  ) {
    this.memo = new Array(reads).fill(NOT_READ);
  }

  /** A computed or given fact by that name exists (dynamic facts aside). */
  has(fact: string): boolean {
    return Object.hasOwn(this.computedFacts, fact) || Object.hasOwn(this.facts, fact);
  }

  given(fact: string): unknown {
    return Object.hasOwn(this.computedFacts, fact) ? this.computedFacts[fact] : this.facts[fact];
  }

  read(read: FactRead): unknown {
    const index = read.index;
    if (index >= 0) {
      const known = this.memo[index];
      if (known !== NOT_READ) return known;
    }
    const fact = read.fact;
    const computed = this.computedFacts;
    const facts = this.facts;
    let value: unknown;
    if (read.plain) {
      // Computed facts are never undefined (a failed one is deleted), so undefined means "not computed".
      value = computed[fact];
      if (value === undefined) {
        value = facts[fact];
        if (value === undefined && !Object.hasOwn(facts, fact)) value = this.computed(read);
      }
    } else
      value = Object.hasOwn(computed, fact)
        ? computed[fact]
        : Object.hasOwn(facts, fact)
          ? facts[fact]
          : this.computed(read);
    const resolve = read.resolve;
    // almanac.factValue: a path applies to object values only; other values come back as they are.
    if (resolve !== undefined && value !== null && typeof value === 'object') value = resolve(value);
    if (index >= 0) this.memo[index] = value;
    return value;
  }

  private computed({ fact, params, cacheKey }: FactRead): unknown {
    const cached = this.cache.get(cacheKey);
    if (cached) return cached.value;
    if (!Object.hasOwn(this.dynamic, fact)) throw new UndefinedFactError(fact);
    const value = this.dynamic[fact]!(params as Record<string, unknown>, this.factValue);
    this.cache.set(cacheKey, { value, set: this.set });
    return value;
  }
}

const dynamicReads = new Map<string, FactRead>();
const dynamicReadsWithPath = new Map<string, FactRead>();
// A dynamic fact reads others as `almanac.factValue(fact, {}, path)` would. Lookups read their key without a
// path on every run: that read is found by the fact's name alone, with no key string to build.
function dynamicRead(fact: string, path = ''): FactRead {
  const reads = path === '' ? dynamicReads : dynamicReadsWithPath;
  const key = path === '' ? fact : `${fact}\u0000${path}`;
  let read = reads.get(key);
  if (!read) {
    read = new FactRead(fact, {}, path);
    if (reads.size > 10_000) reads.clear();
    reads.set(key, read);
  }
  return read;
}

/**
 * Runs a compiled version synchronously with json-rules-engine's semantics: priority sets in order, every rule
 * of a set evaluated, then `stopAtFirstSuccess` (engine.stop()) ends the run after a set with a success.
 * Within a set, results and events are in definition order. An error in a set is the one the library reports.
 */
export function evaluateProgram(
  program: Program,
  facts: Record<string, unknown>,
  dynamic: Readonly<Record<string, DynamicFact>> = {},
  computed: Readonly<Record<string, unknown>> = NO_COMPUTED_FACTS,
  /** False when nobody will read the traces (no record, no explanation): the events alone are built. */
  traces = true,
): Outcome {
  if (Object.hasOwn(facts, '')) throw new UnnamedFactError(); // new Fact('') in engine.run
  noteRun(program); // a busy version's rules are written out, one per run
  startDecoratedPairs();
  const context = new RunContext(facts, dynamic, program.readCount, computed);
  const events: Outcome['events'] = [];
  const fired: RuleTrace[] = [];
  const failed: RuleTrace[] = [];
  const results: unknown[] = [];
  const traced: (ConditionTrace[] | null)[] = [];
  for (let s = 0; s < program.sets.length; s++) {
    const set = program.sets[s]!;
    context.set = s;
    for (let i = 0; i < set.length; i++) {
      const out = traces ? [] : null;
      try {
        results[i] = set[i]!.run(context, out);
      } catch (err) {
        // Once a run's operator work is spent, every later call fails alike: there is no first failure for the
        // library's order to pick, and replaying 20 000 conditions to pick one held the loop 0.25 s (a review).
        // The rule's first condition whose operator is charged is named.
        if (isOperatorWorkSpent(err)) throw spentAt(program.trees.rule(set[i]!.index).steps, err);
        throw libraryError(program, set, context, err);
      }
      traced[i] = out;
    }
    let success = false;
    for (let i = 0; i < set.length; i++) {
      const rule = set[i]!;
      const conditions = traced[i]!;
      if (results[i]) {
        success = true;
        events.push(
          rule.event.params === undefined
            ? { type: rule.event.type }
            : { type: rule.event.type, params: rule.event.params },
        );
        if (conditions !== null) fired.push({ name: rule.name, event: rule.event, conditions });
      } else if (conditions !== null) failed.push({ name: rule.name, event: rule.event, conditions });
    }
    if (success && program.stopAtFirstSuccess) break;
  }
  return { events, fired, failed };
}

/** The operator failure naming the first condition of these steps whose operator spends the run's work. */
function spentAt(steps: TraceStep[], err: unknown): OperatorFailedError {
  const found = firstCharged(steps, new Set());
  return new OperatorFailedError(found?.fact ?? '', found?.operator ?? '', err);
}

function firstCharged(steps: TraceStep[], seen: Set<unknown>): TraceStep | undefined {
  for (const step of steps) {
    const nested =
      step.inline ?? (step.ref && !seen.has(step.ref) ? (seen.add(step.ref), step.ref().steps) : undefined);
    const found = nested ? firstCharged(nested, seen) : chargesWork(step.operator) ? step : undefined;
    if (found) return found;
  }
  return undefined;
}
