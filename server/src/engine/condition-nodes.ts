import type { FactRead, FactSource } from './fact-read.js';
import type { OperatorFn } from './operator-table.js';
import type { TraceStep } from './trace-steps.js';

// The shapes a compiled condition tree is made of, shared by its compiler, its tracer and the evaluator.

/**
 * Evaluates a node; `rec` is the run's record of its tree: per leaf [factResult, valueResult, result], per
 * reference its sub-record. The node's slots are counted from `base` (0 but inside an inlined named condition).
 */
export type Evaluate = (source: FactSource, rec: unknown[], base: number) => unknown;

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
  /** Our operator with its constant prepared (a date parsed, a pattern compiled), when it has one. */
  test?: (left: unknown) => boolean;
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
  /** With `inline`: its trace steps, the version's shared list for them (see trace-steps.ts). */
  inlineSteps?: TraceStep[];
}
export type Node = LeafNode | GroupNode | NotNode | RefNode;

/**
 * An empty record of `size` slots, packed (filled with undefined): copying a packed array is cheaper than growing
 * a holey one. Every tree copies from this one array, so a cached version keeps no empty record per rule.
 */
export function emptyRecord(size: number): unknown[] {
  if (size > undefineds.length) undefineds = new Array<unknown>(Math.max(size, 2 * undefineds.length)).fill(undefined);
  return undefineds.slice(0, size);
}
let undefineds = new Array<unknown>(1024).fill(undefined);

/** A condition tree (a rule's or a named condition's) and the size of its per-run record. */
export interface Tree {
  root: Node;
  /** Where its slots end (they start at the `firstSlot` it was compiled with). */
  slots: number;
  /** The length of its per-run record (see `emptyRecord`). */
  size: number;
  /** The tree's leaves and references in traceRule's order, flat. */
  steps: TraceStep[];
}
