import { emptyRecord, type LeafNode, type Node, type RefNode, type Tree } from './condition-nodes.js';
import { NOT_READ, type FactRead, type FactSource } from './fact-read.js';
import type { ConditionTrace } from './trace.js';
import { traceTree } from './trace-steps.js';

// A rule's compiled condition tree written out as one JavaScript function (docs/adr/0009, amended 2026-12-05).
//
// The closures of condition-compiler.ts call each other through a handful of shared call sites (every leaf
// with a plain operator runs the same function body), so V8 sees those sites megamorphic and can neither inline
// nor specialise them. The same tree written as straight-line source gives every leaf its own call sites, keeps
// each leaf's values in locals instead of a per-run record, and lists the trace from those locals.
//
// Nothing an analyst writes becomes source: the text is made only of local names and our own control flow.
// Every fact read, operator, constant and closure is passed in one array and named by its index (`k3`), so a
// fact called `"); process.exit(` is as harmless here as in the closures.

/**
 * A rule as a run calls it: its result as RuleResult.result holds it (truthy: success), and, when `out` is an
 * array, its leaves appended to it in traceRule's order (those of named conditions the run realized only).
 */
export type RuleRun = (source: FactSource, out: ConditionTrace[] | null) => unknown;

/**
 * Past this many nodes once its named conditions are in place (a leaf, a group, a `not` and a reference count one
 * each; 200 leaves and their groups), a rule keeps its closures: writing out and parsing costs about 7 µs a leaf
 * at 200 leaves and 14 µs at 500, and a rule is written out within one request (hot-programs.ts).
 */
export const WRITTEN_OUT_NODE_LIMIT = 400;

/** Whether a rule is small enough to write out (see WRITTEN_OUT_NODE_LIMIT); counting stops past the limit. */
export function writable(root: Node): boolean {
  let left = WRITTEN_OUT_NODE_LIMIT;
  const count = (node: Node): boolean => {
    if (--left < 0) return false;
    switch (node.kind) {
      case 'leaf':
        return true;
      case 'not':
        return count(node.child);
      case 'ref':
        return node.inline ? count(node.inline) : true;
      default:
        return node.children.every(count);
    }
  };
  return count(root);
}

// The words the writer uses: keywords, its parameters and locals, the properties it reads and writes. Local
// names are `t12`, constants `k3`, labels `gt12`; the only quoted text is 'boolean'.
const OWN_WORDS = new Set(
  [
    'const',
    'let',
    'return',
    'function',
    'rule',
    'if',
    'break',
    'true',
    'false',
    'null',
    'undefined',
    'typeof',
    's',
    'm',
    'k',
    't',
  ]
    .concat(['out', 'memo', 'read', 'push', 'fact', 'path', 'operator', 'value', 'factValue', 'result'])
    .concat(['size', 'root', 'run']),
);
const OWN_CHARACTERS = /^[\w\s{}()[\];=!,.:'?]*$/;

/** Whether `source` holds only what the writer writes: no analyst's text can reach it, even by a future mistake. */
function ownSource(source: string): boolean {
  if (!OWN_CHARACTERS.test(source)) return false;
  const unquoted = source.replaceAll("'boolean'", '');
  if (unquoted.includes("'")) return false;
  for (const [word] of unquoted.matchAll(/[A-Za-z_$][\w$]*/g))
    if (!OWN_WORDS.has(word) && !/^(t|k|gt)\d+$/.test(word)) return false;
  return true;
}

/** The rule whose condition tree is `root`, written out (a top-level group gives its raw result, as rule.evaluate does). */
export function generatedRule(root: Node, resolveRef: (name: string) => Tree): RuleRun {
  const writer = new RuleWriter(resolveRef);
  const { result, trace } =
    root.kind === 'all' || root.kind === 'any' ? writer.group(root, root.kind) : writer.value(root);
  const names = writer.constants.map((_, i) => `k${i}`).join(', ');
  const source = [
    `const [${names}] = k;`,
    'return function rule(s, out) {',
    '  const m = s.memo;',
    `  let ${writer.locals()};`,
    ...writer.lines,
    '  if (out !== null) {',
    ...trace.map((line) => `  ${line}`),
    '  }',
    `  return ${result};`,
    '};',
  ].join('\n');
  // Enforced, not only intended: every word is one the writer uses, numbers aside (see ownSource).
  if (!ownSource(source)) throw new Error('a written-out rule holds text the writer did not write');
  // eslint-disable-next-line no-restricted-syntax -- the text is ours (checked above); analysts' values are in `k`
  return (new Function('k', source) as (constants: unknown[]) => RuleRun)(writer.constants);
}

/** What writing a node gives: the local holding its result, and the lines that trace it from the locals. */
interface Written {
  result: string;
  trace: string[];
}

class RuleWriter {
  /** `k0` is the memo's "not read yet", `k1` traceTree: every rule needs them. */
  readonly constants: unknown[] = [NOT_READ, traceTree];
  readonly lines: string[] = [];
  private count = 0;

  constructor(private readonly resolveRef: (name: string) => Tree) {}

  locals(): string {
    return Array.from({ length: this.count }, (_, i) => `t${i}`).join(', ') || 't';
  }

  /** Writes the node's `run` (what its parent sees: a group's result is `=== true`). */
  value(node: Node): Written {
    switch (node.kind) {
      case 'leaf':
        return this.leaf(node);
      case 'not': {
        const child = this.value(node.child);
        return { result: this.assign(`!${child.result}`), trace: child.trace };
      }
      case 'all':
      case 'any': {
        const group = this.group(node, node.kind);
        return { result: this.assign(`${group.result} === true`), trace: group.trace };
      }
      case 'ref':
        return node.inline ? this.inlined(node, node.inline) : this.followed(node);
    }
  }

  /**
   * An all/any group's raw result, as json-rules-engine's prioritizeAndRun gives it: every condition of a
   * priority set runs; only between sets does an `all` stop at a failure or an `any` at a success. Its trace
   * lists the children in their own order, whatever order their priorities ran them in.
   */
  group(node: Node, kind: 'all' | 'any'): Written {
    if (node.kind !== 'all' && node.kind !== 'any') throw new Error(`not a group: ${node.kind}`);
    const { children, sets } = node;
    if (children.length === 0) return { result: 'true', trace: [] };
    if (children.length === 1) return this.value(children[0]!);
    const all = kind === 'all';
    const result = this.local();
    const label = `g${result}`;
    const written = new Map<Node, Written>();
    this.lines.push(`  ${label}: {`);
    for (const set of sets) {
      const met = this.local();
      this.lines.push(`  ${met} = ${all};`);
      for (const child of set) {
        const w = this.value(child);
        written.set(child, w);
        this.lines.push(
          all ? `  if (${w.result} !== true) ${met} = false;` : `  if (${w.result} === true) ${met} = true;`,
        );
      }
      this.lines.push(`  if (${all ? '!' : ''}${met}) { ${result} = ${met}; break ${label}; }`);
    }
    this.lines.push(`  ${result} = ${all};`, '  }');
    return { result, trace: children.flatMap((child) => written.get(child)!.trace) };
  }

  /** A leaf: its fact read (the run's memo first), compared; the locals stay undefined if it never runs. */
  private leaf(node: LeafNode): Written {
    const [left, right, result] = [this.local(), this.local(), this.local()];
    if (!node.op) {
      this.lines.push(`  ${this.constant(unknownOperator(node.operator))}();`);
    } else if (node.rhs) {
      this.read(right, node.rhs);
      this.read(left, node.lhs);
      this.lines.push(`  ${result} = ${this.constant(node.op)}(${left}, ${right});`);
    } else {
      this.read(left, node.lhs);
      this.lines.push(`  ${right} = ${this.constant(node.value)};`);
      this.lines.push(
        node.test
          ? `  ${result} = ${this.constant(node.test)}(${left});`
          : `  ${result} = ${this.constant(node.op)}(${left}, ${right});`,
      );
    }
    if (typeof node.fact !== 'string') return { result, trace: [] }; // traceRule lists string facts only
    // As traceRule reads the library's result: `valueResult ?? value`, and a result that is not a boolean is null.
    const path = node.tracePath === undefined ? '' : ` path: ${this.constant(node.tracePath)},`;
    const trace =
      `  out.push({ fact: ${this.constant(node.fact)},${path} operator: ${this.constant(node.operator)}, ` +
      `value: ${right} ?? ${this.constant(node.value)}, factValue: ${left}, ` +
      `result: typeof ${result} === 'boolean' ? ${result} : null });`;
    return { result, trace: [trace] };
  }

  /** A named condition written in place: its leaves are traced only if the run reached it, as the library's are. */
  private inlined(node: RefNode, body: Node): Written {
    const reached = this.assign('true');
    const written = this.value(body);
    return {
      result: written.result,
      trace: [`  if (${reached} === true) {`, ...written.trace.map((l) => `  ${l}`), '  }'],
    };
  }

  /** A reference followed at run time (it recurses, or is past the inlining limit), in a record of its own. */
  private followed(node: RefNode): Written {
    const tree = this.constant(lazyTree(node.name, this.resolveRef));
    const record = this.assign(`${this.constant(emptyRecord)}(${tree}().size)`);
    const result = this.assign(`${tree}().root.run(s, ${record}, 0)`);
    return { result, trace: [`  if (${record} !== undefined) k1(${tree}(), ${record}, out);`] };
  }

  /** `s.read(read)`, with the run's memo looked at here first: most reads in a rule set are repeats. */
  private read(local: string, read: FactRead): void {
    if (read.index < 0) {
      this.lines.push(`  ${local} = s.read(${this.constant(read)});`);
      return;
    }
    this.lines.push(
      `  ${local} = m[${read.index}];`,
      `  if (${local} === k0) ${local} = s.read(${this.constant(read)});`,
    );
  }

  private assign(expression: string): string {
    const local = this.local();
    this.lines.push(`  ${local} = ${expression};`);
    return local;
  }

  private local(): string {
    return `t${this.count++}`;
  }

  private constant(value: unknown): string {
    return `k${this.constants.push(value) - 1}`;
  }
}

// Module-level, so that the closures keep nothing of the writer alive.

function unknownOperator(operator: string): () => never {
  return () => {
    throw new Error(`Unknown operator: ${operator}`);
  };
}

/** The named condition's tree, looked up when first reached: the library looks names up only when it gets there. */
function lazyTree(name: string, resolveRef: (name: string) => Tree): () => Tree {
  let tree: Tree | undefined;
  return () => (tree ??= resolveRef(name));
}
