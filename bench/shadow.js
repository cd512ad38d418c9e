// /evaluate with and without a shadow run (docs/adr/0028), in one run on this machine: the invoice pilot without
// decision records is in force, a second version (one more rule) is submitted, and /evaluate is loaded in
// alternating rounds without a shadow and with that version in shadow on 100 % of evaluations (a shared machine
// drifts: alternating spreads the drift over both sides). The ratio is total requests with / without.
// Usage: npm run build:server && npm run bench:shadow [-- --seconds 4 --rounds 3 --connections 16] (seconds per line)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { load, signIn, startServiceWithDatabase } from './support.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '16' },
    percent: { type: 'string', default: '100' },
    'log-level': { type: 'string', default: 'info' },
  },
});
const rounds = Number(values.rounds);
const duration = Number(values.seconds); // per line: each side of each round
const connections = Number(values.connections);
const percent = Number(values.percent);

const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8'));
const facts = pilot.tests[0].facts; // a compliant invoice: every rule is evaluated
const KEY = 'invoices-shadow';
/** The challenger: the pilot plus a rule these facts never meet, so the shadow does all the pilot's work. */
const challenger = {
  ...pilot.definition,
  rules: [
    ...pilot.definition.rules,
    {
      name: 'bench-montant-hors-norme',
      conditions: { all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 1e15 }] },
      event: { type: 'manual_review' },
    },
  ],
};

const service = await startServiceWithDatabase({ LOG_LEVEL: values['log-level'] });
try {
  const key = await service.apiKey(['evaluate:invoices*']);
  await service.publish({ ...pilot, key: KEY, settings: { logDecisions: false } });
  const [analyst, approver] = await Promise.all([signIn(service.base, 'analyst'), signIn(service.base, 'approver')]);
  const call = async (token, method, path, body, extra = {}) => {
    const response = await fetch(`${service.base}/api/v1/rulesets/${KEY}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...extra },
      ...(body && { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : { body: await response.json(), etag: response.headers.get('etag') };
  };
  const { etag } = await call(analyst, 'GET', '');
  await call(analyst, 'PUT', '/draft', { definition: challenger }, { 'if-match': etag });
  await call(analyst, 'POST', '/versions/2/submit', {});

  const headers = { 'x-api-key': key };
  const body = JSON.stringify({ facts });
  const url = `${service.base}/api/v1/rulesets/${KEY}/evaluate`;
  const run = (title) => load(title, url, { method: 'POST', body, headers, duration, connections });
  // Warm-up of both versions (the challenger's compiled rules too), not measured.
  await load('warm-up', url, { method: 'POST', body, headers, duration: 2, connections });
  await call(approver, 'POST', '/versions/2/shadow', { percent });
  await load('warm-up with the shadow', url, { method: 'POST', body, headers, duration: 2, connections });
  await call(approver, 'DELETE', '/versions/2/shadow');

  const without = [];
  const withShadow = [];
  const reports = [];
  for (let round = 1; round <= rounds; round++) {
    without.push(await run(`/evaluate, no shadow (round ${round})`));
    await call(approver, 'POST', '/versions/2/shadow', { percent });
    withShadow.push(await run(`/evaluate, version 2 in shadow on ${percent} % (round ${round})`));
    reports.push((await call(approver, 'GET', '/versions/2/shadow')).body);
    await call(approver, 'DELETE', '/versions/2/shadow');
  }

  const sum = (list, field) => list.reduce((total, item) => total + item[field], 0);
  console.log(
    `\n${rounds} rounds of ${duration} s per side, ${connections} connections, LOG_LEVEL=${values['log-level']}, Node ${process.version}, invoice pilot without decision records\n`,
  );
  console.log('| what | req/s | p50 ms | p99 ms | compared | shed |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (let i = 0; i < rounds; i++) {
    const [a, b, report] = [without[i], withShadow[i], reports[i]];
    console.log(`| ${a.title} | ${Math.round(a.rps)} | ${a.p50} | ${a.p99} | | |`);
    console.log(`| ${b.title} | ${Math.round(b.rps)} | ${b.p50} | ${b.p99} | ${report.compared} | ${report.shed} |`);
  }
  const [compared, shed, diverged] = ['compared', 'shed', 'diverged'].map((field) => sum(reports, field));
  console.log(
    `\nShadow reports: compared ${compared} (${Math.round(compared / (rounds * duration))}/s), diverged ${diverged}, shed ${shed}` +
      ` (${Math.round((compared / Math.max(1, compared + shed)) * 100)} % of sampled evaluations compared)`,
  );
  const ratio = sum(withShadow, 'rps') / sum(without, 'rps');
  console.log(`Target: /evaluate with the shadow at ${(ratio * 100).toFixed(1)} % of without (target ≥ 90 %)`);
} finally {
  await service.stop();
}
