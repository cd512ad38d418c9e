import { Ajv } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { DependencyUnavailableError, type ErrorDetail } from '../../common/errors/domain-errors.js';
import { reservedPropertyNames } from '../../common/json/reserved-names.js';
import { schemaCostProblems, schemaWidthProblems } from '../../common/json/schema-cost.js';
import { schemaObjects } from '../../common/json/schema-walk.js';
import { referenceProblems } from '../../common/json/schema-references.js';
import { addLinearFormats } from '../../common/json/linear-formats.mjs';
import { SchemaValidators } from '../../common/json/schema-validators.js';
import { linearRegExp, patternProblem } from '../../engine/linear-pattern.js';
import { recursionProblems } from '../../common/json/schema-recursion.js';

// The JSON Schemas analysts write: a rule set's facts, a prompt's variables, an expected answer's shape.

/** Checks input and variables schemas against the JSON Schema meta-schema (it compiles none of them). */
export const inputSchemaAjv = new Ajv({ allErrors: true, strict: false, addUsedSchema: false, logger: false });
addLinearFormats(inputSchemaAjv);

/**
 * Validators of input and variables schemas, shared by every version that has the same schema, compiled off the
 * main thread when large (see SchemaValidators). Schemas reach it checked against the meta-schema already. `addUsedSchema:
 * false`: a schema's `$id` never registers it by name, so schemas sharing an `$id` never collide. `pattern`
 * keywords are matched by RE2, in linear time, like the `matches` operator. `ownProperties`: a fact named
 * `toString` that was not sent is missing, not Object.prototype's function (« must be number »).
 */
export const inputValidators = new SchemaValidators(
  { allErrors: true, strict: false, addUsedSchema: false, validateSchema: false, logger: false, ownProperties: true },
  2_000,
  ['x-pii'],
  linearRegExp,
);

/**
 * Why an analyst's schema cannot be saved, each problem at its place under `base`: a reserved property name, a
 * schema the meta-schema refuses (a `$schema` naming another dialect included), a cost past SCHEMA_LIMITS, a
 * pattern, format or reference that cannot work, or a schema ajv cannot compile. When there is none, the schema's validator is compiled and kept.
 */
export async function schemaProblems(schema: unknown, base: string): Promise<ErrorDetail[]> {
  const reserved = reservedPropertyNames(schema, base);
  if (reserved.length > 0) return reserved;
  let valid: boolean;
  try {
    valid = inputSchemaAjv.validateSchema(schema as object) as boolean;
  } catch (err) {
    // ajv throws for a `$schema` it has no meta-schema for ("no schema with key or ref …").
    const dialect = (schema as { $schema?: unknown }).$schema;
    return [
      {
        path: typeof dialect === 'string' ? `${base}/$schema` : base,
        message: `names a JSON Schema dialect this service does not read (${(err as Error).message}); remove $schema, or use draft-07`,
      },
    ];
  }
  if (!valid)
    return (inputSchemaAjv.errors ?? []).map((e) => ({
      path: `${base}${e.instancePath}`,
      message: `is not valid JSON Schema: ${e.message ?? 'invalid'}`,
    }));
  const costly = schemaCostProblems(schema, base);
  if (costly.length > 0) return costly;
  const keywords = [...keywordProblems(schema, base), ...referenceProblems(schema, base)];
  if (keywords.length > 0) return keywords;
  // Once every reference resolves: a recursion that meets one value twice doubles validation at each level.
  const recursive = recursionProblems(schema, base);
  if (recursive.length > 0) return recursive;
  const wide = schemaWidthProblems(schema, base);
  if (wide.length > 0) return wide;
  try {
    // Compiled once here, and kept: using the version later finds the same validator.
    await inputValidators.for(schema as object);
  } catch (err) {
    if (err instanceof DependencyUnavailableError) throw err; // the compiler failed, not the schema: a 503
    // ajv follows references as it compiles: one that leads back to itself before any property or item never ends.
    const why = /call stack/i.test((err as Error).message)
      ? 'a $ref leads back to itself before any property or item (such as {"$ref": "#/definitions/a"} inside "a")'
      : (err as Error).message;
    return [{ path: base, message: `does not compile as a JSON Schema: ${why}` }];
  }
  return [];
}

/** The `format` names ajv-formats checks: any other would be accepted and check nothing. */
const KNOWN_FORMATS = Object.keys(fullFormats);

/**
 * Each `pattern` (and `patternProperties` key) RE2 will not run, at its own place (compiling the schema would
 * refuse the first one only, at the schema's root), and each `format` no validator checks (ajv would let any
 * value through it without a word).
 */
function keywordProblems(schema: unknown, base: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const { node, path } of schemaObjects(schema, base)) {
    const format = node['format'];
    if (typeof format === 'string' && !KNOWN_FORMATS.includes(format))
      problems.push({
        path: `${path}/format`,
        message: `names the format "${format}", which nothing checks: use one of ${KNOWN_FORMATS.join(', ')}, or a pattern`,
      });
    // Compiling would refuse it too, but naming only the whole schema: the analyst is told which field.
    if (node['x-pii'] !== undefined && typeof node['x-pii'] !== 'boolean')
      problems.push({ path: `${path}/x-pii`, message: 'must be true or false (true marks personal information)' });
    const pattern = node['pattern'];
    if (typeof pattern === 'string') {
      const why = patternProblem(pattern);
      if (why) problems.push({ path: `${path}/pattern`, message: `the pattern ${why}` });
    }
    const keyed = node['patternProperties'];
    if (keyed !== null && typeof keyed === 'object' && !Array.isArray(keyed))
      for (const key of Object.keys(keyed)) {
        const why = patternProblem(key);
        if (why)
          problems.push({
            path: `${path}/patternProperties/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
            message: `the pattern ${why}`,
          });
      }
  }
  return problems;
}
