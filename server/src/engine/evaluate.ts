import { runStepsInTurns } from '../common/async/steps.js';
import { compileDefinition, type CompiledRules } from './compile.js';
import type { ComputedFact, ComputeFacts } from './computed-facts.js';
import { evaluateProgram, RunContext, type DynamicFact } from './evaluator.js';
import { applyHitPolicy } from './hit-policy.js';
import { tieredComputeFacts } from './packed-computed-facts.js';
import { PackedExplanations } from './packed-explanations.js';
import { compileProgram, programSteps, type Program } from './rule-program.js';
import { boundTraceValues } from './trace-bounds.js';
import type { RuleTrace } from './trace.js';

export { OperatorFailedError, UndefinedFactError, UnnamedFactError } from './undefined-fact.js';
export { HitPolicyError } from './hit-policy.js';
export type { DynamicFact } from './evaluator.js';

/** What a prepared version keeps of its compiled rules: how they run lives in `program`, their explanations packed. */
export interface PreparedRules extends Pick<CompiledRules, 'stopAtFirstSuccess' | 'hitPolicyCheck'> {
  explanations: PackedExplanations;
}

/**
 * A version ready to evaluate: its rules compiled once to synchronous closures (docs/adr/0009), its computed and
 * dynamic facts. Its computed facts stay compiled while the version is among those that decided last, and are
 * kept as deflated source otherwise (packed-computed-facts.ts).
 */
export interface PreparedVersion {
  compiled: PreparedRules;
  program: Program;
  /** The computed facts, compiled with the version and again after it went cold. */
  computeFacts: ComputeFacts;
  dynamicFacts: Readonly<Record<string, DynamicFact>>;
  /**
   * Makes the dynamic facts answerable synchronously (loads the reference tables they read); undefined when
   * they are loaded already, so a decision has nothing to wait for.
   */
  beforeRun?: () => Promise<void> | undefined;
}

export interface RunResult {
  events: { type: string; params?: Record<string, unknown> }[];
  fired: RuleTrace[];
  failed: RuleTrace[];
  computed: Record<string, unknown>;
}

export function prepare(
  format: string,
  definition: Record<string, unknown>,
  computedFacts: ComputedFact[] = [],
  dynamicFacts: Record<string, DynamicFact> = {},
  beforeRun?: () => Promise<void> | undefined,
): PreparedVersion {
  const compiled = compileDefinition(format, definition);
  return assemble(compiled, compileProgram(compiled), computedFacts, dynamicFacts, beforeRun);
}

/**
 * `prepare`, giving the event loop back whenever `pause` says its slice is over (see `programSteps`): what the
 * service runs when a version is first used, since a rule set at the size limit compiles in 20–50 ms.
 */
export function prepareInTurns(
  pause: () => Promise<void> | undefined,
  format: string,
  definition: Record<string, unknown>,
  computedFacts: ComputedFact[] = [],
  dynamicFacts: Record<string, DynamicFact> = {},
  beforeRun?: () => Promise<void> | undefined,
): Promise<PreparedVersion> {
  function* steps() {
    const compiled = compileDefinition(format, definition);
    const program = yield* programSteps(compiled);
    return assemble(compiled, program, computedFacts, dynamicFacts, beforeRun);
  }
  return runStepsInTurns(steps(), pause);
}

function assemble(
  compiled: CompiledRules,
  program: Program,
  computedFacts: ComputedFact[],
  dynamicFacts: Record<string, DynamicFact>,
  beforeRun: (() => Promise<void> | undefined) | undefined,
): PreparedVersion {
  // The program holds what the rules need; only the explanations are read from the rule JSON afterwards.
  const kept: PreparedRules = {
    explanations: new PackedExplanations(compiled.explanations),
    stopAtFirstSuccess: compiled.stopAtFirstSuccess,
    ...(compiled.hitPolicyCheck && { hitPolicyCheck: compiled.hitPolicyCheck }),
  };
  return {
    compiled: kept,
    program,
    computeFacts: tieredComputeFacts(computedFacts, Object.keys(dynamicFacts)),
    dynamicFacts,
    ...(beforeRun && { beforeRun }),
  };
}

/** Runs a version on facts: computed facts first, then the rules, with json-rules-engine's semantics. */
export async function run(
  prepared: PreparedVersion,
  facts: Record<string, unknown>,
  traces = true,
): Promise<RunResult> {
  if (prepared.beforeRun) await prepared.beforeRun();
  return runNow(prepared, facts, traces);
}

/**
 * The same, synchronously: for callers that awaited `beforeRun` once for a whole batch. A table under hit
 * policy `unique` or `any` has its outcome checked here, so decisions, test runs and replays all apply it: a
 * breach throws HitPolicyError naming the matching rows.
 */
export function runNow(prepared: PreparedVersion, facts: Record<string, unknown>, traces = true): RunResult {
  const computed = computedFactsOf(prepared, facts);
  const outcome = evaluateProgram(prepared.program, facts, prepared.dynamicFacts, computed, traces);
  const check = prepared.compiled.hitPolicyCheck;
  // The matching rows' names are only needed to word a breach: a run without traces is repeated with them then.
  const { events, fired, failed } = check
    ? applyHitPolicy(
        check,
        outcome,
        () => evaluateProgram(prepared.program, facts, prepared.dynamicFacts, computed, true).fired,
      )
    : outcome;
  // Written out, a trace repeats each value at every condition that read it: large ones are left out.
  if (traces) boundTraceValues(fired, failed);
  return { events, fired, failed, computed };
}

/**
 * The computed facts of a run, with the lookups' rows they read (the result carries those rows too). Tables
 * must be loaded (`beforeRun`); a lookup that cannot be read is absent.
 */
export function computedFactsOf(prepared: PreparedVersion, facts: Record<string, unknown>): Record<string, unknown> {
  return prepared.computeFacts(facts, lookupsBeforeComputed(prepared.dynamicFacts, facts));
}

/**
 * The dynamic facts (lookups) whose key is among the given facts, read before the computed facts so that CEL
 * can read the rows found (`supplier.onRena`). One whose key is missing or whose table failed to load is left
 * to the rules, which read it lazily and fail where the library would (docs/adr/0009).
 */
function lookupsBeforeComputed(
  dynamic: Readonly<Record<string, DynamicFact>>,
  facts: Record<string, unknown>,
): Record<string, unknown> | undefined {
  let context: RunContext | undefined;
  let found: Record<string, unknown> | undefined;
  for (const name in dynamic) {
    if (Object.hasOwn(facts, name)) continue;
    context ??= new RunContext(facts, dynamic);
    found ??= {};
    try {
      found[name] = context.factValue(name);
    } catch {
      // read again (and fail) only if a rule needs it
    }
  }
  return found;
}

/** The rules alone, synchronously, on facts that already include the computed ones (benchmarks, tests). */
export function evaluateCompiled(prepared: PreparedVersion, facts: Record<string, unknown>): RunResult {
  const { events, fired, failed } = evaluateProgram(prepared.program, facts, prepared.dynamicFacts);
  return { events, fired, failed, computed: {} };
}
