// Measures the service against a bare Fastify endpoint answering the same JSON, in the same run, on this machine.
// Usage: npm run build && npm run bench [-- --seconds 10 --connections 10]
// Starts the built service (dist/main.js) with its embedded FerretDB in a temporary data directory.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ownDatabaseEnv, startBare } from './support.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);

async function waitForHealth(base) {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('service did not become healthy');
}

function run(title, url, headers = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, duration, connections }, (err, result) => {
      if (err) return reject(err);
      if (result.non2xx > 0) return reject(new Error(`${title}: ${result.non2xx} non-2xx responses`));
      resolve({ title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
    });
  });
}

const servicePort = 3100 + Math.floor(Math.random() * 800);
const service = spawn(process.execPath, ['dist/main.js'], {
  env: ownDatabaseEnv({ PORT: String(servicePort) }),
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${servicePort}`;
try {
  await waitForHealth(base);
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: process.env.DEMO_PASSWORD ?? 'demo' }),
  }).then((r) => r.json());
  const key = await fetch(`${base}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
    body: JSON.stringify({ name: 'bench', scopes: ['evaluate:*'] }),
  }).then((r) => r.json());
  const me = await fetch(`${base}/api/v1/auth/me`, { headers: { 'x-api-key': key.key } }).then((r) => r.json());

  const bare = await startBare({ method: 'GET', path: '/me', response: me });

  const results = [];
  results.push(await run('bare Fastify: GET /me (same JSON)', bare.url));
  results.push(
    await run('Gabarit: GET /api/v1/auth/me (API key, guard, logs, metrics)', `${base}/api/v1/auth/me`, {
      'x-api-key': key.key,
    }),
  );
  await bare.stop();

  const reference = results[0].rps;
  console.log(`\n${duration}s per endpoint, ${connections} connections, Node ${process.version}\n`);
  console.log('| endpoint | req/s | p50 ms | p99 ms | throughput vs bare |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of results)
    console.log(`| ${r.title} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${(r.rps / reference).toFixed(2)} |`);
} finally {
  service.kill('SIGTERM');
}
