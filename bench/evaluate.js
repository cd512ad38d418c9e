// /evaluate on the invoice pilot, in one run on this machine, against:
//  - a bare Fastify endpoint taking the same body and header and returning the same JSON (HTTP's own cost),
//  - the embedded database's own batched insert rate of the same decision records (the ceiling with records),
//  - json-rules-engine called in process on the same rules and facts (the engine's own cost).
// Usage: npm run build && npm run bench:evaluate [-- --seconds 10 --connections 16 --record-connections 128]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import jstatModule from 'jstat';
import { Engine } from 'json-rules-engine';
import { MongoClient } from 'mongodb';
import { compileDefinition } from '../dist/engine/compile.js';
import { computeFacts } from '../dist/engine/computed-facts.js';
import { evaluateCompiled, prepare, runNow } from '../dist/engine/evaluate.js';
import { addGabaritOperators } from '../dist/engine/operators.js';
import { dayCollection } from '../dist/modules/evaluation/decision-partitions.js';
import { load, pacedLoad, startBare, startServiceWithDatabase, withSeededLookups } from './support.js';

const { jStat } = jstatModule;

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    'record-connections': { type: 'string', default: '128' },
    'log-level': { type: 'string', default: 'info' },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);
const recordConnections = Number(values['record-connections']);

const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8'));
const facts = pilot.tests[0].facts; // a compliant invoice: every rule is evaluated
const BATCH_ITEMS = 100;

/** One rule reading one field of the same facts, no computed facts or lookups, no record. */
const FLOOR_RULESET = {
  key: 'invoices-floor',
  name: 'Floor',
  pilot: 'invoices',
  format: 'rules',
  settings: { logDecisions: false },
  inputSchema: { type: 'object', properties: { invoice: { type: 'object' } } },
  definition: {
    rules: [
      {
        name: 'positive',
        conditions: { all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 0 }] },
        event: { type: 'auto_approve' },
      },
    ],
  },
  tests: [{ name: 'positive', facts: { invoice: { total: 5 } }, expectedEvents: ['auto_approve'] }],
};

/** POST load with this run's duration and connections unless said. */
const post = (title, url, options) => load(title, url, { method: 'POST', duration, connections, ...options });

/** Calls `once` for `seconds`: runs per second and p50/p99 in milliseconds. */
async function inProcess(title, once) {
  for (let i = 0; i < 2000; i++) await once(); // warm-up
  const latencies = [];
  const end = performance.now() + duration * 1000;
  while (performance.now() < end) {
    const started = performance.now();
    await once();
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  const pick = (q) => latencies[Math.floor(latencies.length * q)].toFixed(4);
  return { title, rps: latencies.length / duration, p50: pick(0.5), p99: pick(0.99) };
}

/**
 * Rates measured in alternating rounds: each of `rates` (async, answering one rate) is measured in turn, the order
 * turning every round, and each round gives every contender's ratio to the first. A ratio of two separate windows
 * moves with the machine's noise and does not show it (two runs on one build gave 123× and 91× in process; the
 * bare endpoint alone ran 25 000 to 42 000 req/s from one bench to the next); the rounds' median and range do.
 * Returns, per contender, the median ratio over the rounds and their range.
 */
async function alternatingRounds(rates, rounds) {
  const ratios = rates.slice(1).map(() => []);
  for (let round = 0; round < rounds; round++) {
    const measured = new Array(rates.length);
    for (let k = 0; k < rates.length; k++) {
      const index = (round + k) % rates.length;
      measured[index] = await rates[index]();
    }
    ratios.forEach((list, i) => list.push(measured[i + 1] / measured[0]));
  }
  return ratios.map((list) => ({ median: jStat.median(list), min: jStat.min(list), max: jStat.max(list) }));
}

/** In process: each function runs for a quarter of a second per round, twelve rounds. */
function alternatingRatios(base, contenders) {
  const runsPerSecond = async (once) => {
    let runs = 0;
    const started = performance.now();
    while (performance.now() - started < 250) {
      await once();
      runs++;
    }
    return (runs * 1000) / (performance.now() - started);
  };
  return alternatingRounds(
    [base, ...contenders].map((once) => () => runsPerSecond(once)),
    12,
  );
}

/** Over HTTP: each URL is loaded for `seconds` per round (same body and headers), three rounds. */
function alternatingHttpRatios(reference, contenders, { body, headers, seconds }) {
  return alternatingRounds(
    [reference, ...contenders].map(
      (url) => async () => (await post('alternating round', url, { body, headers, duration: seconds })).rps,
    ),
    3,
  );
}

/** insertMany of copies of the service's own stored records, batch after batch: the database's own rate. */
async function databaseRate(mongoUri, batchSize) {
  const client = await MongoClient.connect(mongoUri);
  try {
    // The collection the service stores today's records in (docs/adr/0042), with the same indexes: none but _id.
    const decisions = client.db().collection(dayCollection(Date.now()));
    const samples = await decisions.find({}).limit(batchSize).toArray();
    let stored = 0;
    const started = performance.now();
    const end = started + duration * 1000;
    while (performance.now() < end) {
      const batch = Array.from({ length: batchSize }, (_, i) => ({
        ...samples[i % samples.length],
        _id: `bench-${stored + i}-${Math.random()}`,
      }));
      await decisions.insertMany(batch, { ordered: false });
      stored += batchSize;
    }
    return {
      title: `database's own insertMany of the same records, batches of ${batchSize}`,
      rps: stored / ((performance.now() - started) / 1000),
      p50: '',
      p99: '',
    };
  } finally {
    await client.close();
  }
}

/** Records stored and inserts made so far, from the service's /metrics. */
async function batchTotals(base) {
  const text = await fetch(`${base}/metrics`).then((r) => r.text());
  const sum = Number(/^gabarit_decision_batch_size_sum (\S+)$/m.exec(text)?.[1] ?? 0);
  const count = Number(/^gabarit_decision_batch_size_count (\S+)$/m.exec(text)?.[1] ?? 0);
  return { sum, count };
}

/** Mean records per insertMany between two `batchTotals`: one run's batches, not the whole bench's. */
function meanBatchSize(before, after) {
  const count = after.count - before.count;
  return count > 0 ? (after.sum - before.sum) / count : 0;
}

const service = await startServiceWithDatabase({ LOG_LEVEL: values['log-level'] });
const rows = [];
const row = (r, note = '') => rows.push({ ...r, note });
let bare; // the bare endpoint's process, while it runs
try {
  const key = await service.apiKey(['evaluate:invoices*']);
  // The same pilot without decision records: separates the service's own cost from the database's write rate.
  await service.publish({ ...pilot, key: 'invoices-nolog', settings: { logDecisions: false } });
  const headers = { 'x-api-key': key };
  const body = JSON.stringify({ facts });
  const evaluateUrl = (ruleset) => `${service.base}/api/v1/rulesets/${ruleset}/evaluate`;
  const sample = await fetch(evaluateUrl('invoices'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  }).then((r) => r.json());
  if (sample.events?.[0]?.type !== 'auto_approve' || sample.logged !== true)
    throw new Error(`unexpected decision: ${JSON.stringify(sample)}`);

  bare = await startBare({
    method: 'POST',
    path: '/evaluate',
    response: sample,
    header: 'x-api-key',
    bodyField: 'facts',
  });

  const bareResult = await post('bare Fastify POST (same body, header and response JSON)', bare.url, {
    body,
    headers,
  });
  row(bareResult);
  const unlogged = await post(
    '/evaluate, no decision record (settings.logDecisions: false)',
    evaluateUrl('invoices-nolog'),
    { body, headers },
  );
  row(unlogged);
  // The service's own floor: the same body on a one-rule rule set, so the HTTP path is what is measured.
  await service.publish(FLOOR_RULESET);
  const floor = await post(
    '/evaluate, no record, one-rule rule set (the service floor)',
    evaluateUrl(FLOOR_RULESET.key),
    {
      body,
      headers,
    },
  );
  row(floor);
  const [unloggedRounds, floorRounds] = await alternatingHttpRatios(
    bare.url,
    [evaluateUrl('invoices-nolog'), evaluateUrl(FLOOR_RULESET.key)],
    { body, headers, seconds: Math.max(1, duration / 2) },
  );
  await bare.stop();
  bare = undefined;
  // Latency at half the peak rate, on a uniform schedule (open loop): the target's measure. autocannon's rate
  // cap gives half-second bursts at the peak instead; its line stays beside it to show the difference.
  // Three runs in a row, the median shown: on a shared machine one run's p99 moved between 2 and 7 ms from one
  // bench to the next, while runs in a row on one service varied by a millisecond or two.
  const halfRate = Math.round(unlogged.rps / 2);
  const pacedRuns = [];
  for (let i = 0; i < 3; i++)
    pacedRuns.push(
      await pacedLoad(
        '/evaluate, no record, at half its peak rate, paced (loadtest, open loop), median of 3 runs',
        evaluateUrl('invoices-nolog'),
        { body, headers, rate: halfRate, duration },
      ),
    );
  const halfPeak = [...pacedRuns].sort((a, b) => a.p99 - b.p99 || a.p50 - b.p50)[1];
  const pacedP99s = pacedRuns.map((r) => r.p99).join(', ');
  row(halfPeak, `${halfRate}/s asked; p99 of each run: ${pacedP99s} ms`);
  const halfPeakBursts = await post(
    '/evaluate, no record, half its peak rate as autocannon caps it (bursts at the peak)',
    evaluateUrl('invoices-nolog'),
    { body, headers, rate: halfRate },
  );
  row(halfPeakBursts, `${halfRate}/s asked`);
  const logged = await post(`/evaluate, decision record stored (${connections} connections)`, evaluateUrl('invoices'), {
    body,
    headers,
  });
  row(logged);
  const beforeWide = await batchTotals(service.base);
  const loggedWide = await post(
    `/evaluate, decision record stored (${recordConnections} connections)`,
    evaluateUrl('invoices'),
    { body, headers, connections: recordConnections },
  );
  const batchSize = meanBatchSize(beforeWide, await batchTotals(service.base));
  row(loggedWide, `mean batch ${batchSize.toFixed(0)} records`);
  const dbSame = await databaseRate(service.mongoUri, Math.max(1, Math.round(batchSize)));
  row(dbSame);
  const db100 = await databaseRate(service.mongoUri, 100);
  row(db100);
  const batchBody = JSON.stringify({ items: Array.from({ length: BATCH_ITEMS }, () => ({ facts })) });
  const batch = await post(
    `/evaluate/batch, ${BATCH_ITEMS} items, no record`,
    `${evaluateUrl('invoices-nolog')}/batch`,
    { body: batchBody, headers },
  );
  row({ ...batch, rps: batch.rps * BATCH_ITEMS }, 'decisions/s');

  // In process, same rules and facts, with the supplier and purchase-order rows the pilot's lookups find (the
  // service reads them from its seeded tables). json-rules-engine gets the computed facts precomputed once.
  const prepared = prepare(pilot.format, pilot.definition, pilot.computedFacts ?? []);
  const input = withSeededLookups(pilot, facts);
  // As the service runs it: the lookups are dynamic facts answering the seeded rows, read during the run.
  const rowsFound = Object.fromEntries((pilot.lookups ?? []).map((l) => [l.fact, () => input[l.fact]]));
  const preparedWithLookups = prepare(pilot.format, pilot.definition, pilot.computedFacts ?? [], rowsFound);
  const precomputed = { ...input, ...(await computeFacts(pilot.computedFacts ?? [], input)) };
  const libraryRules = compileDefinition(pilot.format, pilot.definition); // what json-rules-engine gets
  const newEngine = () => {
    const engine = new Engine(libraryRules.rules);
    addGabaritOperators(engine);
    for (const [name, condition] of Object.entries(libraryRules.namedConditions)) engine.setCondition(name, condition);
    return engine;
  };
  const library = await inProcess('json-rules-engine in process, new Engine per run (facts precomputed)', () =>
    newEngine().run(precomputed),
  );
  row(library);
  const compiledOnly = await inProcess('Gabarit compiled evaluator with traces (facts precomputed)', () =>
    evaluateCompiled(prepared, precomputed),
  );
  row(compiledOnly);
  const compiledWithFacts = await inProcess(
    'Gabarit runNow(): lookups + computed facts + compiled evaluator with traces',
    () => runNow(preparedWithLookups, facts),
  );
  row(compiledWithFacts);
  const [compiledRatio, withFactsRatio] = await alternatingRatios(
    () => newEngine().run(precomputed),
    [() => evaluateCompiled(prepared, precomputed), () => runNow(preparedWithLookups, facts)],
  );

  console.log(
    `\n${duration} s per line, ${connections} connections unless said, LOG_LEVEL=${values['log-level']}, Node ${process.version}, invoice pilot (${pilot.definition.rules.length} rules, ${pilot.computedFacts?.length ?? 0} computed facts)\n`,
  );
  console.log('| what | req/s | p50 ms | p99 ms | of bare Fastify | note |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const r of rows)
    console.log(
      `| ${r.title} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${(r.rps / bareResult.rps).toFixed(3)} | ${r.note} |`,
    );
  const ratio = (a, b) => (a / b).toFixed(2);
  console.log('\nTargets:');
  const rounds = (r) => `${r.median.toFixed(1)}× (rounds ${r.min.toFixed(0)}–${r.max.toFixed(0)}×)`;
  const shares = (r) => `${r.median.toFixed(2)} (rounds ${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
  console.log(
    `- in process, no computed facts: ${rounds(compiledRatio)} json-rules-engine in alternating rounds, ${ratio(compiledOnly.rps, library.rps)}× from the windows above (target ≥ 100×)`,
  );
  console.log(
    `- in process, with computed facts: ${rounds(withFactsRatio)} json-rules-engine in alternating rounds, ${ratio(compiledWithFacts.rps, library.rps)}× from the windows above (target ≥ 30×)`,
  );
  console.log(
    `- /evaluate without a record: ${ratio(unlogged.rps, bareResult.rps)} of bare Fastify from the windows above, ${shares(unloggedRounds)} in alternating rounds (target ≥ 0.70); p99 at half peak under ${halfPeak.p99 + 1} ms paced, median of three runs (${pacedP99s} ms, rounded down; target ≤ 5; ${halfPeakBursts.p99} ms in autocannon's bursts); the service floor (one rule): ${ratio(floor.rps, bareResult.rps)}, ${shares(floorRounds)} in alternating rounds`,
  );
  console.log(
    `- /evaluate with a record: ${ratio(loggedWide.rps, bareResult.rps)} of bare Fastify (target ≥ 0.12), ${ratio(loggedWide.rps, dbSame.rps)} of the database's insertMany rate at the same batch size, ${ratio(loggedWide.rps, db100.rps)} at batches of 100 (target ≥ 0.80)`,
  );
  console.log(
    `- /evaluate/batch of ${BATCH_ITEMS}: ${Math.round(batch.rps * BATCH_ITEMS)} decisions/s (target ≥ 20 000)`,
  );
} finally {
  await bare?.stop();
  service.stop();
}
