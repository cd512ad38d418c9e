import type { ErrorDetail } from '../../common/errors/domain-errors.js';
import { pointerSegment } from '../../common/json/json-pointer.js';
import { LIMITS } from './ruleset-definition.schema.js';

// What the schema cannot see in named conditions (docs/adr/0034-bounds-on-what-analysts-write.md): a reference to a name
// that is not defined (inherited names such as "constructor" included), a cycle, and an expansion past what one
// run may evaluate. A rule set with any of these used to be saved and then fail or hang at evaluation.

type Json = Record<string, unknown>;

interface Reference {
  name: string;
  /** JSON Pointer of the `condition` property that names it. */
  path: string;
}

export function namedConditionProblems(named: Record<string, Json>, rules: Json[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const pathOf = (name: string) => `/definition/conditions/${pointerSegment(name)}`;
  for (const [name, condition] of Object.entries(named))
    if (!hasRoot(condition))
      problems.push({ path: pathOf(name), message: 'must start with all, any, not or a named condition' });
  const references = new Map(Object.entries(named).map(([name, c]) => [name, referencesIn(c, pathOf(name))]));
  const cycles = cycleProblems(named, references);
  problems.push(...cycles);
  // Sizes are only defined without cycles (and a cycle is refused anyway).
  if (cycles.length > 0) return problems;
  const expanded = expansion(named);
  let total = 0;
  rules.forEach((rule, i) => {
    const { size, depth } = expanded(rule['conditions']);
    total += size;
    if (size > LIMITS.expandedConditionsPerRule)
      problems.push({
        path: `/definition/rules/${i}/conditions`,
        message: `holds more than ${LIMITS.expandedConditionsPerRule} conditions once its named conditions are put in place; a named condition used many times inside another multiplies`,
      });
    else if (depth > LIMITS.expandedConditionDepth)
      problems.push({
        path: `/definition/rules/${i}/conditions`,
        message: `nests deeper than ${LIMITS.expandedConditionDepth} levels once its named conditions are put in place; shorten the chain of named conditions inside one another`,
      });
  });
  // A rule past its own limit already says why; the total would only repeat it.
  const ruleRefused = problems.some((p) => p.path.startsWith('/definition/rules/'));
  if (total > LIMITS.expandedConditions && !ruleRefused)
    problems.push({
      path: '/definition/rules',
      message: `the rules hold more than ${LIMITS.expandedConditions} conditions in all once named conditions are put in place; split the rule set`,
    });
  return problems;
}

/** A reference is to a name the rule set defines as its own: `"toString" in named` is true for any object. */
export function definesCondition(named: Record<string, Json>, name: unknown): boolean {
  return typeof name === 'string' && Object.hasOwn(named, name);
}

const hasRoot = (c: Json): boolean =>
  c !== null && typeof c === 'object' && ('all' in c || 'any' in c || 'not' in c || 'condition' in c);

function referencesIn(condition: unknown, path: string, out: Reference[] = []): Reference[] {
  if (condition === null || typeof condition !== 'object') return out;
  const c = condition as Json;
  for (const group of ['all', 'any'] as const)
    if (Array.isArray(c[group])) c[group].forEach((item, i) => referencesIn(item, `${path}/${group}/${i}`, out));
  if (c['not'] && typeof c['not'] === 'object') referencesIn(c['not'], `${path}/not`, out);
  if (typeof c['condition'] === 'string') out.push({ name: c['condition'], path: `${path}/condition` });
  return out;
}

/** Each reference that closes a cycle (a named condition reached again from itself), named by its path. */
function cycleProblems(named: Record<string, Json>, references: Map<string, Reference[]>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  // Depth-first, without recursion: 200 named conditions in a chain must not use up the stack.
  for (const start of references.keys()) {
    if (done.has(start)) continue;
    const stack: { name: string; next: number }[] = [{ name: start, next: 0 }];
    onPath.push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const refs = references.get(top.name) ?? [];
      if (top.next >= refs.length) {
        done.add(top.name);
        onPath.pop();
        stack.pop();
        continue;
      }
      const ref = refs[top.next++]!;
      if (!definesCondition(named, ref.name) || done.has(ref.name)) continue;
      const at = onPath.indexOf(ref.name);
      if (at >= 0) {
        const cycle = [...onPath.slice(at), ref.name].map((n) => `"${n}"`).join(' → ');
        problems.push({
          path: ref.path,
          message: `closes a cycle of named conditions (${cycle}); a condition cannot depend on itself`,
        });
        continue;
      }
      onPath.push(ref.name);
      stack.push({ name: ref.name, next: 0 });
    }
  }
  return problems;
}

/**
 * A condition as it is once every reference is put in place, each named condition measured once (memoized; cycles
 * are excluded before): the leaves it holds (capped just past the limit, so 100^199 is counted, not expanded) and
 * the levels it nests. The recursion follows the chain: at most 200 named conditions of 12 levels each.
 */
function expansion(named: Record<string, Json>): (condition: unknown) => Measure {
  const cap = LIMITS.expandedConditions + 1;
  const measured = new Map<string, Measure>();
  const measure = (c: unknown): Measure => {
    if (c === null || typeof c !== 'object') return NOTHING;
    const node = c as Json;
    let size = 0;
    let depth = 0;
    const add = (inner: Measure) => {
      size = Math.min(cap, size + inner.size);
      depth = Math.max(depth, inner.depth);
    };
    for (const group of ['all', 'any'] as const)
      if (Array.isArray(node[group])) for (const item of node[group]) add(measure(item));
    if (node['not'] && typeof node['not'] === 'object') add(measure(node['not']));
    const ref = node['condition'];
    if (typeof ref === 'string') {
      if (!definesCondition(named, ref)) return { size: size + 1, depth: depth + 1 };
      let known = measured.get(ref);
      if (known === undefined) measured.set(ref, (known = measure(named[ref])));
      add(known);
    }
    if (typeof node['fact'] === 'string' || 'operator' in node) size = Math.min(cap, size + 1);
    return { size, depth: depth + 1 };
  };
  return measure;
}

interface Measure {
  size: number;
  depth: number;
}
const NOTHING: Measure = { size: 0, depth: 0 };
