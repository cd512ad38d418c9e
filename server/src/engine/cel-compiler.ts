import type { ASTNode } from '@marcbachmann/cel-js';
import { charge, type Code, type Run } from './cel-budget.js';
import { FUNCTIONS } from './cel-functions.js';
import { BINARY } from './cel-operators.js';
import { regexReplacer } from './cel-regex.js';
import { INHERITED } from './inherited-names.js';
import { sharedString } from './shared-strings.js';
import { bool, EvaluationFailure, fail, isMap, num, str, type Json } from './cel-values.js';

// Compiles a cel-js syntax tree into closures that charge the budget as they run; refuses what cannot be bounded.

/** An expression that cannot be saved: syntax, an unknown function, a nested comprehension... */
export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly position?: number,
  ) {
    super(position === undefined ? message : `${message} (at character ${position + 1})`);
    this.name = 'ExpressionSyntaxError';
  }
}

export interface Scope {
  locals: Map<string, number>;
  inComprehension: boolean;
  /** The version's computed facts and lookups by slot in `Run.values`, when compiled for a version. */
  slots?: ReadonlyMap<string, number>;
}

export function compileNode(node: ASTNode, scope: Scope): Code {
  const args = node.args as unknown;
  switch (node.op) {
    case 'value':
      return literal(args, node.pos);
    case 'id':
      return identifier(args as string, scope);
    case '.': {
      const [target, name] = args as [ASTNode, string];
      const field = sharedString(name);
      const fused =
        target.op === 'id'
          ? fieldOfName(target.args as string, field, INHERITED.has(field) ? field_ : ownField, scope)
          : undefined;
      if (fused) return fused;
      const object = compileNode(target, scope);
      if (INHERITED.has(field))
        return (run) => {
          charge(run, 1);
          return field_(object(run), field);
        };
      return (run) => {
        charge(run, 1);
        return ownField(object(run), field);
      };
    }
    case '[]': {
      const [target, key] = compileEach(args as [ASTNode, ASTNode], scope) as [Code, Code];
      return (run) => {
        charge(run, 1);
        return index(target(run), key(run));
      };
    }
    case 'list': {
      const items = compileEach(args as ASTNode[], scope);
      return (run) => {
        charge(run, 1 + items.length);
        return items.map((item) => item(run));
      };
    }
    case 'map': {
      const pairs = args as [ASTNode, ASTNode][];
      // A key that could never be stored: the fact was absent from every run (an API probe saved one).
      const reserved = pairs.find(([k]) => k.op === 'value' && k.args === '__proto__');
      if (reserved) throw new ExpressionSyntaxError('a map key may not be "__proto__"', reserved[0].pos);
      // Keys written as string literals (the usual case) are checked once, here, not on every run.
      if (pairs.every(([k]) => k.op === 'value' && typeof k.args === 'string' && k.args !== '__proto__'))
        return mapLiteral(pairs, scope);
      // Compiled key, value, key, value…: the first that cannot compile is the one reported, as before.
      const codes = compileEach(pairs.flat(), scope);
      const entries = pairs.map((_, i) => [codes[2 * i]!, codes[2 * i + 1]!] as const);
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
    case '?:':
      return conditional(args as [ASTNode, ASTNode, ASTNode], scope);
    case '&&': {
      const [a, b] = compileEach(args as ASTNode[], scope) as [Code, Code];
      return (run) => bool(a(run)) && bool(b(run));
    }
    case '||': {
      const [a, b] = compileEach(args as ASTNode[], scope) as [Code, Code];
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
      if (name === 'replace' && receiver.op === 'id' && receiver.args === 'regex')
        return regexReplace(callArgs, scope, node.pos);
      return call(name, receiver, callArgs, scope, node.pos);
    }
    default:
      if (node.op in BINARY) {
        const [a, b] = compileEach(args as ASTNode[], scope) as [Code, Code];
        const op = BINARY[node.op]!;
        return (run) => {
          charge(run, 1);
          return op(run, a(run), b(run));
        };
      }
      throw new ExpressionSyntaxError(`"${node.op}" is not supported in computed facts`, node.pos);
  }
}

/**
 * Compiles each node. Not written inline as `nodes.map((n) => compileNode(n, scope))`: that arrow would put
 * `scope` in its function's closure context, which every Code made there shares, so each compiled expression
 * of a cached version kept its scope alive (the version's slot map, the comprehension's locals).
 */
function compileEach(nodes: readonly ASTNode[], scope: Scope): Code[] {
  return nodes.map((node) => compileNode(node, scope));
}

/**
 * Builds the map literal `{"a": …, "b": …}` as a JavaScript object literal of the same keys, each value computed
 * in order as before. V8 creates such an object from one template; setting the keys one by one went through a
 * generic keyed store for each, 3–7 times slower, and maps are most of what the invoice pilot's computed facts
 * build. Each key is written as a JSON string, which is a JavaScript string literal: no key is read as code.
 * `__proto__` never comes here (in a literal it would set the prototype).
 */
function mapBuilder(keys: string[], constant: boolean[]): (values: unknown[], run: Run) => Json {
  const properties = keys
    .map((key, i) => `${JSON.stringify(key)}: values[${i}]${constant[i] ? '' : '(run)'}`)
    .join(', ');
  // eslint-disable-next-line no-restricted-syntax -- the analyst's keys are JSON string literals here, never code
  return new Function('values', 'run', `return { ${properties} };`) as (values: unknown[], run: Run) => Json;
}

/**
 * `{"k": v, …}` with keys written as strings. A value written as a literal is put in as it is, not as a Code
 * returning it: a closure and its context less each (the invoice pilot's maps hold about 60 such values).
 * Apart from compileNode, as the functions below: what a Code's closure shares its context with stays small.
 */
function mapLiteral(pairs: [ASTNode, ASTNode][], scope: Scope): Code {
  const constant = pairs.map(([, value]) => value.op === 'value');
  const build = mapBuilder(
    pairs.map(([key]) => key.args as string),
    constant,
  );
  const values = mapValues(pairs, constant, scope);
  return (run) => {
    charge(run, 1 + values.length);
    return build(values, run);
  };
}

/** Each value's Code, or the value itself where it is a literal: a list of exactly their number. */
function mapValues(pairs: [ASTNode, ASTNode][], constant: boolean[], scope: Scope): unknown[] {
  return pairs.map(([, value], i) => (constant[i] ? constantOf(value) : compileNode(value, scope)));
}

/** `test ? a : b`; a branch written as a literal (50 of the invoice pilot's 53) is its value, not a Code. */
function conditional([testNode, thenNode, otherwiseNode]: [ASTNode, ASTNode, ASTNode], scope: Scope): Code {
  const test = compileNode(testNode, scope);
  const thenConstant = thenNode.op === 'value';
  const otherwiseConstant = otherwiseNode.op === 'value';
  if (thenConstant && otherwiseConstant) return constantBranches(test, constantOf(thenNode), constantOf(otherwiseNode));
  if (thenConstant) return constantThen(test, constantOf(thenNode), compileNode(otherwiseNode, scope));
  if (otherwiseConstant) return constantOtherwise(test, compileNode(thenNode, scope), constantOf(otherwiseNode));
  return branches(test, compileNode(thenNode, scope), compileNode(otherwiseNode, scope));
}
const constantBranches =
  (test: Code, then: unknown, otherwise: unknown): Code =>
  (run) =>
    bool(test(run)) ? then : otherwise;
const constantThen =
  (test: Code, then: unknown, otherwise: Code): Code =>
  (run) =>
    bool(test(run)) ? then : otherwise(run);
const constantOtherwise =
  (test: Code, then: Code, otherwise: unknown): Code =>
  (run) =>
    bool(test(run)) ? then(run) : otherwise;
const branches =
  (test: Code, then: Code, otherwise: Code): Code =>
  (run) =>
    bool(test(run)) ? then(run) : otherwise(run);

/** The value of a literal node, as its Code would return it (and refused as it would be). */
function constantOf(node: ASTNode): unknown {
  return literal(node.args, node.pos)(undefined as never);
}

function literal(value: unknown, pos: number): Code {
  let v: unknown = typeof value === 'string' ? sharedString(value) : value;
  if (typeof value === 'bigint') v = Number(value);
  else if (value !== null && typeof value === 'object')
    throw new ExpressionSyntaxError('unsigned and bytes literals are not supported; numbers are plain numbers', pos);
  return () => v;
}

/** A computed fact or lookup of the version: read by its slot, no name to look up in an object. */
function computedOrGiven(run: Run, slot: number, name: string): unknown {
  const computed = run.values[slot];
  if (computed !== undefined) return computed;
  return Object.hasOwn(run.facts, name) ? run.facts[name] : fail(`no fact "${name}"`);
}

/** Compiled for a version, every computed fact and lookup has a slot: any other name is one of the caller's facts. */
function given(run: Run, name: string): unknown {
  const value = run.facts[name];
  return value !== undefined || Object.hasOwn(run.facts, name) ? value : fail(`no fact "${name}"`);
}

/**
 * `name.field` as one Code where `name` is a local, a computed fact or a caller's fact of a version (176 of the
 * invoice pilot's 985 syntax nodes): a Code for the name and one for the field weighed about 100 bytes more,
 * closure and context, in every version. Charged and failing as the two did; undefined for other names.
 */
function fieldOfName(
  written: string,
  field: string,
  read: (object: unknown, field: string) => unknown,
  scope: Scope,
): Code | undefined {
  const name = sharedString(written);
  const slot = scope.locals.get(name);
  if (slot !== undefined)
    return (run) => {
      charge(run, 1);
      return read(run.locals[slot], field);
    };
  const computedSlot = scope.slots?.get(name);
  if (computedSlot !== undefined)
    return (run) => {
      charge(run, 1);
      return read(computedOrGiven(run, computedSlot, name), field);
    };
  if (scope.slots && !INHERITED.has(name))
    return (run) => {
      charge(run, 1);
      return read(given(run, name), field);
    };
  return undefined;
}

function identifier(written: string, scope: Scope): Code {
  const name = sharedString(written); // kept by the Code: not a slice of the expression's source
  const slot = scope.locals.get(name);
  if (slot !== undefined) return (run) => run.locals[slot];
  const computedSlot = scope.slots?.get(name);
  if (computedSlot !== undefined) return (run) => computedOrGiven(run, computedSlot, name);
  if (scope.slots && !INHERITED.has(name)) return (run) => given(run, name);
  if (INHERITED.has(name))
    return (run) => {
      const computed = Object.hasOwn(run.computed, name) ? run.computed[name] : undefined;
      if (computed !== undefined) return computed;
      return Object.hasOwn(run.facts, name) ? run.facts[name] : fail(`no fact "${name}"`);
    };
  // A name no plain object inherits: a plain read finds own values only, so `hasOwn` is asked only on a miss.
  return (run) => {
    const computed = run.computed[name];
    if (computed !== undefined) return computed;
    const given = run.facts[name];
    return given !== undefined || Object.hasOwn(run.facts, name) ? given : fail(`no fact "${name}"`);
  };
}

function field_(object: unknown, field: string): unknown {
  if (!isMap(object) || !Object.hasOwn(object, field)) fail(`no field "${field}"`);
  return object[field];
}

/** field_ for a name no plain object inherits (see INHERITED); a function (a method, never JSON) is no field. */
function ownField(object: unknown, field: string): unknown {
  if (!isMap(object)) fail(`no field "${field}"`);
  const value = object[field];
  if (value === undefined || typeof value === 'function')
    return Object.hasOwn(object, field) ? value : fail(`no field "${field}"`);
  return value;
}

function index(target: unknown, key: unknown): unknown {
  if (Array.isArray(target)) {
    if (typeof key !== 'number' || !Number.isInteger(key) || key < 0 || key >= target.length)
      fail('list index out of range');
    return target[key];
  }
  if (isMap(target) && typeof key === 'string' && Object.hasOwn(target, key)) return target[key];
  return fail(`no key ${JSON.stringify(key)}`);
}

/** `has(a.b.c)`: true when every step of the path exists and is not null. */
function has(args: ASTNode[], scope: Scope, pos: number): Code {
  const fields: string[] = [];
  let node = args.length === 1 ? args[0] : undefined;
  while (node && node.op === '.') {
    const [target, field] = node.args as [ASTNode, string];
    fields.unshift(sharedString(field));
    node = target;
  }
  const path = fields.slice(); // kept by the Code: without the room unshift left, a few KB a version
  if (!node || node.op !== 'id')
    throw new ExpressionSyntaxError('has() takes a fact or a field path, e.g. has(invoice.gst)', pos);
  const root = identifier(node.args as string, scope);
  // Most paths name no inherited field: then no list of flags is kept.
  const inherited = path.some((field) => INHERITED.has(field)) ? path.map((field) => INHERITED.has(field)) : undefined;
  return (run) => {
    charge(run, 1 + path.length);
    let value: unknown;
    try {
      value = root(run);
    } catch (err) {
      if (err instanceof EvaluationFailure) return false;
      throw err;
    }
    for (let i = 0; i < path.length; i++) {
      if (!isMap(value)) return false;
      const field = path[i]!;
      // As ownField: a name no plain object inherits is read directly (absent reads as undefined, so false).
      value = inherited?.[i] ? (Object.hasOwn(value, field) ? value[field] : undefined) : value[field];
      if (typeof value === 'function') return false;
    }
    return value !== null && value !== undefined;
  };
}

/** `cel.bind(name, value, body)`: a local name for a value. */
function bind(args: ASTNode[], scope: Scope, pos: number): Code {
  const [variable, init, body] = args;
  if (args.length !== 3 || variable?.op !== 'id')
    throw new ExpressionSyntaxError('cel.bind takes a name, a value and an expression', pos);
  const value = compileNode(init!, scope);
  const slot = scope.locals.size;
  const inner: Scope = { ...scope, locals: new Map(scope.locals).set(variable.args as string, slot) };
  const code = compileNode(body!, inner);
  return (run) => {
    run.locals[slot] = value(run);
    return code(run);
  };
}

/**
 * `regex.replace(text, pattern, replacement)`: every match of the pattern replaced. The pattern and the
 * replacement are written in the expression (so they are checked when it is saved, and compiled once).
 */
function regexReplace(args: ASTNode[], scope: Scope, pos: number): Code {
  const literal = (arg?: ASTNode) => (arg?.op === 'value' && typeof arg.args === 'string' ? arg.args : undefined);
  const [target, pattern, replacement] = [args[0], literal(args[1]), literal(args[2])];
  if (args.length !== 3 || pattern === undefined || replacement === undefined)
    throw new ExpressionSyntaxError(
      'regex.replace takes a text, then a pattern and a replacement written as strings: regex.replace(s, "[ -]", "")',
      pos,
    );
  const replacer = regexReplacer(pattern, replacement);
  if (typeof replacer === 'string') throw new ExpressionSyntaxError(`regex.replace: ${replacer}`, pos);
  const text = compileNode(target!, scope);
  return (run) => {
    charge(run, 1);
    return replacer(run, str(text(run)));
  };
}

const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

/** The only iteration: over a list (or a map's keys) that exists, never nested, each step charged. */
function comprehension(name: string, receiver: ASTNode, args: ASTNode[], scope: Scope, pos: number): Code {
  const variable = args[0];
  const arity = name === 'map' ? [2, 3] : [2];
  if (!variable || variable.op !== 'id' || !arity.includes(args.length)) {
    throw new ExpressionSyntaxError(
      `${name}() takes a variable name and ${name === 'map' ? 'an expression (or a filter and an expression)' : 'a condition'}`,
      pos,
    );
  }
  if (scope.inComprehension)
    throw new ExpressionSyntaxError(
      `${name}() inside another comprehension is not allowed: its cost grows with the square of the list`,
      pos,
    );
  const range = compileNode(receiver, scope);
  const slot = scope.locals.size;
  const inner: Scope = {
    ...scope,
    locals: new Map(scope.locals).set(variable.args as string, slot),
    inComprehension: true,
  };
  const [first, second] = compileEach(args.slice(1), inner) as [Code, Code | undefined];
  // Every step pays for the whole body, including the nodes that do not charge for themselves (!, ?:, &&...).
  const perItem = 1 + args.slice(1).reduce((n, a) => n + nodeCount(a), 0);
  const itemsOf = (run: Run): unknown[] => {
    const source = range(run);
    const items = Array.isArray(source)
      ? source
      : isMap(source)
        ? Object.keys(source)
        : fail(`${name}() needs a list or a map`);
    charge(run, 1 + items.length);
    return items;
  };
  // One closure per kind: choosing the kind at every element cost as much as a short body.
  const step = (run: Run, item: unknown): void => {
    charge(run, perItem);
    run.locals[slot] = item;
  };
  switch (name) {
    case 'all':
      return (run) => {
        const items = itemsOf(run);
        for (let i = 0; i < items.length; i++) {
          step(run, items[i]);
          if (!bool(first(run))) return false;
        }
        return true;
      };
    case 'exists':
      return (run) => {
        const items = itemsOf(run);
        for (let i = 0; i < items.length; i++) {
          step(run, items[i]);
          if (bool(first(run))) return true;
        }
        return false;
      };
    case 'exists_one':
      return (run) => {
        const items = itemsOf(run);
        let matches = 0;
        for (let i = 0; i < items.length; i++) {
          step(run, items[i]);
          if (bool(first(run))) matches++;
        }
        return matches === 1;
      };
    case 'filter':
      return (run) => {
        const items = itemsOf(run);
        const out: unknown[] = [];
        for (let i = 0; i < items.length; i++) {
          step(run, items[i]);
          if (bool(first(run))) out.push(items[i]);
        }
        return out;
      };
    default: // map, with a filter when it has three arguments
      if (second)
        return (run) => {
          const items = itemsOf(run);
          const out: unknown[] = [];
          for (let i = 0; i < items.length; i++) {
            step(run, items[i]);
            if (bool(first(run))) out.push(second(run));
          }
          return out;
        };
      return (run) => {
        const items = itemsOf(run);
        const out: unknown[] = [];
        for (let i = 0; i < items.length; i++) {
          step(run, items[i]);
          out.push(first(run));
        }
        return out;
      };
  }
}

function nodeCount(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + nodeCount(x), 0);
  if (node === null || typeof node !== 'object' || !('op' in node)) return 0;
  return 1 + nodeCount((node as ASTNode).args);
}

/** Function names an expression may call, for the schema description and the console. */
export const EXPRESSION_FUNCTIONS = Object.freeze([
  'has',
  ...Object.keys(FUNCTIONS),
  ...COMPREHENSIONS,
  'cel.bind',
  'regex.replace',
]);

function call(name: string, receiver: ASTNode | undefined, args: ASTNode[], scope: Scope, pos: number): Code {
  const found = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!found)
    throw new ExpressionSyntaxError(`unknown function "${name}" (known: ${EXPRESSION_FUNCTIONS.join(', ')})`, pos);
  const all = compileEach(receiver ? [receiver, ...args] : args, scope);
  if (!found.arity.includes(all.length))
    throw new ExpressionSyntaxError(`${name}() does not take ${all.length} argument(s)`, pos);
  const { fn } = found;
  const cost = found.cost ?? 1;
  // One closure per arity: spreading a mapped array cost more than most functions it called.
  const [a, b, c] = all;
  switch (all.length) {
    case 1:
      return (run) => {
        charge(run, cost);
        return fn(run, a!(run));
      };
    case 2:
      return (run) => {
        charge(run, cost);
        return fn(run, a!(run), b!(run));
      };
    case 3:
      return (run) => {
        charge(run, cost);
        return fn(run, a!(run), b!(run), c!(run));
      };
    default:
      return (run) => {
        charge(run, cost);
        return fn(run, ...all.map((arg) => arg(run)));
      };
  }
}
