import type { Node, Tree } from './condition-nodes.js';
import type { ConditionTrace } from './trace.js';

// A compiled tree's leaves listed once at compile time, so traceRule's list is read off the run's record.

/**
 * A leaf to list, or a named-condition reference to expand when the run realized it (in place, or in its own
 * record). `slot` counts from the enclosing reference's slot inside an inlined named condition, from the
 * record's start elsewhere: so the steps of a named condition inlined in several places are the same list.
 */
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

/** The step lists of inlined named conditions met so far in a version, by name: each distinct list kept once. */
export type SharedSteps = Map<string, TraceStep[][]>;

/** A tree's steps; inside an inlined named condition, slots count from its reference already (see compileTree). */
export function traceSteps(
  root: Node,
  resolveRef: (name: string) => Tree,
  shared: SharedSteps = new Map(),
): TraceStep[] {
  const steps: TraceStep[] = [];
  const visit = (node: Node): void => {
    if (node.kind === 'ref' && node.inline) {
      // The compiler keeps the body's steps on the reference: listing them again would walk every nested body
      // once per level above it.
      const inline = node.inlineSteps ?? sharedList(shared, node.name, traceSteps(node.inline, resolveRef, shared));
      steps.push(new TraceStep(node.slot, '', undefined, '', undefined, undefined, inline));
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
        if (typeof node.fact === 'string')
          steps.push(
            new TraceStep(node.slot, node.fact, node.tracePath, node.operator, node.value, undefined, undefined),
          );
    }
  };
  visit(root);
  // A copy has room for exactly its steps: the list grown by push has up to half as much again, empty, and a
  // cached version keeps a list per rule and per inlined named condition.
  return steps.slice();
}

/** The list already kept for this named condition if it has the same steps, else this one (kept from now on). */
export function sharedList(shared: SharedSteps, name: string, steps: TraceStep[]): TraceStep[] {
  const known = shared.get(name);
  const same = known?.find((other) => other.length === steps.length && other.every((o, i) => sameStep(o, steps[i]!)));
  if (same) return same;
  if (known) known.push(steps);
  else shared.set(name, [steps]);
  return steps;
}

// Inner lists are shared before their parents are compared, so `inline` compares by identity; a reference
// followed at run time has a closure of its own and is never the same.
const sameStep = (a: TraceStep, b: TraceStep): boolean =>
  a.slot === b.slot &&
  a.fact === b.fact &&
  a.path === b.path &&
  a.operator === b.operator &&
  Object.is(a.value, b.value) &&
  a.ref === undefined &&
  b.ref === undefined &&
  a.inline === b.inline;

/**
 * Appends a tree's leaves as traceRule lists them from the library's RuleResult: `value` is
 * `valueResult ?? value` (toJSON omits an undefined valueResult), `result` null when not evaluated, and a
 * reference the run never reached stays `{condition}` there, with no leaves to show.
 */
export function traceTree(tree: Tree, rec: unknown[], out: ConditionTrace[]): void {
  traceStepsInto(tree.steps, rec, out);
}
/** `base`: where the steps' slots count from in `rec` (see TraceStep). */
export function traceStepsInto(steps: TraceStep[], rec: unknown[], out: ConditionTrace[], base = 0): void {
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const slot = base + step.slot;
    if (step.inline !== undefined) {
      if (rec[slot] === true) traceStepsInto(step.inline, rec, out, slot);
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
    if (step.path === undefined)
      out.push({ fact: step.fact, operator: step.operator, value, factValue: rec[slot], result: r });
    else
      out.push({ fact: step.fact, path: step.path, operator: step.operator, value, factValue: rec[slot], result: r });
  }
}
