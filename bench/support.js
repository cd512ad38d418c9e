// Shared by the benchmarks: start the built service on a temporary embedded database, and load a URL.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadTest } from 'loadtest';
import { isDecisionCollection } from '../dist/modules/evaluation/decision-partitions.js';

/**
 * The environment of a service on an embedded database of its own, in a new temporary DATA_DIR. A MONGODB_URI of
 * the caller's is not passed on: the benches and the contract run fill the database with seed and bench data,
 * create fixed users, and stop the embedded FerretDB (bench:outage).
 */
export function ownDatabaseEnv(env) {
  const { MONGODB_URI: _callers, ...inherited } = process.env;
  return { ...inherited, LOG_LEVEL: 'warn', DATA_DIR: mkdtempSync(join(tmpdir(), 'gabarit-bench-')), ...env };
}

/**
 * Starts the built service on an embedded database of its own; `env` adds or overrides variables (e.g. LOG_LEVEL).
 * A service not healthy in two minutes is said, with its last output, and started once more on another port: twice
 * in clean runs a bench's service never answered (bench soak, then bench memory), cause not yet known, and the run
 * failed on it.
 */
export async function startService(env = {}) {
  let launched;
  try {
    launched = await launchHealthy(env);
  } catch (err) {
    process.stderr.write(`bench: ${err.message}\nbench: starting the service once more, on another port\n`);
    launched = await launchHealthy(env);
  }
  const { child, base, dataDir } = launched;
  const signIn = (username) =>
    fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: process.env.DEMO_PASSWORD ?? 'demo' }),
    })
      .then((r) => r.json())
      .then((b) => b.token);
  let tokens;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: process.env.DEMO_PASSWORD ?? 'demo' }),
  }).then((r) => r.json());
  return {
    base,
    token: login.token,
    apiKey: async (scopes) =>
      (
        await fetch(`${base}/api/v1/api-keys`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
          body: JSON.stringify({ name: 'bench', scopes }),
        }).then((r) => r.json())
      ).key,
    /** Creates, tests, approves and publishes a rule set through the API, as analyst then approver (signed in once). */
    publish: async (ruleset) => {
      tokens ??= Promise.all([signIn('analyst'), signIn('approver')]);
      const [analyst, approver] = await tokens;
      const call = async (token, path, body = {}) => {
        const response = await fetch(`${base}/api/v1/rulesets${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
        return response.json();
      };
      await call(analyst, '', ruleset);
      await call(analyst, `/${ruleset.key}/versions/1/test`);
      await call(analyst, `/${ruleset.key}/versions/1/submit`);
      await call(approver, `/${ruleset.key}/versions/1/approve`);
      const published = await call(approver, `/${ruleset.key}/versions/1/publish`);
      if (published.activeVersion !== 1)
        throw new Error(`could not publish ${ruleset.key}: ${JSON.stringify(published)}`);
    },
    pid: child.pid,
    dataDir,
    /** Stops the service; resolves once it has exited (its embedded database with it). */
    stop: () => {
      const exited =
        child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The service started, once its /health answers; throws, the service killed, when it does not in two minutes. */
async function launchHealthy(env) {
  const port = 3100 + Math.floor(Math.random() * 800);
  const childEnv = ownDatabaseEnv({ PORT: String(port), METRICS_PUBLIC: 'true', ...env });
  // BENCH_NODE_ARGS adds Node options to the service alone, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profile".
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // The service's log goes to a file in its data directory, whose end is said if it never becomes healthy: twice a
  // bench's service waited two minutes without a word (bench soak, then bench memory), its output thrown away. A
  // file, not a pipe: a service outliving its bench would block on a pipe nobody reads.
  const logFile = join(childEnv.DATA_DIR, `service-${port}.log`);
  const logFd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, 'dist/main.js'], {
    env: childEnv,
    stdio: ['ignore', logFd, 'inherit'],
  });
  closeSync(logFd); // the child holds its own
  const lastOutput = () => {
    try {
      return readFileSync(logFile, 'utf8').slice(-8000);
    } catch {
      return '(no output)';
    }
  };
  const base = `http://127.0.0.1:${port}`;
  let lastAnswer = 'no answer';
  for (let i = 0; ; i++) {
    if (
      await fetch(`${base}/health`).then(
        async (r) => {
          lastAnswer = `${r.status} ${(await r.text()).slice(0, 200)}`;
          return r.ok;
        },
        (err) => {
          lastAnswer = String(err?.cause?.code ?? err);
          return false;
        },
      )
    )
      break;
    if (i > 600 || child.exitCode !== null) {
      // Not left behind: it would outlive the bench, on its port and its database.
      child.kill('SIGKILL');
      throw new Error(
        `service did not become healthy on port ${port} (exit code ${child.exitCode}; /health: ${lastAnswer}); its last output:\n${lastOutput()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base, dataDir: childEnv.DATA_DIR };
}

/**
 * A bare Fastify endpoint answering `response` to `method` on `path`, in a child process (bench/bare-server.js):
 * the reference the service is compared with. `header` must be sent, `bodyField` must be an object in the body.
 * Resolves to the endpoint's URL and a stop function.
 */
export async function startBare({ method, path, response, header, bodyField }) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./bare-server.js', import.meta.url))], {
    env: {
      ...process.env,
      BARE_METHOD: method,
      BARE_PATH: path,
      BARE_RESPONSE: JSON.stringify(response),
      ...(header && { BARE_HEADER: header }),
      ...(bodyField && { BARE_BODY_FIELD: bodyField }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    child.stdout.once('data', (line) => resolve(String(line).trim()));
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code}) before listening`)));
  });
  return {
    url,
    stop: () => {
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** autocannon on one URL; `rate` caps requests per second (all connections together). Any non-2xx or error fails it. */
export function load(title, url, { method = 'GET', body, headers = {}, duration, connections, rate }) {
  return new Promise((resolve, reject) => {
    const options = {
      url,
      method,
      body,
      headers: { 'content-type': 'application/json', ...headers },
      duration,
      connections,
      ...(rate && { overallRate: rate }),
    };
    autocannon(options, (err, result) => {
      if (err) return reject(err);
      if (result.non2xx > 0 || result.errors > 0)
        return reject(new Error(`${title}: ${result.non2xx} non-2xx responses, ${result.errors} errors`));
      resolve({ title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
    });
  });
}

/**
 * An open-loop load at a fixed rate, for latency at a given rate: loadtest sends requests on a uniform schedule
 * whether or not earlier ones were answered, opening connections as it needs them. autocannon's rate cap is a
 * quota per connection and second instead: each connection sends at full speed until its quota is spent, then
 * waits for the next second, so its latencies "at half the peak rate" are those of half-second bursts at the
 * peak (docs/adr/0036). p50/p99 are of each request, from sending to the end of its response, in whole ms
 * (loadtest's resolution, rounded down); any error or non-2xx fails it. `warmUp` seconds at the same rate come
 * first and are not counted.
 */
export async function pacedLoad(title, url, { method = 'POST', body, headers = {}, rate, duration, warmUp = 2 }) {
  let latencies = [];
  const run = (seconds) =>
    loadTest({
      url,
      method,
      body,
      contentType: 'application/json',
      headers,
      requestsPerSecond: rate,
      maxSeconds: seconds,
      agentKeepAlive: true,
      quiet: true,
      statusCallback: (error, response) => {
        if (!error && response) latencies.push(response.requestElapsed);
      },
    });
  // The first seconds of a paced run measured the load generator warming up (its code not yet optimized, its
  // connections being opened): three runs in a row after the same peak load gave p99s of 6, 3 and 2 ms.
  if (warmUp > 0) await run(warmUp);
  latencies = [];
  const result = await run(duration);
  if (result.totalErrors > 0 || latencies.length === 0)
    throw new Error(`${title}: ${result.totalErrors} errors ${JSON.stringify(result.errorCodes)}`);
  latencies.sort((a, b) => a - b);
  const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))];
  return { title, rps: result.effectiveRps, p50: pick(0.5), p99: pick(0.99) };
}

/** Signs in a demo user of a started service and returns the bearer token. */
export async function signIn(base, username) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: process.env.DEMO_PASSWORD ?? 'demo' }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username} failed: ${response.status}`);
  return (await response.json()).token;
}

/**
 * Like startService(), with the embedded FerretDB on a known loopback port, so a benchmark can also reach the
 * database directly (e.g. to fill it fast); `mongoUri` names the service's database.
 */
export async function startServiceWithDatabase(env = {}) {
  const ferretdbPort = await new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
  const previous = process.env.FERRETDB_PORT;
  process.env.FERRETDB_PORT = String(ferretdbPort);
  try {
    return { ...(await startService(env)), mongoUri: `mongodb://127.0.0.1:${ferretdbPort}/gabarit` };
  } finally {
    if (previous === undefined) delete process.env.FERRETDB_PORT;
    else process.env.FERRETDB_PORT = previous;
  }
}

/**
 * A pilot's test facts with the rows its lookups find in the seeded reference tables (seeds/reference-tables),
 * for benchmarks that run the engine without a server. Plain `$.a.b` key paths only, as the pilots use.
 */
export function withSeededLookups(pilot, facts) {
  const found = {};
  for (const lookup of pilot.lookups ?? []) {
    const table = JSON.parse(readFileSync(`seeds/reference-tables/${lookup.table}.json`, 'utf8'));
    let key = lookup.key.fact === undefined ? lookup.key.value : facts[lookup.key.fact];
    for (const step of (lookup.key.path ?? '$').split('.').slice(1)) key = key?.[step];
    const full = (row) => Object.fromEntries(table.columns.map((c) => [c.name, row[c.name] ?? null]));
    const matches = (row, column) => key !== undefined && key !== null && String(row[column]) === String(key);
    if (lookup.column) found[lookup.fact] = table.rows.filter((r) => matches(r, lookup.column)).map(full);
    else {
      const row = table.rows.find((r) => matches(r, table.keyColumn));
      found[lookup.fact] = row ? full(row) : null;
    }
  }
  return { ...facts, ...found };
}

const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSecondsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** The embedded FerretDB of a service started here: the service's child process. */
export function databasePidOf(servicePid) {
  const children = readFileSync(`/proc/${servicePid}/task/${servicePid}/children`, 'utf8').trim().split(' ');
  const pid = children.find((c) => readFileSync(`/proc/${c}/cmdline`, 'utf8').includes('--handler=sqlite'));
  if (!pid) throw new Error('the embedded FerretDB process was not found');
  return pid;
}

/**
 * The decision records a started service stores for the invoice pilot's test cases, as it stores them: each case
 * is evaluated once through the API, then the records are read from `db` (the service's database).
 */
export async function storedPilotRecords(service, db) {
  const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8'));
  const key = await service.apiKey(['evaluate:invoices*']);
  for (const test of pilot.tests) {
    const response = await fetch(`${service.base}/api/v1/rulesets/invoices/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ facts: test.facts }),
    });
    if (!response.ok) throw new Error(`${test.name}: ${response.status}`);
  }
  // A collection per day (docs/adr/0042): a run around midnight has records in two.
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
  const stored = [];
  for (const name of names.filter(isDecisionCollection)) stored.push(...(await db.collection(name).find({}).toArray()));
  return stored;
}
