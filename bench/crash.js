// Crash drill: the service is killed outright (SIGKILL) in the middle of governance loops (draft → submit →
// approve → publish), 20 times, and restarted on the same data each time. After each restart: the audit chain
// verifies, every publication in force has its audit event, no event is recorded twice, and no FerretDB is
// left running from the killed run.
// Usage: npm run build:server && node bench/crash.js [--rounds 20]
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { signIn, startService } from './support.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' } } });
const ROUNDS = Number(values.rounds);
const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8'));
const dataDir = mkdtempSync(join(tmpdir(), 'gabarit-crash-'));
// `[-]-`: the pattern does not match the shell running pgrep itself.
const ferretdbs = () =>
  execSync(`pgrep -f -- "[-]-sqlite-url=file:${dataDir}/db" || true`).toString().trim().split('\n').filter(Boolean);

const call = async (base, token, method, path, body) => {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json().catch(() => ({})) };
};

/** Loops rule-set changes until the service dies under it. */
async function governanceLoop(base, round) {
  const [analyst, approver] = await Promise.all([signIn(base, 'analyst'), signIn(base, 'approver')]);
  for (let n = 0; ; n++) {
    const key = `crash-${round}-${n}`;
    const created = await call(base, analyst, 'POST', '/rulesets', {
      ...pilot,
      key,
      name: `${pilot.name} ${round}.${n}`,
    });
    if (created.status !== 201) return;
    await call(base, analyst, 'POST', `/rulesets/${key}/versions/1/test`);
    await call(base, analyst, 'POST', `/rulesets/${key}/versions/1/submit`);
    await call(base, approver, 'POST', `/rulesets/${key}/versions/1/approve`);
    await call(base, approver, 'POST', `/rulesets/${key}/versions/1/publish`);
  }
}

const rows = [];
let failures = 0;
for (let round = 1; round <= ROUNDS; round++) {
  const service = await startService({ DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  const loops = [
    governanceLoop(service.base, round).catch(() => undefined),
    governanceLoop(service.base, round + 1000).catch(() => undefined),
  ];
  await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1500));
  process.kill(service.pid, 'SIGKILL');
  await Promise.all(loops);

  const restarted = await startService({ DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  try {
    // The killed run's FerretDB was stopped by the restart: one is running, the new one.
    const leftBehind = ferretdbs().length - 1;
    const risk = await signIn(restarted.base, 'risk');
    const verified = await call(restarted.base, risk, 'GET', '/audit/verify');
    // Every publication of every crash-* rule set has exactly one `ruleset.published` event for it.
    const port = execSync(`pgrep -af -- "[-]-sqlite-url=file:${dataDir}/db"`)
      .toString()
      .match(/--listen-addr=127\.0\.0\.1:(\d+)/)?.[1];
    const client = await MongoClient.connect(`mongodb://127.0.0.1:${port}/gabarit`);
    let missing = 0;
    let duplicated = 0;
    let published = 0;
    try {
      const db = client.db();
      const events = await db
        .collection('audit_events')
        .find({ action: 'ruleset.published' }, { projection: { resourceKey: 1, version: 1 } })
        .toArray();
      const byKey = new Map();
      for (const e of events)
        byKey.set(`${e.resourceKey}#${e.version}`, (byKey.get(`${e.resourceKey}#${e.version}`) ?? 0) + 1);
      for (const state of await db
        .collection('rulesets')
        .find({ _id: /^crash-/ }, { projection: { publications: 1 } })
        .toArray()) {
        for (const p of state.publications ?? []) {
          published++;
          const count = byKey.get(`${state._id}#${p.version}`) ?? 0;
          if (count === 0) missing++;
          if (count > 1) duplicated++;
        }
      }
      const ids = await db
        .collection('audit_events')
        .aggregate([{ $group: { _id: '$seq', n: { $sum: 1 } } }, { $match: { n: { $gt: 1 } } }])
        .toArray();
      duplicated += ids.length;
    } finally {
      await client.close();
    }
    const ok = verified.body.ok === true && missing === 0 && duplicated === 0 && leftBehind === 0;
    if (!ok) failures++;
    rows.push(
      `| ${round} | ${verified.body.ok ? 'ok' : JSON.stringify(verified.body.brokenAt)} | ${verified.body.events} | ${published} | ${missing} | ${duplicated} | ${leftBehind} |`,
    );
  } finally {
    await restarted.stop();
  }
}
console.log(`\n${ROUNDS} rounds: SIGKILL 0.3–1.8 s into two governance loops, then a restart on the same data\n`);
console.log(
  '| round | audit/verify | events | publications | without their event | duplicated | FerretDB left running |',
);
console.log('|---:|---|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
console.log(
  failures === 0
    ? '\nEvery round: chain verified, every publication with its event, nothing duplicated.'
    : `\n${failures} round(s) failed.`,
);
process.exitCode = failures === 0 ? 0 : 1;
