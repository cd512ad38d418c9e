// Memory with many published rule sets: publishes N copies of the invoice pilot through the API, each with its
// own checksum and, unless --same-schema, its own input schema (a `$comment` naming it), so nothing is shared;
// with --same-schema the copies share one fact validator, as versions of one rule set usually do. Compiled
// computed facts are cached by expression and by the names of the version's facts, so copies share those of
// their 37 expressions that are the same; with --distinct-facts each copy also has a computed fact of its own
// (`copyN`), which changes those names: nothing compiled is shared, as between rule sets written separately.
// Two readings, from /metrics:
//   1. the instance that did the publishing, after evaluating each copy once (its heap still holds the
//      garbage of thousands of governance requests);
//   2. a fresh instance on the same database that has evaluated each copy once (by one caller, then by eight
//      at once): what an instance serving N rule sets from its cache weighs, right after the fill and again
//      after 30 s without requests (V8 returns the fill's spare pages once the instance is quiet). Compiled
//      versions live in an LRU (COMPILED_CACHE_SIZE, default 2 000).
// Between the two, the publishing instance's decision rate with every copy cached, with the audit trail quiet and
// with it moving (a governance change every 250 ms): noticing changes must not cost per cached rule set.
// Usage: npm run build:server && node bench/cache-memory.js [--rulesets 1000] [--writers 8] [--same-schema]
//        [--distinct-facts] [--idle-seconds 30] [--load-seconds 8]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { load, startService } from './support.js';

const { values } = parseArgs({
  options: {
    rulesets: { type: 'string', default: '1000' },
    writers: { type: 'string', default: '8' },
    'same-schema': { type: 'boolean', default: false },
    'distinct-facts': { type: 'boolean', default: false },
    'idle-seconds': { type: 'string', default: '30' },
    'load-seconds': { type: 'string', default: '8' },
  },
});
const COUNT = Number(values.rulesets);
const IDLE_SECONDS = Number(values['idle-seconds']);
const LOAD_SECONDS = Number(values['load-seconds']);
const WRITERS = Number(values.writers);
const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8'));
const facts = pilot.tests[0].facts;
const keyOf = (n) => `memory-${n}`;

const memory = async (service, waitSeconds = 2) => {
  await new Promise((r) => setTimeout(r, waitSeconds * 1000));
  const text = await fetch(`${service.base}/metrics`).then((r) => r.text());
  const mb = (series) => Number(new RegExp(`^${series} (\\S+)$`, 'm').exec(text)[1]) / 2 ** 20;
  return { rss: mb('process_resident_memory_bytes'), heap: mb('nodejs_heap_size_used_bytes') };
};

/** Runs `work(n)` for n in 0..COUNT-1 on WRITERS concurrent loops. */
const forEachCopy = async (work) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < COUNT) await work(next++);
    }),
  );
};

const evaluator = async (service) => {
  const key = await service.apiKey(['evaluate:*']);
  return async (rulesetKey) => {
    const response = await fetch(`${service.base}/api/v1/rulesets/${rulesetKey}/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ facts }),
    });
    if (!response.ok) throw new Error(`${rulesetKey}: ${response.status} ${await response.text()}`);
    const decision = await response.json();
    if (decision.events[0]?.type !== 'auto_approve')
      throw new Error(`${rulesetKey}: ${JSON.stringify(decision.events)}`);
  };
};

/**
 * Decisions per second on one rule set without records while all copies are cached, in two alternating rounds:
 * the trail quiet, then moving (an API key created every 250 ms, each an audit event). Every 2 s an instance
 * reads what other instances recorded; a change must cost it the rule sets it names, not one read per cached one.
 */
const rateWhileTrailMoves = async (service) => {
  const key = await service.apiKey(['evaluate:*']);
  await service.publish({ ...pilot, key: 'memory-nolog', settings: { logDecisions: false } });
  const url = `${service.base}/api/v1/rulesets/memory-nolog/evaluate`;
  const request = { method: 'POST', body: JSON.stringify({ facts }), headers: { 'x-api-key': key }, connections: 16 };
  await load('warm-up', url, { ...request, duration: Math.min(3, LOAD_SECONDS) });
  const rounds = [];
  for (let round = 0; round < 2; round++) {
    const quiet = await load('quiet trail', url, { ...request, duration: LOAD_SECONDS });
    let changes = 0;
    let stop = false;
    const changing = (async () => {
      while (!stop) {
        const response = await fetch(`${service.base}/api/v1/api-keys`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${service.token}` },
          body: JSON.stringify({ name: `trail-${round}-${changes}`, scopes: ['evaluate:none'] }),
        });
        if (!response.ok) throw new Error(`api key: ${response.status} ${await response.text()}`);
        changes++;
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const moving = await load('moving trail', url, { ...request, duration: LOAD_SECONDS });
    stop = true;
    await changing;
    rounds.push({ quiet: quiet.rps, moving: moving.rps, changes });
  }
  return rounds;
};

const rows = [];
const publisher = await startService({ LOG_LEVEL: 'warn' });
let dataDir = publisher.dataDir;
try {
  const evaluate = await evaluator(publisher);
  await evaluate('invoices'); // warm the process (pilots, one evaluation) before the first reading
  const before = await memory(publisher);
  const started = Date.now();
  await forEachCopy(async (n) => {
    // A distinct parameter per copy gives each its own checksum.
    const computedFacts = pilot.computedFacts.map((fact) =>
      fact.name === 'parameters' ? { ...fact, expression: fact.expression.replace('}', `, "copy": ${n}}`) } : fact,
    );
    if (values['distinct-facts']) computedFacts.push({ name: `copy${n}`, expression: String(n) });
    const inputSchema = values['same-schema'] ? pilot.inputSchema : { ...pilot.inputSchema, $comment: `copy ${n}` };
    await publisher.publish({ ...pilot, key: keyOf(n), name: `${pilot.name} ${n}`, computedFacts, inputSchema });
    await evaluate(keyOf(n));
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `\n${COUNT} published copies of the invoice pilot (${pilot.definition.rules.length} rules, ${values['same-schema'] ? 'one shared input schema' : 'each its own input schema'}${values['distinct-facts'] ? ', computed facts compiled for each' : ''}), in ${seconds.toFixed(0)} s (${(COUNT / seconds).toFixed(1)} published/s with ${WRITERS} writers)`,
  );
  rows.push(['instance that published them, each evaluated once', before, await memory(publisher)]);
  for (const { quiet, moving, changes } of await rateWhileTrailMoves(publisher))
    console.log(
      `With all ${COUNT} cached, /evaluate without a record (16 connections): ${Math.round(quiet)}/s with the audit trail quiet, ${Math.round(moving)}/s while it moves (${changes} governance changes in 8 s): ${(moving / quiet).toFixed(2)} of quiet`,
    );
} finally {
  await publisher.stop();
}
// A fresh instance fills its cache as callers arrive: one at a time, then (restarted) eight at once. V8 lets the
// heap grow further when garbage comes faster, so the second reading is higher for the same cached content.
for (const callers of [1, WRITERS]) {
  const fresh = await startService({ LOG_LEVEL: 'warn', DATA_DIR: dataDir });
  try {
    const evaluate = await evaluator(fresh);
    await evaluate('invoices');
    const before = await memory(fresh);
    let next = 0;
    await Promise.all(
      Array.from({ length: callers }, async () => {
        while (next < COUNT) await evaluate(keyOf(next++));
      }),
    );
    const filled = `fresh instance, all ${COUNT} evaluated once by ${callers} caller${callers > 1 ? 's at once' : ''} (all cached)`;
    rows.push([filled, before, await memory(fresh)]);
    // V8 keeps the pages the fill's garbage needed for a while; once the instance is quiet it gives them back.
    rows.push([`${filled}, then ${IDLE_SECONDS} s without requests`, before, await memory(fresh, IDLE_SECONDS)]);
  } finally {
    await fresh.stop();
  }
}
console.log(`| | RSS before | RSS after | per rule set | heap used before | after | per rule set |`);
console.log(`|---|---:|---:|---:|---:|---:|---:|`);
const per = (a, b) => `${(((b - a) * 1024) / COUNT).toFixed(0)} KB`;
for (const [title, b, a] of rows)
  console.log(
    `| ${title} | ${b.rss.toFixed(0)} MB | ${a.rss.toFixed(0)} MB | ${per(b.rss, a.rss)} | ${b.heap.toFixed(0)} MB | ${a.heap.toFixed(0)} MB | ${per(b.heap, a.heap)} |`,
  );
if (COUNT < 1000) console.log('(The target, under 300 MB RSS, is for 1 000 rule sets.)');
for (const [title, , after] of rows.slice(1))
  console.log(`${after.rss < 300 ? 'Under' : 'Over'} 300 MB RSS: ${title}, ${after.rss.toFixed(0)} MB.`);
