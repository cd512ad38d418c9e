// Memory with many published rule sets: publishes N copies of the invoice pilot (each with its own checksum)
// through the API, evaluates each once so its compiled version is cached, and reads the service's RSS from
// /metrics before and after. Compiled versions live in an LRU (COMPILED_CACHE_SIZE, default 2 000).
// Usage: npm run build:server && node bench/cache-memory.js [--rulesets 1000] [--writers 8]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startService } from './support.js';

const { values } = parseArgs({ options: { rulesets: { type: 'string', default: '1000' }, writers: { type: 'string', default: '8' } } });
const COUNT = Number(values.rulesets);
const WRITERS = Number(values.writers);
const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8'));
const facts = pilot.tests[0].facts;

const service = await startService({ LOG_LEVEL: 'warn' });
const memory = async () => {
  const text = await fetch(`${service.base}/metrics`).then((r) => r.text());
  const mb = (series) => Number(new RegExp(`^${series} (\\S+)$`, 'm').exec(text)[1]) / 2 ** 20;
  return { rss: mb('process_resident_memory_bytes'), heap: mb('nodejs_heap_size_used_bytes') };
};
try {
  const key = await service.apiKey(['evaluate:*']);
  const evaluate = async (rulesetKey) => {
    const response = await fetch(`${service.base}/api/v1/rulesets/${rulesetKey}/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ facts }) });
    if (!response.ok) throw new Error(`${rulesetKey}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  // Warm the process (pilots, one evaluation) before the first reading.
  await evaluate('invoices');
  const before = await memory();
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < COUNT) {
        const n = next++;
        const rulesetKey = `memory-${n}`;
        // A distinct parameter per copy gives each its own checksum, so nothing is shared between them.
        const computedFacts = pilot.computedFacts.map((fact) => (fact.name === 'parameters' ? { ...fact, expression: fact.expression.replace('}', `, "copy": ${n}}`) } : fact));
        await service.publish({ ...pilot, key: rulesetKey, name: `${pilot.name} ${n}`, computedFacts });
        const decision = await evaluate(rulesetKey);
        if (decision.events[0]?.type !== 'auto_approve') throw new Error(`${rulesetKey}: ${JSON.stringify(decision.events)}`);
      }
    }),
  );
  const published = (Date.now() - started) / 1000;
  global.gc?.();
  await new Promise((r) => setTimeout(r, 2000));
  const after = await memory();
  console.log(`\n${COUNT} published copies of the invoice pilot (${pilot.definition.rules.length} rules), each evaluated once, in ${published.toFixed(0)} s (${(COUNT / published).toFixed(1)} published/s with ${WRITERS} writers)`);
  console.log(`| | before | after | per rule set |`);
  console.log(`|---|---:|---:|---:|`);
  for (const what of ['rss', 'heap']) console.log(`| ${what === 'rss' ? 'RSS' : 'V8 heap used'} | ${before[what].toFixed(0)} MB | ${after[what].toFixed(0)} MB | ${(((after[what] - before[what]) * 1024) / COUNT).toFixed(0)} KB |`);
  if (COUNT < 1000) console.log('(The target, under 300 MB RSS, is for 1 000 rule sets.)');
  else console.log(after.rss < 300 ? 'Target met: under 300 MB RSS.' : 'Target missed: 300 MB RSS or more.');
} finally {
  service.stop();
}
