// Database outage drill: /evaluate runs at a steady rate while the embedded database is frozen (SIGSTOP) for
// 30 s, then resumed. Prints, second by second, decisions answered, how many were logged, errors and p99; and
// what a governance write answers during the outage. Expected: decisions keep coming from memory (logged:
// false while the database is away), writes get 503 database_unavailable, nothing half-written, and logged
// decisions are back within 5 s of the resume.
// Usage: npm run build:server && node bench/outage.js [--rate 400] [--before 10] [--outage 30] [--after 15]
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { signIn, startServiceWithDatabase } from './support.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '400' },
    before: { type: 'string', default: '10' },
    outage: { type: 'string', default: '30' },
    after: { type: 'string', default: '15' },
  },
});
const RATE = Number(values.rate);
const [BEFORE, OUTAGE, AFTER] = [Number(values.before), Number(values.outage), Number(values.after)];
const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8'));
const body = JSON.stringify({ facts: pilot.tests[0].facts });

const service = await startServiceWithDatabase({ LOG_LEVEL: 'warn' });
const ferretdb = Number(execSync(`pgrep -P ${service.pid} -f ferretdb`).toString().trim().split('\n')[0]);
const seconds = [];
let stopped = false;
try {
  const key = await service.apiKey(['evaluate:*']);
  const analyst = await signIn(service.base, 'analyst');
  const started = Date.now();
  const second = () => Math.floor((Date.now() - started) / 1000);
  const stat = (s) => (seconds[s] ??= { answered: 0, logged: 0, errors: 0, latencies: [] });
  const evaluateOnce = async () => {
    const t0 = performance.now();
    const s = second();
    try {
      const response = await fetch(`${service.base}/api/v1/rulesets/invoices/evaluate`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        signal: AbortSignal.timeout(60_000),
      });
      const decision = await response.json();
      const row = stat(s);
      if (response.status !== 200 || decision.events?.[0]?.type !== 'auto_approve') row.errors++;
      else {
        row.answered++;
        if (decision.logged) row.logged++;
      }
      row.latencies.push(performance.now() - t0);
    } catch {
      stat(s).errors++;
    }
  };
  // An open-loop load: RATE requests a second, whatever the answers take.
  const total = BEFORE + OUTAGE + AFTER;
  const inflight = new Set();
  const ticker = setInterval(() => {
    for (let i = 0; i < RATE / 100; i++) {
      const p = evaluateOnce();
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
    }
  }, 10);
  const probes = [];
  setTimeout(() => {
    process.kill(ferretdb, 'SIGSTOP');
    stopped = true;
    console.log(`t=${second()} s: database frozen (SIGSTOP ${ferretdb})`);
    // A governance write while the database is away.
    setTimeout(async () => {
      const t0 = performance.now();
      const response = await fetch(`${service.base}/api/v1/rulesets`, {
        method: 'POST',
        body: JSON.stringify({ ...pilot, key: 'written-during-outage' }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
        signal: AbortSignal.timeout(120_000),
      }).catch((err) => ({ status: err.name, json: async () => ({}) }));
      const answer = await response.json().catch(() => ({}));
      probes.push(
        `t=${second()} s: a governance write answered ${response.status} ${answer.error ?? ''} after ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }, 5_000);
  }, BEFORE * 1000);
  setTimeout(
    () => {
      process.kill(ferretdb, 'SIGCONT');
      stopped = false;
      console.log(`t=${second()} s: database resumed`);
    },
    (BEFORE + OUTAGE) * 1000,
  );
  await new Promise((resolve) => setTimeout(resolve, total * 1000));
  clearInterval(ticker);
  await Promise.allSettled([...inflight]);
  for (const line of probes) console.log(line);
  const exists = await fetch(`${service.base}/api/v1/rulesets/written-during-outage`, {
    headers: { authorization: `Bearer ${analyst}` },
  });
  const whole = exists.status === 200 ? (await exists.json()).versions?.length === 1 : false;
  console.log(
    `after the drill, the rule set written during the outage: ${exists.status === 404 ? 'absent' : whole ? 'present, whole' : `status ${exists.status}`}`,
  );
  const verify = await fetch(`${service.base}/api/v1/audit/verify`, {
    headers: { authorization: `Bearer ${await signIn(service.base, 'risk')}` },
  });
  console.log(`audit chain after the drill: ${JSON.stringify(await verify.json())}`);

  console.log(
    `\n${RATE} /evaluate a second (records on); database frozen from t=${BEFORE} s to t=${BEFORE + OUTAGE} s\n`,
  );
  console.log('| second | answered | logged | errors | p99 ms |');
  console.log('|---:|---:|---:|---:|---:|');
  seconds.forEach((row, s) => {
    if (!row) return;
    row.latencies.sort((a, b) => a - b);
    const p99 = row.latencies[Math.floor(row.latencies.length * 0.99)] ?? 0;
    console.log(`| ${s} | ${row.answered} | ${row.logged} | ${row.errors} | ${p99.toFixed(0)} |`);
  });
  const resumedAt = BEFORE + OUTAGE;
  const back = seconds.findIndex((row, s) => s >= resumedAt && row && row.answered > 0 && row.logged === row.answered);
  console.log(
    `\nlogged again ${back >= 0 ? `${back - resumedAt} s after the resume` : 'never'}; errors during the drill: ${seconds.reduce((n, row) => n + (row?.errors ?? 0), 0)}`,
  );
} finally {
  if (stopped) process.kill(ferretdb, 'SIGCONT');
  await service.stop();
}
