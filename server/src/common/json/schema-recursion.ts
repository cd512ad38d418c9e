// Recursive JSON Schemas whose validation doubles with each level of the data.
import type { ErrorDetail } from '../errors/domain-errors.js';
import { DATA_KEYWORDS, resolveLocalRef, schemaObjects } from './schema-walk.js';

type Json = Record<string, unknown>;

/**
 * Where a subschema applies, relative to the value its parent applies to: the member `p:<name>`, any member
 * (`p*`, `patternProperties`), a member not named by its object (`p+<names as JSON>`, `additionalProperties`), the
 * item `i:<index>` of a tuple, the items past a tuple (`i><length>`), any item (`i*`), or a property name (`n`).
 * Keywords that apply to the same value (`allOf`, `anyOf`, `oneOf`, `not`, `if`, `then`, `else`, dependencies)
 * take no step.
 */
type Step = string;

/** A way back from a schema to itself: its steps into the data, and the `then`/`else` it went through. */
interface Return {
  steps: Step[];
  /** For each `if` passed on the way, which branch: paths through `then` and `else` of one `if` never meet. */
  branches: Map<object, 'then' | 'else'>;
}

/**
 * Subschemas visited, and ways back found, before the walk gives up and the schema is refused as too intricate to
 * check: each way is compared with those before it, and 20 000 visits took 0.8 s (a review).
 */
const MAX_VISITS = 2_000;
const MAX_RETURNS = 100;

/**
 * Where a recursive schema would make validation double with each level of the data, as §7 details; none when
 * every value meets each recursion once.
 *
 * A recursive schema is linear in the data when each value meets the recursion once: a list's `items`, a tree's
 * `left` and `right`. When two references to the same schema apply to the same value (`allOf` or `oneOf` of two
 * `items` that each refer back, `items` beside `contains`, a member matched by `properties` and by
 * `patternProperties`), each level doubles the work: a 60-byte body nested 26 deep held the service 7.9 s. So the
 * paths from a schema back to itself, written as the data steps they take, must be a prefix code: no path's steps
 * may match the start of another's (a wildcard matching what it may match), unless they go through the two
 * branches of one `if`, of which ajv runs one. A path with no step at all (`allOf: [{$ref: …}]` back to itself)
 * applies the schema to itself on the same value, without end. A schema whose references cross in more ways than
 * MAX_VISITS is refused rather than passed unchecked.
 */
export function recursionProblems(root: unknown, base: string): ErrorDetail[] {
  const pointers = new Map<object, string>();
  for (const { node, path } of schemaObjects(root, '')) pointers.set(node, path);
  const resolve = resolver(root);
  const targets = new Set<Json>();
  for (const { node } of schemaObjects(root, ''))
    for (const keyword of ['$ref', '$dynamicRef'])
      if (typeof node[keyword] === 'string') {
        const target = resolve(node[keyword]);
        if (target !== null && typeof target === 'object' && !Array.isArray(target)) targets.add(target as Json);
      }
  for (const target of targets) {
    const found = returnsTo(resolve, target, pointers);
    if (found === 'intricate')
      return [
        {
          path: `${base}${pointers.get(target) ?? ''}`,
          message: `is reached through its references in more than ${MAX_VISITS} ways: too intricate to check that validation stays linear; refer to fewer definitions from each other`,
        },
      ];
    if (found !== undefined)
      return [
        {
          path: `${base}${found}`,
          message:
            'refers back to a schema that already applies to the same value by another $ref: validation would double with each level of nesting (refer back once per value, e.g. through one `items`)',
        },
      ];
  }
  return [];
}

/** The `$ref` (JSON Pointer) of a second way back to `target` that meets an earlier one, `intricate`, or none. */
/**
 * Where a `$ref` leads as ajv reads it: inside the schema (schema-walk.ts), or to a subschema by its own `$id`
 * (`"$ref": "node.json"`), which references accept and a walk by pointers alone did not follow (a review passed a
 * doubling schema that way).
 */
function resolver(root: unknown): (ref: string) => unknown {
  const ids: [string, Json][] = [];
  for (const { node } of schemaObjects(root, ''))
    if (node !== root && typeof node['$id'] === 'string') ids.push([node['$id'], node]);
  return (ref) => {
    const local = resolveLocalRef(root, ref);
    if (local !== undefined || ids.length === 0) return local;
    const hash = ref.indexOf('#');
    const document = hash === -1 ? ref : ref.slice(0, hash);
    const named = ids.find(([id]) => id === document || id.endsWith(`/${document}`))?.[1];
    return named && (hash === -1 ? named : resolveLocalRef(named, ref.slice(hash)));
  };
}

function returnsTo(
  resolve: (ref: string) => unknown,
  target: Json,
  pointers: Map<object, string>,
): string | 'intricate' | undefined {
  const returns: Return[] = [];
  let visits = 0;
  let clash: string | undefined;
  const walk = (node: unknown, way: Return, following: Set<object>): void => {
    if (clash !== undefined || node === null || typeof node !== 'object' || Array.isArray(node)) return;
    if (++visits > MAX_VISITS) {
      clash = 'intricate';
      return;
    }
    const schema = node as Json;
    for (const keyword of ['$ref', '$dynamicRef']) {
      const ref = schema[keyword];
      if (typeof ref !== 'string') continue;
      const next = resolve(ref);
      if (next === target) {
        if (way.steps.length === 0 || returns.some((earlier) => meet(earlier, way)))
          clash = `${pointers.get(schema) ?? ''}/${keyword}`;
        else if (returns.length >= MAX_RETURNS) clash = 'intricate';
        returns.push(way);
      } else if (next !== null && typeof next === 'object' && !following.has(next)) {
        // Another recursion is judged from its own schema: followed once here, not around its loop.
        walk(next, way, new Set(following).add(next));
      }
    }
    for (const [key, value] of Object.entries(schema)) {
      if (DATA_KEYWORDS.has(key) || value === null || typeof value !== 'object') continue;
      for (const [step, sub] of applied(schema, key, value)) {
        const branches = key === 'then' || key === 'else' ? new Map(way.branches).set(schema, key) : way.branches;
        walk(sub, { steps: step === '' ? way.steps : [...way.steps, step], branches }, following);
      }
    }
  };
  walk(target, { steps: [], branches: new Map() }, new Set([target]));
  return clash;
}

/** The subschemas a keyword of `schema` applies, each with its step into the data; none for what applies nothing. */
function applied(schema: Json, key: string, value: object): [Step, unknown][] {
  const members = (step: (name: string) => Step) =>
    Array.isArray(value) ? [] : Object.entries(value).map(([name, sub]): [Step, unknown] => [step(name), sub]);
  const each = (step: Step) => (Array.isArray(value) ? value : [value]).map((sub): [Step, unknown] => [step, sub]);
  const tuple = (keyword: string) => {
    const places = schema[keyword];
    return Array.isArray(places) ? places.length : undefined;
  };
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
    case 'dependencies': // draft 7: a schema per member, applied to the same value (a list of names applies none)
      return members(() => '').filter(([, sub]) => !Array.isArray(sub));
    case 'properties':
      return members((name) => `p:${name}`);
    case 'patternProperties':
      return members(() => 'p*');
    case 'additionalProperties': {
      const named = schema['properties'];
      const names = named !== null && typeof named === 'object' ? Object.keys(named).sort() : [];
      return each(`p+${JSON.stringify(names)}`);
    }
    case 'unevaluatedProperties':
      return each('p*');
    case 'propertyNames':
      return each('n');
    case 'prefixItems':
      return Array.isArray(value) ? value.map((sub, i): [Step, unknown] => [`i:${i}`, sub]) : [];
    case 'items': {
      // Draft 7 writes a tuple as `items: [...]`; after `prefixItems`, `items` applies past the tuple.
      if (Array.isArray(value)) return value.map((sub, i): [Step, unknown] => [`i:${i}`, sub]);
      const before = tuple('prefixItems');
      return each(before === undefined ? 'i*' : `i>${before}`);
    }
    case 'additionalItems': {
      const before = tuple('items');
      return each(before === undefined ? 'i*' : `i>${before}`);
    }
    case 'unevaluatedItems':
    case 'contains':
      return each('i*');
    default:
      return []; // `$defs`, annotations: applied only through a `$ref`, followed there
  }
}

/** Whether two ways back can reach the same value: their steps meet, through no two branches of one `if`. */
function meet(a: Return, b: Return): boolean {
  for (const [ifNode, branch] of a.branches) {
    const other = b.branches.get(ifNode);
    if (other !== undefined && other !== branch) return false;
  }
  for (let i = 0; i < Math.min(a.steps.length, b.steps.length); i++)
    if (!sameValue(a.steps[i]!, b.steps[i]!)) return false;
  return true;
}

/** Whether two steps can lead to the same member or item. */
function sameValue(a: Step, b: Step): boolean {
  if (a === b) return true;
  const [kindA, kindB] = [a[0], b[0]];
  if (kindA !== kindB || kindA === 'n') return false;
  return kindA === 'p' ? membersMeet(a, b) : itemsMeet(a, b);
}

function membersMeet(a: Step, b: Step): boolean {
  if (a === 'p*' || b === 'p*') return true;
  const unnamed = (s: Step) => s.startsWith('p+');
  if (unnamed(a) && unnamed(b)) return true;
  if (unnamed(a) || unnamed(b)) {
    const [rest, named] = unnamed(a) ? [a, b] : [b, a];
    return !(JSON.parse(rest.slice(2)) as string[]).includes(named.slice(2));
  }
  return false; // two different names
}

function itemsMeet(a: Step, b: Step): boolean {
  if (a === 'i*' || b === 'i*') return true;
  const past = (s: Step) => s.startsWith('i>');
  if (past(a) && past(b)) return true;
  if (past(a) || past(b)) {
    const [tail, place] = past(a) ? [a, b] : [b, a];
    return Number(place.slice(2)) >= Number(tail.slice(2));
  }
  return false; // two different places of a tuple
}
