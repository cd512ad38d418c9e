// Reading the analysts' JSON Schemas where they are split in parts: `allOf`/`anyOf`/`oneOf` and local `$ref`s.

type Json = Record<string, unknown>;

/** How many `$ref`s one chain follows: a schema may refer to itself. */
const MAX_REF_STEPS = 32;

/** The part of a schema a local `$ref` (`#/$defs/x`) points to, or undefined. */
export function resolveSchemaPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}

/** The schemas that apply at one place: each with its `allOf`/`anyOf`/`oneOf` parts and local `$ref`s. */
export function expandSchemas(schemas: unknown[], root: unknown): Json[] {
  const out: Json[] = [];
  const add = (schema: unknown, depth: number): void => {
    if (schema === null || typeof schema !== 'object') return;
    const node = schema as Json;
    out.push(node);
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const)
      if (Array.isArray(node[keyword])) for (const part of node[keyword] as unknown[]) add(part, depth);
    const ref = node['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#') && depth < MAX_REF_STEPS)
      add(resolveSchemaPointer(root, ref.slice(1)), depth + 1);
  };
  for (const schema of schemas) add(schema, 0);
  return out;
}

/** The property names a schema declares for an object, in any of its parts (`properties` only, not patterns). */
export function declaredPropertyNames(schema: unknown): Set<string> {
  const names = new Set<string>();
  for (const node of expandSchemas([schema], schema))
    if (node['properties'] && typeof node['properties'] === 'object')
      for (const name of Object.keys(node['properties'] as object)) names.add(name);
  return names;
}
