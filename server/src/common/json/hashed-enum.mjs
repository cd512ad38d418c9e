// ajv's `enum` keyword with a hash: a value is looked up, not compared with each allowed value in turn. An enum of
// 1 000 strings applied to each of 200 000 items took ajv's own keyword 2.7 s (docs/adr/0034). Same answers,
// same error (keyword `enum`, `allowedValues`): scalars by their type and value (so 1 and "1" differ, as in
// ajv), objects and lists by ajv's equality (JSON's, ajv-equality.ts), of which an analyst's enum holds 20 at most.
//
// Plain JavaScript, for the reason the schema compiler's worker is (schema-compiler.worker.mjs): both it and the
// main thread register this keyword, and the worker loads files as they are on disk.
import { _, stringify } from 'ajv';
import { useFunc } from 'ajv/dist/compile/util.js';
import equal from 'ajv/dist/runtime/equal.js';

/** A scalar's key in the set: its JSON type and its value. */
const scalarKey = (value) =>
  typeof value === 'string'
    ? `s${value}`
    : typeof value === 'number'
      ? `n${value}`
      : typeof value === 'boolean'
        ? `b${value}`
        : 'z';

/** Replaces ajv's `enum` (`ajv.removeKeyword('enum')` first). */
export const hashedEnum = {
  keyword: 'enum',
  schemaType: 'array',
  error: {
    message: 'must be equal to one of the allowed values',
    params: ({ schemaCode }) => _`{allowedValues: ${schemaCode}}`,
  },
  code(cxt) {
    const { gen, data, schema } = cxt;
    if (schema.length === 0) throw new Error('enum must have non-empty array');
    const keys = schema.filter((v) => v === null || typeof v !== 'object').map(scalarKey);
    const structured = schema.filter((v) => v !== null && typeof v === 'object');
    const set = gen.scopeValue('obj', { ref: new Set(keys), code: _`new Set(${stringify(keys)})` });
    const valid = gen.let('valid', false);
    gen.if(
      _`${data} === null || typeof ${data} != "object"`,
      () =>
        gen.assign(
          valid,
          _`${set}.has(typeof ${data} == "string" ? "s" + ${data} : typeof ${data} == "number" ? "n" + ${data} : typeof ${data} == "boolean" ? "b" + ${data} : "z")`,
        ),
      structured.length === 0
        ? undefined
        : () => {
            // ajv's equality, which the service replaces with JSON's (ajv-equality.ts); its code is ajv's.
            const eq = useFunc(gen, equal.default);
            const values = gen.scopeValue('obj', { ref: structured, code: stringify(structured) });
            gen.assign(valid, _`${values}.some((v) => ${eq}(${data}, v))`);
          },
    );
    cxt.pass(valid);
  },
};
