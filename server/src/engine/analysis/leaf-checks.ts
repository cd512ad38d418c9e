import type { Report } from './findings.js';
import { fitsTypes, jsonType, typesOf, type FactCatalogue } from './schema.js';
import { quoted, words, type Words } from './words.js';

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
    report.add(
      'unknown_fact',
      'warning',
      at,
      words(
        `${quoted(name).fr} n’est ni dans le schéma d’entrée, ni un fait calculé ou consulté`,
        `"${name}" is not in the input schema, nor a computed fact or lookup`,
      ),
    );
    return;
  }
  const listOperator = String(leaf['operator']).replace(/^(not:)+/, '');
  if ((listOperator === 'in' || listOperator === 'notIn') && typeof leaf['value'] === 'string') {
    // json-rules-engine then looks for the fact inside the text: any part of it matches.
    const shown = JSON.stringify(leaf['value']);
    report.add(
      'type_mismatch',
      'warning',
      at,
      words(
        `${name} : ${listOperator} compare avec une liste, pas avec le texte ${shown} : toute partie du texte y correspondrait (« direct » est dans « director, executive_director ») ; écrivez une liste`,
        `${name}: ${listOperator} compares with a list, not with the text ${shown}: any part of the text would match ("direct" is in "director, executive_director"); write a list`,
      ),
    );
    return;
  }
  if (schema === null) {
    // A computed fact's type is not known, but a number comparison with a value that is no number never holds
    // whatever the fact is (an analyst had typed « abc » as a threshold, and the version passed analysis).
    const numericOperator = NUMERIC.has(String(leaf['operator']));
    const comparedValue = leaf['value'];
    if (numericOperator && typeof comparedValue !== 'number' && !isFactReference(comparedValue)) {
      const shown = JSON.stringify(comparedValue);
      const operator = String(leaf['operator']);
      report.add(
        'type_mismatch',
        'error',
        at,
        words(
          `${name} : ${operator} demande un nombre, pas ${shown}`,
          `${name}: ${operator} needs a number, not ${shown}`,
        ),
      );
      return;
    }
    if (facts.isDerived(fact))
      report.skip(
        at,
        words(
          `${quoted(fact).fr} est calculé ou consulté : son type n’est pas vérifié`,
          `"${fact}" is computed or looked up: its type is not checked`,
        ),
      );
    return;
  }
  const operator = String(leaf['operator']).replace(/^(not:)+/, '');
  const value = leaf['value'];
  if (operator.includes(':') || isFactReference(value)) return;
  const types = typesOf(schema);
  const enumValues = Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]) : undefined;
  const mismatch = (message: Words) =>
    report.add('type_mismatch', 'error', at, words(`${name} : ${message.fr}`, `${name}: ${message.en}`));
  // Built only for a mismatch: a 2 000-row table checks ten thousand cells, nearly all fine.
  const says = () => words(`le schéma dit ${types.join(' ou ')}`, `the schema says ${types.join(' or ')}`);
  const checkValue = (v: unknown) => {
    const shown = JSON.stringify(v);
    if (!fitsTypes(v, types))
      mismatch(
        words(`${shown} est de type ${jsonType(v)}, ${says().fr}`, `${shown} is a ${jsonType(v)}, ${says().en}`),
      );
    else if (enumValues && !enumValues.some((e) => JSON.stringify(e) === shown))
      mismatch(
        words(
          `${shown} n’est pas parmi ${JSON.stringify(enumValues)}`,
          `${shown} is not one of ${JSON.stringify(enumValues)}`,
        ),
      );
  };
  if (operator === 'equal' || operator === 'notEqual') checkValue(value);
  else if (operator === 'in' || operator === 'notIn') {
    if (Array.isArray(value)) value.forEach(checkValue);
  } else if (NUMERIC.has(operator)) {
    if (types.length > 0 && !types.some((t) => t === 'number' || t === 'integer'))
      mismatch(words(`${operator} compare des nombres, ${says().fr}`, `${operator} compares numbers, ${says().en}`));
    else if (typeof value !== 'number')
      mismatch(
        words(
          `${operator} demande un nombre, pas ${JSON.stringify(value)}`,
          `${operator} needs a number, not ${JSON.stringify(value)}`,
        ),
      );
  } else if (operator === 'contains' || operator === 'doesNotContain') {
    if (types.length > 0 && !types.includes('array'))
      mismatch(words(`${operator} lit une liste, ${says().fr}`, `${operator} reads a list, ${says().en}`));
  }
}

/** `{"fact": "…"}`: the value is another fact's, read at run time. */
function isFactReference(value: unknown): boolean {
  return value !== null && typeof value === 'object' && 'fact' in (value as Json);
}
