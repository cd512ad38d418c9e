// Impact (a draft replayed on the latest decision records of the version in force, docs/adr/0012 "The latest
// records of a version") against the number of records stored. The invoice pilot's records are made by the
// service itself (/evaluate/batch, 100 a request, varied subtotals), so its samples of the latest records are
// its own; then impact with the default limit (500) is asked three times: the wall time, how many it compared,
// and the worst event-loop lag the service's /metrics saw (10 ms resolution), and the service's peak resident
// memory during it (sampled every 50 ms). `--wide N` first stores N more records whose facts carry 0.9 MB of
// members, then asks impact over them: records are compared as they are read, so memory stays flat.
// Usage: npm run build:server && npm run bench:impact [-- --sizes 20000,100000] [--wide 300]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { signIn, startService } from './support.js';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '20000,100000' }, wide: { type: 'string', default: '0' } },
});
const sizes = values.sizes.split(',').map(Number);
const wideRecords = Number(values.wide);
/** Eight objects of 9 000 members each (objects of more than 10 000 are refused): 0.9 MB of JSON. */
const wideMembers = Object.fromEntries(
  Array.from({ length: 8 }, (_, o) => [
    `o${o}`,
    Object.fromEntries(Array.from({ length: 9_000 }, (_, i) => [`k${i}`, i])),
  ]),
);
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
    for (let round = 0; round < 3; round++) rows.push([size, ...(await measureImpact(500))]);
  }
  if (wideRecords > 0) {
    const body = JSON.stringify({ facts: { ...facts, extra: wideMembers } });
    for (let i = 0; i < wideRecords; i++) {
      const response = await fetch(`${base}/api/v1/rulesets/invoices/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body,
      });
      if (!response.ok) throw new Error(`evaluate: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    }
    await new Promise((r) => setTimeout(r, 6_000));
    rows.push([`${wideRecords} of 0.9 MB`, ...(await measureImpact(wideRecords))]);
  }

  /** One impact request: status, compared, changed, wall time, worst lag, RSS before and at its peak. */
  async function measureImpact(limit) {
    await fetch(`${base}/metrics`); // a scrape resets the worst lag: the next one is this request's
    const before = await residentMegabytes();
    let peak = before;
    let done = false;
    const sampler = (async () => {
      while (!done) {
        peak = Math.max(peak, await residentMegabytes());
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/rulesets/invoices/versions/${version}/impact`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ limit }),
    });
    const body = await response.json();
    const ms = performance.now() - started;
    done = true;
    await sampler;
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const lag = Number(/^nodejs_eventloop_lag_max_seconds (\S+)/m.exec(metrics)?.[1]) * 1000;
    return [response.status, body.compared, body.changed, Math.round(ms), Math.round(lag), `${before} → ${peak}`];
  }

  async function residentMegabytes() {
    const metrics = await (await fetch(`${base}/metrics`)).text();
    return Math.round(Number(/^process_resident_memory_bytes (\S+)/m.exec(metrics)?.[1]) / 2 ** 20);
  }
} finally {
  await service.stop();
}
console.log('| records stored | status | compared | changed | impact, ms | worst lag, ms | RSS before → peak, MB |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
