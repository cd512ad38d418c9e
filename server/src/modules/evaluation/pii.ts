type Json = Record<string, unknown>;

export const MASK = '***';

/** Paths (as key lists; `*` for any array item) of the fields an input schema marks `"x-pii": true`. */
export function piiPaths(schema: unknown, prefix: string[] = []): string[][] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Json;
  const found: string[][] = node['x-pii'] === true ? [prefix] : [];
  for (const [name, child] of Object.entries((node['properties'] ?? {}) as Json)) found.push(...piiPaths(child, [...prefix, name]));
  if (node['items']) found.push(...piiPaths(node['items'], [...prefix, '*']));
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[keyword])) for (const sub of node[keyword] as unknown[]) found.push(...piiPaths(sub, prefix));
  }
  return found;
}

/** A copy of the facts with personal information replaced by `***`. */
export function maskFacts<T>(facts: T, paths: string[][]): T {
  if (paths.length === 0) return facts;
  const copy = structuredClone(facts);
  for (const path of paths) maskAt(copy, path);
  return copy;
}

function maskAt(node: unknown, path: string[]): void {
  if (node === null || typeof node !== 'object' || path.length === 0) return;
  const [head, ...rest] = path as [string, ...string[]];
  const targets = head === '*' ? (Array.isArray(node) ? node.map((_, i) => i) : []) : [head];
  for (const key of targets) {
    const container = node as Record<string | number, unknown>;
    // Own properties only: `in` would walk into Object.prototype (a path `__proto__.toString` masked it for
    // every object of the process), and assigning `__proto__` would change the copy's prototype.
    if (!Object.hasOwn(container, key)) continue;
    if (rest.length === 0) Object.defineProperty(container, key, { value: MASK, writable: true, enumerable: true, configurable: true });
    else maskAt(container[key], rest);
  }
}

/** True when a condition's fact (and JSONPath) is, contains or lies inside a field marked as personal information. */
export function touchesPii(fact: string, path: string | undefined, paths: string[][]): boolean {
  const keys = [fact, ...(path ?? '$').replace(/^\$/, '').split(/[.[\]']+/).filter(Boolean)];
  return paths.some((pii) => {
    const shared = Math.min(pii.length, keys.length);
    for (let i = 0; i < shared; i++) if (pii[i] !== '*' && pii[i] !== keys[i]) return false;
    return true;
  });
}
