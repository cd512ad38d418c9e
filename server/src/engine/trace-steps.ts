import type { Node, Tree } from './condition-nodes.js';
import type { ConditionTrace } from './trace.js';

// A compiled tree's leaves listed once at compile time, so traceRule's list is read off the run's record.

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

export function traceSteps(root: Node, resolveRef: (name: string) => Tree): TraceStep[] {
  const steps: TraceStep[] = [];
  const visit = (node: Node): void => {
    if (node.kind === 'ref' && node.inline) {
      steps.push(
        new TraceStep(node.slot, '', undefined, '', undefined, undefined, traceSteps(node.inline, resolveRef)),
      );
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
export function traceStepsInto(steps: TraceStep[], rec: unknown[], out: ConditionTrace[]): void {
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
    if (step.path === undefined)
      out.push({ fact: step.fact, operator: step.operator, value, factValue: rec[slot], result: r });
    else
      out.push({ fact: step.fact, path: step.path, operator: step.operator, value, factValue: rec[slot], result: r });
  }
}
