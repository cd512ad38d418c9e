// Experiment results against the number of answers the experiment served (docs/adr/0029, "Results from a log of
// answers"). The seeded chatbot experiment gets N answers (half per variant, one in three with feedback, half of
// that positive), stored as a database from before the experiment log holds them: in the completions and
// feedback collections only. The service is restarted on that database, copies them into the log once (timed),
// then results are read three times: the wall time, and the worst event-loop lag the service's /metrics saw
// (10 ms resolution). Usage: npm run build:server && npm run bench:experiment-results [-- --sizes 10000,50000,100000]
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { signIn, startServiceWithDatabase } from './support.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,50000,100000' } } });
const sizes = values.sizes.split(',').map(Number);
const EXPERIMENT = 'chatbot-brievete';
const VARIANTS = [
  ['detaillee-v3', 3],
  ['concise-v4', 4],
];
const env = { LOG_LEVEL: 'warn', DATA_DIR: mkdtempSync(join(tmpdir(), 'gabarit-bench-results-')) };

/** Stores answers `from`…`to` - 1 straight into the collections, as serving and feedback did before the log. */
async function plant(mongoUri, from, to) {
  const client = await MongoClient.connect(mongoUri);
  const db = client.db();
  const start = Date.now() - 30 * 86_400_000;
  for (let first = from; first < to; first += 5_000) {
    const completions = [];
    const feedback = [];
    for (let i = first; i < Math.min(to, first + 5_000); i++) {
      const [variant, version] = VARIANTS[i % 2];
      const _id = randomUUID();
      completions.push({
        _id,
        prompt: 'chatbot-answer',
        version,
        experiment: EXPERIMENT,
        variant,
        subject: randomUUID().replaceAll('-', ''),
        at: new Date(start + i * 1_000),
        latencyMs: 800 + ((i * 7919) % 2_000),
        usage: { inputTokens: 300, outputTokens: 120 },
        outcome: i % 50 === 0 ? 'error' : 'ok',
      });
      if (i % 3 === 0)
        feedback.push({
          _id,
          experiment: EXPERIMENT,
          variant,
          outcome: i % 6 === 0 ? 'positive' : 'negative',
          at: new Date(),
        });
    }
    await db.collection('completions').insertMany(completions, { ordered: false });
    await db.collection('feedback').insertMany(feedback, { ordered: false });
  }
  // A database from before the log: the service copies what it finds at its next start.
  await db.collection('experiment_log').deleteOne({ _id: 'backfilled:v1' });
  await client.close();
}

const rows = [];
let service = await startServiceWithDatabase(env);
let stored = 0;
try {
  for (const size of sizes) {
    await plant(service.mongoUri, stored, size);
    stored = size;
    await service.stop();
    const restarting = performance.now();
    service = await startServiceWithDatabase(env);
    const restartMs = performance.now() - restarting;
    const analyst = await signIn(service.base, 'analyst');
    for (let round = 0; round < 3; round++) {
      await fetch(`${service.base}/metrics`); // a scrape resets the worst lag: the next one is this read's
      const started = performance.now();
      const response = await fetch(`${service.base}/api/v1/experiments/${EXPERIMENT}/results`, {
        headers: { authorization: `Bearer ${analyst}` },
      });
      const body = await response.json();
      const ms = performance.now() - started;
      const metrics = await (await fetch(`${service.base}/metrics`)).text();
      const lag = Number(/^nodejs_eventloop_lag_max_seconds (\S+)/m.exec(metrics)?.[1]) * 1000;
      const served = body.variants?.reduce((n, v) => n + v.exposures, 0);
      rows.push([
        size,
        round === 0 ? Math.round(restartMs) : '',
        response.status,
        served,
        Math.round(ms),
        Math.round(lag),
      ]);
    }
  }
} finally {
  await service.stop();
}
console.log(
  '| answers stored | restart with the copy, ms | status | exposures counted | results, ms | worst lag, ms |',
);
console.log('|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
