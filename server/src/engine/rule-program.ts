import type { CompiledRules } from './compile.js';
import type { ConditionTrace } from './trace.js';
import { compilePath, type PathResolver } from './json-path.js';
import { compileOperator, type OperatorFn } from './operator-table.js';
import { withConstantValue } from './operators.js';

type Json = Record<string, unknown>;

/** One read of a fact, as `almanac.factValue(fact, params, path)`: params and path fixed when compiled. */
export class FactRead {
  /** The dynamic-fact cache key (json-rules-engine caches by fact id and params). */
  readonly cacheKey: string;
  /** Undefined without a path; one shape for every read keeps the hot read monomorphic. */
  readonly resolve: PathResolver | undefined;

  constructor(
    readonly fact: string,
    readonly params: unknown,
    path: unknown,
    /** Its place in the run's memo of reads (-1: not memoised); a fact and its path give one value per run. */
    readonly index = -1,
  ) {
    this.cacheKey = `${fact}\u0000${stableKey(params)}`;
    this.resolve = path ? compilePath(String(path)) : undefined;
  }
}

/** Where a compiled condition reads facts during one run. */
export interface FactSource {
  read(read: FactRead): unknown;
}

/** Evaluates a node; `rec` is the run's record of its tree: per leaf [factResult, valueResult, result], per reference its sub-record. */
export type Evaluate = (source: FactSource, rec: unknown[]) => unknown;

interface NodeBase {
  /** What json-rules-engine's prioritizeConditions groups this condition by. */
  priority: unknown;
  /** As evaluateCondition returns it: booleans and references give `=== true`, leaves their operator's result. */
  run: Evaluate;
}
export interface LeafNode extends NodeBase {
  kind: 'leaf';
  fact: unknown;
  operator: string;
  op: OperatorFn | null;
  value: unknown;
  lhs: FactRead;
  rhs?: FactRead;
  tracePath?: string;
  slot: number;
}
export interface GroupNode extends NodeBase {
  kind: 'all' | 'any';
  children: Node[];
  /** Children grouped by priority, highest first: the library short-circuits only between these sets. */
  sets: Node[][];
  /** The group's result before `=== true`, as a rule's top-level group gives it. */
  raw: Evaluate;
}
export interface NotNode extends NodeBase {
  kind: 'not';
  child: Node;
  raw: Evaluate;
}
export interface RefNode extends NodeBase {
  kind: 'ref';
  name: string;
  slot: number;
  /** The named condition compiled in place (its leaves in this tree's record), unless it recurses or is unknown. */
  inline?: Node;
}
export type Node = LeafNode | GroupNode | NotNode | RefNode;

/** A condition tree (a rule's or a named condition's) and the size of its per-run record. */
export interface Tree {
  root: Node;
  slots: number;
  /** An empty record, packed (filled with undefined): copying it is cheaper than growing a holey array. */
  blank: unknown[];
  /** The tree's leaves and references in traceRule's order, flat. */
  steps: TraceStep[];
}

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

/** Gives one FactRead per distinct (fact, params, path), numbered for the run's memo. */
type Reads = (fact: string, params: unknown, path: unknown) => FactRead;

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

interface TreeContext {
  resolveRef: (name: string) => Tree;
  reads: Reads;
  sources: Map<string, Json>;
}

const INLINE_LIMIT = 5_000; // slots per tree: past this, references are followed at run time instead

function compileTree(conditions: Json, { resolveRef, reads, sources }: TreeContext, expanding: string[] = []): Tree {
  let slots = 0;
  const node = (c: Json): Node => {
    const kind = Object.hasOwn(c, 'any') ? 'any' : Object.hasOwn(c, 'all') ? 'all' : Object.hasOwn(c, 'not') ? 'not' : undefined;
    if (kind === 'not') {
      if (Array.isArray(c['not'])) throw new Error('"not" cannot be an array');
      const child = node(c['not'] as Json);
      const raw: Evaluate = (s, rec) => !child.run(s, rec);
      return { kind, child, raw, run: raw, priority: Number.parseInt(c['priority'] as string, 10) || 1 };
    }
    if (kind) {
      if (!Array.isArray(c[kind])) throw new Error(`"${kind}" must be an array`);
      const children = (c[kind] as Json[]).map(node);
      const sets = prioritize(children);
      const raw = groupEvaluator(kind, children, sets);
      return { kind, children, sets, raw, run: (s, rec) => raw(s, rec) === true, priority: Number.parseInt(c['priority'] as string, 10) || 1 };
    }
    if (Object.hasOwn(c, 'condition')) {
      const name = c['condition'] as string;
      const slot = slots++;
      const source = sources.get(name);
      if (source && !expanding.includes(name) && slots < INLINE_LIMIT) {
        // Realizing a reference: its slot says it was reached (traceRule then shows its leaves).
        expanding.push(name);
        const inline = node(source);
        expanding.pop();
        const target = inline.run;
        const run: Evaluate = (s, rec) => {
          rec[slot] = true;
          return target(s, rec);
        };
        return { kind: 'ref', name, slot, run, inline, priority: c['priority'] };
      }
      let tree: Tree | undefined; // resolved at the first evaluation: the library looks the name up only when it gets there
      let target: Evaluate | undefined;
      const run: Evaluate = (s, rec) => {
        if (!target) {
          tree = resolveRef(name);
          target = tree.root.run;
        }
        const sub = tree!.blank.slice();
        rec[slot] = sub;
        return target(s, sub);
      };
      return { kind: 'ref', name, slot, run, priority: c['priority'] };
    }
    for (const key of ['fact', 'operator', 'value']) if (!Object.hasOwn(c, key)) throw new Error(`Condition: constructor "${key}" property required`);
    const slot = slots;
    slots += 3;
    return leaf(c, slot, reads);
  };
  const root = node(conditions);
  return { root, slots, blank: new Array<unknown>(slots).fill(undefined), steps: traceSteps(root, resolveRef) };
}

function leaf(c: Json, slot: number, factRead: Reads): LeafNode {
  const operator = c['operator'] as string;
  const op = compileOperator(String(operator));
  const value = c['value'];
  const lhs = factRead(c['fact'] as string, c['params'], c['path']);
  const rhs = value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact') ? factRead((value as Json)['fact'] as string, (value as Json)['params'], (value as Json)['path']) : undefined;
  const run: Evaluate = !op
    ? () => {
        throw new Error(`Unknown operator: ${operator}`);
      }
    : rhs
      ? (s, rec) => {
          const right = s.read(rhs);
          const left = s.read(lhs);
          const result = op(left, right);
          rec[slot] = left;
          rec[slot + 1] = right;
          rec[slot + 2] = result;
          return result;
        }
      : leafWithConstant(operator, value, lhs, slot, op);
  const path = c['path'];
  const tracePath = typeof path === 'string' && path ? path : undefined;
  return { kind: 'leaf', fact: c['fact'], operator, op, value, lhs, ...(rhs && { rhs }), ...(tracePath && { tracePath }), slot, run, priority: c['priority'] };
}

/** A leaf comparing a fact with a constant; our operators get the constant prepared once (date parsed, pattern compiled). */
function leafWithConstant(operator: string, value: unknown, lhs: FactRead, slot: number, op: OperatorFn): Evaluate {
  const prepared = withConstantValue(operator, value);
  const test: (left: unknown) => unknown = prepared ?? ((left) => op(left, value));
  return (s, rec) => {
    const left = s.read(lhs);
    const result = test(left);
    rec[slot] = left;
    rec[slot + 1] = value;
    rec[slot + 2] = result;
    return result;
  };
}

/** A leaf to list, or a named-condition reference to expand when the run realized it (in place, or in its own record). */
export class TraceStep {
  constructor(
    readonly slot: number,
    readonly fact: string,
    readonly path: string | undefined,
    readonly operator: string,
    readonly value: unknown,
    readonly ref: (() => Tree) | undefined,
    readonly inline: TraceStep[] | undefined,
  ) {}
}

function traceSteps(root: Node, resolveRef: (name: string) => Tree): TraceStep[] {
  const steps: TraceStep[] = [];
  const visit = (node: Node): void => {
    if (node.kind === 'ref' && node.inline) {
      steps.push(new TraceStep(node.slot, '', undefined, '', undefined, undefined, traceSteps(node.inline, resolveRef)));
      return;
    }
    switch (node.kind) {
      case 'all':
      case 'any':
        return node.children.forEach(visit);
      case 'not':
        return visit(node.child);
      case 'ref':
        steps.push(new TraceStep(node.slot, '', undefined, '', undefined, () => resolveRef(node.name), undefined));
        return;
      default:
        if (typeof node.fact === 'string') steps.push(new TraceStep(node.slot, node.fact, node.tracePath, node.operator, node.value, undefined, undefined));
    }
  };
  visit(root);
  return steps;
}

/**
 * Appends a tree's leaves as traceRule lists them from the library's RuleResult: `value` is
 * `valueResult ?? value` (toJSON omits an undefined valueResult), `result` null when not evaluated, and a
 * reference the run never reached stays `{condition}` there, with no leaves to show.
 */
export function traceTree(tree: Tree, rec: unknown[], out: ConditionTrace[]): void {
  traceStepsInto(tree.steps, rec, out);
}

function traceStepsInto(steps: TraceStep[], rec: unknown[], out: ConditionTrace[]): void {
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const slot = step.slot;
    if (step.inline !== undefined) {
      if (rec[slot] === true) traceStepsInto(step.inline, rec, out);
      continue;
    }
    if (step.ref !== undefined) {
      const sub = rec[slot] as unknown[] | undefined;
      if (sub !== undefined) traceTree(step.ref(), sub, out);
      continue;
    }
    const result = rec[slot + 2];
    const value = rec[slot + 1] ?? step.value;
    const r = typeof result === 'boolean' ? result : null;
    if (step.path === undefined) out.push({ fact: step.fact, operator: step.operator, value, factValue: rec[slot], result: r });
    else out.push({ fact: step.fact, path: step.path, operator: step.operator, value, factValue: rec[slot], result: r });
  }
}

/** Rule.prioritizeConditions, literally: a condition's own priority, else its fact's (always 1 here). */
function prioritize(children: Node[]): Node[][] {
  const sets: Record<string, Node[]> = {};
  for (const child of children) (sets[String(child.priority || 1)] ??= []).push(child);
  return Object.keys(sets)
    .sort((a, b) => (Number(a) > Number(b) ? -1 : 1))
    .map((p) => sets[p]!);
}

// prioritizeAndRun: every condition of a set is evaluated; the next set only if the result is still open.
function groupEvaluator(kind: 'all' | 'any', children: Node[], sets: Node[][]): Evaluate {
  if (children.length === 0) return () => true; // the library's answer for an empty `any` too
  if (children.length === 1) return children[0]!.run;
  // Functions, not nodes, in the loops: node shapes differ, a closure call does not.
  const runs = sets.map((set) => set.map((c) => c.run));
  const all = kind === 'all';
  if (runs.length === 1) {
    const set = runs[0]!;
    if (set.length === 2) {
      const [first, second] = set as [Evaluate, Evaluate];
      // Both run whatever the first gives: no short-circuit inside a set.
      return all
        ? (s, rec) => {
            const a = first(s, rec) === true;
            return (second(s, rec) === true) && a;
          }
        : (s, rec) => {
            const a = first(s, rec) === true;
            return (second(s, rec) === true) || a;
          };
    }
    return (s, rec) => evaluateSet(set, all, s, rec);
  }
  return (s, rec) => {
    for (let i = 0; i < runs.length; i++) {
      const met = evaluateSet(runs[i]!, all, s, rec);
      if (all ? !met : met) return met;
    }
    return all;
  };
}

/** `every`/`some` over a set whose conditions all run (Promise.all in the library: no short-circuit inside a set). */
function evaluateSet(set: Evaluate[], all: boolean, s: FactSource, rec: unknown[]): boolean {
  let met = all;
  for (let i = 0; i < set.length; i++) {
    const r = set[i]!(s, rec) === true;
    if (all ? !r : r) met = !all;
  }
  return met;
}

/** A cache key for params that does not depend on key order (hash-it does not either). */
export function stableKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? String(value);
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableKey((value as Json)[k])}`)
    .join(',')}}`;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
