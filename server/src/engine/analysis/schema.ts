import { ABSENT, emptyDomain, type Domain } from './domain.js';
import { factKey } from './formula.js';

type Json = Record<string, unknown>;

/** The input schema, the computed facts and the lookups: what a fact path is, and what values it may take. */
export class FactCatalogue {
  private readonly derived: Set<string>;
  // A table asks for its few columns once per cell: each path is read from the schema once.
  private readonly schemas = new Map<string, Json | null | undefined>();

  constructor(
    private readonly inputSchema: Json,
    computed: string[],
    lookups: string[],
  ) {
    this.derived = new Set([...computed, ...lookups]);
  }

  /** A computed fact or lookup: its values come from an expression or a table, not from the schema. */
  isDerived(fact: string): boolean {
    return this.derived.has(fact);
  }

  /**
   * The schema of `fact` at `path`: `undefined` when the schema does not say (no such property where the
   * object lists its properties), `null` when the schema leaves it open (no properties listed, derived fact).
   */
  schemaOf(fact: string, path?: string): Json | null | undefined {
    const key = factKey(fact, path);
    if (!this.schemas.has(key)) this.schemas.set(key, this.read(fact, path));
    return this.schemas.get(key);
  }

  private read(fact: string, path?: string): Json | null | undefined {
    if (this.isDerived(fact)) return null;
    let schema = this.child(this.inputSchema, fact);
    if (!schema || !path) return schema;
    for (const token of pathTokens(path)) {
      if (schema === null) return null;
      schema = typeof token === 'number' ? this.item(schema) : this.child(schema, token);
      if (schema === undefined) return undefined;
    }
    return schema;
  }

  /**
   * Whether the path is always there: the fact itself must be sent (evaluation refuses a missing one), a
   * property only where its object lists it in `required` and cannot be null, an array item never.
   */
  alwaysPresent(fact: string, path?: string): boolean {
    let schema: Json | null | undefined = this.child(this.inputSchema, fact);
    for (const token of path ? pathTokens(path) : []) {
      // Inside a value that may be null ("type": ["object", "null"]) nothing is always there.
      if (!schema || typeof token === 'number' || typesOf(schema).includes('null')) return false;
      const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
      if (!required.includes(token)) return false;
      schema = this.child(schema, token);
    }
    return true;
  }

  private child(schema: Json, name: string): Json | null | undefined {
    const properties = schema['properties'] as Record<string, Json> | undefined;
    if (properties?.[name]) return properties[name];
    const extra = schema['additionalProperties'];
    if (extra && typeof extra === 'object') return extra as Json;
    // Where the object lists its properties, another name is unknown (unless extra ones are allowed).
    return properties && extra !== true ? undefined : extra === false ? undefined : null;
  }

  private item(schema: Json): Json | null {
    const items = schema['items'];
    return items && typeof items === 'object' && !Array.isArray(items) ? (items as Json) : null;
  }

  /** The starting domain of a fact path: its enum, booleans, numeric bounds and integer-ness from the schema. */
  seed(key: string, fact: string, path?: string): Domain | undefined {
    const schema = this.schemaOf(fact, path);
    if (!schema || factKey(fact, path) !== key) return undefined;
    const d = emptyDomain();
    const types = typesOf(schema);
    if (Array.isArray(schema['enum']))
      d.only = new Map((schema['enum'] as unknown[]).map((v) => [JSON.stringify(v), v]));
    else if (types.length === 1 && types[0] === 'boolean')
      d.only = new Map([
        ['true', true],
        ['false', false],
      ]);
    if (types.length === 1 && (types[0] === 'number' || types[0] === 'integer')) {
      d.integer = types[0] === 'integer';
      d.numeric = true;
      if (typeof schema['minimum'] === 'number') d.lo = { value: schema['minimum'], closed: true };
      if (typeof schema['exclusiveMinimum'] === 'number') d.lo = { value: schema['exclusiveMinimum'], closed: false };
      if (typeof schema['maximum'] === 'number') d.hi = { value: schema['maximum'], closed: true };
      if (typeof schema['exclusiveMaximum'] === 'number') d.hi = { value: schema['exclusiveMaximum'], closed: false };
    }
    // An optional field may be absent: equal and in are then false, notEqual, notIn and negated tests true.
    if (!this.alwaysPresent(fact, path)) {
      d.numeric = false;
      d.only?.set(ABSENT, undefined);
    }
    return d;
  }
}

/** The JSON types a schema allows (empty: any). */
export function typesOf(schema: Json): string[] {
  const type = schema['type'];
  return Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
}

/** `$.a.b`, `$.lines[0].x`, `$['montant-ht']` as property names and indexes. */
export function pathTokens(path: string): (string | number)[] {
  const tokens: (string | number)[] = [];
  const re = /\.([A-Za-z_$][A-Za-z0-9_$-]*)|\[([0-9]+)\]|\['([^'\\]+)'\]/g;
  for (const m of path.slice(1).matchAll(re)) tokens.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? m[3])!);
  return tokens;
}

/** The JSON type of a value, `integer` counting as a number. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? 'number' : typeof value;
}

/** Whether a value fits a schema's types (integers are numbers too). */
export function fitsTypes(value: unknown, types: string[]): boolean {
  if (types.length === 0) return true;
  const t = jsonType(value);
  return types.some((s) => s === t || (s === 'integer' && t === 'number' && Number.isInteger(value)));
}
