import type { Principal } from '../../common/access/principal.js';
import { scopesAllow } from '../../common/access/scopes.js';
import { expandSchemas as expand } from '../../common/json/schema-parts.js';
import { resolveLocalRef } from '../../common/json/schema-walk.js';
import { linearPattern } from '../../engine/linear-pattern.js';
import type { ConditionTrace } from '../../engine/trace.js';

type Json = Record<string, unknown>;

export const MASK = '***';

/**
 * A trace condition with its fact's value masked. What a trace says of a value left out for its size (its kind
 * and length) goes too: the length of a personal text is itself something about the person.
 */
export function maskedCondition(condition: ConditionTrace): ConditionTrace {
  const { omitted, ...rest } = condition;
  const kept = omitted?.value && { omitted: { value: omitted.value } };
  return { ...rest, factValue: MASK, ...kept };
}

/** How many times one `$ref` is followed along a path before its whole subtree is masked. */
const MAX_REF_DEPTH = 4;

/**
 * Paths (as key lists; `*` for any array item or any key of an object) of the fields an input schema marks
 * `"x-pii": true`. Follows `properties`, `items`, `prefixItems`, `additionalProperties`, `patternProperties`,
 * `allOf`/`anyOf`/`oneOf`, and local `$ref`s (a recursive one a few levels deep, then its whole subtree).
 */
export function piiPaths(
  schema: unknown,
  prefix: string[] = [],
  root: unknown = schema,
  following: string[] = [],
): string[][] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Json;
  const found: string[][] = node['x-pii'] === true ? [prefix] : [];
  const below = (child: unknown, path: string[]) => found.push(...piiPaths(child, path, root, following));
  for (const [name, child] of Object.entries((node['properties'] ?? {}) as Json)) below(child, [...prefix, name]);
  for (const child of Object.values((node['patternProperties'] ?? {}) as Json)) below(child, [...prefix, '*']);
  if (node['additionalProperties'] && typeof node['additionalProperties'] === 'object')
    below(node['additionalProperties'], [...prefix, '*']);
  if (Array.isArray(node['prefixItems']))
    (node['prefixItems'] as unknown[]).forEach((child, i) => below(child, [...prefix, String(i)]));
  if (node['items'] && typeof node['items'] === 'object') below(node['items'], [...prefix, '*']);
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[keyword])) for (const sub of node[keyword] as unknown[]) below(sub, prefix);
  }
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    const target = resolveLocalRef(root, ref);
    // Saving made sure ajv resolves every reference: one read differently here (a base moved by a nested `$id`,
    // an anchor declared twice) could lead to personal fields, so the whole place is masked.
    if (target === undefined) {
      found.push(prefix.length > 0 ? prefix : ['*']);
      return found;
    }
    // A recursive schema (a manager who has a manager…) is followed a few levels; below that, a whole subtree
    // that could hold personal fields is masked: masking must not fail open where the schema stops saying.
    if (following.filter((r) => r === ref).length < MAX_REF_DEPTH)
      found.push(...piiPaths(target, prefix, root, [...following, ref]));
    else if (JSON.stringify(target ?? null).includes('"x-pii":true')) found.push(prefix);
  }
  return found;
}

/**
 * The facts with personal information replaced by `***`, the originals untouched. Only the objects and lists on
 * the way to a masked value are copied; the rest is shared with the originals. A whole copy (structuredClone) of
 * a record whose facts were 870 KB of members nobody masked held the event loop 20–40 ms to read it back.
 */
export function maskFacts<T>(facts: T, paths: string[][]): T {
  let masked = facts;
  for (const path of paths) masked = maskedAt(masked, path) as T;
  return masked;
}

/** `node` with the values at `path` masked: a copy of it when something was, `node` itself when nothing was. */
function maskedAt(node: unknown, path: string[]): unknown {
  if (node === null || typeof node !== 'object' || path.length === 0) return node;
  const [head, ...rest] = path as [string, ...string[]];
  // `*`: every item of an array, or every key of an object (additionalProperties, patternProperties).
  const keys = head === '*' ? (Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node)) : [head];
  const original = node as Record<string | number, unknown>;
  let copy: Record<string | number, unknown> | undefined;
  for (const key of keys) {
    // Own properties only: `in` would walk into Object.prototype (a path `__proto__.toString` masked it for
    // every object of the process).
    if (!Object.hasOwn(original, key)) continue;
    // A list's one own member that is not an item is its length: a schema marking a member `length` personal,
    // read against a list (old records replayed on a new schema), must not try to write it (a RangeError).
    if (key === 'length' && Array.isArray(original)) continue;
    const value = rest.length === 0 ? MASK : maskedAt(original[key], rest);
    if (value === original[key]) continue;
    // Spread copies a member named `__proto__` as a member, and the copy has the ordinary prototype; assigning
    // `__proto__` would change the copy's prototype instead, hence defineProperty.
    copy ??= (Array.isArray(original) ? [...original] : { ...original }) as Record<string | number, unknown>;
    Object.defineProperty(copy, key, { value, writable: true, enumerable: true, configurable: true });
  }
  return copy ?? node;
}

/** True when a condition's fact (and JSONPath) is, contains or lies inside a field marked as personal information. */
export function touchesPii(fact: string, path: string | undefined, paths: string[][]): boolean {
  return readTouches([fact, ...readKeys(path)], paths);
}

/** True when a read path (a fact and members under it) is, contains or lies inside a personal path. */
function readTouches(read: string[], paths: string[][]): boolean {
  return paths.some((pii) => {
    const shared = Math.min(pii.length, read.length);
    for (let i = 0; i < shared; i++) if (pii[i] !== '*' && pii[i] !== read[i]) return false;
    return true;
  });
}

/**
 * The facts a rule set derives from personal information, as paths of their own (`[age]`): a computed fact
 * whose expression reads a personal field (age from `birthDate`), or another such fact; a lookup keyed by a
 * personal field (the row found is about that person). Masked like the fields they come from.
 */
export function derivedPiiPaths(
  inputPaths: string[][],
  computed: { name: string; reads: string[][] }[],
  lookups: { fact: string; key: { fact?: string; path?: string } }[],
): string[][] {
  const personal = [...inputPaths];
  const derived = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const lookup of lookups) {
      const keyFact = lookup.key.fact; // a fixed key reads no fact
      if (!derived.has(lookup.fact) && keyFact !== undefined && touchesPii(keyFact, lookup.key.path, personal))
        changed = mark(lookup.fact);
    }
    for (const fact of computed) {
      if (!derived.has(fact.name) && fact.reads.some((read) => readTouches(read, personal))) changed = mark(fact.name);
    }
  }
  return [...derived].map((name) => [name]);

  function mark(name: string): true {
    derived.add(name);
    personal.push([name]);
    return true;
  }
}

/** Risk officers and admins; and systems whose key holds `personal-data` on this rule set. Others see masks. */
export function mayReadPii(principal: Principal, ruleset: string): boolean {
  if (principal.kind === 'apiKey') return scopesAllow(principal.scopes, 'personal-data', ruleset);
  return principal.roles.some((role) => role === 'risk' || role === 'admin');
}

/**
 * A copy of the facts where every member the input schema does not declare is `***`: on a rule set that holds
 * personal information, what a caller sent beyond its schema (a social insurance number, a note about an
 * illness) is unknown to be safe, so it is masked like a marked field rather than shown. An object whose schema
 * names its members (`properties`, `patternProperties`, `additionalProperties` with a schema) has the others
 * masked; one whose schema says nothing of its members (`{"type": "object"}`) was declared whole and is kept.
 */
export function maskUndeclared<T>(facts: T, schema: unknown): T {
  return hide(facts, [schema], new SchemaPlaces(schema)) as T;
}

/**
 * The schemas at each place, worked out once per masking: the items of a list of 60 000 share one schema, and
 * working it out again for each (its `allOf` expanded, its member patterns tested) held the event loop 0.2–0.4 s
 * while a decision record was read, and twice that in an impact analysis (a review).
 */
class SchemaPlaces {
  private readonly expanded = new Map<unknown[], Json[]>();
  private readonly items = new Map<Json[], unknown[]>();
  private readonly members = new Map<Json[], Map<string, unknown[]>>();
  constructor(readonly root: unknown) {}

  nodes(schemas: unknown[]): Json[] {
    let nodes = this.expanded.get(schemas);
    if (!nodes) this.expanded.set(schemas, (nodes = expand(schemas, this.root)));
    return nodes;
  }

  /** The schemas of item `index`; the same list for every item past the `prefixItems`. */
  itemsAt(nodes: Json[], index: number): unknown[] {
    const prefixed = nodes.some(
      (n) => Array.isArray(n['prefixItems']) && index < (n['prefixItems'] as unknown[]).length,
    );
    if (prefixed) return itemSchemas(nodes, index);
    let rest = this.items.get(nodes);
    if (!rest) this.items.set(nodes, (rest = itemSchemas(nodes, index)));
    return rest;
  }

  membersAt(nodes: Json[], key: string): unknown[] {
    let byKey = this.members.get(nodes);
    if (!byKey) this.members.set(nodes, (byKey = new Map()));
    let declared = byKey.get(key);
    if (!declared) byKey.set(key, (declared = memberSchemas(nodes, key)));
    return declared;
  }
}

function hide(value: unknown, schemas: unknown[], places: SchemaPlaces): unknown {
  const nodes = places.nodes(schemas);
  if (Array.isArray(value)) return value.map((item, i) => hide(item, places.itemsAt(nodes, i), places));
  if (value === null || typeof value !== 'object' || !namesMembers(nodes)) return value;
  const copy: Json = {};
  for (const [key, member] of Object.entries(value as Json)) {
    const declared = places.membersAt(nodes, key);
    const shown = declared.length > 0 ? hide(member, declared, places) : MASK;
    // A member named `__proto__` is a member here, not the copy's prototype.
    if (key === '__proto__')
      Object.defineProperty(copy, key, { value: shown, writable: true, enumerable: true, configurable: true });
    else copy[key] = shown;
  }
  return copy;
}

/**
 * True when the input schema declares what a rule reads (a fact, and the members its JSONPath goes through), as
 * `maskUndeclared` sees it: a trace of a condition on an undeclared fact is masked like the fact itself.
 */
export function declaresRead(schema: unknown, fact: string, path: string | undefined): boolean {
  const keys = [fact, ...readKeys(path)];
  let schemas: unknown[] = [schema];
  for (const key of keys) {
    const nodes = expand(schemas, schema);
    const items = /^(\d+|\*)$/.test(key) ? itemSchemas(nodes, key === '*' ? 0 : Number(key)) : [];
    if (items.length > 0) {
      schemas = items;
      continue;
    }
    if (!namesMembers(nodes)) return true; // declared whole
    schemas = memberSchemas(nodes, key);
    if (schemas.length === 0) return false;
  }
  return true;
}

/** The members a JSONPath goes through (`$.lines[0].amount` → lines, 0, amount), as `touchesPii` reads them. */
function readKeys(path: string | undefined): string[] {
  return (path ?? '$')
    .replace(/^\$/, '')
    .split(/[.[\]']+/)
    .filter(Boolean);
}

/** The schemas of an array's item at `index`. */
function itemSchemas(nodes: Json[], index: number): unknown[] {
  return nodes.flatMap((n) => [
    ...(Array.isArray(n['prefixItems']) ? [(n['prefixItems'] as unknown[])[index]] : []),
    ...(n['items'] && typeof n['items'] === 'object' ? [n['items']] : []),
  ]);
}

/** Whether the schemas at a place name an object's members; `{"type": "object"}` alone declares it whole. */
function namesMembers(nodes: Json[]): boolean {
  return nodes.some(
    (n) =>
      n['properties'] ||
      n['patternProperties'] ||
      (n['additionalProperties'] && typeof n['additionalProperties'] === 'object'),
  );
}

/**
 * The schemas that declare member `key`: its property, else the patterns it matches (RE2, linear in the key),
 * else `additionalProperties` when that is a schema. None: the member is undeclared.
 */
function memberSchemas(nodes: Json[], key: string): unknown[] {
  return nodes.flatMap((n) => {
    const properties = (n['properties'] ?? {}) as Json;
    if (Object.hasOwn(properties, key)) return [properties[key]];
    const matched = Object.entries((n['patternProperties'] ?? {}) as Json)
      .filter(([pattern]) => linearPattern(pattern)?.test(key) === true)
      .map(([, schema]) => schema);
    if (matched.length > 0) return matched;
    const additional = n['additionalProperties'];
    return additional && typeof additional === 'object' ? [additional] : [];
  });
}
