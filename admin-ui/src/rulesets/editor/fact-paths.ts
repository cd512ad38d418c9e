/** A fact an analyst can test in a condition: a top-level fact, or a path inside one (json-rules-engine `path`). */
export interface FactOption {
  fact: string;
  path?: string;
  /** What the console shows and accepts: invoice.total */
  label: string;
  type?: string;
  enum?: unknown[];
  source: 'input' | 'computed' | 'lookup';
}

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  enum?: unknown[];
}

const typeOf = (node: SchemaNode): string | undefined =>
  Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;

/**
 * Every fact and nested field the rule set's input schema declares, plus computed and lookup facts, so the
 * condition builder offers only names the engine will know (depth-limited: schemas are analyst-written).
 */
export function factOptions(
  inputSchema: unknown,
  computedFacts: { name: string }[] = [],
  lookups: { fact: string }[] = [],
): FactOption[] {
  const options: FactOption[] = [];
  const walk = (fact: string, node: SchemaNode, segments: string[], depth: number) => {
    const label = [fact, ...segments].join('.');
    options.push({
      fact,
      ...(segments.length ? { path: `$.${segments.join('.')}` } : {}),
      label,
      type: typeOf(node),
      ...(node.enum ? { enum: node.enum } : {}),
      source: 'input',
    });
    if (depth < 6 && node.properties)
      for (const [name, child] of Object.entries(node.properties)) walk(fact, child, [...segments, name], depth + 1);
  };
  const root = (inputSchema ?? {}) as SchemaNode;
  for (const [fact, node] of Object.entries(root.properties ?? {})) walk(fact, node, [], 0);
  for (const { name } of computedFacts) options.push({ fact: name, label: name, source: 'computed' });
  for (const { fact } of lookups) options.push({ fact, label: fact, source: 'lookup' });
  return options;
}

/** The option a condition's fact and path designate, if the schema knows it. */
export function findFact(options: FactOption[], fact: string, path?: string): FactOption | undefined {
  return options.find((o) => o.fact === fact && (o.path ?? '') === (path ?? ''));
}

/**
 * A computed fact or a lookup: its value comes from an expression or a table row, whose shape the input schema does
 * not describe, so a path into it (`$.length`, `$.neq`) cannot be checked here. The server's analysis leaves it
 * unchecked too; flagging it would mark the pilots' own rules as wrong.
 */
export function isDerived(options: FactOption[], fact: string): boolean {
  return options.some((o) => o.fact === fact && o.source !== 'input');
}

/** The fact and path an analyst typed as a label (invoice.total → fact invoice, path $.total). */
export function parseFactLabel(label: string, options: FactOption[]): { fact: string; path?: string } {
  const known = options.find((o) => o.label === label);
  if (known) return { fact: known.fact, ...(known.path ? { path: known.path } : {}) };
  const [fact, ...rest] = label.split('.');
  return { fact: fact ?? '', ...(rest.length ? { path: `$.${rest.join('.')}` } : {}) };
}

export function factLabel(fact: string, path?: string): string {
  return path ? `${fact}.${path.replace(/^\$\.?/, '')}` : fact;
}
