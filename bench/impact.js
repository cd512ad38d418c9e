// Impact (a draft replayed on the latest decision records of the version in force, docs/adr/0012 "The latest
// records of a version") against the number of records stored. The invoice pilot's records are made by the
// service itself (/evaluate/batch, 100 a request, varied subtotals), so its samples of the latest records are
// its own; then impact with the default limit (500) is asked three times: the wall time, how many it compared,
// and the worst event-loop lag the service's /metrics saw (10 ms resolution).
// Usage: npm run build:server && npm run bench:impact [-- --sizes 20000,100000]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { signIn, startService } from './support.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '20000,100000' } } });
const sizes = values.sizes.split(',').map(Number);
const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8'));
const facts = pilot.tests[0].facts;

const service = await startService({ LOG_LEVEL: 'warn' });
const rows = [];
try {
  const { base } = service;
  const apiKey = await service.apiKey(['evaluate:invoices']);
  const analyst = await signIn(base, 'analyst');
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${analyst}` };
  const state = await (await fetch(`${base}/api/v1/rulesets/invoices`, { headers })).json();
  // The draft compared: the version in force with one rule less, so some decisions change.
  const etag = (await fetch(`${base}/api/v1/rulesets/invoices`, { headers })).headers.get('etag');
  const definition = { ...pilot.definition, rules: pilot.definition.rules.slice(1) };
  const draft = await fetch(`${base}/api/v1/rulesets/invoices/draft`, {
    method: 'PUT',
    headers: { ...headers, 'if-match': etag },
    body: JSON.stringify({ definition }),
  });
  const version = (await draft.json()).draftVersion ?? state.activeVersion;
  let stored = 0;
  for (const size of sizes) {
    while (stored < size) {
      const items = Array.from({ length: 100 }, (_, i) => ({
        facts: { ...facts, subtotal: 100 + ((stored + i) % 5_000) },
      }));
      const response = await fetch(`${base}/api/v1/rulesets/invoices/evaluate/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({ items }),
      });
      if (!response.ok) throw new Error(`batch: ${response.status} ${await response.text()}`);
      stored += 100;
    }
    await new Promise((r) => setTimeout(r, 6_000)); // the samples are written every 5 s
    for (let round = 0; round < 3; round++) {
      await fetch(`${base}/metrics`); // a scrape resets the worst lag: the next one is this request's
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/rulesets/invoices/versions/${version}/impact`, {
        method: 'POST',
        headers,
        body: JSON.stringify({}),
      });
      const body = await response.json();
      const ms = performance.now() - started;
      const metrics = await (await fetch(`${base}/metrics`)).text();
      const lag = Number(/^nodejs_eventloop_lag_max_seconds (\S+)/m.exec(metrics)?.[1]) * 1000;
      rows.push([size, response.status, body.compared, body.changed, Math.round(ms), Math.round(lag)]);
    }
  }
} finally {
  await service.stop();
}
console.log('| records stored | status | compared | changed | impact, ms | worst lag, ms |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
