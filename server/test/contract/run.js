// Contract test: Schemathesis (from PyPI, in a venv under .tools/) against the built service's OpenAPI
// document, every check on. The service runs on a fresh embedded database; the fuzzer signs in as a user
// holding every role, so it reaches past the permission checks.
import { spawnSync } from 'node:child_process';
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

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
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
  status = run(
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
      '--workers',
      '2',
      '--continue-on-failure',
    ],
    { cwd: root, env: { ...process.env, SCHEMATHESIS_TELEMETRY: 'false' } },
  );
} finally {
  await service.stop();
}
process.exit(status);
