// The event loop around single requests near the body limit whose size is in their width: many members in one
// object, or in several. For each, three times: the status, the wall time and the worst lag the service's own
// /metrics saw (`nodejs_eventloop_lag_max_seconds`, 10 ms resolution); for decisions, also reading the record
// back as an analyst (personal and undeclared values masked). docs/adr/0012, "What a wide body held the event
// loop for". Usage: npm run build:server && npm run bench:wide-bodies
import { readFileSync } from 'node:fs';
import { signIn, startService } from './support.js';

const service = await startService({ LOG_LEVEL: 'warn' });
const { base } = service;
const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8'));
const facts = pilot.tests[0].facts;
const apiKey = await service.apiKey(['evaluate:invoices']);
const analyst = await signIn(base, 'analyst');

/** Reads and resets the service's worst event-loop lag, in ms. */
const lagMax = async () => {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^nodejs_eventloop_lag_max_seconds (\S+)/m.exec(text)?.[1]) * 1000;
};
/** `total` members `k0`, `k1`, … in objects of `width` members each (one object when they are equal). */
const members = (total, width) => {
  const object = (n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
  if (width >= total) return object(total);
  return Object.fromEntries(Array.from({ length: Math.ceil(total / width) }, (_, g) => [`g${g}`, object(width)]));
};
const evaluate = (extra, headers = { 'x-api-key': apiKey }) => ({
  path: '/api/v1/rulesets/invoices/evaluate',
  headers,
  body: { facts: { ...facts, ...extra } },
});
const cases = [
  ['/evaluate, 70 000 members in one object of the facts', evaluate({ extra: members(70_000, 70_000) })],
  ['/evaluate, 70 000 members at the top of the facts', evaluate(members(70_000, 70_000))],
  ['the same without an API key', evaluate(members(70_000, 70_000), {})],
  [
    'prompt preview, 60 000 variables',
    {
      path: '/api/v1/prompts/chatbot-answer/preview',
      headers: { authorization: `Bearer ${analyst}` },
      body: { variables: members(60_000, 60_000) },
    },
  ],
  ['/evaluate, 70 000 members in 7 objects of 10 000', evaluate({ extra: members(70_000, 10_000) })],
  ['/evaluate, 70 000 members in 14 objects of 5 000', evaluate({ extra: members(70_000, 5_000) })],
  ['/evaluate, 70 000 members in 70 objects of 1 000', evaluate({ extra: members(70_000, 1_000) })],
  [
    '/evaluate, 40 000 small objects in a list',
    evaluate({ extra: Array.from({ length: 40_000 }, (_, i) => ({ a: i % 1000, b: 'x' })) }),
  ],
];

const rows = [];
try {
  for (const [what, { path, headers, body }] of cases) {
    const text = JSON.stringify(body);
    for (let round = 0; round < 3; round++) {
      await lagMax();
      const started = performance.now();
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: text,
      });
      const answer = await response.json();
      const wall = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 50)); // the gauge is read every 10 ms
      rows.push({
        what,
        kib: Math.round(text.length / 1024),
        status: answer.error ?? response.status,
        wall,
        lag: await lagMax(),
      });
      if (!answer.evaluationId) continue;
      await new Promise((resolve) => setTimeout(resolve, 300)); // the record is stored by the next batch
      await lagMax();
      const readStarted = performance.now();
      const record = await fetch(`${base}/api/v1/decisions/${answer.evaluationId}`, {
        headers: { authorization: `Bearer ${analyst}` },
      });
      await record.arrayBuffer();
      const readWall = performance.now() - readStarted;
      await new Promise((resolve) => setTimeout(resolve, 50));
      rows.push({
        what: '  its record read back, masked',
        kib: '',
        status: record.status,
        wall: readWall,
        lag: await lagMax(),
      });
    }
  }
} finally {
  await service.stop();
}
console.log('| request | KiB | answer | wall ms | worst event-loop lag, ms |\n|---|---:|---|---:|---:|');
for (const r of rows)
  console.log(`| ${r.what} | ${r.kib} | ${r.status} | ${r.wall.toFixed(0)} | ${r.lag.toFixed(0)} |`);
