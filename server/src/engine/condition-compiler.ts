import { emptyRecord, type Evaluate, type LeafNode, type Node, type Tree } from './condition-nodes.js';
import type { FactRead } from './fact-read.js';
import { compileOperator, type OperatorFn } from './operator-table.js';
import { withConstantValue } from './operators.js';
import { groupEvaluator, prioritize } from './priority-groups.js';
import { sharedList, traceSteps, type SharedSteps, type TraceStep } from './trace-steps.js';

// Compiles one condition tree (a rule's or a named condition's) to closures that record each leaf in a per-run array.

type Json = Record<string, unknown>;

/** Gives one FactRead per distinct (fact, params, path), numbered for the run's memo. */
export type Reads = (fact: string, params: unknown, path: unknown) => FactRead;

export interface TreeContext {
  resolveRef: (name: string) => Tree;
  reads: Reads;
  sources: Map<string, Json>;
  /** Lets the trees of one version keep each inlined named condition's trace steps once (a compile-time map). */
  sharedSteps?: SharedSteps;
  /**
   * With sharedSteps: the compiled body of each distinct inlined named condition, by its shared steps. The same
   * steps mean the same body (same leaves and slots from the reference, same references inlined), so every
   * place it is inlined runs the same closures, writing from the base it is given.
   */
  sharedBodies?: Map<TraceStep[], Node>;
}

const INLINE_LIMIT = 5_000; // slots per tree: past this, references are followed at run time instead

/**
 * `firstSlot`: where the tree's slots start in the record it writes to. A program numbers its rules' slots one
 * after the other, so a run fills one record for all of them; a reference followed at run time starts at 0.
 * The closures write at `base + slot`: a rule runs with base 0, a named condition inlined at a reference with
 * the reference's slot, so one body serves every place it is inlined (its slots count from 1).
 * `inlineLimit`: slots the tree may still use before references are followed at run time instead.
 */
export function compileTree(
  conditions: Json,
  context: TreeContext,
  expanding: string[] = [],
  firstSlot = 0,
  inlineLimit = INLINE_LIMIT,
): Tree {
  // Without the version's map, the steps are shared within this tree only.
  const shared = { ...context, sharedSteps: context.sharedSteps ?? new Map<string, TraceStep[][]>() };
  const { root, slots } = compileNodes(conditions, shared, expanding, firstSlot, inlineLimit);
  return {
    root,
    slots,
    size: slots - firstSlot,
    steps: traceSteps(root, context.resolveRef, shared.sharedSteps),
  };
}

/** The nodes of a tree and where its slots end: what an inlined named condition needs of it (no record, no steps). */
function compileNodes(
  conditions: Json,
  context: TreeContext & { sharedSteps: SharedSteps },
  expanding: string[],
  firstSlot: number,
  inlineLimit: number,
): { root: Node; slots: number } {
  const { resolveRef, reads, sources } = context;
  let slots = firstSlot;
  const node = (c: Json): Node => {
    const kind = Object.hasOwn(c, 'any')
      ? 'any'
      : Object.hasOwn(c, 'all')
        ? 'all'
        : Object.hasOwn(c, 'not')
          ? 'not'
          : undefined;
    if (kind === 'not') {
      if (Array.isArray(c['not'])) throw new Error('"not" cannot be an array');
      const child = node(c['not'] as Json);
      const raw = negation(child.run);
      return { kind, child, raw, run: raw, priority: Number.parseInt(c['priority'] as string, 10) || 1 };
    }
    if (kind) {
      if (!Array.isArray(c[kind])) throw new Error(`"${kind}" must be an array`);
      const children = (c[kind] as Json[]).map(node);
      const sets = prioritize(children);
      const raw = groupEvaluator(kind, children, sets);
      return {
        kind,
        children,
        sets,
        raw,
        // Only a one-child group passes its child's result on uncoerced; the others give booleans already, and a
        // wrapper would be one more closure per group in every cached version.
        run: children.length === 1 ? strictlyTrue(raw) : raw,
        priority: Number.parseInt(c['priority'] as string, 10) || 1,
      };
    }
    if (Object.hasOwn(c, 'condition')) {
      const name = c['condition'] as string;
      const slot = slots++;
      const source = sources.get(name);
      const left = inlineLimit - (slots - firstSlot);
      if (source && !expanding.includes(name) && left > 0) {
        const body = compileNodes(source, context, [...expanding, name], 1, left);
        slots = slot + body.slots;
        const steps = sharedList(context.sharedSteps, name, traceSteps(body.root, resolveRef, context.sharedSteps));
        const inline = sharedBody(context, steps, body.root);
        return {
          kind: 'ref',
          name,
          slot,
          run: realizedInPlace(slot, inline.run),
          inline,
          inlineSteps: steps,
          priority: c['priority'],
        };
      }
      return { kind: 'ref', name, slot, run: realizedAtRunTime(slot, name, resolveRef), priority: c['priority'] };
    }
    for (const key of ['fact', 'operator', 'value'])
      if (!Object.hasOwn(c, key)) throw new Error(`Condition: constructor "${key}" property required`);
    const slot = slots;
    slots += 3;
    return leaf(c, slot, reads);
  };
  const root = node(conditions);
  return { root, slots };
}

/** The body already compiled for these (shared) steps, if the version keeps bodies; else this one, kept from now on. */
function sharedBody(context: TreeContext, steps: TraceStep[], body: Node): Node {
  const { sharedBodies } = context;
  if (!sharedBodies) return body;
  const known = sharedBodies.get(steps);
  if (known) return known;
  sharedBodies.set(steps, body);
  return body;
}

// The closures are made by these module-level functions, not inside compileTree: a closure keeps its whole
// scope chain alive, and compileTree's holds the rule JSON and the compiler's working state.

function negation(child: Evaluate): Evaluate {
  return (s, rec, base) => !child(s, rec, base);
}

function strictlyTrue(raw: Evaluate): Evaluate {
  return (s, rec, base) => raw(s, rec, base) === true;
}

/** A named condition compiled in place: its slot says it was reached (traceRule then shows its leaves). */
function realizedInPlace(slot: number, body: Evaluate): Evaluate {
  return (s, rec, base) => {
    const at = base + slot;
    rec[at] = true;
    return body(s, rec, at);
  };
}

/** A reference followed at run time, in a record of its own: resolved at the first evaluation, as the library looks names up only when it gets there. */
function realizedAtRunTime(slot: number, name: string, resolveRef: (name: string) => Tree): Evaluate {
  let tree: Tree | undefined;
  return (s, rec, base) => {
    tree ??= resolveRef(name);
    const sub = emptyRecord(tree.size);
    rec[base + slot] = sub;
    return tree.root.run(s, sub, 0);
  };
}

function leaf(c: Json, slot: number, factRead: Reads): LeafNode {
  const operator = c['operator'] as string;
  const op = compileOperator(String(operator));
  const value = c['value'];
  const lhs = factRead(c['fact'] as string, c['params'], c['path']);
  const rhs =
    value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact')
      ? factRead((value as Json)['fact'] as string, (value as Json)['params'], (value as Json)['path'])
      : undefined;
  // Our operators get the constant prepared once (date parsed, pattern compiled).
  const test = op && !rhs ? withConstantValue(operator, value) : undefined;
  const run: Evaluate = !op
    ? () => {
        throw new Error(`Unknown operator: ${operator}`);
      }
    : rhs
      ? (s, rec, base) => {
          const right = s.read(rhs);
          const left = s.read(lhs);
          const result = op(left, right);
          const at = base + slot;
          rec[at] = left;
          rec[at + 1] = right;
          rec[at + 2] = result;
          return result;
        }
      : test
        ? leafWithPrepared(test, value, lhs, slot)
        : leafWithOperator(op, value, lhs, slot);
  const path = c['path'];
  const tracePath = typeof path === 'string' && path ? path : undefined;
  return {
    kind: 'leaf',
    fact: c['fact'],
    operator,
    op,
    value,
    lhs,
    ...(rhs && { rhs }),
    ...(test && { test }),
    ...(tracePath && { tracePath }),
    slot,
    run,
    priority: c['priority'],
  };
}
// One closure per leaf either way: a cached version holds a hundred leaves or more.
function leafWithPrepared(test: (left: unknown) => boolean, value: unknown, lhs: FactRead, slot: number): Evaluate {
  return (s, rec, base) => {
    const left = s.read(lhs);
    const result = test(left);
    const at = base + slot;
    rec[at] = left;
    rec[at + 1] = value;
    rec[at + 2] = result;
    return result;
  };
}

function leafWithOperator(op: OperatorFn, value: unknown, lhs: FactRead, slot: number): Evaluate {
  return (s, rec, base) => {
    const left = s.read(lhs);
    const result = op(left, value);
    const at = base + slot;
    rec[at] = left;
    rec[at + 1] = value;
    rec[at + 2] = result;
    return result;
  };
}
