import type { ErrorDetail } from '../errors/domain-errors.js';
import { pointerSegment } from './json-pointer.js';

/** Property names that reach into JavaScript's object machinery rather than naming data. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether `name` would reach into an object's machinery when used as a property name. */
export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}

/**
 * Places in a JSON Schema that declare a reserved property name (in `properties`, `required` or
 * `dependentRequired`, at any depth): facts and variables are plain data, and such a name is how prototype
 * pollution starts. Paths are JSON Pointers under `base`.
 */
export function reservedPropertyNames(schema: unknown, base: string): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  const visit = (node: unknown, path: string, depth: number): void => {
    if (node === null || typeof node !== 'object' || depth > 64) return;
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${path}/${i}`, depth + 1));
    for (const [key, value] of Object.entries(node)) {
      if (
        (key === 'properties' || key === 'dependentRequired') &&
        value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value)
      ) {
        for (const name of Object.keys(value)) {
          if (RESERVED.has(name))
            found.push({
              path: `${path}/${key}/${pointerSegment(name)}`,
              message: `"${name}" is reserved by JavaScript objects; name this field otherwise`,
            });
        }
      }
      if (key === 'required' && Array.isArray(value)) {
        value.forEach((name, i) => {
          if (typeof name === 'string' && RESERVED.has(name))
            found.push({
              path: `${path}/required/${i}`,
              message: `"${name}" is reserved by JavaScript objects; name this field otherwise`,
            });
        });
      }
      visit(value, `${path}/${pointerSegment(key)}`, depth + 1);
    }
  };
  visit(schema, base, 0);
  return found;
}
