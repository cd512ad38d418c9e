import type { ErrorDetail } from '../errors/domain-errors.js';
import { resolveLocalRef, schemaObjects } from './schema-walk.js';

type Json = Record<string, unknown>;

/**
 * Each `$ref` that cannot lead anywhere and each `$id` used twice, at its own place. ajv refuses such a schema
 * only as a whole ("can't resolve reference … from id #"), which named the schema's root and left the analyst to
 * search for it. Checked before compiling; a case this misses still fails to compile and is named at the root.
 *
 * Only references inside the schema resolve here: no other schema is registered beside it. A schema with
 * `$id`s below its root moves the base that `#/…` is read from, so local pointers are checked only without them.
 */
export function referenceProblems(schema: unknown, base: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const nodes = [...schemaObjects(schema, base)];
  const idPaths = new Map<string, string[]>();
  for (const { node, path } of nodes) {
    const id = node['$id'];
    if (typeof id === 'string' && node !== schema) idPaths.set(id, [...(idPaths.get(id) ?? []), path]);
  }
  const nestedIds = idPaths.size > 0;
  for (const [id, paths] of idPaths)
    if (paths.length > 1)
      for (const path of paths)
        problems.push({
          path: `${path}/$id`,
          message: `is "${id}", also the $id of ${paths.filter((p) => p !== path).join(', ')}: each $id names one schema`,
        });
  const rootId = typeof (schema as Json | null)?.['$id'] === 'string' ? ((schema as Json)['$id'] as string) : undefined;
  for (const { node, path } of nodes) {
    const ref = node['$ref'];
    if (typeof ref !== 'string') continue;
    const why = unresolvable(ref);
    if (why) problems.push({ path: `${path}/$ref`, message: why });
    else if (!nestedIds && circular(node)) {
      problems.push({
        path: `${path}/$ref`,
        message: `leads back to itself through references alone (${ref}), before any property or item: it can never be checked`,
      });
    }
  }
  return problems;

  function unresolvable(ref: string): string | undefined {
    const hash = ref.indexOf('#');
    const document = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash);
    const names = (id: string | undefined) => id !== undefined && (id === document || id.endsWith(`/${document}`));
    if (document !== '' && !names(rootId)) {
      // Another document: only this schema's own `$id`s name anything here.
      return [...idPaths.keys()].some(names)
        ? undefined
        : `refers to "${ref}", outside this schema: only references inside it (such as #/definitions/…) resolve`;
    }
    if (fragment === '' || fragment === '#') {
      // ajv follows a reference to the whole schema only when the schema has an `$id` to be found by.
      return rootId !== undefined || document !== ''
        ? undefined
        : 'refers to the whole schema (#), which can be followed only when the schema has an $id: give it one, or put the shape under definitions and refer to #/definitions/…';
    }
    if (!fragment.startsWith('#/')) {
      const declared = nodes.some(
        ({ node }) =>
          (typeof node['$id'] === 'string' && node['$id'].endsWith(fragment)) ||
          `#${String(node['$anchor'])}` === fragment,
      );
      return declared ? undefined : `refers to the anchor "${fragment}", which no subschema of this schema declares`;
    }
    if (nestedIds) return undefined;
    return resolveLocalRef(schema, fragment) === undefined
      ? `points to ${fragment}, which this schema does not have`
      : undefined;
  }

  /** True when following `$ref` from `node`, through schemas that are references, comes back to `node`. */
  function circular(node: Json): boolean {
    const seen = new Set<unknown>();
    let current: unknown = node;
    while (current !== null && typeof current === 'object' && typeof (current as Json)['$ref'] === 'string') {
      if (seen.has(current)) return current === node;
      seen.add(current);
      current = resolveLocalRef(schema, (current as Json)['$ref'] as string);
    }
    return false;
  }
}
