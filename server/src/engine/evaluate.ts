import type { Almanac, Event } from 'json-rules-engine';
import { compileDefinition, type CompiledRules } from './compile.js';
import { computeFacts, type ComputedFact } from './computed-facts.js';
import { EnginePool } from './engine-pool.js';
import { traceRule, type RuleTrace } from './trace.js';

/** A version ready to evaluate: compiled rules, a pool of engines, its computed facts. */
export interface PreparedVersion {
  compiled: CompiledRules;
  pool: EnginePool;
  computedFacts: ComputedFact[];
}

export interface RunResult {
  events: { type: string; params?: Record<string, unknown> }[];
  fired: RuleTrace[];
  failed: RuleTrace[];
  computed: Record<string, unknown>;
}

/** A fact the rules use that the caller did not send (json-rules-engine refuses to guess). */
export class UndefinedFactError extends Error {
  constructor(readonly fact: string) {
    super(`The rules use the fact "${fact}", which was not provided.`);
  }
}

export type DynamicFact = (params: Record<string, unknown>, almanac: Almanac) => Promise<unknown>;

export function prepare(format: string, definition: Record<string, unknown>, computedFacts: ComputedFact[] = [], dynamicFacts: Record<string, DynamicFact> = {}): PreparedVersion {
  const compiled = compileDefinition(format, definition);
  return { compiled, pool: new EnginePool(compiled, dynamicFacts), computedFacts };
}

/** Runs a version on facts: computed facts first, then json-rules-engine, with its semantics untouched. */
export async function run(prepared: PreparedVersion, facts: Record<string, unknown>): Promise<RunResult> {
  const computed = await computeFacts(prepared.computedFacts, facts);
  const outcome = await prepared.pool
    .use((engine) => engine.run({ ...facts, ...computed }))
    .catch((err: Error) => {
      const undefinedFact = /^Undefined fact: (.+)$/.exec(err.message);
      throw undefinedFact ? new UndefinedFactError(undefinedFact[1]!) : err;
    });
  return {
    events: outcome.events.map((e: Event) => ({ type: e.type, ...(e.params !== undefined && { params: e.params as Record<string, unknown> }) })),
    fired: outcome.results.map(traceRule),
    failed: outcome.failureResults.map(traceRule),
    computed,
  };
}
