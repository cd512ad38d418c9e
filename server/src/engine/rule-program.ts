import { runSteps, type Steps } from '../common/async/steps.js';
import type { CompiledRules } from './compile.js';
import { compileTree, type Reads, type TreeContext } from './condition-compiler.js';
import { emptyRecord, type Tree } from './condition-nodes.js';
import { FactRead, stableKey } from './fact-read.js';
import { isPlainPath } from './json-path.js';
import { pack, unpack } from './packing.js';
import { frozenSharedCopy, sharedString } from './shared-strings.js';
import { writable, type RuleRun } from './rule-source.js';
import { traceStepsInto } from './trace-steps.js';

// The pieces of a program, re-exported so importers keep one path.
export type { Evaluate, GroupNode, LeafNode, Node, NotNode, RefNode, Tree } from './condition-nodes.js';
export { FactRead, stableKey, type FactSource } from './fact-read.js';
export { TraceStep, traceStepsInto, traceTree } from './trace-steps.js';

type Json = Record<string, unknown>;

/** What a run needs of a rule: one function, not its condition tree (see `ConditionTrees`). */
export interface ProgramRule {
  /** Its place in the definition: the key of its tree in `ConditionTrees`. */
  readonly index: number;
  readonly name: string;
  readonly priority: number;
  readonly event: { type: string; params?: Record<string, unknown> };
  /** Runs the rule, tracing it into `out` when given (see RuleRun): its closures, or the rule written out. */
  run: RuleRun;
  /** The rule's closures, which `run` goes back to when the version is no longer busy (hot-programs.ts). */
  readonly closures: RuleRun;
  /** Small enough to write out (rule-source.ts); a larger rule always runs its closures. */
  readonly writable: boolean;
}

/** A version compiled to functions: rules grouped by priority (highest first), each group in definition order. */
export interface Program {
  readonly sets: ProgramRule[][];
  /** The same rules in definition order. */
  readonly rules: ProgramRule[];
  readonly stopAtFirstSuccess: boolean;
  /** Distinct fact reads (fact, params, path), each with its memo index. */
  readonly readCount: number;
  /** The condition trees, compiled again when needed (writing rules out, references followed at run time, error replay). */
  readonly trees: ConditionTrees;
  /** Runs since the version was last counted busy (hot-programs.ts). */
  runs: number;
  /** Rules still to write out, one per run, in definition order; 0 when none is being written out. */
  unwritten: number;
}

const ROOT_ERROR = '"conditions" root must contain a single instance of "all", "any", "not", or "condition"';
const hasRoot = (c: Json) => ['all', 'any', 'not', 'condition'].some((k) => Object.hasOwn(c, k));

/**
 * Compiles the rule JSON once; constructor errors are the library's (addRule/setCondition would throw them).
 *
 * Only closures and trace steps are kept: the condition trees (nodes, child lists, priority sets) weigh several
 * times more and are needed only on rare paths, so they are rebuilt from the serialized JSON when one is taken.
 * This is what keeps a thousand cached versions in little memory (docs/adr/0009).
 */
export function compileProgram(compiled: CompiledRules): Program {
  return runSteps(programSteps(compiled));
}

/**
 * The same compilation in steps: it yields between rules and between its passes over them. A rule set at the
 * size limit takes 20–50 ms to compile here; the service runs these steps in time slices (`prepareInTurns`), so
 * other requests are served meanwhile.
 */
export function* programSteps(compiled: CompiledRules): Steps<Program> {
  const registry = new Map<string, FactRead>();
  const reads = readsIn(registry);
  const sources = new Map<string, Json>();
  for (const [name, condition] of Object.entries(compiled.namedConditions)) {
    if (!condition || !hasRoot(condition as Json))
      throw new Error(name ? ROOT_ERROR : 'Engine: setCondition() requires name');
    sources.set(name, frozenSharedCopy(condition) as Json);
  }
  const rules: Json[] = [];
  for (const source of compiled.rules as unknown as Json[]) {
    rules.push(frozenSharedCopy(source) as Json);
    yield;
  }
  // Packed (v8 keeps undefined, NaN and -0, as the library would see them): a few KB a version.
  const trees = new ConditionTrees(pack({ rules, named: [...sources] }), reads);
  yield;
  const context = { ...trees.context(sources), sharedSteps: new Map(), sharedBodies: new Map() };
  // setCondition compiles every named condition, used or not: its errors surface now, as the library's would.
  for (const [name, condition] of sources) {
    compileTree(condition, context, [name]);
    yield;
  }
  const bySet: Record<string, ProgramRule[]> = {};
  const inOrder: ProgramRule[] = [];
  for (const [index, rule] of rules.entries()) {
    const conditions = rule['conditions'] as Json;
    if (!hasRoot(conditions)) throw new Error(ROOT_ERROR);
    const priority = Number.parseInt(String(rule['priority'] || 1), 10);
    if (priority <= 0) throw new Error('Priority must be greater than zero');
    const event = (rule['event'] ?? { type: 'unknown' }) as Json;
    const tree = compileTree(conditions, context);
    const name = rule['name'] || rule['name'] === 0 ? rule['name'] : undefined;
    const closures = closureRule(tree);
    const programRule: ProgramRule = {
      index,
      name: String(name),
      priority,
      event: Object.freeze({
        type: event['type'] as string,
        ...(event['params'] ? { params: event['params'] as Record<string, unknown> } : {}),
      }),
      run: closures,
      closures,
      writable: writable(tree.root),
    };
    (bySet[priority] ??= []).push(programRule);
    inOrder.push(programRule);
    yield;
  }
  const sets = Object.keys(bySet)
    .sort((a, b) => (Number(a) > Number(b) ? -1 : 1))
    .map((p) => bySet[p]!);
  return {
    sets,
    rules: inOrder,
    stopAtFirstSuccess: compiled.stopAtFirstSuccess,
    readCount: registry.size,
    trees,
    runs: 0,
    unwritten: 0,
  };
}

/**
 * A version's condition trees, compiled from its serialized rule JSON on first use and then kept: the rules'
 * (for replaying the library's error order) and the named conditions' (for references not inlined, followed at
 * run time). They share the version's fact reads, so memo indices agree with the closures the program runs.
 */
export class ConditionTrees {
  private decoded?: { rules: Json[]; sources: Map<string, Json> };
  private readonly rules = new Map<number, Tree>();
  private readonly named = new Map<string, Tree>();

  constructor(
    private readonly serialized: Uint8Array,
    private readonly reads: Reads,
  ) {}

  /** A rule's tree, by its index in the definition. */
  rule(index: number): Tree {
    let tree = this.rules.get(index);
    if (!tree) {
      const { rules, sources } = this.source();
      this.rules.set(index, (tree = compileTree(rules[index]!['conditions'] as Json, this.context(sources))));
    }
    return tree;
  }

  /** A rule's tree compiled afresh and not kept: what writing the rule out reads once (see hot-programs.ts). */
  freshRule(index: number): Tree {
    const { rules, sources } = this.source();
    return compileTree(rules[index]!['conditions'] as Json, this.context(sources));
  }

  /**
   * The rule JSON and named conditions as compiled, decoded for the caller and not kept (decision records'
   * trace tables read them once per version, trace-table.ts).
   */
  json(): { rules: readonly Json[]; named: ReadonlyMap<string, Json> } {
    const { rules, sources } = this.decoded ?? this.decode();
    return { rules, named: sources };
  }

  /** Lets the decoded rule JSON go (it is decoded again when needed): kept only while rules are written out. */
  forgetSource(): void {
    this.decoded = undefined;
  }

  /** Follows a reference at run time: the named condition's tree. */
  readonly resolveRef = (name: string): Tree => this.condition(name);

  /** A named condition's tree; the library's error when there is none (it looks names up only when it gets there). */
  condition(name: string): Tree {
    let tree = this.named.get(name);
    if (!tree) {
      const { sources } = this.source();
      const source = sources.get(name);
      if (!source) throw new Error(`No condition ${name} exists`);
      this.named.set(name, (tree = compileTree(source, this.context(sources), [name])));
    }
    return tree;
  }

  context(sources: Map<string, Json>): TreeContext {
    return { resolveRef: this.resolveRef, reads: this.reads, sources };
  }

  private source(): { rules: Json[]; sources: Map<string, Json> } {
    return (this.decoded ??= this.decode());
  }

  private decode(): { rules: Json[]; sources: Map<string, Json> } {
    const { rules, named } = unpack<{ rules: Json[]; named: [string, Json][] }>(this.serialized);
    return { rules, sources: new Map(named) };
  }
}

/** The params of a read that names none, as the library gives `{}`: one frozen object for every read. */
const NO_PARAMS = Object.freeze({});

/**
 * One FactRead per distinct (fact, params, path), numbered for the run's memo. Made here, not inside
 * compileProgram: the closure would keep that function's whole scope (rule JSON, compiler state) alive. A path
 * jsonpath-plus evaluates is read anew each time, as the library reads it (`isPlainPath`).
 */
function readsIn(registry: Map<string, FactRead>): Reads {
  return (fact, given, path) => {
    const params = given === undefined ? NO_PARAMS : given;
    const key = sharedString(`${String(fact)}\u0000${stableKey(params)}\u0000${path ? String(path) : ''}`);
    let read = registry.get(key);
    if (!read) {
      const memoised = !path || isPlainPath(String(path));
      registry.set(key, (read = new FactRead(fact, params, path, memoised ? registry.size : -1)));
    }
    return read;
  };
}

/**
 * A rule's closures, on a record of its own, traced from its steps: how a rule runs until its version is busy,
 * and always when it is too large to write out. Made here: the closure keeps the record's size, the steps and
 * the evaluator, not the tree's nodes.
 */
function closureRule({ root, size, steps }: Tree): RuleRun {
  // rule.evaluate: a top-level group's result is not coerced to a boolean; a reference's is.
  const evaluate = root.kind === 'ref' || root.kind === 'leaf' ? root.run : root.raw;
  return (source, out) => {
    const rec = emptyRecord(size);
    const result = evaluate(source, rec, 0);
    if (out !== null) traceStepsInto(steps, rec, out);
    return result;
  };
}
