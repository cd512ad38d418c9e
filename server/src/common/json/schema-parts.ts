// Reading the analysts' JSON Schemas where they are split in parts: `allOf`/`anyOf`/`oneOf` and `$ref`s.
import { resolveLocalRef } from './schema-walk.js';

type Json = Record<string, unknown>;

/**
 * The schemas that apply at one place: each with its `allOf`/`anyOf`/`oneOf` parts and the `$ref`s that resolve in the schema (schema-walk.ts), each part
 * once. Visiting a part once keeps this linear in the schema: parts that refer twice to the next, 30 deep, had it
 * walk 2^30 paths (a schema may also refer to itself).
 */
export function expandSchemas(schemas: unknown[], root: unknown): Json[] {
  const seen = new Set<Json>();
  const stack = [...schemas].reverse();
  while (stack.length > 0) {
    const schema = stack.pop();
    if (schema === null || typeof schema !== 'object' || seen.has(schema as Json)) continue;
    const node = schema as Json;
    seen.add(node);
    const parts: unknown[] = [];
    // Item by item, not spread as arguments: `allOf` may list 200 000 parts, past what the stack holds.
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const)
      if (Array.isArray(node[keyword])) for (const part of node[keyword] as unknown[]) parts.push(part);
    const ref = node['$ref'];
    if (typeof ref === 'string') parts.push(resolveLocalRef(root, ref));
    for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]);
  }
  return [...seen];
}

/** The property names a schema declares for an object, in any of its parts (`properties` only, not patterns). */
export function declaredPropertyNames(schema: unknown): Set<string> {
  const names = new Set<string>();
  for (const node of expandSchemas([schema], schema))
    if (node['properties'] && typeof node['properties'] === 'object')
      for (const name of Object.keys(node['properties'] as object)) names.add(name);
  return names;
}
