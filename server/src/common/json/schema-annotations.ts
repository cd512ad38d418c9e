// The text a schema carries for people (titles, descriptions, comments), which no validator or mask reads.

type Json = Record<string, unknown>;

/** Keywords whose value is one subschema, or a list of them (`items` either way). */
const SUBSCHEMA = new Set([
  'not',
  'if',
  'then',
  'else',
  'items',
  'additionalItems',
  'contains',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'prefixItems',
]);
/** Keywords whose value names subschemas (a property's name is not a keyword: `properties.title` is a field). */
const NAMED_SUBSCHEMAS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
]);

const isTextAnnotation = (key: string, value: unknown): boolean =>
  typeof value === 'string' &&
  (key === 'title' || key === 'description' || key === '$comment' || /^x-(title|description)(-|$)/.test(key));

/**
 * A copy of the schema without its text annotations: what a validator keeps (ajv keeps its schema, and masks
 * read it, ADR 0015). On the invoice pilot's bilingual schema they are three quarters of its text, and a
 * validator kept 14 KB of heap with them, 7 KB without. Only string values at keyword places go: an `examples`
 * list, a `default`, a property named `title` or anything under an unknown keyword stays as it was. A `$ref`
 * cannot point at a string (a string is no schema), so none loses its target.
 */
export function withoutTextAnnotations<T>(schema: T): T {
  const root: Json = { schema: structuredClone(schema) };
  // Each place a subschema stands, as its holder and key: a node losing annotations is rebuilt without them and
  // put back there (deleting from it would turn it into a larger, slower dictionary object).
  const places: [holder: Json | unknown[], key: string | number][] = [[root, 'schema']];
  while (places.length > 0) {
    const [holder, key] = places.pop()!;
    const node = (holder as Json)[key as string];
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) places.push([node, i]);
      continue;
    }
    const entries = Object.entries(node);
    const kept = entries.filter(([name, value]) => !isTextAnnotation(name, value));
    const schemaNode = kept.length < entries.length ? Object.fromEntries(kept) : (node as Json);
    (holder as Json)[key as string] = schemaNode;
    for (const [name, value] of kept) {
      if (SUBSCHEMA.has(name)) places.push([schemaNode, name]);
      else if (NAMED_SUBSCHEMAS.has(name) && value !== null && typeof value === 'object' && !Array.isArray(value))
        for (const named of Object.keys(value)) places.push([value as Json, named]);
    }
  }
  return root['schema'] as T;
}
