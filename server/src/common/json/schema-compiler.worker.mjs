// Compiles analysts' JSON Schemas off the main thread (docs/adr/0035). ajv writes a validator as JavaScript
// source, synchronously: 100–450 ms for a schema at the size limit on the development machine, which on the main
// thread held every request for as long. Here ajv writes that source ("standalone code"); the main thread only
// evaluates it (schema-validators.ts), a few milliseconds.
//
// Plain JavaScript on purpose: a worker thread is started by Node itself, from the file as it is on disk, both
// from the build and under the test runner, which compiles TypeScript for its own module loader only.
import { parentPort } from 'node:worker_threads';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { hashedEnum } from './hashed-enum.mjs';
import { addLinearFormats } from './linear-formats.mjs';

/**
 * `pattern` keywords are built on the main thread by the engine it names `patternEngine` (RE2 for analysts'
 * schemas). ajv calls this at compile time only to keep a pattern object in its scope, which standalone code
 * does not use.
 */
const patternWrittenOnly = Object.assign((source) => ({ test: () => false, toString: () => `/${source}/` }), {
  code: 'patternEngine',
});

/** `options`: ajv's plain options; `keywords`: annotations the schemas may carry (no validation of their own). */
parentPort.on('message', ({ id, schema, options, keywords }) => {
  try {
    const ajv = new Ajv({ ...options, code: { source: true, regExp: patternWrittenOnly } });
    addLinearFormats(ajv);
    for (const keyword of keywords) ajv.addKeyword({ keyword, schemaType: 'boolean' });
    ajv.removeKeyword('enum');
    ajv.addKeyword(hashedEnum);
    const validate = ajv.compile(schema);
    parentPort.postMessage({ id, result: standaloneCode.default(ajv, validate) });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
