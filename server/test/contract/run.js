// Contract test: Schemathesis (from PyPI, in a venv under .tools/) against the built service's OpenAPI
// document, every check on. The service runs on a fresh embedded database; the fuzzer signs in as a user
// holding every role, so it reaches past the permission checks.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startService } from '../../../bench/support.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
// The version is pinned in the setup script, which names the venv after it.
const setup = spawnSync('bash', [join(root, 'scripts', 'setup-schemathesis.sh')], { stdio: 'inherit' });
if (setup.status !== 0)
  throw new Error('scripts/setup-schemathesis.sh failed: it needs python3 with venv and access to PyPI');
const schemathesis = join(root, '.tools', 'schemathesis', 'bin', 'schemathesis');
if (!existsSync(schemathesis)) throw new Error(`${schemathesis} is missing after setup`);
const maxExamples = process.env.CONTRACT_MAX_EXAMPLES ?? '25';

// Schemathesis closes with a pytest-like banner that names only its warnings ("=== 3 warnings in 54s ==="),
// which CI tools read as a pytest run with no test. Its counts are on an earlier line ("6452 generated, 6452
// passed, 47 skipped"); the banner is passed through with those counts put in front of the warnings.
function withCounts(banner, counts) {
  const closing = /^(=+ )(.*)( in [\d.]+m?s =+)$/.exec(banner);
  if (!closing || !counts || /\bpassed\b/.test(closing[2])) return banner;
  return `${closing[1]}${counts}, ${closing[2]}${closing[3]}`;
}

function runSchemathesis(command, args, options) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options });
    let counts;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const tally = /^\s*\d+ generated, (.*)$/.exec(line);
      if (tally) counts = tally[1].trim();
      process.stdout.write(`${withCounts(line, counts)}\n`);
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise(code ?? 1));
  });
}

const service = await startService({ METRICS_PUBLIC: 'false' });
let status;
try {
  const post = (path, token, body) =>
    fetch(`${service.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
  const password = 'contract-fuzzing-password';
  for (const username of ['fuzz', 'fuzz-target']) {
    const created = await post('/api/v1/users', service.token, {
      username,
      displayName: username,
      password,
      roles: ['analyst', 'approver', 'risk', 'admin'],
    });
    if (created.status !== 201)
      throw new Error(`could not create ${username}: ${created.status} ${await created.text()}`);
  }
  const { token } = await (await post('/api/v1/auth/login', undefined, { username: 'fuzz', password })).json();
  status = await runSchemathesis(
    schemathesis,
    [
      '--config-file',
      join(here, 'schemathesis.toml'),
      'run',
      `${service.base}/api/docs-json`,
      '--checks',
      'all',
      '--header',
      `Authorization: Bearer ${token}`,
      // Signing out would end the fuzzer's own session; the e2e tests cover it.
      '--exclude-path',
      '/api/v1/auth/logout',
      '--max-examples',
      maxExamples,
      '--seed',
      process.env.CONTRACT_SEED ?? '20261201',
      // One worker: Hypothesis parses lambdas' source with `ast` to name them, and CPython 3.11 can raise a spurious
      // "AST constructor recursion depth mismatch" when threads do so (python/cpython gh-106905). Two workers
      // ended two operations in that SystemError of the tool.
      '--workers',
      '1',
      '--continue-on-failure',
    ],
    { cwd: root, env: { ...process.env, SCHEMATHESIS_TELEMETRY: 'false' } },
  );
} finally {
  await service.stop();
}
process.exit(status);
