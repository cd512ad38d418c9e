// Micro-benchmark of rule evaluation alone on the invoice pilot (19 rules, 18 named conditions), computed facts
// precomputed once: json-rules-engine with a new Engine per run, one json-rules-engine Engine reused, and
// Gabarit's compiled evaluator with traces (docs/adr/0009-compiled-evaluator.md). All in one process.
// Usage: npm run build:server && node bench/engine.js [--seconds 3]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Engine } from 'json-rules-engine';
import { compileDefinition } from '../dist/engine/compile.js';
import { computeFacts } from '../dist/engine/computed-facts.js';
import { evaluateCompiled, prepare } from '../dist/engine/evaluate.js';
import { addGabaritOperators } from '../dist/engine/operators.js';
import { traceRule } from '../dist/engine/trace.js';
import { withSeededLookups } from './support.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' } } });
const seconds = Number(values.seconds);

const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8'));
// A compliant invoice (every rule is evaluated), with the supplier and purchase-order rows its lookups find.
const input = withSeededLookups(pilot, pilot.tests[0].facts);
const facts = { ...input, ...(await computeFacts(pilot.computedFacts ?? [], input)) };
const prepared = prepare(pilot.format, pilot.definition, pilot.computedFacts ?? []);
const { rules, namedConditions } = compileDefinition(pilot.format, pilot.definition); // what json-rules-engine gets

// `new Engine(rules)` plus what the pilot needs: our operators and its named conditions.
function newEngine() {
  const engine = new Engine(rules);
  addGabaritOperators(engine);
  for (const [name, condition] of Object.entries(namedConditions)) engine.setCondition(name, condition);
  return engine;
}

/** Runs `once` for `seconds` (after a warm-up), timing each call: runs/s and p50/p99 in microseconds. */
async function measure(title, once, isAsync) {
  const warmUntil = performance.now() + 500;
  while (performance.now() < warmUntil) {
    if (isAsync) await once();
    else once();
  }
  const latencies = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      if (isAsync) await once();
      else once();
      latencies.push(performance.now() - t);
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  // Throughput without the per-call clock reads: the same number of calls, back to back.
  const n = latencies.length;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    if (isAsync) await once();
    else once();
  }
  const rps = n / ((performance.now() - t0) / 1000);
  latencies.sort((a, b) => a - b);
  const us = (ms) => (ms * 1000).toFixed(2);
  return {
    title,
    runs: n,
    'runs/s': Math.round(rps),
    'p50 µs': us(latencies[Math.floor(n / 2)]),
    'p99 µs': us(latencies[Math.floor(n * 0.99)]),
    seconds: elapsed.toFixed(1),
  };
}

// Same answer from all three before timing anything.
const reference = await newEngine().run(structuredClone(facts));
const ours = evaluateCompiled(prepared, facts);
const sameEvents =
  JSON.stringify(ours.events) ===
  JSON.stringify(reference.events.map((e) => ({ type: e.type, ...(e.params !== undefined && { params: e.params }) })));
const sameTraces =
  ours.fired.length === reference.results.length &&
  ours.failed.length === reference.failureResults.length &&
  reference.results.map(traceRule).every((t) => ours.fired.some((f) => JSON.stringify(f) === JSON.stringify(t)));
if (!sameEvents || !sameTraces) throw new Error('the compiled evaluator disagrees with json-rules-engine on the pilot');

const reused = newEngine();
const results = [
  await measure('json-rules-engine, new Engine per run', () => newEngine().run(facts), true),
  await measure('json-rules-engine, one Engine reused', () => reused.run(facts), true),
  await measure('compiled evaluator, with traces', () => evaluateCompiled(prepared, facts), false),
];
console.table(results);
const [perRun, shared, compiled] = results;
console.log(
  `compiled vs new Engine per run: ${(compiled['runs/s'] / perRun['runs/s']).toFixed(0)}x runs/s, ${(perRun['p50 µs'] / compiled['p50 µs']).toFixed(0)}x p50`,
);
console.log(
  `compiled vs one Engine reused:  ${(compiled['runs/s'] / shared['runs/s']).toFixed(0)}x runs/s, ${(shared['p50 µs'] / compiled['p50 µs']).toFixed(0)}x p50`,
);
console.log(
  `(${ours.fired.length} rules fired, ${ours.failed.length} failed; ${rules.length} rules, ${Object.keys(namedConditions).length} named conditions)`,
);
