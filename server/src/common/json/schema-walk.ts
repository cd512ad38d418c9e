// Walking an analyst's JSON Schema: the objects where a subschema may stand, and where a `$ref` inside it leads.
import { pointerSegment } from './json-pointer.js';

type Json = Record<string, unknown>;

/** Keywords whose values are data, not schemas: an `enum` of 1 000 objects holds no subschema. */
export const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'required', 'dependentRequired']);

/**
 * Every object written in a schema where a subschema may stand (data keywords aside), with its JSON Pointer under
 * `base`. Iterative: the body parser lets 64 levels through, but a walk should not depend on it.
 */
export function* schemaObjects(schema: unknown, base: string): Generator<{ node: Json; path: string }> {
  const stack: { node: unknown; path: string }[] = [{ node: schema, path: base }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push({ node: item, path: `${path}/${i}` }));
      continue;
    }
    yield { node: node as Json, path };
    for (const [key, value] of Object.entries(node))
      if (!DATA_KEYWORDS.has(key) && value !== null && typeof value === 'object')
        stack.push({ node: value, path: `${path}/${pointerSegment(key)}` });
  }
}

/**
 * Each schema's anchors (`$anchor`, `$dynamicAnchor`, draft 7's `$id: "#name"`), found once: a template or a mask
 * resolves many references.
 */
const anchorsOf = new WeakMap<object, Map<string, Json>>();

function anchors(root: object): Map<string, Json> {
  let found = anchorsOf.get(root);
  if (!found) {
    found = new Map();
    for (const { node } of schemaObjects(root, ''))
      for (const keyword of ['$anchor', '$dynamicAnchor', '$id']) {
        // Draft 7 writes an anchor as an `$id` of `#name`.
        const name = keyword === '$id' ? /^#([^/].*)$/.exec(String(node[keyword]))?.[1] : node[keyword];
        if (typeof name === 'string' && !found.has(name)) found.set(name, node);
      }
    anchorsOf.set(root, found);
  }
  return found;
}

/**
 * The part of `root` a `$ref` leads to, as ajv reads it, or undefined when it leads nowhere in this schema: `#` is
 * the whole schema, `#/$defs/a` a JSON Pointer, `#name` the subschema whose `$anchor` is `name` (it was read as
 * the whole schema, so a template could read members the anchored part does not have), and `<root $id>#…` the
 * same as `#…`. References resolved from a nested `$id` (another base) are read from the root, as before.
 */
export function resolveLocalRef(root: unknown, ref: string): unknown {
  const hash = ref.indexOf('#');
  const document = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  if (document !== '') {
    const rootId = root !== null && typeof root === 'object' ? (root as Json)['$id'] : undefined;
    if (typeof rootId !== 'string' || (rootId !== document && !rootId.endsWith(`/${document}`))) return undefined;
  }
  if (fragment === '') return root;
  if (!fragment.startsWith('/'))
    return root !== null && typeof root === 'object' ? anchors(root).get(fragment) : undefined;
  let node: unknown = root;
  for (const raw of fragment.split('/').slice(1)) {
    let key: string;
    try {
      key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    } catch {
      return undefined; // a malformed escape (`%E0`) points nowhere
    }
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}
