import { Engine, type RuleProperties, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import type { CompiledRules } from './compile.js';
import type { DynamicFact } from './evaluator.js';
import { addGabaritOperators } from './operators.js';
import { traceRule, type RuleTrace } from './trace.js';
import { UndefinedFactError } from './undefined-fact.js';

/** What a run gives, or the error it throws, in a form both engines can be compared on. */
export type Observed = { events: unknown[]; fired: RuleTrace[]; failed: RuleTrace[] } | { error: string };

/** A dynamic fact as the library gets it: an async function awaiting each fact it reads (the evaluator's model). */
export interface OracleFact {
  reads: { fact: string; path?: string };
  compute: (keyValue: unknown, params: Record<string, unknown>) => unknown;
}

export const describeError = (err: unknown): { error: string } => {
  if (err instanceof UndefinedFactError) return { error: `undefined fact ${err.fact}` };
  const undefinedFact = /^Undefined fact: (.+)$/.exec((err as Error).message);
  return { error: undefinedFact ? `undefined fact ${undefinedFact[1]}` : `error ${(err as Error).message}` };
};

export const asEvent = (e: { type: string; params?: unknown }) => ({
  type: e.type,
  ...(e.params !== undefined && { params: e.params }),
});

/** The same fact for the compiled evaluator: synchronous, reading its key through `factValue`. */
export function syncFact(def: OracleFact): DynamicFact {
  return (params, factValue) => def.compute(factValue(def.reads.fact, def.reads.path), params);
}

/**
 * json-rules-engine 7.3 itself, with our operators: results re-ordered to definition order within each
 * priority (the library's order there follows promise timing), events taken from those results.
 */
export async function runLibrary(
  compiled: CompiledRules,
  facts: Record<string, unknown>,
  dynamic: Record<string, OracleFact> = {},
): Promise<Observed> {
  const engine = new Engine();
  addGabaritOperators(engine);
  for (const [name, def] of Object.entries(dynamic)) {
    engine.addFact(name, async (params: Record<string, unknown>, almanac) =>
      def.compute(await almanac.factValue(def.reads.fact, {}, def.reads.path ?? ''), params),
    );
  }
  for (const [name, condition] of Object.entries(compiled.namedConditions))
    engine.setCondition(name, structuredClone(condition) as TopLevelCondition);
  const order = new Map<unknown, number>();
  compiled.rules.forEach((rule, i) => {
    order.set(rule.name, i);
    const own = structuredClone(rule) as RuleProperties;
    engine.addRule(compiled.stopAtFirstSuccess ? { ...own, onSuccess: () => engine.stop() } : own);
  });
  try {
    const outcome = await engine.run(structuredClone(facts));
    const sort = (list: RuleResult[]) =>
      [...list].sort((a, b) => b.priority! - a.priority! || order.get(a.name)! - order.get(b.name)!);
    const all = sort([...outcome.results, ...outcome.failureResults]);
    return {
      events: all.filter((r) => r.result).map((r) => asEvent(r.event!)),
      fired: sort(outcome.results).map(traceRule),
      failed: sort(outcome.failureResults).map(traceRule),
    };
  } catch (err) {
    return describeError(err);
  }
}
