// Recursive JSON Schemas whose validation doubles with each level of the data.
import { DATA_KEYWORDS, resolveLocalRef, schemaObjects } from './schema-walk.js';

type Json = Record<string, unknown>;

/**
 * Where a subschema applies, relative to the value its parent applies to: the same value (`''`), the member
 * `p:<name>`, any member (`p*`), the item `i:<index>`, any item (`i*`), or a property name (`n`).
 */
type Step = string;

/** Visits of subschemas before the walk gives up (expandedSize in schema-cost.ts bounds real schemas far below). */
const MAX_VISITS = 20_000;

/**
 * The `$ref` at which a recursive schema refers back to itself a second time for the same value, or undefined.
 *
 * A recursive schema is linear in the data when each value meets the recursion once: a list's `items`, a tree's
 * `left` and `right`. When two references to the same schema apply to the same value (`allOf` or `oneOf` of two
 * `items` that each refer back, `items` beside `contains`, a member matched by `properties` and by
 * `patternProperties`), each level doubles the work: a 60-byte body nested 26 deep held the service 7.9 s. So the
 * paths from a schema back to itself, written as the data steps they take, must be a prefix code: no path's steps
 * may match the start of another's (a member wildcard matches any member, any item matches any item). A path with
 * no step at all (`allOf: [{$ref: '#'}]`) matches everything: a schema that applies to itself on the same value.
 */
export function branchingRecursion(root: unknown): string | undefined {
  const pointers = new Map<object, string>();
  for (const { node, path } of schemaObjects(root, '')) pointers.set(node, path);
  const targets = new Set<Json>();
  for (const { node } of schemaObjects(root, ''))
    for (const keyword of ['$ref', '$dynamicRef'])
      if (typeof node[keyword] === 'string') {
        const target = resolveLocalRef(root, node[keyword]);
        if (target !== null && typeof target === 'object' && !Array.isArray(target)) targets.add(target as Json);
      }
  for (const target of targets) {
    const found = returnsTo(root, target, pointers);
    if (found) return found;
  }
  return undefined;
}

/** The `$ref` (JSON Pointer) of a second path back to `target` that overlaps an earlier one, if any. */
function returnsTo(root: unknown, target: Json, pointers: Map<object, string>): string | undefined {
  const returns: Step[][] = [];
  let visits = 0;
  let clash: string | undefined;
  const walk = (node: unknown, steps: Step[], following: Set<object>): void => {
    if (clash || ++visits > MAX_VISITS || node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const schema = node as Json;
    for (const keyword of ['$ref', '$dynamicRef']) {
      const ref = schema[keyword];
      if (typeof ref !== 'string') continue;
      const next = resolveLocalRef(root, ref);
      if (next === target) {
        // No step at all: the schema applies to itself on the same value, without end.
        if (steps.length === 0 || returns.some((earlier) => overlap(earlier, steps)))
          clash = `${pointers.get(schema) ?? ''}/${keyword}`;
        returns.push(steps);
      } else if (next !== null && typeof next === 'object' && !following.has(next)) {
        // Another recursion is judged from its own schema: followed once here, not around its loop.
        walk(next, steps, new Set(following).add(next));
      }
    }
    for (const [key, value] of Object.entries(schema)) {
      if (DATA_KEYWORDS.has(key) || value === null || typeof value !== 'object') continue;
      for (const [step, sub] of applied(key, value)) walk(sub, step === '' ? steps : [...steps, step], following);
    }
  };
  walk(target, [], new Set([target]));
  return clash;
}

/** The subschemas a keyword applies, each with the step it takes into the data; none for what applies nothing. */
function applied(key: string, value: object): [Step, unknown][] {
  const members = (step: (name: string) => Step) =>
    Array.isArray(value) ? [] : Object.entries(value).map(([name, sub]): [Step, unknown] => [step(name), sub]);
  const each = (step: Step) => (Array.isArray(value) ? value : [value]).map((sub): [Step, unknown] => [step, sub]);
  switch (key) {
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
    case 'not':
    case 'if':
    case 'then':
    case 'else':
      return each('');
    case 'dependentSchemas':
      return members(() => '');
    case 'properties':
      return members((name) => `p:${name}`);
    case 'patternProperties':
      return members(() => 'p*');
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return each('p*');
    case 'propertyNames':
      return each('n');
    case 'items':
    case 'prefixItems':
      // A tuple's places are items of their own (draft 7 writes a tuple as `items: [...]`).
      if (Array.isArray(value)) return value.map((sub, i): [Step, unknown] => [`i:${i}`, sub]);
      return each('i*');
    case 'additionalItems':
    case 'unevaluatedItems':
    case 'contains':
      return each('i*');
    default:
      return []; // `$defs`, annotations: applied only through a `$ref`, followed there
  }
}

/** Whether the shorter path's steps can match the start of the longer's: the same value reached both ways. */
function overlap(a: Step[], b: Step[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (!sameValue(a[i]!, b[i]!)) return false;
  return true;
}

function sameValue(a: Step, b: Step): boolean {
  if (a === b) return true;
  // Any member may be a named one (`patternProperties` beside `properties`), any item one of a tuple's places.
  const wildcard = (w: Step, named: Step) => w.endsWith('*') && named.startsWith(`${w.slice(0, -1)}:`);
  return wildcard(a, b) || wildcard(b, a);
}
