import type { DynamicFact, RunContext } from './evaluator.js';
import { FactRead, type LeafNode, type Node, type Program, type ProgramRule } from './rule-program.js';
import { Microtasks, SimPromise } from './sim-promise.js';
import { OperatorFailedError, UndefinedFactError } from './undefined-fact.js';

/**
 * The error json-rules-engine reports for a rule set that fails. All rules of a set, and all conditions of a
 * condition set, run concurrently there: when several of them fail (two missing facts), the run rejects with
 * whichever rejection comes first in microtask order. This replays the library's promise chains (rule.js,
 * condition.js, almanac.js, engine.js evaluateRules) on a simulated queue to find it. A dynamic fact is
 * modelled as an async function that awaits each fact it reads, then returns its value.
 * Runs only on the failure path; `original` is the error the synchronous evaluation met.
 */
export function libraryError(program: Program, set: ProgramRule[], context: RunContext, original: unknown): unknown {
  if (!(original instanceof Error)) return original;
  // The replay may meet an error at each of thousands of conditions (every operator call fails once a run's
  // operator work is spent): their stacks are never read, and capturing them was most of 0.4 s (a review).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const replay = new Replay(program, context);
    let reported: unknown = original;
    // engine.run: cursor.then(() => evaluateRules(set)) — a synchronous throw there is a rejection too.
    replay.queue
      .resolve(undefined)
      .then(() => replay.queue.all(set.map((rule) => replay.rule(rule).then((r) => r))))
      .then(undefined, (err) => {
        reported = err;
      });
    replay.queue.drain();
    return reported;
  } catch {
    return original;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

class Replay {
  readonly queue = new Microtasks();
  private readonly cache = new Map<string, SimPromise>();

  constructor(
    private readonly program: Program,
    private readonly context: RunContext,
  ) {
    // Dynamic facts computed by earlier sets sit in the almanac's cache as settled promises.
    for (const [key, entry] of context.cache)
      if (entry.set < context.set) this.cache.set(key, this.queue.resolve(entry.value));
  }

  /** rule.evaluate(almanac).then(...) as evaluateRules chains it. */
  rule(rule: ProgramRule): SimPromise {
    const root = this.program.trees.rule(rule.index).root;
    const result =
      root.kind === 'ref'
        ? this.realize(root.name)
        : root.kind === 'not'
          ? this.not(root.child)
          : root.kind === 'leaf'
            ? this.queue.reject(new Error('leaf root'))
            : this.prioritizeAndRun(root.children, root.kind, root.sets);
    return result.then((r) => r); // processResult
  }

  private prioritizeAndRun(conditions: Node[], operator: 'all' | 'any' | 'not', sets: Node[][]): SimPromise {
    if (conditions.length === 0) return this.queue.resolve(true);
    if (conditions.length === 1) return this.condition(conditions[0]!);
    let cursor = this.queue.resolve(operator === 'all');
    for (const set of sets) {
      cursor = cursor.then((setResult) =>
        operator === 'any' ? setResult || this.conditions(set, 'some') : setResult && this.conditions(set, 'every'),
      );
    }
    return cursor;
  }

  private conditions(set: Node[], method: 'some' | 'every'): SimPromise {
    return this.queue
      .all(set.map((c) => this.condition(c)))
      .then((results) => (results as unknown[])[method]((r) => r === true));
  }

  private not(child: Node): SimPromise {
    return this.prioritizeAndRun([child], 'not', [[child]]).then((r) => !r);
  }

  private condition(node: Node): SimPromise {
    switch (node.kind) {
      case 'ref':
        return this.realize(node.name);
      case 'not':
        return this.not(node.child).then((v) => v === true);
      case 'all':
      case 'any':
        return this.prioritizeAndRun(node.children, node.kind, node.sets).then((v) => v === true);
      default:
        return this.leaf(node).then((r) => r);
    }
  }

  private realize(name: string): SimPromise {
    return this.condition(this.program.trees.condition(name).root);
  }

  /** Condition.evaluate: Promise.all([getValue(value), factValue(fact, params, path)]).then(operator). */
  private leaf(node: LeafNode): SimPromise {
    const op = node.op;
    if (!op) return this.queue.reject(new Error(`Unknown operator: ${node.operator}`));
    const right = node.rhs ? this.factValue(node.rhs) : this.queue.resolve(node.value);
    return this.queue.all([right, this.factValue(node.lhs)]).then((pair) => {
      const [rhs, lhs] = pair as [unknown, unknown];
      try {
        return op(lhs, rhs);
      } catch (err) {
        throw new OperatorFailedError(String(node.fact), node.operator, err, node.rhs?.fact);
      }
    });
  }

  /** almanac.factValue: a given fact is a fresh resolved promise; a dynamic one is computed once and cached. */
  private factValue(read: FactRead): SimPromise {
    const { fact } = read;
    let value: SimPromise;
    if (this.context.has(fact)) value = this.queue.resolve(this.context.given(fact));
    else if (Object.hasOwn(this.context.dynamic, fact)) {
      const cached = this.cache.get(read.cacheKey);
      if (cached) value = cached;
      else {
        value = this.calculate(this.context.dynamic[fact]!, read.params as Record<string, unknown>);
        this.cache.set(read.cacheKey, value);
      }
    } else return this.queue.reject(new UndefinedFactError(fact));
    const resolve = read.resolve;
    if (!resolve) return value;
    return value.then((v) => (v !== null && typeof v === 'object' ? resolve(v) : v));
  }

  /** `async (params, almanac) => { ...await almanac.factValue(x)...; return value }`, replayed read by read. */
  private calculate(fn: DynamicFact, params: Record<string, unknown>): SimPromise {
    const reads: [string, string | undefined][] = [];
    let outcome: { value: unknown } | { error: unknown };
    try {
      outcome = {
        value: fn(params, (fact, path) => {
          reads.push([fact, path]);
          return this.context.factValue(fact, path);
        }),
      };
    } catch (error) {
      outcome = { error };
    }
    const done = new SimPromise(this.queue);
    const step = (i: number): void => {
      if (i === reads.length) {
        if ('value' in outcome) done.resolveWith(outcome.value);
        else done.rejectOnce(outcome.error);
        return;
      }
      const [fact, path] = reads[i]!;
      const read = new FactRead(fact, {}, path);
      this.factValue(read).then(
        () => step(i + 1),
        (err) => done.rejectOnce(err),
      );
    };
    step(0);
    return done;
  }
}
