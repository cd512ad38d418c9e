/** One variable a prompt's variablesSchema declares, as the variables panel lists it. */
export interface DeclaredVariable {
  /** How a template reads it: `question`, `datasets[].title` (each item of the list). */
  path: string;
  /** The JSON Schema type, with `[]` for a list of that type: `string`, `object[]`. */
  type: string;
  required: boolean;
  description?: string;
  /** The allowed values when the schema lists them. */
  values?: string[];
  depth: number;
}

type Schema = Record<string, unknown>;
const MAX_DEPTH = 8;

const isSchema = (value: unknown): value is Schema =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function typeOf(schema: Schema): string {
  const type = schema['type'];
  if (Array.isArray(type)) return type.join(' | ');
  if (typeof type === 'string')
    return type === 'array' && isSchema(schema['items']) ? `${typeOf(schema['items'])}[]` : type;
  if (Array.isArray(schema['enum'])) return 'enum';
  return isSchema(schema['properties']) ? 'object' : 'any';
}

/**
 * Every variable the schema declares, depth first in declaration order, so the panel shows what a template may
 * read: object properties by name, and list items under `name[]`. Anything that is not a schema gives nothing.
 */
export function declaredVariables(schema: unknown): DeclaredVariable[] {
  const rows: DeclaredVariable[] = [];
  const visit = (node: Schema, prefix: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    const target = node['type'] === 'array' && isSchema(node['items']) ? node['items'] : node;
    const base = target === node ? prefix : `${prefix}[]`;
    const properties = target['properties'];
    if (!isSchema(properties)) return;
    const required = Array.isArray(target['required']) ? (target['required'] as unknown[]) : [];
    for (const [name, child] of Object.entries(properties)) {
      if (!isSchema(child)) continue;
      const path = base ? `${base}.${name}` : name;
      rows.push({
        path,
        type: typeOf(child),
        required: required.includes(name),
        ...(typeof child['description'] === 'string' && { description: child['description'] }),
        ...(Array.isArray(child['enum']) && { values: child['enum'].map((v) => JSON.stringify(v)) }),
        depth,
      });
      visit(child, path, depth + 1);
    }
  };
  if (isSchema(schema)) visit(schema, '', 0);
  return rows;
}

/** A value of the right shape for a schema, to start the sample variables when the prompt has no test case. */
export function sampleFor(schema: unknown, name = 'value', depth = 0): unknown {
  if (!isSchema(schema) || depth > MAX_DEPTH) return null;
  if ('default' in schema) return schema['default'];
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return schema['examples'][0];
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return schema['enum'][0];
  const type = Array.isArray(schema['type']) ? schema['type'][0] : schema['type'];
  switch (type ?? (isSchema(schema['properties']) ? 'object' : undefined)) {
    case 'string':
      return name;
    case 'integer':
    case 'number':
      return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
    case 'boolean':
      return false;
    case 'array':
      return isSchema(schema['items']) ? [sampleFor(schema['items'], name, depth + 1)] : [];
    case 'object': {
      const properties = isSchema(schema['properties']) ? schema['properties'] : {};
      return Object.fromEntries(
        Object.entries(properties).map(([key, child]) => [key, sampleFor(child, key, depth + 1)]),
      );
    }
    default:
      return null;
  }
}

/** Parses text that must hold a JSON object; the error is an i18n key. */
export function parseJsonObject(text: string): { value: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'gabarit.prompts.invalid_json' };
  }
  return isSchema(value) ? { value } : { error: 'gabarit.prompts.not_object' };
}
