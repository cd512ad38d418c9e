// /evaluate on the invoice pilot, against a bare Fastify endpoint returning the same JSON and against
// json-rules-engine called in process on the same rules and facts, all in one run on this machine.
// Usage: npm run build && npm run bench:evaluate [-- --seconds 10 --connections 10]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { Engine } from 'json-rules-engine';
import { prepare, run } from '../dist/engine/evaluate.js';
import { addGabaritOperators } from '../dist/engine/operators.js';
import { load, startService } from './support.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } } });
const duration = Number(values.seconds);
const connections = Number(values.connections);

const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8'));
const facts = pilot.tests[0].facts; // a compliant invoice: every rule is evaluated

/** json-rules-engine alone, in process: one engine per run as Gabarit does, facts precomputed once. */
async function inProcess(label, makeEngine, runtimeFacts, useComputed) {
  const prepared = prepare('rules', pilot.definition, pilot.computedFacts);
  const end = performance.now() + duration * 1000;
  const latencies = [];
  while (performance.now() < end) {
    const started = performance.now();
    if (useComputed) await run(prepared, facts);
    else await makeEngine().run(runtimeFacts);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return { title: label, rps: latencies.length / duration, p50: latencies[Math.floor(latencies.length / 2)].toFixed(3), p99: latencies[Math.floor(latencies.length * 0.99)].toFixed(3) };
}

const service = await startService();
try {
  const key = await service.apiKey(['evaluate:invoices*']);
  // The same pilot without decision records: separates the service's own cost from the database's write rate.
  await service.publish({ ...pilot, key: 'invoices-nolog', settings: { logDecisions: false } });
  const sample = await fetch(`${service.base}/api/v1/rulesets/invoices/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ facts }) }).then((r) => r.json());
  if (sample.events?.[0]?.type !== 'auto_approve') throw new Error(`unexpected decision: ${JSON.stringify(sample)}`);

  const bare = Fastify();
  bare.post('/evaluate', async () => sample);
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  const body = JSON.stringify({ facts });
  const results = [];
  results.push(await load('bare Fastify POST (same response JSON)', `${bareUrl}/evaluate`, { method: 'POST', body, duration, connections }));
  results.push(await load('Gabarit POST /api/v1/rulesets/invoices/evaluate (decision record stored)', `${service.base}/api/v1/rulesets/invoices/evaluate`, { method: 'POST', body, headers: { 'x-api-key': key }, duration, connections }));
  results.push(await load('Gabarit POST /api/v1/rulesets/invoices-nolog/evaluate (no record)', `${service.base}/api/v1/rulesets/invoices-nolog/evaluate`, { method: 'POST', body, headers: { 'x-api-key': key }, duration, connections }));
  await bare.close();

  // Same rules and precomputed facts, straight into json-rules-engine: the engine's own cost.
  const precomputed = { ...facts, ...(await run(prepare('rules', pilot.definition, pilot.computedFacts), facts)).computed };
  const makeEngine = () => {
    const engine = new Engine(structuredClone(pilot.definition.rules.map(({ explanation: _explanation, ...rule }) => rule)));
    addGabaritOperators(engine);
    for (const [name, condition] of Object.entries(pilot.definition.conditions)) engine.setCondition(name, structuredClone(condition));
    return engine;
  };
  results.push(await inProcess('json-rules-engine in process (new Engine per run)', makeEngine, precomputed, false));
  results.push(await inProcess('Gabarit engine in process (pool + computed facts)', null, null, true));

  const [bareResult, gabarit, unlogged, engineAlone] = results;
  console.log(`\n${duration}s per line, ${connections} connections for HTTP, Node ${process.version}, invoice pilot (${pilot.definition.rules.length} rules)\n`);
  console.log('| what | req/s | p50 ms | p99 ms | vs bare Fastify |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of results) console.log(`| ${r.title} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${(r.rps / bareResult.rps).toFixed(2)} |`);
  console.log(`\n/evaluate with records: ${(gabarit.rps / bareResult.rps).toFixed(3)} of bare Fastify, ${(gabarit.rps / engineAlone.rps).toFixed(2)} of json-rules-engine in process.`);
  console.log(`/evaluate without records: ${(unlogged.rps / bareResult.rps).toFixed(3)} of bare Fastify, ${(unlogged.rps / engineAlone.rps).toFixed(2)} of json-rules-engine in process.`);
} finally {
  service.stop();
}
