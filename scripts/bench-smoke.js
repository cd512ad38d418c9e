// Runs every benchmark of the README once with the smallest options it takes, and fails when one of them does
// not finish cleanly. No figure is checked (tests never assert timings): this only keeps the documented bench
// commands working. Two of them had stopped working unnoticed — bench:governance at its first page request (the
// lists began refusing parameters they do not take) and bench:expressions at its first import (the engine began
// importing common/) — because nothing ran them between measuring sessions.
// Usage: npm run build && node scripts/bench-smoke.js [name…]
import { spawn } from 'node:child_process';

/** Each bench's script and the options that make it short; together about four minutes on the 2-core machine. */
const BENCHES = {
  run: ['bench/run.js', '--seconds', '1'],
  evaluate: ['bench/evaluate.js', '--seconds', '1'],
  engine: ['bench/engine.js', '--seconds', '0.2'],
  shadow: ['bench/shadow.js', '--seconds', '1', '--rounds', '1'],
  records: ['bench/record-encodings.js', '--seconds', '0.5', '--rounds', '1'],
  'record-ids': ['bench/record-ids.js', '--seconds', '0.5', '--rounds', '1', '--stored', '500'],
  governance: ['bench/governance.js', '--quick', '--samples', '2', '--seconds', '1', '--writers', '2'],
  memory: ['bench/cache-memory.js', '--rulesets', '40', '--writers', '2', '--idle-seconds', '1', '--load-seconds', '1'],
  expressions: ['bench/expressions.js', '--ms', '5'],
  outage: ['bench/outage.js', '--rate', '100', '--before', '1', '--outage', '7', '--after', '3'],
  crash: ['bench/crash.js', '--rounds', '1'],
  soak: ['bench/soak.js', '--minutes', '0.1'],
  csv: ['bench/csv-import.js', '--runs', '1'],
  stalls: ['bench/analyst-stalls.js', '--runs', '1'],
  'http-stalls': ['bench/http-stalls.js'],
  'wide-bodies': ['bench/wide-bodies.js'],
  'experiment-results': ['bench/experiment-results.js', '--sizes', '500'],
  impact: ['bench/impact.js', '--sizes', '500', '--wide', '5'],
};
/** Longer than any of them takes shortened: a bench that hangs fails instead of holding CI. */
const TIMEOUT_MS = 180_000;

/** How long the output may still come after a bench exits: a service it left running holds the pipe open. */
const DRAIN_MS = 2_000;

/**
 * Runs one bench in a process group of its own, so that the services it starts go with it: a bench that died
 * before stopping its service (« service did not become healthy ») left that service holding the output pipe,
 * and waiting for the pipe to close held the smoke run, and CI, for good.
 */
function runBench(name, [script, ...args]) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const killGroup = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    };
    let done = false;
    const finish = (code, signal) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      killGroup(); // whatever the bench left running
      resolve({ name, ok: code === 0, code, signal, seconds: (Date.now() - started) / 1000, output });
    };
    const timer = setTimeout(killGroup, TIMEOUT_MS);
    child.on('close', (code, signal) => finish(code, signal));
    // Exited, its output still open: a service of its own holds it; what it said by then is enough.
    child.on('exit', (code, signal) => setTimeout(() => finish(code, signal), DRAIN_MS).unref());
  });
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown bench(es): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const failed = [];
let ran = 0;
for (const [name, command] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  ran++;
  const result = await runBench(name, command);
  const how = result.ok ? 'ok' : result.signal ? `killed (${result.signal}) after the timeout` : `exit ${result.code}`;
  console.log(`bench ${name}: ${how} in ${result.seconds.toFixed(1)} s`);
  if (!result.ok) {
    failed.push(name);
    console.log(result.output.split('\n').slice(-30).join('\n'));
  }
}
if (failed.length > 0) console.log(`Benches that failed: ${failed.join(', ')}`);
console.log(`Benches: ${ran - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length === 0 ? 0 : 1);
