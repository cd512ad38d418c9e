import type { CompiledRules } from './compile.js';
import { compileTree, type Reads, type TreeContext } from './condition-compiler.js';
import type { Evaluate, Tree } from './condition-nodes.js';
import { FactRead, stableKey } from './fact-read.js';

// The pieces of a program, re-exported so importers keep one path.
export type { Evaluate, GroupNode, LeafNode, Node, NotNode, RefNode, Tree } from './condition-nodes.js';
export { FactRead, stableKey, type FactSource } from './fact-read.js';
export { TraceStep, traceTree } from './trace-steps.js';

type Json = Record<string, unknown>;

export interface ProgramRule {
  name: string;
  priority: number;
  event: { type: string; params?: Record<string, unknown> };
  tree: Tree;
  /** The rule's result as RuleResult.result holds it (truthy: success). */
  evaluate: Evaluate;
}

/** A version compiled to closures: rules grouped by priority (highest first), each group in definition order. */
export interface Program {
  sets: ProgramRule[][];
  named: Map<string, Tree>;
  stopAtFirstSuccess: boolean;
  /** Distinct fact reads (fact, params, path) of the version, each with its memo index. */
  readCount: number;
}

const ROOT_ERROR = '"conditions" root must contain a single instance of "all", "any", "not", or "condition"';
const hasRoot = (c: Json) => ['all', 'any', 'not', 'condition'].some((k) => Object.hasOwn(c, k));

/** Compiles the rule JSON once; constructor errors are the library's (addRule/setCondition would throw them). */
export function compileProgram(compiled: CompiledRules): Program {
  const named = new Map<string, Tree>();
  const registry = new Map<string, FactRead>();
  const reads: Reads = (fact, given, path) => {
    const params = given === undefined ? {} : given;
    const key = `${String(fact)}\u0000${stableKey(params)}\u0000${path ? String(path) : ''}`;
    let read = registry.get(key);
    if (!read) registry.set(key, (read = new FactRead(fact, params, path, registry.size)));
    return read;
  };
  const resolveRef = (name: string): Tree => {
    const tree = named.get(name);
    if (!tree) throw new Error(`No condition ${name} exists`);
    return tree;
  };
  const sources = new Map<string, Json>();
  for (const [name, condition] of Object.entries(compiled.namedConditions)) {
    if (!condition || !hasRoot(condition as Json)) throw new Error(name ? ROOT_ERROR : 'Engine: setCondition() requires name');
    sources.set(name, deepFreeze(structuredClone(condition)) as Json);
  }
  const context: TreeContext = { resolveRef, reads, sources };
  for (const [name, condition] of sources) named.set(name, compileTree(condition, context, [name]));
  const bySet: Record<string, ProgramRule[]> = {};
  for (const source of compiled.rules as unknown as Json[]) {
    const rule = deepFreeze(structuredClone(source)) as Json;
    const conditions = rule['conditions'] as Json;
    if (!hasRoot(conditions)) throw new Error(ROOT_ERROR);
    const priority = Number.parseInt(String(rule['priority'] || 1), 10);
    if (priority <= 0) throw new Error('Priority must be greater than zero');
    const event = (rule['event'] ?? { type: 'unknown' }) as Json;
    const tree = compileTree(conditions, context);
    const root = tree.root;
    const name = rule['name'] || rule['name'] === 0 ? rule['name'] : undefined;
    (bySet[priority] ??= []).push({
      name: String(name),
      priority,
      event: Object.freeze({ type: event['type'] as string, ...(event['params'] ? { params: event['params'] as Record<string, unknown> } : {}) }),
      tree,
      // rule.evaluate: a top-level group's result is not coerced to a boolean; a reference's is.
      evaluate: root.kind === 'ref' || root.kind === 'leaf' ? root.run : root.raw,
    });
  }
  const sets = Object.keys(bySet)
    .sort((a, b) => (Number(a) > Number(b) ? -1 : 1))
    .map((p) => bySet[p]!);
  return { sets, named, stopAtFirstSuccess: compiled.stopAtFirstSuccess, readCount: registry.size };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
