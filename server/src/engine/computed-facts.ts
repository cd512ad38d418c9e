import { Environment, type ASTNode } from '@marcbachmann/cel-js';
import { ClearingMemo } from '../common/memo/clearing-memo.js';
import {
  BudgetExceeded,
  chargeWrittenSize,
  CLOCK_EVERY,
  EXPRESSION_LIMITS,
  ExpressionLimitError,
  type Code,
  type Run,
} from './cel-budget.js';
import { compileNode, ExpressionSyntaxError } from './cel-compiler.js';
import { EvaluationFailure } from './cel-values.js';
import { startClock } from './work-clock.js';

/**
 * Computed facts (docs/adr/0010-computed-facts.md): CEL syntax, parsed by @marcbachmann/cel-js, compiled (cel-compiler.ts)
 * into closures over JSON values and run synchronously under a work budget. The language has no loops, no
 * recursion and no ranges; its only iteration is a comprehension (`all`, `exists`, `exists_one`, `map`,
 * `filter`) over a list or map that already exists, and comprehensions cannot nest. Every step, every
 * element visited and every character or element allocated is charged to one budget per evaluation, so
 * the work is bounded whatever the facts are; past the budget the evaluation stops with ExpressionLimitError.
 * No eval; `new Function` only to build a map literal whose keys are written as JSON strings (cel-compiler.ts,
 * docs/adr/0010); no property outside a value's own keys.
 */

// The modules behind this entry, re-exported so importers keep one path.
export { EXPRESSION_LIMITS, ExpressionLimitError } from './cel-budget.js';
export { EXPRESSION_FUNCTIONS, ExpressionSyntaxError } from './cel-compiler.js';
export { roundHalfUp } from './cel-functions.js';

export interface ComputedFact {
  name: string;
  expression: string;
}

/**
 * Evaluates a version's computed facts on `facts`. `found` holds values read before them (the lookups' rows):
 * expressions see them, and the result carries them too, so nobody merges the two objects per run.
 */
export type ComputeFacts = (
  facts: Record<string, unknown>,
  found?: Readonly<Record<string, unknown>>,
) => Record<string, unknown>;

const parser = new Environment({
  unlistedVariablesAreDyn: true,
  homogeneousAggregateLiterals: false,
  limits: {
    maxAstNodes: EXPRESSION_LIMITS.maxNodes,
    maxDepth: EXPRESSION_LIMITS.maxDepth,
    maxListElements: 500,
    maxMapEntries: 500,
    maxCallArguments: 16,
  },
});

const cache = new ClearingMemo<string, Code>(5000);

/**
 * Parses and compiles one expression (cached); throws ExpressionSyntaxError when it cannot be saved. `slots`
 * (with `signature`, the names in slot order) lets identifiers of the version's computed facts read by slot.
 */
export function compileExpression(expression: string, slots?: ReadonlyMap<string, number>, signature = ''): Code {
  return cache.get(slots ? `${signature}\u0001${expression}` : expression, () => {
    let ast: ASTNode;
    try {
      ast = parser.parse(expression).ast;
    } catch (err) {
      throw new ExpressionSyntaxError((err as Error).message.split('\n')[0]!);
    }
    return compileNode(ast, { locals: new Map(), inComprehension: false, ...(slots && { slots }) });
  });
}

/** The problem that keeps an expression from being saved, or undefined when it can be. */
export function expressionProblem(expression: string): string | undefined {
  try {
    compileExpression(expression);
    return undefined;
  } catch (err) {
    if (err instanceof ExpressionSyntaxError) return err.message;
    throw err;
  }
}

/**
 * Compiles a version's computed facts once. The function it returns evaluates them in order, each seeing the
 * input facts and the facts computed before it. A fact whose expression fails (a missing field, a type
 * mismatch, an expression that does not compile) is absent; a fact that exceeds the work budget throws
 * ExpressionLimitError. `foundNames` are the facts a run may pass as `found` (the version's lookups); one not
 * passed is absent from the result.
 */
export function compileComputedFacts(
  definitions: readonly ComputedFact[],
  foundNames: readonly string[] = [],
  /** The work budget and the wall-clock backstop of one evaluation (tests lift the clock to check the budget alone). */
  limits: { budget: number; milliseconds: number } = EXPRESSION_LIMITS,
): ComputeFacts {
  const { allNames, shape, names, codes, slotOf, foundSlots } = slotted(definitions, foundNames);
  const { budget, milliseconds } = limits;
  return (facts, found) => {
    const computed = { ...shape };
    const values = new Array<unknown>(allNames.length).fill(undefined);
    let absent = false;
    for (let i = 0; i < foundNames.length; i++) {
      const name = foundNames[i]!;
      if (found !== undefined && Object.hasOwn(found, name)) computed[name] = values[foundSlots[i]!] = found[name];
      else absent = true;
    }
    const run: Run = {
      facts,
      computed,
      values,
      locals: [],
      left: budget,
      checkAt: budget - CLOCK_EVERY,
      clock: startClock(milliseconds),
    };
    for (let index = 0; index < codes.length; index++) {
      const code = codes[index];
      if (!code) {
        absent = true;
        continue;
      }
      try {
        const value = code(run);
        // Numbers, flags and texts were charged as they were made; a list or map is charged for what it shares.
        if (typeof value === 'object' && value !== null) chargeWrittenSize(run, value);
        computed[names[index]!] = values[slotOf[index]!] = value;
      } catch (err) {
        if (err instanceof BudgetExceeded) throw new ExpressionLimitError(names[index]!, index, err.limit);
        if (!(err instanceof EvaluationFailure)) throw err;
        absent = true;
      }
    }
    // A fact that failed is absent, not undefined (rare: only then is the object reshaped).
    if (absent) for (const name of allNames) if (computed[name] === undefined) delete computed[name];
    return computed;
  };
}

/**
 * The expressions compiled to read facts by slot, and where each fact goes. Apart from `compileComputedFacts`:
 * the closures made here share one scope, and the slot map and signature (a few KB a version) would stay
 * alive in it with the function a version keeps.
 */
function slotted(definitions: readonly ComputedFact[], foundNames: readonly string[]) {
  const allNames = [...new Set([...foundNames, ...definitions.map((d) => d.name)])];
  const slots = new Map(allNames.map((name, i) => [name, i]));
  const signature = allNames.join('\u0000');
  const codes = definitions.map(({ expression }) => {
    try {
      return compileExpression(expression, slots, signature);
    } catch {
      return null;
    }
  });
  const names = definitions.map((d) => d.name);
  return {
    allNames,
    // Every run's result starts as a copy of this, so it has one shape: adding ten properties one by one to a
    // fresh object cost more than evaluating all ten expressions, and merging 40 of them into another object
    // (`{...found, ...computed}`) cost twice the expressions themselves.
    shape: Object.fromEntries(allNames.map((name) => [name, undefined])) as Record<string, unknown>,
    names,
    codes,
    slotOf: names.map((name) => slots.get(name)!),
    foundSlots: foundNames.map((name) => slots.get(name)!),
  };
}

const byDefinitions = new WeakMap<readonly ComputedFact[], ComputeFacts>();

/** Evaluates computed facts synchronously; compiled once per definitions array (one per prepared version). */
export function computeFacts(
  definitions: readonly ComputedFact[],
  facts: Record<string, unknown>,
): Record<string, unknown> {
  let compute = byDefinitions.get(definitions);
  if (!compute) {
    compute = compileComputedFacts(definitions);
    byDefinitions.set(definitions, compute);
  }
  return compute(facts);
}

/**
 * The fact paths an expression reads: each identifier with the fixed member names after it
 * (`employee.birthDate` → [employee, birthDate]; `items[0].price` → [items, 0, price]). A computed index
 * (`m[k]`) ends the path there, so the whole value before it counts as read. A comprehension's or `cel.bind`'s
 * variable is no fact where it is declared (what `items.map(i, i.qty)` reads is `items`); the same name outside
 * is. An expression that does not parse reads nothing (it is never computed).
 */
export function expressionReads(expression: string): string[][] {
  let ast: ASTNode;
  try {
    ast = parser.parse(expression).ast;
  } catch {
    return [];
  }
  const reads: string[][] = [];
  const visit = (value: unknown, bound: ReadonlySet<string>): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, bound));
    if (value === null || typeof value !== 'object' || !('op' in value)) return;
    const node = value as ASTNode;
    const scope = bindingOf(node);
    if (scope) {
      visit(scope.outside, bound);
      visit(scope.inside, new Set(bound).add(scope.variable));
      return;
    }
    const chain = chainOf(node);
    if (!chain) return visit(node.args, bound);
    if (!bound.has(chain.path[0]!)) reads.push(chain.path);
    chain.indices.forEach((index) => visit(index, bound));
  };
  visit(ast, new Set());
  return reads;
}

/**
 * A variable a call declares for part of itself: a comprehension's (`x` in `items.filter(x, x > 1)`, seen in the
 * predicate, not in `items`) or `cel.bind`'s (`a` in `cel.bind(a, init, body)`, seen in the body). Those are
 * names, not facts: the same name outside that part is a fact again.
 */
function bindingOf(node: ASTNode): { variable: string; outside: unknown[]; inside: unknown[] } | undefined {
  if (node.op !== 'rcall') return undefined;
  const [name, receiver, args] = node.args as [unknown, ASTNode, unknown];
  if (!Array.isArray(args)) return undefined;
  const [declared, ...rest] = args as ASTNode[];
  if (declared?.op !== 'id') return undefined;
  const variable = String(declared.args);
  if (COMPREHENSIONS.has(String(name))) return { variable, outside: [receiver], inside: rest };
  if (name === 'bind' && receiver.op === 'id' && receiver.args === 'cel')
    return { variable, outside: rest.slice(0, 1), inside: rest.slice(1) };
  return undefined;
}
const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

interface Chain {
  path: string[];
  /** False once a computed index was met: the path stops there. */
  fixed: boolean;
  /** The computed indices met on the way, which are expressions that read facts too. */
  indices: ASTNode[];
}

/** `a.b["c"][0]` as [a, b, c, 0]; undefined when the node is not a member chain rooted at an identifier. */
function chainOf(node: ASTNode): Chain | undefined {
  const args = node.args as unknown[];
  if (node.op === 'id') return { path: [String(node.args)], fixed: true, indices: [] };
  if (node.op === '.' && typeof args[1] === 'string') {
    const head = chainOf(args[0] as ASTNode);
    return head && (head.fixed ? { ...head, path: [...head.path, args[1]] } : head);
  }
  if (node.op === '[]') {
    const head = chainOf(args[0] as ASTNode);
    if (!head) return undefined;
    const index = args[1] as ASTNode;
    const constant = index.op === 'value' && ['string', 'number', 'bigint'].includes(typeof index.args);
    return head.fixed && constant
      ? { ...head, path: [...head.path, String(index.args)] }
      : { ...head, fixed: false, indices: [...head.indices, index] };
  }
  return undefined;
}
