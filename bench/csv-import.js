// CSV import and the event loop: how long does the service stop answering while it reads a large CSV?
// Usage: npm run build:server && node bench/csv-import.js [--base http://127.0.0.1:3423] [--runs 3]
//
// Without --base it starts the built service on a temporary database (bench/support.js). For each case it
// creates a fresh table, sends the import as analyst while another connection asks for a missing route every
// 10 ms, and reports the import's status and time and the slowest of those polls: the longest the service
// could not answer anyone. Cases: 60 000 rows (over the cap), 20 000 rows (accepted, into an empty table and
// then over 20 000 rows that all change), a header of 30 000 columns.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startService } from './support.js';

const { values } = parseArgs({ options: { base: { type: 'string' }, runs: { type: 'string', default: '3' } } });
const RUNS = Number(values.runs);

const service = values.base ? undefined : await startService();
const base = values.base ?? service.base;
const token = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'analyst', password: process.env.DEMO_PASSWORD ?? 'demo' }),
}).then(async (r) => (await r.json()).token);
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

// Short lines, so that 60 000 of them fit under the default body limit (1 MiB).
const rowsCsv = (count, suffix = '') =>
  ['id;n;label', ...Array.from({ length: count }, (_, i) => `${i};${i % 97};${suffix}`)].join('\n');
const wideHeader = Array.from({ length: 30_000 }, (_, i) => `c${i}`).join(';') + '\n' + '1;'.repeat(29_999) + '1';

let tableCount = 0;
async function freshTable() {
  const key = `bench-csv-${Date.now()}-${tableCount++}`;
  const response = await fetch(`${base}/api/v1/reference-tables`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      key,
      name: 'Bench CSV',
      keyColumn: 'id',
      columns: [
        { name: 'id', type: 'string' },
        { name: 'n', type: 'number' },
        { name: 'label', type: 'string' },
      ],
    }),
  });
  if (response.status !== 201) throw new Error(`create: ${response.status} ${await response.text()}`);
  return { key, etag: response.headers.get('etag') };
}

async function importCsv(table, csv) {
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/reference-tables/${table.key}/import`, {
    method: 'POST',
    headers: { ...auth, 'if-match': table.etag },
    body: JSON.stringify({ csv, mode: 'replace' }),
  });
  const body = await response.json();
  table.etag = response.headers.get('etag') ?? table.etag;
  return { status: response.status, ms: performance.now() - started, body };
}

/** Runs `work` while polling a 404 route every 10 ms; the slowest poll is the longest the loop was blocked. */
async function whilePolling(work) {
  let done = false;
  let worst = 0;
  const poller = (async () => {
    while (!done) {
      const started = performance.now();
      await fetch(`${base}/no-such-route`).then((r) => r.arrayBuffer());
      worst = Math.max(worst, performance.now() - started);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  await new Promise((r) => setTimeout(r, 30));
  const result = await work();
  done = true;
  await poller;
  return { ...result, worst };
}

const cases = [
  ['60 000 rows (refused)', async () => ({ table: await freshTable(), csv: rowsCsv(60_000) })],
  ['20 000 rows into an empty table', async () => ({ table: await freshTable(), csv: rowsCsv(20_000) })],
  [
    '20 000 rows over 20 000 rows',
    async () => {
      const table = await freshTable();
      const first = await importCsv(table, rowsCsv(20_000));
      if (first.status !== 200) throw new Error(`setup: ${first.status}`);
      return { table, csv: rowsCsv(20_000, ' bis') };
    },
  ],
  ['header of 30 000 columns (refused)', async () => ({ table: await freshTable(), csv: wideHeader })],
];

try {
  console.log(`CSV import on ${base}: worst gap of a 404 polled every 10 ms, over ${RUNS} runs`);
  for (const [title, prepare] of cases) {
    const results = [];
    for (let run = 0; run < RUNS; run++) {
      const { table, csv } = await prepare();
      results.push(await whilePolling(() => importCsv(table, csv)));
    }
    const last = results.at(-1);
    const detail =
      last.status >= 400 ? ` ${last.body.error}: ${last.body.details?.[0]?.message ?? last.body.message}` : '';
    console.log(
      `${title.padEnd(36)} status ${last.status}  import ${results.map((r) => r.ms.toFixed(0)).join('/')} ms  ` +
        `worst gap ${results.map((r) => r.worst.toFixed(0)).join('/')} ms${detail}`,
    );
  }
} finally {
  await service?.stop();
}
