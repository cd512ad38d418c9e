import { Engine, type Almanac, type TopLevelCondition } from 'json-rules-engine';
import type { CompiledRules } from './compile.js';
import { addGabaritOperators } from './operators.js';

const MAX_IDLE = 32;

/**
 * Engines for one compiled version. json-rules-engine keeps run state on the Engine, so two overlapping
 * runs with async facts on one engine silently skip lower-priority rules: each run borrows an engine of its own.
 */
export class EnginePool {
  private readonly idle: Engine[] = [];

  constructor(
    private readonly compiled: CompiledRules,
    /** Facts computed on demand during a run, such as reference-table lookups (async). */
    private readonly dynamicFacts: Record<string, (params: Record<string, unknown>, almanac: Almanac) => Promise<unknown>> = {},
  ) {}

  async use<T>(run: (engine: Engine) => Promise<T>): Promise<T> {
    const engine = this.idle.pop() ?? this.build();
    try {
      return await run(engine);
    } finally {
      if (this.idle.length < MAX_IDLE) this.idle.push(engine);
    }
  }

  private build(): Engine {
    const engine = new Engine();
    addGabaritOperators(engine);
    for (const [name, fn] of Object.entries(this.dynamicFacts)) engine.addFact(name, fn as never);
    // Each engine gets its own copies: nothing one engine does to a rule object can reach another.
    for (const [name, condition] of Object.entries(this.compiled.namedConditions)) engine.setCondition(name, structuredClone(condition) as TopLevelCondition);
    for (const rule of this.compiled.rules) {
      const own = structuredClone(rule);
      engine.addRule(this.compiled.stopAtFirstSuccess ? { ...own, onSuccess: () => engine.stop() } : own);
    }
    return engine;
  }
}
