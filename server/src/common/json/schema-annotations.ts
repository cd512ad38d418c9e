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

const isTextAnnotationName = (key: string): boolean =>
  key === 'title' || key === 'description' || key === '$comment' || /^x-(title|description)(-|$)/.test(key);
const isTextAnnotation = (key: string, value: unknown): boolean =>
  typeof value === 'string' && isTextAnnotationName(key);

/**
 * Whether a `$ref` anywhere in the schema may point at a text annotation (`#/properties/b/description`): a
 * reference may target any place, a string too, and ajv compiles such a schema. Looked at loosely (the last
 * segment of any `$ref`, wherever it stands): a schema that may do this keeps its annotations.
 */
function refersToText(schema: unknown): boolean {
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && isTextAnnotationName(lastSegment(value))) return true;
      stack.push(value);
    }
  }
  return false;
}

/** The last key of a reference's JSON Pointer, unescaped (`%24comment` and `~1` as a pointer reads them). */
function lastSegment(ref: string): string {
  const raw = ref.slice(ref.lastIndexOf('/') + 1);
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // not percent-encoded after all: read as written
  }
  return decoded.replaceAll('~1', '/').replaceAll('~0', '~');
}

/**
 * A copy of the schema without its text annotations: what a validator keeps (ajv keeps its schema, and masks
 * read it, ADR 0015). On the invoice pilot's bilingual schema they are three quarters of its text, and a
 * validator kept 14 KB of heap with them, 7 KB without. Only string values at keyword places go: an `examples`
 * list, a `default`, a property named `title` or anything under an unknown keyword stays as it was; so does a
 * schema where a `$ref` may point at an annotation (`refersToText`).
 */
export function withoutTextAnnotations<T>(schema: T): T {
  const root: Json = { schema: structuredClone(schema) };
  if (refersToText(root['schema'])) return root['schema'] as T;
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
