import type { ErrorDetail } from '../errors/domain-errors.js';
import { DATA_KEYWORDS, resolveLocalRef, schemaObjects } from './schema-walk.js';
import { SchemaWork } from './schema-work.js';

/**
 * What a JSON Schema written by an analyst (facts, prompt variables, an expected answer's shape) may cost. ajv
 * compiles a schema into code (a large one in a worker thread, docs/adr/0035), and then runs it on every
 * request: both must stay short (docs/adr/0034). Measured on this machine: ajv compiles 500 subschemas in 100–450 ms and 2 000 in
 * about a second; the invoice pilot's fact schema has 48.
 */
export const SCHEMA_LIMITS = {
  /** Subschemas (objects) written in the schema. */
  subschemas: 500,
  /** Subschemas once every `$ref` is put in place: what one validation may visit for one value. */
  expanded: 10_000,
  /**
   * `uniqueItems` compares every pair of items unless they are of a scalar type: n² for lists of objects. Twenty
   * objects filling a 0.9 MB body took 68 ms to compare, 500 took 1–5 s.
   */
  uniqueItemsMaxItems: 10,
  /**
   * Values an `enum` may list. ajv compared a value with each in turn (5 000 objects against 5 000 items held the
   * service 3–7 s); the service's `enum` now finds scalars in a set (hashed-enum.mjs), but objects and lists are
   * still compared field by field, so few of them are allowed. The JSON of one `enum` or `const` is bounded too.
   */
  enumValues: 1_000,
  enumStructuredValues: 20,
  enumBytes: 32 * 1024,
  constBytes: 4 * 1024,
  /**
   * Subschemas that check one value at once (its `anyOf`, `oneOf`, `allOf` branches and `$ref`s put in place,
   * schema-work.ts). ajv keeps an error for each branch that fails before one passes, and the cost of each grows
   * with their number: 0.04 µs per subschema applied at 33 branches, 0.4 at 441 (a list of 100 000 items under
   * such an `anyOf` held the service 13 s).
   */
  widest: 64,
} as const;

const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);

type Json = Record<string, unknown>;

/** The places where a schema costs too much to compile or to validate with; `base` is its JSON Pointer. */
export function schemaCostProblems(schema: unknown, base: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const { node: s, path } of schemaObjects(schema, base)) {
    // ajv would compile an asynchronous validator: its answer is a promise, which reads as "valid" wherever a
    // boolean is expected, and its rejection for bad input ended the process.
    if (Object.hasOwn(s, '$async'))
      problems.push({
        path: `${path}/$async`,
        message: 'asks for asynchronous validation, which this service does not do: remove $async',
      });
    if (s['uniqueItems'] === true && !scalarItems(s['items'])) {
      const max = s['maxItems'];
      if (typeof max !== 'number' || max > SCHEMA_LIMITS.uniqueItemsMaxItems)
        problems.push({
          path: `${path}/uniqueItems`,
          message: `needs maxItems of at most ${SCHEMA_LIMITS.uniqueItemsMaxItems} beside it, or items of a scalar type: comparing every pair of a long list of objects takes seconds`,
        });
    }
    problems.push(...dataProblems(s, path));
  }
  const subschemas = subschemaCount(schema);
  if (subschemas > SCHEMA_LIMITS.subschemas)
    problems.push({
      path: base,
      message: `has ${subschemas} subschemas; the limit is ${SCHEMA_LIMITS.subschemas} (compiling it would hold the service up)`,
    });
  else if (expandedSize(schema) > SCHEMA_LIMITS.expanded)
    problems.push({
      path: base,
      message: `refers to its definitions so many times that it holds more than ${SCHEMA_LIMITS.expanded} subschemas once every $ref is put in place; validating one value would take seconds`,
    });
  return problems;
}

/**
 * The subschemas (objects) written in a schema, data keywords (`enum`, `const`…) aside: what the limit counts,
 * and what decides where a schema is compiled (SchemaValidators).
 */
export function subschemaCount(schema: unknown): number {
  let count = 0;
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      // One at a time: spread as arguments, an array of 200 000 items (`x-note`, `allOf`) overflowed the stack (500).
      for (const item of node as unknown[]) stack.push(item);
      continue;
    }
    count++;
    for (const [key, value] of Object.entries(node as Json)) if (!DATA_KEYWORDS.has(key)) stack.push(value);
  }
  return count;
}

/**
 * The place where a value would be checked against more than SCHEMA_LIMITS.widest subschemas at once. Asked once
 * the schema is within the other limits and its references resolve (`schemaProblems`): a recursion that doubles at
 * each level is named as such first, though it is also too wide.
 */
export function schemaWidthProblems(schema: unknown, base: string): ErrorDetail[] {
  const { count, first } = new SchemaWork(schema).widest();
  if (count <= SCHEMA_LIMITS.widest) return [];
  let path = base;
  for (const { node, path: at } of schemaObjects(schema, base))
    if (node === first) {
      path = at;
      break;
    }
  return [
    {
      path,
      message: `checks one value against ${count} subschemas at once (its anyOf, oneOf and allOf branches and $refs put in place); at most ${SCHEMA_LIMITS.widest} are allowed: an enum lists many allowed values far more cheaply`,
    },
  ];
}

/** What `enum` and `const` may hold: see SCHEMA_LIMITS. */
function dataProblems(s: Json, path: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const values = s['enum'];
  if (Array.isArray(values)) {
    const structured = values.filter((v) => v !== null && typeof v === 'object').length;
    if (values.length > SCHEMA_LIMITS.enumValues)
      problems.push({
        path: `${path}/enum`,
        message: `lists ${values.length} values; at most ${SCHEMA_LIMITS.enumValues} are allowed (a longer list belongs in a reference table)`,
      });
    else if (structured > SCHEMA_LIMITS.enumStructuredValues)
      problems.push({
        path: `${path}/enum`,
        message: `lists ${structured} objects or lists; at most ${SCHEMA_LIMITS.enumStructuredValues} are allowed (each is compared field by field)`,
      });
    else if (jsonBytes(values) > SCHEMA_LIMITS.enumBytes)
      problems.push({
        path: `${path}/enum`,
        message: `is ${jsonBytes(values)} bytes of JSON; at most ${SCHEMA_LIMITS.enumBytes} are allowed`,
      });
  }
  if (Object.hasOwn(s, 'const') && jsonBytes(s['const']) > SCHEMA_LIMITS.constBytes)
    problems.push({
      path: `${path}/const`,
      message: `is ${jsonBytes(s['const'])} bytes of JSON; at most ${SCHEMA_LIMITS.constBytes} are allowed`,
    });
  return problems;
}

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '');

function scalarItems(items: unknown): boolean {
  if (items === null || typeof items !== 'object' || Array.isArray(items)) return false;
  const type = (items as Json)['type'];
  const types = Array.isArray(type) ? type : [type];
  return types.length > 0 && types.every((t) => typeof t === 'string' && SCALAR_TYPES.has(t));
}

/**
 * Subschemas with every local `$ref` (`#/…`) counted as the size of what it points to, each target counted once
 * and capped just past the limit. A reference back into a schema being counted counts 1: a recursive schema
 * follows the data, which the body limits bound.
 */
function expandedSize(root: unknown): number {
  const cap = SCHEMA_LIMITS.expanded + 1;
  const sizes = new Map<object, number>();
  const counting = new Set<object>();
  const size = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 0;
    if (Array.isArray(node)) return node.reduce((n: number, item) => Math.min(cap, n + size(item)), 0);
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (counting.has(node)) return 1;
    counting.add(node);
    let n = 1;
    for (const [key, value] of Object.entries(node as Json)) {
      if (key === '$ref' && typeof value === 'string') n = Math.min(cap, n + size(resolveLocalRef(root, value)));
      else if (!DATA_KEYWORDS.has(key)) n = Math.min(cap, n + size(value));
    }
    counting.delete(node);
    sizes.set(node, n);
    return n;
  };
  return size(root);
}
