import type { Report } from './findings.js';
import { fitsTypes, jsonType, typesOf, type FactCatalogue } from './schema.js';

type Json = Record<string, unknown>;

const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/**
 * One condition leaf against the input schema: an unknown fact or path (`unknown_fact`), a value whose type
 * the field cannot have or outside its enum (`type_mismatch`, the leaf can never hold as written).
 */
export function checkLeaf(leaf: Json, at: string, facts: FactCatalogue, report: Report): void {
  const fact = String(leaf['fact']);
  const path = leaf['path'] === undefined ? undefined : String(leaf['path']);
  const schema = facts.schemaOf(fact, path);
  const name = path ? `${fact} ${path}` : fact;
  if (schema === undefined) {
    report.add('unknown_fact', 'warning', at, `"${name}" is not in the input schema, nor a computed fact or lookup`);
    return;
  }
  if (schema === null) {
    if (facts.isDerived(fact)) report.skip(at, `"${fact}" is computed or looked up: its type is not checked`);
    return;
  }
  const operator = String(leaf['operator']).replace(/^(not:)+/, '');
  const value = leaf['value'];
  if (operator.includes(':') || (value !== null && typeof value === 'object' && 'fact' in (value as Json))) return;
  const types = typesOf(schema);
  const enumValues = Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]) : undefined;
  const mismatch = (message: string) => report.add('type_mismatch', 'error', at, `${name}: ${message}`);
  const checkValue = (v: unknown) => {
    if (!fitsTypes(v, types))
      mismatch(`${JSON.stringify(v)} is a ${jsonType(v)}, the schema says ${types.join(' or ')}`);
    else if (enumValues && !enumValues.some((e) => JSON.stringify(e) === JSON.stringify(v)))
      mismatch(`${JSON.stringify(v)} is not one of ${JSON.stringify(enumValues)}`);
  };
  if (operator === 'equal' || operator === 'notEqual') checkValue(value);
  else if (operator === 'in' || operator === 'notIn') {
    if (Array.isArray(value)) value.forEach(checkValue);
  } else if (NUMERIC.has(operator)) {
    if (types.length > 0 && !types.some((t) => t === 'number' || t === 'integer'))
      mismatch(`${operator} compares numbers, the schema says ${types.join(' or ')}`);
    else if (typeof value !== 'number') mismatch(`${operator} needs a number, not ${JSON.stringify(value)}`);
  } else if (operator === 'contains' || operator === 'doesNotContain') {
    if (types.length > 0 && !types.includes('array'))
      mismatch(`${operator} reads a list, the schema says ${types.join(' or ')}`);
  }
}
