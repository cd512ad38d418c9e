import { createRequire } from 'node:module';
import { Ajv, type AnySchema, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { LRUCache } from 'lru-cache';
import { DependencyUnavailableError } from '../errors/domain-errors.js';
import { OnDemandWorker, WorkerFailure } from '../workers/on-demand-worker.js';
import { checksumOf } from './canonical.js';
import { addLinearFormats, linearFormats } from './linear-formats.mjs';
import { withoutTextAnnotations } from './schema-annotations.js';
import { subschemaCount } from './schema-cost.js';
import { SchemaWork, schemaWorkOn } from './schema-work.js';
import './ajv-equality.js';
import { hashedEnum } from './hashed-enum.mjs';

/** A schema took longer than this to compile in the worker: it is refused, and the worker started again. */
export const SCHEMA_COMPILE_TIMEOUT_MS = 20_000;
/** An idle worker ends after this long: schemas are compiled when saved or first used, rarely in between. */
const WORKER_IDLE_MS = 10_000;
/**
 * Schemas up to this many subschemas are compiled here, by ajv itself: the invoice pilot's 48 take a few
 * milliseconds, and a validator ajv compiled keeps about 16 KB of heap where one evaluated from standalone code
 * keeps its whole source, 85 KB for the same schema (1 000 rule sets each with its own schema: 300 MB of RSS
 * against 380). Larger ones go to the worker.
 */
export const COMPILED_HERE_UP_TO = 64;

/**
 * Inputs of up to this many values are validated for every problem; larger ones stop at the first. With every
 * problem listed, 400 000 wrong items of a list (an 800 KB body) made as many errors in one uninterruptible call:
 * 163 ms of the event loop for /evaluate, 86–245 ms for a prompt's variables. The error body shows 100 anyway.
 */
export const LISTED_UP_TO = 10_000;

/**
 * Subschemas applied where they may fail without the input failing (`schemaWorkOn`: the branches of `anyOf`,
 * `oneOf`, `not`, `if`, and `contains`) up to which every problem is listed; past it the check stops at the first.
 * Each that fails leaves an error: 0.3–1 µs per subschema applied when most fail.
 */
export const LISTED_WORK = 50_000;

/**
 * The same, at most, for one input: past it the input is refused before ajv runs. Stopping at the first problem,
 * ajv still keeps an error for every `anyOf` branch and `contains` item that fails before one passes: 0.2–0.3 µs
 * per subschema applied in the service at the widest place SCHEMA_LIMITS allows (64), so 20–30 ms at this bound
 * (`contains` with every item failing, the worst measured: 60–66 ms at twice the bound). Elsewhere
 * the first failure ends the check, and the body's size bounds a pass (a few nanoseconds per subschema).
 */
export const CHECKED_WORK = 100_000;

/**
 * A compiled schema as callers use it: true or false, with `errors` after a false. A large input (past
 * LISTED_UP_TO values or LISTED_WORK subschemas applied) is checked by a validator that stops at its first
 * problem, which `errors` then names alone; one past CHECKED_WORK is refused unchecked (`maxWork`).
 */
export interface Validator {
  (data: unknown): boolean;
  errors: ErrorObject[] | null;
  /** The validator's private copy of its schema, without the text only people read. */
  schema: AnySchema;
}

/** Whether `data` holds at most `limit` values (itself, and every member and item within, at any depth). */
export function valuesWithin(data: unknown, limit: number): boolean {
  let left = limit - 1;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      if ((left -= value.length) < 0) return false;
      for (const item of value as unknown[]) if (typeof item === 'object' && item !== null) stack.push(item);
    } else
      for (const key in value) {
        if (--left < 0) return false;
        const member = (value as Record<string, unknown>)[key];
        if (typeof member === 'object' && member !== null) stack.push(member);
      }
  }
  return true;
}

/** The refusal of an input whose check would apply more than CHECKED_WORK subschemas. */
function tooMuchWork(): ErrorObject {
  return {
    instancePath: '',
    schemaPath: '#',
    keyword: 'maxWork',
    params: { limit: CHECKED_WORK },
    message: `holds more values than its schema can check in one request: checking them would apply more than ${CHECKED_WORK} subschemas (send fewer values, or ask for a schema with fewer alternatives where the values are many)`,
  };
}

/**
 * `full` (every problem) on small inputs, `firstProblem()` (built when first needed) on large ones, nothing on
 * inputs past CHECKED_WORK. An input of few values, for the schema's widest place, is known small without
 * counting its work: every decision's facts are.
 */
function bounded(full: ValidateFunction, firstProblem: () => ValidateFunction): Validator {
  let quick: ValidateFunction | undefined;
  const work = new SchemaWork(full.schema);
  const { weight } = work.widest();
  const smallUpTo = weight === 0 ? LISTED_UP_TO : Math.min(LISTED_UP_TO, Math.floor(LISTED_WORK / weight));
  const validate = ((data: unknown) => {
    let used = full;
    if (!valuesWithin(data, smallUpTo)) {
      const units = weight === 0 ? 0 : schemaWorkOn(data, work, CHECKED_WORK);
      if (units > CHECKED_WORK) {
        validate.errors = [tooMuchWork()];
        return false;
      }
      if (units > LISTED_WORK || !valuesWithin(data, LISTED_UP_TO)) used = quick ??= firstProblem();
    }
    const valid = used(data) as boolean;
    validate.errors = valid ? null : (used.errors ?? null);
    // Said in the problem itself, so that every caller's error body tells it: there may be more.
    if (!valid && used === quick && validate.errors?.[0])
      validate.errors[0].message = `${validate.errors[0].message ?? 'is invalid'} (the first problem found: a large input is checked up to its first)`;
    return valid;
  }) as Validator;
  validate.errors = null;
  validate.schema = full.schema;
  return validate;
}

/** What ajv's standalone code requires: its runtime helpers and ajv-formats' formats, found from here. */
const requireFromHere = createRequire(import.meta.url);

/**
 * `require` for validators' standalone code: ajv-formats' formats are ours (`url` in linear time, linear-formats.mjs),
 * as in validators compiled here.
 */
function requireForStandalone(id: string): unknown {
  return id === 'ajv-formats/dist/formats' ? { fullFormats: linearFormats } : requireFromHere(id);
}

/** The worker that writes validators' code. */
const COMPILER = new URL('./schema-compiler.worker.mjs', import.meta.url);

/** What the compiler worker is sent: the schema, ajv's plain options, and the annotation keywords it accepts. */
interface CompileRequest {
  schema: AnySchema;
  options: Options;
  keywords: readonly string[];
}

/**
 * Compiled JSON Schema validators, one per distinct schema (by checksum of its canonical JSON), least recently
 * used first out. Versions of a rule set or prompt usually share their schema, so they share one validator.
 *
 * ajv writes a validator's code synchronously, 100–450 ms for a schema at the size limit on the development
 * machine: on the main thread that held every request as long. Past COMPILED_HERE_UP_TO subschemas a worker
 * thread writes it (ajv's standalone code, `schema-compiler.worker.mjs`, set up as `compileHere` is) and the
 * main thread only evaluates it, a few milliseconds; meanwhile it serves other requests (docs/adr/0035). Each
 * schema gets an ajv instance of its own, here or in the worker, dropped after: a long-lived instance keeps every
 * schema it compiled. A validator still held by someone keeps working after it left the cache. Every validator
 * carries a private copy of its schema (`schema`), without its titles, descriptions and comments
 * (`withoutTextAnnotations`), which whoever shares the validator can read instead of keeping a copy of its own.
 */
export class SchemaValidators {
  private readonly cache: LRUCache<string, Validator>;
  /** Compilations under way, by checksum: two requests for one new schema share one. */
  private readonly compiling = new Map<string, Promise<Validator>>();
  /**
   * The one worker thread that writes validators' code, started when needed and ended when idle (its ajv and its
   * heap, about 13 MB of RSS, are not worth keeping between saves), started again after a failure.
   */
  private worker: OnDemandWorker<CompileRequest, string> | undefined;

  constructor(
    /** ajv's options (plain values: they are sent to the worker). */
    private readonly options: Options,
    max: number,
    /** Annotation keywords the schemas may carry (`x-pii`): accepted, never validated. */
    private readonly keywords: readonly string[] = [],
    /** What builds a `pattern` keyword's matcher (ajv's `code.regExp`): JavaScript's RegExp unless said. */
    private readonly patternEngine: PatternEngine = (source, flags) => new RegExp(source, flags),
    /** The worker script: the tests name one that fails. */
    private readonly compiler: URL = COMPILER,
  ) {
    this.cache = new LRUCache({ max });
  }

  /** The validator of a schema; rejects with ajv's error when it does not compile (an unresolvable `$ref`…). */
  for(schema: AnySchema): Promise<Validator> {
    // Every caller reads a validator's answer as a boolean: an asynchronous one (ajv honours `$async` at the root)
    // answers a promise, "valid" for any input. Saving refuses `$async` (schemaCostProblems); this holds for any
    // other way a schema gets here.
    if (typeof schema === 'object' && schema['$async'] !== undefined)
      return Promise.reject(new Error('asks for asynchronous validation ($async), which this service does not do'));
    const key = checksumOf(schema);
    const validate = this.cache.get(key);
    if (validate) return Promise.resolve(validate);
    if (subschemaCount(schema) <= COMPILED_HERE_UP_TO) {
      try {
        // The first-problem validator is compiled when a large input first comes (a few milliseconds at this
        // size): most schemas never see one, and each validator keeps about 16 KB.
        const compiled = bounded(this.compileHere(schema), () => this.compileHere(schema, { allErrors: false }));
        this.cache.set(key, compiled);
        return Promise.resolve(compiled);
      } catch (err) {
        return Promise.reject(err as Error);
      }
    }
    let pending = this.compiling.get(key);
    if (!pending) {
      const copy = withoutTextAnnotations(schema);
      // Both validators at once: a validator is used synchronously, so the first-problem one cannot wait for the
      // worker when a large input comes.
      pending = Promise.all([this.compileInWorker(copy), this.compileInWorker(copy, { allErrors: false })])
        .then(([everyProblem, firstProblem]) => {
          const full = evaluateStandalone(everyProblem, this.patternEngine);
          full.schema = copy; // as ajv.compile gives it
          const quick = evaluateStandalone(firstProblem, this.patternEngine);
          const compiled = bounded(full, () => quick);
          this.cache.set(key, compiled);
          return compiled;
        })
        .finally(() => this.compiling.delete(key));
      this.compiling.set(key, pending);
    }
    return pending;
  }

  /**
   * The validator's code, written by the worker; once more in a new worker if that one crashed. What still fails
   * is a 503 (`schema_compiler_unavailable`): neither a 400 blaming the schema nor a 500.
   */
  private async compileInWorker(schema: AnySchema, overrides: Options = {}): Promise<string> {
    this.worker ??= new OnDemandWorker(this.compiler, {
      timeoutMs: SCHEMA_COMPILE_TIMEOUT_MS,
      idleMs: WORKER_IDLE_MS,
      name: 'the schema compiler',
    });
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.worker.run({ schema, options: { ...this.options, ...overrides }, keywords: this.keywords });
      } catch (err) {
        if (!(err instanceof WorkerFailure)) throw err; // the schema's own error: ajv's message
        if (attempt === 1 && err.worthRetrying) continue;
        throw new DependencyUnavailableError(
          `The JSON Schema could not be compiled now (${err.message}); try again.`,
          'schema_compiler_unavailable',
          1, // the next compile starts a new worker
        );
      }
    }
  }

  /** ajv on this thread, an instance per schema: a long-lived one keeps every schema it compiled. */
  private compileHere(schema: AnySchema, overrides: Options = {}): ValidateFunction {
    const ajv = new Ajv({ ...this.options, ...overrides, code: { regExp: this.patternEngine as never } });
    addLinearFormats(ajv);
    for (const keyword of this.keywords) ajv.addKeyword({ keyword, schemaType: 'boolean' });
    ajv.removeKeyword('enum');
    ajv.addKeyword(hashedEnum);
    // A private copy (the caller's object may be changed after this), without the text only people read.
    return ajv.compile(withoutTextAnnotations(schema));
  }
}

export type PatternEngine = (source: string, flags: string) => { test(text: string): boolean };

/**
 * Evaluates the validator ajv wrote for a schema, the same code `ajv.compile` would have evaluated itself. Its
 * `pattern` keywords are built by `patternEngine` here: a pattern the engine refuses throws, as in ajv.compile.
 */
function evaluateStandalone(code: string, patternEngine: PatternEngine): ValidateFunction {
  const module: { exports: Record<string, unknown> } = { exports: {} };
  // The code is ajv's, generated from the schema with every value quoted; this is how ajv runs it too.
  // eslint-disable-next-line no-restricted-syntax -- the text is ajv's code for a schema, not an analyst's text
  const load = new Function('require', 'module', 'exports', 'patternEngine', code) as (...args: unknown[]) => void;
  load(requireForStandalone, module, module.exports, patternEngine);
  return module.exports['default'] as ValidateFunction;
}
