import { Environment, type ASTNode } from '@marcbachmann/cel-js';

/**
 * Computed facts (docs/adr/0010-computed-facts.md): CEL syntax, parsed by @marcbachmann/cel-js, compiled here
 * into closures over JSON values and run synchronously under a work budget. The language has no loops, no
 * recursion and no ranges; its only iteration is a comprehension (`all`, `exists`, `exists_one`, `map`,
 * `filter`) over a list or map that already exists, and comprehensions cannot nest. Every step, every
 * element visited and every character or element allocated is charged to one budget per evaluation, so
 * the work is bounded whatever the facts are; past the budget the evaluation stops with ExpressionLimitError.
 * No eval, no `new Function`, no property outside a value's own keys.
 */

export interface ComputedFact {
  name: string;
  expression: string;
}

export type ComputeFacts = (facts: Record<string, unknown>) => Record<string, unknown>;

export const EXPRESSION_LIMITS = Object.freeze({
  /** Work units for all the computed facts of one evaluation (a unit is 20–60 ns here, warm to cold). */
  budget: 500_000,
  /** Wall-clock backstop for the same evaluation, checked every few thousand units: a loaded machine. */
  milliseconds: 30,
  /** Syntax nodes of one expression. */
  maxNodes: 1000,
  /** Nesting depth of one expression. */
  maxDepth: 32,
});

/** A computed fact needed more work than one evaluation is allowed; its facts or its expression are too large. */
export class ExpressionLimitError extends Error {
  constructor(
    readonly fact: string,
    readonly index: number,
    readonly limit: 'steps' | 'time' = 'steps',
  ) {
    super(
      limit === 'steps'
        ? `The computed fact "${fact}" needs more work than an evaluation allows (${EXPRESSION_LIMITS.budget} steps) on these facts.`
        : `The computed fact "${fact}" took longer than an evaluation allows (${EXPRESSION_LIMITS.milliseconds} ms) on these facts.`,
    );
    this.name = 'ExpressionLimitError';
  }
}

/** An expression that cannot be saved: syntax, an unknown function, a nested comprehension... */
export class ExpressionSyntaxError extends Error {
  constructor(message: string, readonly position?: number) {
    super(position === undefined ? message : `${message} (at character ${position + 1})`);
    this.name = 'ExpressionSyntaxError';
  }
}

/** A value the expression cannot work with (a missing field, a type mismatch): the fact is absent. */
class EvaluationFailure extends Error {}
/** The budget ran out; turned into ExpressionLimitError naming the fact. */
class BudgetExceeded extends Error {
  constructor(readonly limit: 'steps' | 'time') {
    super(limit);
  }
}

interface Run {
  vars: Record<string, unknown>;
  locals: unknown[];
  /** Units left; the clock is read each time `left` goes below `checkAt`. */
  left: number;
  checkAt: number;
  deadline: number;
}
const CLOCK_EVERY = 8192;
type Code = (run: Run) => unknown;
type Json = Record<string, unknown>;

interface Scope {
  locals: Map<string, number>;
  inComprehension: boolean;
}

const parser = new Environment({
  unlistedVariablesAreDyn: true,
  homogeneousAggregateLiterals: false,
  limits: { maxAstNodes: EXPRESSION_LIMITS.maxNodes, maxDepth: EXPRESSION_LIMITS.maxDepth, maxListElements: 500, maxMapEntries: 500, maxCallArguments: 16 },
});

function charge(run: Run, units: number): void {
  if ((run.left -= units) < run.checkAt) checkpoint(run);
}
function checkpoint(run: Run): void {
  if (run.left < 0) throw new BudgetExceeded('steps');
  if (performance.now() > run.deadline) throw new BudgetExceeded('time');
  run.checkAt = Math.max(run.left - CLOCK_EVERY, 0);
}
function fail(message: string): never {
  throw new EvaluationFailure(message);
}

const cache = new Map<string, Code>();

/** Parses and compiles one expression (cached); throws ExpressionSyntaxError when it cannot be saved. */
export function compileExpression(expression: string): Code {
  let code = cache.get(expression);
  if (!code) {
    let ast: ASTNode;
    try {
      ast = parser.parse(expression).ast;
    } catch (err) {
      throw new ExpressionSyntaxError((err as Error).message.split('\n')[0]!);
    }
    code = compileNode(ast, { locals: new Map(), inComprehension: false });
    if (cache.size >= 5000) cache.clear();
    cache.set(expression, code);
  }
  return code;
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
 * ExpressionLimitError.
 */
export function compileComputedFacts(definitions: readonly ComputedFact[]): ComputeFacts {
  const compiled = definitions.map(({ name, expression }) => {
    try {
      return { name, code: compileExpression(expression) };
    } catch {
      return { name, code: null };
    }
  });
  return (facts) => {
    const { budget, milliseconds } = EXPRESSION_LIMITS;
    const run: Run = { vars: { ...facts }, locals: [], left: budget, checkAt: budget - CLOCK_EVERY, deadline: performance.now() + milliseconds };
    const computed: Record<string, unknown> = {};
    compiled.forEach(({ name, code }, index) => {
      if (!code) return;
      try {
        const value = code(run);
        run.vars[name] = value;
        computed[name] = value;
      } catch (err) {
        if (err instanceof BudgetExceeded) throw new ExpressionLimitError(name, index, err.limit);
        if (!(err instanceof EvaluationFailure)) throw err;
      }
    });
    return computed;
  };
}

const byDefinitions = new WeakMap<readonly ComputedFact[], ComputeFacts>();

/** Evaluates computed facts synchronously; compiled once per definitions array (one per prepared version). */
export function computeFacts(definitions: readonly ComputedFact[], facts: Record<string, unknown>): Record<string, unknown> {
  let compute = byDefinitions.get(definitions);
  if (!compute) {
    compute = compileComputedFacts(definitions);
    byDefinitions.set(definitions, compute);
  }
  return compute(facts);
}

// ---------------------------------------------------------------------------------------------- compiler

function compileNode(node: ASTNode, scope: Scope): Code {
  const args = node.args as unknown;
  switch (node.op) {
    case 'value':
      return literal(args, node.pos);
    case 'id':
      return identifier(args as string, scope);
    case '.': {
      const [target, field] = args as [ASTNode, string];
      const object = compileNode(target, scope);
      return (run) => {
        charge(run, 1);
        return field_(object(run), field);
      };
    }
    case '[]': {
      const [target, key] = (args as [ASTNode, ASTNode]).map((a) => compileNode(a, scope)) as [Code, Code];
      return (run) => {
        charge(run, 1);
        return index(target(run), key(run));
      };
    }
    case 'list': {
      const items = (args as ASTNode[]).map((a) => compileNode(a, scope));
      return (run) => {
        charge(run, 1 + items.length);
        return items.map((item) => item(run));
      };
    }
    case 'map': {
      const entries = (args as [ASTNode, ASTNode][]).map(([k, v]) => [compileNode(k, scope), compileNode(v, scope)] as const);
      return (run) => {
        charge(run, 1 + entries.length);
        const out: Json = {};
        for (const [k, v] of entries) {
          const key = k(run);
          if (typeof key !== 'string' || key === '__proto__') fail('map keys must be strings');
          out[key] = v(run);
        }
        return out;
      };
    }
    case '?:': {
      const [test, then, otherwise] = (args as ASTNode[]).map((a) => compileNode(a, scope)) as [Code, Code, Code];
      return (run) => (bool(test(run)) ? then(run) : otherwise(run));
    }
    case '&&': {
      const [a, b] = (args as ASTNode[]).map((x) => compileNode(x, scope)) as [Code, Code];
      return (run) => bool(a(run)) && bool(b(run));
    }
    case '||': {
      const [a, b] = (args as ASTNode[]).map((x) => compileNode(x, scope)) as [Code, Code];
      return (run) => bool(a(run)) || bool(b(run));
    }
    case '!_': {
      const a = compileNode(args as ASTNode, scope);
      return (run) => !bool(a(run));
    }
    case '-_': {
      const a = compileNode(args as ASTNode, scope);
      return (run) => -num(a(run));
    }
    case 'call': {
      const [name, callArgs] = args as [string, ASTNode[]];
      if (name === 'has') return has(callArgs, scope, node.pos);
      return call(name, undefined, callArgs, scope, node.pos);
    }
    case 'rcall': {
      const [name, receiver, callArgs] = args as [string, ASTNode, ASTNode[]];
      if (COMPREHENSIONS.has(name)) return comprehension(name, receiver, callArgs, scope, node.pos);
      if (name === 'bind' && receiver.op === 'id' && receiver.args === 'cel') return bind(callArgs, scope, node.pos);
      return call(name, receiver, callArgs, scope, node.pos);
    }
    default:
      if (node.op in BINARY) {
        const [a, b] = (args as ASTNode[]).map((x) => compileNode(x, scope)) as [Code, Code];
        const op = BINARY[node.op]!;
        return (run) => {
          charge(run, 1);
          return op(run, a(run), b(run));
        };
      }
      throw new ExpressionSyntaxError(`"${node.op}" is not supported in computed facts`, node.pos);
  }
}

function literal(value: unknown, pos: number): Code {
  let v: unknown = value;
  if (typeof value === 'bigint') v = Number(value);
  else if (value !== null && typeof value === 'object') throw new ExpressionSyntaxError('unsigned and bytes literals are not supported; numbers are plain numbers', pos);
  return () => v;
}

function identifier(name: string, scope: Scope): Code {
  const slot = scope.locals.get(name);
  if (slot !== undefined) return (run) => run.locals[slot];
  return (run) => (Object.hasOwn(run.vars, name) ? run.vars[name] : fail(`no fact "${name}"`));
}

function field_(object: unknown, field: string): unknown {
  if (!isMap(object) || !Object.hasOwn(object, field)) fail(`no field "${field}"`);
  return object[field];
}

function index(target: unknown, key: unknown): unknown {
  if (Array.isArray(target)) {
    if (typeof key !== 'number' || !Number.isInteger(key) || key < 0 || key >= target.length) fail('list index out of range');
    return target[key];
  }
  if (isMap(target) && typeof key === 'string' && Object.hasOwn(target, key)) return target[key];
  return fail(`no key ${JSON.stringify(key)}`);
}

/** `has(a.b.c)`: true when every step of the path exists and is not null. */
function has(args: ASTNode[], scope: Scope, pos: number): Code {
  const path: string[] = [];
  let node = args.length === 1 ? args[0] : undefined;
  while (node && node.op === '.') {
    const [target, field] = node.args as [ASTNode, string];
    path.unshift(field);
    node = target;
  }
  if (!node || node.op !== 'id') throw new ExpressionSyntaxError('has() takes a fact or a field path, e.g. has(invoice.gst)', pos);
  const root = identifier(node.args as string, scope);
  return (run) => {
    charge(run, 1 + path.length);
    let value: unknown;
    try {
      value = root(run);
    } catch (err) {
      if (err instanceof EvaluationFailure) return false;
      throw err;
    }
    for (const field of path) {
      if (!isMap(value) || !Object.hasOwn(value, field)) return false;
      value = value[field];
    }
    return value !== null && value !== undefined;
  };
}

/** `cel.bind(name, value, body)`: a local name for a value. */
function bind(args: ASTNode[], scope: Scope, pos: number): Code {
  const [variable, init, body] = args;
  if (args.length !== 3 || variable?.op !== 'id') throw new ExpressionSyntaxError('cel.bind takes a name, a value and an expression', pos);
  const value = compileNode(init!, scope);
  const slot = scope.locals.size;
  const inner: Scope = { ...scope, locals: new Map(scope.locals).set(variable.args as string, slot) };
  const code = compileNode(body!, inner);
  return (run) => {
    run.locals[slot] = value(run);
    return code(run);
  };
}

const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

/** The only iteration: over a list (or a map's keys) that exists, never nested, each step charged. */
function comprehension(name: string, receiver: ASTNode, args: ASTNode[], scope: Scope, pos: number): Code {
  const variable = args[0];
  const arity = name === 'map' ? [2, 3] : [2];
  if (!variable || variable.op !== 'id' || !arity.includes(args.length)) {
    throw new ExpressionSyntaxError(`${name}() takes a variable name and ${name === 'map' ? 'an expression (or a filter and an expression)' : 'a condition'}`, pos);
  }
  if (scope.inComprehension) throw new ExpressionSyntaxError(`${name}() inside another comprehension is not allowed: its cost grows with the square of the list`, pos);
  const range = compileNode(receiver, scope);
  const slot = scope.locals.size;
  const inner: Scope = { locals: new Map(scope.locals).set(variable.args as string, slot), inComprehension: true };
  const [first, second] = args.slice(1).map((a) => compileNode(a, inner)) as [Code, Code | undefined];
  // Every step pays for the whole body, including the nodes that do not charge for themselves (!, ?:, &&...).
  const perItem = 1 + args.slice(1).reduce((n, a) => n + nodeCount(a), 0);
  return (run) => {
    const source = range(run);
    const items = Array.isArray(source) ? source : isMap(source) ? Object.keys(source) : fail(`${name}() needs a list or a map`);
    charge(run, 1 + items.length);
    const out: unknown[] = [];
    let matches = 0;
    for (const item of items) {
      charge(run, perItem);
      run.locals[slot] = item;
      switch (name) {
        case 'all':
          if (!bool(first(run))) return false;
          break;
        case 'exists':
          if (bool(first(run))) return true;
          break;
        case 'exists_one':
          if (bool(first(run))) matches++;
          break;
        case 'filter':
          if (bool(first(run))) out.push(item);
          break;
        default: // map
          if (!second) out.push(first(run));
          else if (bool(first(run))) out.push(second(run));
      }
    }
    if (name === 'all') return true;
    if (name === 'exists') return false;
    if (name === 'exists_one') return matches === 1;
    return out;
  };
}

function nodeCount(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + nodeCount(x), 0);
  if (node === null || typeof node !== 'object' || !('op' in node)) return 0;
  return 1 + nodeCount((node as ASTNode).args);
}

// ---------------------------------------------------------------------------------------------- operators

const BINARY: Record<string, (run: Run, a: unknown, b: unknown) => unknown> = {
  '+': (run, a, b) => {
    if (typeof a === 'number' && typeof b === 'number') return finite(a + b);
    if (typeof a === 'string' && typeof b === 'string') {
      charge(run, (a.length + b.length) >> 3);
      return a + b;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      charge(run, 2 * (a.length + b.length));
      return a.concat(b);
    }
    return fail('"+" adds two numbers, two strings or two lists');
  },
  '-': (_run, a, b) => finite(num(a) - num(b)),
  '*': (_run, a, b) => finite(num(a) * num(b)),
  '/': (_run, a, b) => finite(num(a) / num(b)),
  '%': (_run, a, b) => finite(num(a) % num(b)),
  '==': (run, a, b) => equal(run, a, b),
  '!=': (run, a, b) => !equal(run, a, b),
  '<': (run, a, b) => compare(run, a, b) < 0,
  '<=': (run, a, b) => compare(run, a, b) <= 0,
  '>': (run, a, b) => compare(run, a, b) > 0,
  '>=': (run, a, b) => compare(run, a, b) >= 0,
  in: (run, a, b) => {
    if (Array.isArray(b)) {
      charge(run, b.length);
      return b.some((item) => equal(run, a, item));
    }
    if (isMap(b)) return typeof a === 'string' && Object.hasOwn(b, a);
    return fail('"in" looks in a list or a map');
  },
};

function equal(run: Run, a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    charge(run, a.length);
    return a.length === other.length && a.every((item, i) => equal(run, item, other[i]));
  }
  const ka = Object.keys(a);
  charge(run, ka.length);
  const bo = b as Json;
  return ka.length === Object.keys(bo).length && ka.every((k) => Object.hasOwn(bo, k) && equal(run, (a as Json)[k], bo[k]));
}

function compare(run: Run, a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    charge(run, Math.min(a.length, b.length) >> 3);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return fail('only two numbers or two strings can be ordered');
}

// ---------------------------------------------------------------------------------------------- functions

type Fn = (run: Run, ...args: unknown[]) => unknown;

/** `cost`: work units of one call beyond its arguments (date arithmetic is about 20 times a plain step). */
const FUNCTIONS: Record<string, { arity: number[]; fn: Fn; cost?: number }> = {
  size: { arity: [1], fn: (_run, x) => (typeof x === 'string' || Array.isArray(x) ? x.length : isMap(x) ? Object.keys(x).length : fail('size() of a string, list or map')) },
  string: { arity: [1], fn: (_run, x) => (typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : x === null ? 'null' : fail('string() of a scalar')) },
  int: { arity: [1], fn: (_run, x) => Math.trunc(toNumber(x)) },
  double: { arity: [1], fn: (_run, x) => toNumber(x) },
  round: { arity: [1, 2], fn: (_run, x, digits = 0) => roundHalfUp(num(x), num(digits)) },
  floor: { arity: [1], fn: (_run, x) => Math.floor(num(x)) },
  ceil: { arity: [1], fn: (_run, x) => Math.ceil(num(x)) },
  abs: { arity: [1], fn: (_run, x) => Math.abs(num(x)) },
  min: { arity: [1, 2, 3, 4, 5, 6, 7, 8], fn: (run, ...xs) => extreme(run, xs, -1) },
  max: { arity: [1, 2, 3, 4, 5, 6, 7, 8], fn: (run, ...xs) => extreme(run, xs, 1) },
  sum: {
    arity: [1],
    fn: (run, xs) => {
      const list = Array.isArray(xs) ? xs : fail('sum() of a list of numbers');
      charge(run, list.length);
      return finite(list.reduce((total: number, x) => total + num(x), 0));
    },
  },
  daysBetween: { arity: [2], cost: 20, fn: (_run, from, to) => (dayNumber(to) - dayNumber(from)) },
  yearsBetween: { arity: [2], cost: 20, fn: (_run, from, to) => yearsBetween(parseDate(from), parseDate(to)) },
  addDays: { arity: [2], cost: 20, fn: (_run, date, days) => formatDay(dayNumber(date) + integer(days)) },
  addMonths: { arity: [2], cost: 20, fn: (_run, date, months) => addMonths(parseDate(date), integer(months)) },
  // Receiver functions: "text".contains("x"), list.size().
  contains: { arity: [2], fn: (run, s, t) => chargeText(run, s, t).includes(str(t)) },
  startsWith: { arity: [2], fn: (run, s, t) => chargeText(run, s, t).startsWith(str(t)) },
  endsWith: { arity: [2], fn: (run, s, t) => chargeText(run, s, t).endsWith(str(t)) },
  lowerAscii: { arity: [1], fn: (run, s) => chargeText(run, s).toLowerCase() },
  upperAscii: { arity: [1], fn: (run, s) => chargeText(run, s).toUpperCase() },
  trim: { arity: [1], fn: (run, s) => chargeText(run, s).trim() },
  split: {
    arity: [2],
    fn: (run, s, sep) => {
      // At most as many parts as units left, plus one to know the budget is exceeded.
      const parts = chargeText(run, s).split(str(sep), Math.max(run.left, 0) + 1);
      charge(run, parts.length);
      return parts;
    },
  },
  substring: {
    arity: [2, 3],
    fn: (run, s, start, end) => {
      const text = chargeText(run, s);
      return text.substring(integer(start), end === undefined ? text.length : integer(end));
    },
  },
};

/** Function names an expression may call, for the schema description and the console. */
export const EXPRESSION_FUNCTIONS = Object.freeze(['has', ...Object.keys(FUNCTIONS), ...COMPREHENSIONS, 'cel.bind']);

function call(name: string, receiver: ASTNode | undefined, args: ASTNode[], scope: Scope, pos: number): Code {
  const found = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!found) throw new ExpressionSyntaxError(`unknown function "${name}" (known: ${EXPRESSION_FUNCTIONS.join(', ')})`, pos);
  const all = (receiver ? [receiver, ...args] : args).map((a) => compileNode(a, scope));
  if (!found.arity.includes(all.length)) throw new ExpressionSyntaxError(`${name}() does not take ${all.length} argument(s)`, pos);
  const { fn } = found;
  const cost = found.cost ?? 1;
  return (run) => {
    charge(run, cost);
    return fn(run, ...all.map((a) => a(run)));
  };
}

// ---------------------------------------------------------------------------------------------- values

function isMap(x: unknown): x is Json {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}
function bool(x: unknown): boolean {
  return typeof x === 'boolean' ? x : fail('a condition must be true or false');
}
function num(x: unknown): number {
  return typeof x === 'number' ? x : fail('a number was expected');
}
function str(x: unknown): string {
  return typeof x === 'string' ? x : fail('a string was expected');
}
function integer(x: unknown): number {
  return Number.isInteger(x) ? (x as number) : fail('a whole number was expected');
}
function finite(x: number): number {
  return Number.isFinite(x) ? x : fail('the result is not a finite number');
}
function toNumber(x: unknown): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'string' && x.trim() !== '' && x.length < 64) return finite(Number(x));
  return fail('not a number');
}
function chargeText(run: Run, s: unknown, t?: unknown): string {
  const text = str(s);
  charge(run, (text.length + (typeof t === 'string' ? t.length : 0)) >> 3);
  return text;
}
function extreme(run: Run, xs: unknown[], sign: 1 | -1): number {
  const list = xs.length === 1 && Array.isArray(xs[0]) ? (xs[0] as unknown[]) : xs;
  if (list.length === 0) fail('min()/max() of nothing');
  charge(run, list.length);
  return list.reduce((best: number, x) => (sign * (num(x) - best) > 0 ? (x as number) : best), num(list[0]));
}

/** Rounds half away from zero (half up for amounts) on the decimal value written, so 9.975 → 9.98 and 0.125 → 0.13. */
export function roundHalfUp(x: number, digits = 0): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) fail('round() keeps 0 to 10 decimals');
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(x) * factor).toPrecision(15));
  return finite((Math.sign(x) * Math.round(scaled)) / factor) || 0;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;
interface Ymd {
  y: number;
  m: number;
  d: number;
}
function parseDate(x: unknown): Ymd {
  const match = typeof x === 'string' ? DATE.exec(x) : null;
  if (!match) return fail('a date YYYY-MM-DD was expected');
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) fail('not a calendar date');
  return { y, m, d };
}
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m: number): number {
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1]!;
}
function dayNumber(x: unknown): number {
  const { y, m, d } = parseDate(x);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}
function formatDay(day: number): string {
  if (!Number.isFinite(day) || Math.abs(day) > 3_000_000) fail('date out of range');
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
function yearsBetween(from: Ymd, to: Ymd): number {
  return to.y - from.y - (to.m * 100 + to.d < from.m * 100 + from.d ? 1 : 0);
}
/** Same day of the month, months later; the last day of the month when that day does not exist (Jan 31 + 1 → Feb 28/29). */
function addMonths({ y, m, d }: Ymd, months: number): string {
  if (Math.abs(months) > 12_000) fail('too many months');
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
