// The event loop while an analyst works on the largest rule set the limits let through, over HTTP: create,
// update the draft, run its tests, submit, read its analysis, approve, publish, and the first decision. For
// each step: the worst lag the service's own /metrics saw (`nodejs_eventloop_lag_max_seconds`, 10 ms
// resolution), and every gap over 25 ms with the functions the CPU profile sampled while it lasted
// (docs/adr/0034). Usage: npm run build:server && npm run bench:http-stalls
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manyConditions } from '../dist/engine/fixtures/large-analyses.js';
import { startService } from './support.js';

const work = mkdtempSync(join(tmpdir(), 'gabarit-stalls-'));
const gapLog = join(work, 'gaps');
process.env.BENCH_NODE_ARGS = `--import ./bench/gap-probe.mjs --cpu-prof --cpu-prof-dir=${join(work, 'profile')}`;
const service = await startService({ GAP_LOG: gapLog });
const { base } = service;
const signIn = async (username) =>
  (
    await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: process.env.DEMO_PASSWORD ?? 'demo' }),
    }).then((r) => r.json())
  ).token;
const [analyst, approver] = [await signIn('analyst'), await signIn('approver')];
const apiKey = await service.apiKey(['evaluate:*']);
const lagMax = async () => {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^nodejs_eventloop_lag_max_seconds (\S+)/m.exec(text)?.[1]) * 1000;
};
const send = (method, path, token, body, headers = {}) =>
  fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

const steps = [];
/** When the first step began, on the clock the probe and the profile use (µs): gaps before are start-up's. */
let firstStep;
async function step(what, call) {
  firstStep ??= Number(process.hrtime.bigint() / 1000n);
  await lagMax(); // reads and resets the service's histogram
  const started = performance.now();
  const response = await call();
  const wall = performance.now() - started;
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  steps.push({ what, status: response.status, wall, lag: await lagMax() });
  return response;
}

/** 7 800 conditions in two rules, just under 512 KiB, with one test case. */
const content = (name) => ({
  ...manyConditions(2, 39, name),
  tests: [{ name: 'nothing', facts: { t: { x0: 0 } }, expectedEvents: [] }],
});
const create = (key) =>
  send('POST', '/rulesets', analyst, { key, name: 'Large', pilot: 'invoices', format: 'rules', ...content('r') });
for (let i = 0; i < 3; i++) await step(`create (${i === 0 ? 'first, cold' : 'warming up'})`, () => create(`warm-${i}`));
const key = 'largest';
await step('create', () => create(key));
const etag = (await send('GET', `/rulesets/${key}`, analyst)).headers.get('etag');
await step('update the draft', () =>
  send('PUT', `/rulesets/${key}/draft`, analyst, content('s'), { 'if-match': etag }),
);
await step('run its tests', () => send('POST', `/rulesets/${key}/versions/1/test`, analyst));
await step('submit (with its analysis)', () => send('POST', `/rulesets/${key}/versions/1/submit`, analyst, {}));
await step('read its analysis', () => send('GET', `/rulesets/${key}/versions/1/analysis`, approver));
await step('approve', () => send('POST', `/rulesets/${key}/versions/1/approve`, approver, {}));
await step('publish', () => send('POST', `/rulesets/${key}/versions/1/publish`, approver, {}));
await step('first decision (compiles it)', () =>
  fetch(`${base}/api/v1/rulesets/${key}/evaluate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ facts: { t: { x0: 5 } } }),
  }),
);

// A caller's side at the size limit: four rules each naming 50 times a condition of 100 leaves (20 000 conditions),
// all reading a list of 2 000 numbers; and a batch of five such decisions, 100 000 traced conditions, the cap.
const fanned = 'fanned';
const readsBig = { fact: 'big', operator: 'notEqual', value: [0] };
const succeeded = async (what, response) => {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
};
await succeeded(
  'create the fanned rule set',
  await send('POST', '/rulesets', analyst, {
    key: fanned,
    name: 'Fanned',
    pilot: 'invoices',
    format: 'rules',
    inputSchema: { type: 'object', properties: { big: { type: 'array', items: { type: 'number' } } } },
    definition: {
      conditions: { n0: { all: Array.from({ length: 100 }, () => readsBig) } },
      rules: Array.from({ length: 4 }, (_, i) => ({
        name: `r${i}`,
        conditions: { all: Array.from({ length: 50 }, () => ({ condition: 'n0' })) },
        event: { type: 'x' },
      })),
    },
  }),
);
for (const action of ['submit', 'approve', 'publish'])
  await succeeded(
    `${action} it`,
    await send('POST', `/rulesets/${fanned}/versions/1/${action}`, action === 'submit' ? analyst : approver, {}),
  );
const big = Array.from({ length: 2_000 }, (_, i) => i + 1);
const decide = (path, body) => () =>
  fetch(`${base}/api/v1/rulesets/${fanned}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify(body),
  });
let recordId;
for (let i = 1; i <= 3; i++) {
  const decided = await step(`decision at the size limit, record (${i})`, decide('evaluate', { facts: { big } }));
  recordId = (await decided.json()).evaluationId;
}
for (let i = 1; i <= 3; i++)
  await step(`the same with explain, 2.4 MB answer (${i})`, decide('evaluate', { facts: { big }, explain: true }));
for (let i = 1; i <= 3; i++)
  await step(`read its record (${i})`, () => send('GET', `/decisions/${recordId}`, approver));
const items = Array.from({ length: 5 }, () => ({ facts: { big } }));
for (let i = 1; i <= 3; i++)
  await step(`batch of 5 such decisions, records (${i})`, decide('evaluate/batch', { items }));
await service.stop();

console.log('\n| step | status | wall ms | worst event-loop lag, ms (/metrics) |\n|---|---:|---:|---:|');
for (const s of steps) console.log(`| ${s.what} | ${s.status} | ${s.wall.toFixed(0)} | ${s.lag.toFixed(0)} |`);

// Each gap over 25 ms, with the functions sampled while it lasted (their share of its samples).
const gaps = (() => {
  try {
    return readFileSync(gapLog, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ').map(Number));
  } catch {
    return [];
  }
})();
const profileDir = join(work, 'profile');
const profile = JSON.parse(readFileSync(join(profileDir, readdirSync(profileDir)[0]), 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parents = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
const label = ({ callFrame: f }) =>
  `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
let clock = profile.startTime;
const times = profile.timeDeltas.map((delta) => (clock += delta));
/** The service's own code (the build), not Node's, a library's or its start-up's. */
const ours = ({ callFrame: f }) =>
  f.url.includes('/dist/') && !f.url.includes('/node_modules/') && !/main\.js|app\.factory/.test(f.url);
console.log(`\nGaps over 25 ms during the steps, with the service's own functions sampled in them:`);
for (const [from, to] of gaps.filter(([from]) => from >= firstStep)) {
  const counts = new Map();
  let samples = 0;
  let collecting = 0;
  profile.samples.forEach((id, i) => {
    if (times[i] < from || times[i] > to) return;
    samples++;
    if (nodes.get(id).callFrame.functionName === '(garbage collector)') collecting++;
    const seen = new Set();
    for (let n = id; n !== undefined; n = parents.get(n)) {
      const node = nodes.get(n);
      const name = label(node);
      if (seen.has(name) || !ours(node)) continue;
      seen.add(name);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  });
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 4);
  const share = (c) => `${Math.round((100 * c) / samples)} %`;
  console.log(
    `- ${((to - from) / 1000).toFixed(0)} ms (garbage collection ${share(collecting)}): ${top.map(([name, c]) => `${name} ${share(c)}`).join(', ') || '(no function of the service sampled)'}`,
  );
}
