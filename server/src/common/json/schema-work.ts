// How much checking a value against an analyst's JSON Schema may cost, known before ajv runs. ajv's work is the
// subschemas it applies, value by value: a list of 100 000 items under `items: {anyOf: [440 branches]}` is
// 44 million of them (13 s of a held event loop), and under `contains` it kept an error for each (the process ran
// out of memory). Neither can be stopped once ajv has started, so the work is counted first (docs/adr/0034).
import { resolveLocalRef, schemaObjects } from './schema-walk.js';

type Json = Record<string, unknown>;

const isSchemaObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Keywords that check the value they stand at with other subschemas: a value meets each of those too. */
const IN_PLACE_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
const IN_PLACE_ONE = ['not', 'if', 'then', 'else'] as const;
/** Keywords that try subschemas which may fail without the value failing. */
const BRANCHING = ['anyOf', 'oneOf', 'not', 'if'] as const;
/** Keywords whose subschemas check every item of a list. */
const ITEM_KEYWORDS = ['items', 'prefixItems', 'additionalItems', 'contains', 'unevaluatedItems'] as const;
/** Keywords whose subschemas may check any member of an object (its name or its value). */
const ANY_MEMBER_KEYWORDS = ['additionalProperties', 'unevaluatedProperties', 'propertyNames'] as const;

/** Subschemas summed over a schema's places past which they are not listed: the schema limits stop far below. */
const PLACES_BUDGET = 1_000_000;

/** More subschemas than this at one place are not counted further: the schema limits stop far below. */
const COUNT_CAP = 100_000;

/**
 * A place in the values a schema checks (the root, a member of it by name, an item of a list...) and the
 * subschemas that check a value there, each `$ref` and in-place applicator (`allOf`, `anyOf`, `if`...) followed,
 * with repeats: ajv applies a subschema as many times as it is reached.
 */
export class SchemaPlace {
  readonly count: number;
  /**
   * What a value here costs when it fails: `count` where some subschema offers alternatives (`anyOf`, `oneOf`,
   * `not`, `if`) or checks the items of a `contains`, since ajv keeps an error for each that fails before one
   * passes; 0 elsewhere, where the first failure ends the check and a pass costs a few nanoseconds per subschema.
   */
  readonly weight: number;
  private readonly nodes: Json[];
  private named?: Map<string, SchemaPlace | undefined>;
  private otherMember?: SchemaPlace | null;
  private itemPlace?: SchemaPlace | null;

  constructor(
    nodes: Json[],
    private readonly schema: SchemaWork,
  ) {
    this.nodes = nodes;
    this.count = nodes.length;
    const branching = nodes.some(
      (node) => schema.isContainsTarget(node) || BRANCHING.some((keyword) => Object.hasOwn(node, keyword)),
    );
    this.weight = branching ? nodes.length : 0;
  }

  /** The first subschema of this place: where an error about it points. */
  get firstNode(): object | undefined {
    return this.nodes[0];
  }

  /** Every place a value here leads to: its named members', any other member's, its items'. */
  *next(): Iterable<SchemaPlace> {
    this.named ??= this.namedPlaces();
    for (const place of this.named.values()) if (place) yield place;
    const other = this.other();
    if (other) yield other;
    if (this.item) yield this.item;
  }

  /** Where a member called `name` is checked; undefined when nothing checks it. */
  member(name: string): SchemaPlace | undefined {
    this.named ??= this.namedPlaces();
    return this.named.has(name) ? this.named.get(name) : this.other();
  }

  /** Where an item of a list is checked; undefined when nothing checks it. */
  get item(): SchemaPlace | undefined {
    if (this.itemPlace === undefined) {
      const found: unknown[] = [];
      for (const node of this.nodes)
        for (const keyword of ITEM_KEYWORDS) {
          const value = node[keyword];
          // A tuple's schemas (`items` as a list, `prefixItems`) are counted for every item: an upper bound.
          if (Array.isArray(value)) found.push(...(value as unknown[]));
          else found.push(value);
        }
      this.itemPlace = this.schema.place(found) ?? null;
    }
    return this.itemPlace ?? undefined;
  }

  /** The members some subschema here names in `properties`, each with its place. */
  private namedPlaces(): Map<string, SchemaPlace | undefined> {
    const names = new Set<string>();
    for (const node of this.nodes) {
      const properties = node['properties'];
      if (isSchemaObject(properties)) for (const name of Object.keys(properties)) names.add(name);
    }
    const places = new Map<string, SchemaPlace | undefined>();
    for (const name of names) places.set(name, this.schema.place(this.memberSchemas(name)));
    return places;
  }

  /** A member no `properties` here names. */
  private other(): SchemaPlace | undefined {
    if (this.otherMember === undefined) this.otherMember = this.schema.place(this.memberSchemas(undefined)) ?? null;
    return this.otherMember ?? undefined;
  }

  /**
   * The subschemas that may check a member called `name` (undefined: a name no `properties` lists): its
   * `properties` entry, else `additionalProperties`; every `patternProperties` one (an upper bound: patterns are
   * not matched here); `propertyNames` and `unevaluatedProperties`.
   */
  private memberSchemas(name: string | undefined): unknown[] {
    const found: unknown[] = [];
    for (const node of this.nodes) {
      const properties = node['properties'];
      const named = name !== undefined && isSchemaObject(properties) && Object.hasOwn(properties, name);
      if (named) found.push(properties[name]);
      for (const keyword of ANY_MEMBER_KEYWORDS)
        if (!(keyword === 'additionalProperties' && named)) found.push(node[keyword]);
      const patterns = node['patternProperties'];
      if (isSchemaObject(patterns)) found.push(...Object.values(patterns));
    }
    return found;
  }
}

/**
 * A schema's places, built as values reach them and shared: two places checked by the same subschemas are one
 * (a recursive schema has finitely many).
 */
export class SchemaWork {
  readonly root: SchemaPlace | undefined;
  private readonly places = new Map<string, SchemaPlace>();
  private readonly ids = new Map<object, number>();
  /** The subschemas written as a `contains`: every item that fails one leaves an error behind. */
  private readonly containsTargets = new Set<object>();

  constructor(private readonly schema: unknown) {
    for (const { node } of schemaObjects(schema, ''))
      if (isSchemaObject(node['contains'])) this.containsTargets.add(node['contains']);
    this.root = this.place([schema]);
  }

  isContainsTarget(node: object): boolean {
    return this.containsTargets.has(node);
  }

  /** The place checked by these subschemas, with every in-place applicator and `$ref` followed; undefined if none. */
  place(schemas: unknown[]): SchemaPlace | undefined {
    const nodes: Json[] = [];
    const expanding = new Set<object>();
    const expand = (value: unknown): void => {
      // `true` and `false` check nothing further; a reference back into itself at the same place (which ajv
      // refuses to compile) is not followed again.
      if (!isSchemaObject(value) || expanding.has(value) || nodes.length >= COUNT_CAP) return;
      nodes.push(value);
      expanding.add(value);
      if (typeof value['$ref'] === 'string') expand(resolveLocalRef(this.schema, value['$ref']));
      for (const keyword of IN_PLACE_LISTS) {
        const list = value[keyword];
        if (Array.isArray(list)) for (const item of list as unknown[]) expand(item);
      }
      for (const keyword of IN_PLACE_ONE) expand(value[keyword]);
      for (const keyword of ['dependencies', 'dependentSchemas']) {
        const dependent = value[keyword];
        if (isSchemaObject(dependent)) for (const item of Object.values(dependent)) expand(item);
      }
      expanding.delete(value);
    };
    for (const schema of schemas) expand(schema);
    if (nodes.length === 0) return undefined;
    const key = nodes.map((node) => this.idOf(node)).join(',');
    let place = this.places.get(key);
    if (!place) {
      place = new SchemaPlace(nodes, this);
      this.places.set(key, place);
    }
    return place;
  }

  /**
   * The most subschemas that check one value, over every place the schema has, with the first subschema of that
   * place; and the greatest `weight`. The walk stops after PLACES_BUDGET subschemas in all (the schema limits keep
   * real schemas far below): the weight is then taken as unknown, as large as can be.
   */
  widest(): { count: number; first: object | undefined; weight: number } {
    let widest = { count: 0, first: undefined as object | undefined, weight: 0 };
    const places = this.reachable();
    if (!places) return { count: COUNT_CAP, first: this.root?.firstNode, weight: COUNT_CAP };
    for (const place of places) {
      if (place.count > widest.count) widest = { ...widest, count: place.count, first: place.firstNode };
      widest.weight = Math.max(widest.weight, place.weight);
    }
    return widest;
  }

  /**
   * Whether a value at this place, or within it, can weigh anything: a walk of the input skips what cannot (the
   * members of every item of a long list, most of the time). True for every place when the schema's places
   * were too many to list.
   */
  weighs(place: SchemaPlace): boolean {
    this.weighing ??= this.placesThatWeigh();
    return this.weighing === 'all' || this.weighing.has(place);
  }

  private weighing?: Set<SchemaPlace> | 'all';

  private placesThatWeigh(): Set<SchemaPlace> | 'all' {
    const places = this.reachable();
    if (!places) return 'all';
    // A place weighs if it has weight or leads to one that does: grown to a fixed point (places form cycles).
    const weighing = new Set([...places].filter((place) => place.weight > 0));
    for (let grown = true; grown;) {
      grown = false;
      for (const place of places)
        if (!weighing.has(place) && [...place.next()].some((next) => weighing.has(next))) {
          weighing.add(place);
          grown = true;
        }
    }
    return weighing;
  }

  /** Every place values can reach from the root, or undefined past PLACES_BUDGET subschemas in all. */
  private reachable(): Set<SchemaPlace> | undefined {
    if (this.listed !== undefined) return this.listed ?? undefined;
    const seen = new Set<SchemaPlace>();
    const pending = this.root ? [this.root] : [];
    let left = PLACES_BUDGET;
    while (pending.length > 0) {
      const place = pending.pop()!;
      if (seen.has(place)) continue;
      seen.add(place);
      if ((left -= place.count) < 0) {
        this.listed = null;
        return undefined;
      }
      for (const next of place.next()) if (!seen.has(next)) pending.push(next);
    }
    this.listed = seen;
    return seen;
  }

  /** `reachable`'s answer, walked once (null: past the budget). */
  private listed?: Set<SchemaPlace> | null;

  private idOf(node: object): number {
    let id = this.ids.get(node);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(node, id);
    }
    return id;
  }
}

/**
 * What checking `data` may cost (see `SchemaPlace.weight`), counted up to just past `limit`: each value counts the
 * weight of its place; values no subschema reaches count nothing.
 */
export function schemaWorkOn(data: unknown, work: SchemaWork, limit: number): number {
  if (!work.root || !work.weighs(work.root)) return 0;
  let units = 0;
  const pending: [unknown, SchemaPlace][] = [[data, work.root]];
  while (pending.length > 0) {
    const [value, place] = pending.pop()!;
    units += place.weight;
    if (units > limit) return units;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      const item = place.item;
      if (item && work.weighs(item)) for (const member of value as unknown[]) pending.push([member, item]);
    } else
      for (const key in value) {
        const member = place.member(key);
        if (member && work.weighs(member)) pending.push([(value as Json)[key], member]);
      }
  }
  return units;
}
