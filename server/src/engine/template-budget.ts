// The work bound of one template render (docs/adr/0033). Handlebars cannot be interrupted and has no bound of
// its own: four nested #each over a 60-item list rendered 260 MB in 15 s. Every tag that runs is charged here
// before the render goes on, and the render stops once its budget or its output limit is spent.
import type Handlebars from 'handlebars';
import { pastLimit, startClock, type WorkClock } from './work-clock.js';

export const RENDER_LIMITS = Object.freeze({
  /** Work units of one render: each tag run, each #each iteration, each 16 characters a helper reads or builds. */
  steps: 50_000,
  /** Characters one rendered template may have: about 150 000 tokens, most of a model's context. */
  characters: 500_000,
  /** Time backstop for work the units under-count, read every few hundred units (work-clock.ts). */
  milliseconds: 20,
});

/** A render needed more than its budget; the service answers 400 `render_limit` naming the template. */
export class RenderLimitError extends Error {
  constructor(readonly limit: 'steps' | 'characters' | 'time' | 'shape') {
    super(
      limit === 'shape'
        ? 'nests deeper or has more tags than a template may (it was saved before these were bounded); edit it'
        : limit === 'steps'
          ? `needs more work than a render allows (${RENDER_LIMITS.steps} steps: tags run, #each iterations) with these variables`
          : limit === 'characters'
            ? `renders more than ${RENDER_LIMITS.characters} characters with these variables`
            : `took longer than a render allows (${RENDER_LIMITS.milliseconds} ms) with these variables`,
    );
    this.name = 'RenderLimitError';
  }
}

const CLOCK_EVERY = 256;
interface Meter {
  left: number;
  characters: number;
  checkAt: number;
  /** Started by the first charge. */
  clock: WorkClock | null;
}
// Rendering is synchronous, so the render in progress is the only one that can be charged.
let meter: Meter | null = null;

/** Runs one render under a fresh budget. */
export function metered<T>(render: () => T): T {
  const outer = meter;
  meter = {
    left: RENDER_LIMITS.steps,
    characters: RENDER_LIMITS.characters,
    checkAt: RENDER_LIMITS.steps - CLOCK_EVERY,
    clock: null, // started by the first charge: a template's first render compiles it first, outside the budget
  };
  try {
    return render();
  } finally {
    meter = outer;
  }
}

/** Charges work units: one for a tag, plus one per 16 characters of what it reads or builds. */
export function charge(units: number): void {
  if (!meter) return;
  meter.clock ??= startClock(RENDER_LIMITS.milliseconds);
  if ((meter.left -= units) < meter.checkAt) {
    if (meter.left < 0) throw new RenderLimitError('steps');
    if (pastLimit(meter.clock)) throw new RenderLimitError('time');
    meter.checkAt = meter.left - CLOCK_EVERY;
  }
}

/** Units for reading or building a string of this length. */
export const sized = (length: number) => 1 + (length >> 4);

/** The name under which compiled templates find the output meter; a space keeps templates from calling it. */
const OUTPUT = 'gabarit output';

/** A value as Handlebars' `buffer += value` appends it: a TypeError for what JavaScript cannot write. */
export function strictText(value: unknown): string {
  return `${value as string}`;
}

/**
 * A value as Handlebars' `buffer += value` would append it, except that an object whose `toString` and `valueOf`
 * are not functions (JSON a caller sends: `{"toString": "a"}`) is written as JavaScript names any object,
 * « [object Object] ». For explanations: the conversion threw a TypeError and the decision answered 500 (an API
 * probe), where a prompt refuses such variables (400 `render_failed`, the variables blamed) rather than send the
 * model « [object Object] ».
 */
export function textOf(value: unknown): string {
  try {
    return `${value as string}`;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** The output meter, writing values with `write`. */
const outputWith = (write: (value: unknown) => string) => (value: unknown) => {
  if (Array.isArray(value)) charge(value.length); // written out item by item, before its length is known
  const text = write(value);
  if (meter && (meter.characters -= text.length) < 0) throw new RenderLimitError('characters');
  charge(1);
  return text;
};

// Handlebars' code generator; its types do not declare it. `compiler` is the class nested programs are built with.
interface Generator {
  appendToBuffer(...args: unknown[]): unknown;
  compiler: unknown;
}
type CompilerClass = { new (): Generator; prototype: Generator };

/**
 * Makes an isolated Handlebars charge its renders: every append to the output (text, values, block results) goes
 * through the output meter, each #each iteration and each block costs a unit. A block's result was counted as
 * its body appended it, so its characters are given back before it is appended again.
 */
export function meterRenders(handlebars: typeof Handlebars, write: (value: unknown) => string = strictText): void {
  const Base = (handlebars as unknown as { JavaScriptCompiler: CompilerClass }).JavaScriptCompiler;
  class MeteredCompiler extends Base {}
  MeteredCompiler.prototype.appendToBuffer = function (this: unknown, source: unknown, ...rest: unknown[]) {
    // The `{}` stands for the options object Handlebars' helper wrapper writes into.
    const call = [`container.helpers[${JSON.stringify(OUTPUT)}](`, source, ', {})'];
    return Base.prototype.appendToBuffer.call(this, call, ...rest);
  };
  MeteredCompiler.prototype.compiler = MeteredCompiler; // nested programs are compiled by `new this.compiler()`
  (handlebars as unknown as { JavaScriptCompiler: CompilerClass }).JavaScriptCompiler = MeteredCompiler;
  handlebars.registerHelper(OUTPUT, outputWith(write));

  for (const name of ['if', 'unless', 'with', 'each']) {
    const builtin = handlebars.helpers[name] as (...args: unknown[]) => unknown;
    handlebars.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      charge(1);
      const options = args[args.length - 1] as Handlebars.HelperOptions;
      if (name === 'each' && typeof options?.fn === 'function') {
        const body = options.fn;
        options.fn = (context: unknown, frame?: Handlebars.RuntimeOptions) => {
          charge(1);
          return body(context, frame);
        };
      }
      const result = builtin.apply(this, args);
      if (meter && typeof result === 'string') meter.characters += result.length;
      return result;
    });
  }
}
