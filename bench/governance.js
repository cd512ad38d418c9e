// Governance at scale: do create / test / submit / approve / publish cost the same with a long history?
// Usage: npm run build:server && node bench/governance.js [--quick] [--samples 30] [--seconds 20] [--writers 8]
//
// 1. Measures each step (p50/p99, one rule set after another) on an empty database.
// 2. Fills the database, directly through the driver in insertMany batches, with what the service itself would
//    have written for rule sets created, tested, submitted, approved and published (resource documents, the last
//    two revision claims, frozen contents, audit events chained and claimed: the same code computes them, from
//    dist/), plus sign-in failures to reach the audit volume. Measures again at each size.
// 3. Runs N concurrent writers, each publishing distinct rule sets for a fixed time: rule sets published/s.
// 4. Checks the whole trail with GET /api/v1/audit/verify (timed): the fill must be a valid chain.
// Full run: 1 000 then 10 000 published rule sets, 100 000 audit events. --quick: 100 then 1 000, 10 000 events.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { chain, GENESIS_HASH } from '../dist/modules/audit/audit-chain.js';
import { Lifecycle } from '../dist/modules/governance/lifecycle.js';
import { checksumOf } from '../dist/common/json/canonical.js';
import { signIn, startServiceWithDatabase } from './support.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    samples: { type: 'string' },
    seconds: { type: 'string' },
    writers: { type: 'string', default: '8' },
  },
});
const quick = values.quick;
const SAMPLES = Number(values.samples ?? (quick ? 10 : 30));
const SECONDS = Number(values.seconds ?? (quick ? 5 : 20));
const WRITERS = Number(values.writers);
// The service keys its audit chain (docs/adr/0017): the fill must chain its events with the same key.
const AUDIT_KEY = 'governance-bench-audit-key-0123456789';
const SIZES = quick
  ? [
      { rulesets: 100, events: 1_000 },
      { rulesets: 1_000, events: 10_000 },
    ]
  : [
      { rulesets: 1_000, events: 10_000 },
      { rulesets: 10_000, events: 100_000 },
    ];
const STEPS = ['create', 'test', 'submit', 'approve', 'publish'];
const READS = ['get', 'list', 'audit page', 'audit by key'];

/** A small valid rule set with one test case (so publishing needs a passing test run, as in the pilots). */
function ruleset(key, threshold = 10_000) {
  return {
    key,
    name: `Factures — seuil ${threshold}`,
    pilot: 'invoices',
    format: 'rules',
    description: 'Montants élevés en révision',
    inputSchema: {
      type: 'object',
      properties: { invoice: { type: 'object', properties: { total: { type: 'number' } } } },
    },
    definition: {
      rules: [
        {
          name: 'montant-eleve',
          conditions: { all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: threshold }] },
          event: { type: 'manual_review' },
          explanation: {
            fr: 'Montant {{invoice.total}} $ supérieur au seuil',
            en: 'Amount {{invoice.total}} $ above the threshold',
          },
        },
      ],
    },
    tests: [
      { name: 'au-dessus du seuil', facts: { invoice: { total: threshold + 1 } }, expectedEvents: ['manual_review'] },
    ],
  };
}

// ---------------------------------------------------------------- HTTP steps

function client(base) {
  const call = async (token, method, path, body) => {
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
      body: body && JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return text;
  };
  return {
    post: (token, path, body = {}) => call(token, 'POST', path, body),
    get: (token, path) => call(token, 'GET', path),
  };
}

/** Walks one rule set through the lifecycle; returns each step's duration in ms. */
async function lifecycle(http, tokens, key) {
  const times = {};
  const step = async (name, fn) => {
    const start = performance.now();
    await fn();
    times[name] = performance.now() - start;
  };
  await step('create', () => http.post(tokens.analyst, '/rulesets', ruleset(key)));
  await step('test', async () => {
    const run = JSON.parse(await http.post(tokens.analyst, `/rulesets/${key}/versions/1/test`));
    if (run.failed !== 0) throw new Error(`test run of ${key} failed`);
  });
  await step('submit', () => http.post(tokens.analyst, `/rulesets/${key}/versions/1/submit`));
  await step('approve', () => http.post(tokens.approver, `/rulesets/${key}/versions/1/approve`));
  await step('publish', async () => {
    const published = JSON.parse(await http.post(tokens.approver, `/rulesets/${key}/versions/1/publish`));
    if (published.activeVersion !== 1) throw new Error(`${key} not published`);
  });
  return times;
}

async function timed(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * (sorted.length - 1)))];
}

let sampleCounter = 0;
/** Measures the lifecycle steps and a few reads, SAMPLES rule sets one after another. */
async function measure(http, tokens, label) {
  const samples = Object.fromEntries([...STEPS, ...READS].map((s) => [s, []]));
  for (let i = 0; i < SAMPLES; i++) {
    const key = `bench-${label}-${sampleCounter++}`;
    const times = await lifecycle(http, tokens, key);
    for (const s of STEPS) samples[s].push(times[s]);
    samples['get'].push(await timed(() => http.get(tokens.analyst, `/rulesets/${key}`)));
    samples['audit page'].push(await timed(() => http.get(tokens.risk, '/audit?range=%5B0%2C24%5D')));
    // Lists and filtered audit queries select in memory, kept current from the audit trail (docs/adr/0037).
    samples['list'].push(await timed(() => http.get(tokens.analyst, '/rulesets?range=%5B0%2C24%5D')));
    samples['audit by key'].push(
      await timed(() => http.get(tokens.risk, `/audit?resourceType=ruleset&resourceKey=${key}`)),
    );
  }
  const result = {};
  for (const [s, v] of Object.entries(samples)) result[s] = { p50: percentile(v, 0.5), p99: percentile(v, 0.99) };
  return result;
}

/** WRITERS loops, each walking distinct rule sets through the lifecycle for SECONDS; publications per second. */
async function concurrentWriters(http, tokens, label) {
  const deadline = performance.now() + SECONDS * 1000;
  const start = performance.now();
  let published = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; performance.now() < deadline; i++) {
        try {
          await lifecycle(http, tokens, `bench-${label}-w${w}-${i}`);
          published++;
        } catch (err) {
          failed++;
          if (failed <= 3) console.error(`  writer ${w}: ${err.message}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { published, failed, seconds, perSecond: published / seconds };
}

// ---------------------------------------------------------------- fill through the driver

const lifecycleOf = new Lifecycle('ruleset', 'rule set');
let fillCounter = 0;

/** The chain's current head, found as the service finds it: the hint, then claims by `_id`. */
async function chainHead(db) {
  const hint = await db.collection('audit_head').findOne({ _id: 'head' });
  let seq = hint?.seq ?? 0;
  let claim = seq > 0 ? await db.collection('audit_chain').findOne({ _id: String(seq) }) : null;
  for (;;) {
    const next = await db.collection('audit_chain').findOne({ _id: String(seq + 1) });
    if (!next) break;
    claim = next;
    seq = next.seq;
  }
  return { seq, hash: claim?.hash ?? GENESIS_HASH };
}

/**
 * What the service writes for one rule set walked through create → test → submit → approve → publish:
 * resource document (rev 5, the publish event still in its outbox), claims of revisions 4 and 5 (older ones are
 * deleted), the frozen content, and five outbox entries that become audit events.
 */
function publishedRuleset(key, t0) {
  const request = ruleset(key, 20_000 + fillCounter++); // distinct contents (contents are shared by checksum)
  const { key: _k, name, pilot, format, description, ...content } = request;
  const meta = { name, pilot, format, description };
  const at = (i) => new Date(t0 + i * 40);
  const outbox = (transition, i) =>
    transition.events.map((entry) => ({ id: randomUUID(), at: at(i).toISOString(), entry }));
  const steps = [];
  let transition = lifecycleOf.create(key, meta, content, 'analyst', at(0));
  let state = { ...transition.state, outbox: outbox(transition, 0) };
  steps.push(state);
  const checksum = checksumOf(content);
  const next = (compute, i) => {
    transition = compute(state);
    state = { ...transition.state, outbox: outbox(transition, i) };
    steps.push(state);
  };
  next((s) => lifecycleOf.recordTestRun(s, 1, { checksum, passed: 1, failed: 0 }, 'analyst', at(1)), 1);
  next((s) => lifecycleOf.submit(s, 1, 'analyst', undefined, at(2)), 2);
  next((s) => lifecycleOf.approve(s, 1, 'approver', undefined, at(3)), 3);
  next((s) => lifecycleOf.publish(s, 1, 'approver', { requiresTestRun: true }, at(4)), 4);
  const stored = (s) => {
    const { key: id, ...rest } = s;
    return { _id: id, ...rest };
  };
  return {
    resource: stored(state),
    revisions: steps
      .slice(3)
      .map((s, i) => ({ _id: `${key}#${s.rev}`, key, rev: s.rev, at: at(3 + i), state: stored(s) })),
    content: { _id: checksum, content },
    outbox: steps.flatMap((s) => s.outbox),
  };
}

function failedSignIn(t) {
  return {
    id: randomUUID(),
    at: new Date(t).toISOString(),
    entry: {
      actor: 'inconnu',
      action: 'auth.login_failed',
      resourceType: 'user',
      resourceKey: 'inconnu',
      details: { reason: 'unknown_user', sourceIp: '203.0.113.7' },
    },
  };
}

/** Adds published rule sets up to `rulesets` and sign-in failures up to `events` audit events in all. */
async function fill(db, target, state) {
  const started = performance.now();
  const head = await chainHead(db);
  let { seq, hash } = head;
  let batch = { rulesets: [], revisions: [], contents: [], events: [], claims: [] };
  const t0 = Date.now() - 86_400_000;
  const append = (item) => {
    const event = chain(item.entry, item.id, ++seq, item.at, hash, Buffer.from(AUDIT_KEY, 'utf8'));
    hash = event.hash;
    const { id, at, ...rest } = event;
    const doc = { _id: id, at: new Date(at), ...rest };
    batch.events.push(doc);
    batch.claims.push({ _id: String(seq), seq, eventId: id, hash, event: doc });
  };
  const flush = async () => {
    const pairs = [
      ['rulesets', batch.rulesets],
      ['ruleset_revisions', batch.revisions],
      ['ruleset_contents', batch.contents],
      ['audit_events', batch.events],
      ['audit_chain', batch.claims],
    ];
    for (const [name, docs] of pairs)
      if (docs.length > 0) await db.collection(name).insertMany(docs, { ordered: false });
    // The service keeps only the last 256 position claims.
    await db.collection('audit_chain').deleteMany({ seq: { $lte: seq - 256 } });
    await db.collection('audit_head').updateOne({ _id: 'head' }, { $max: { seq } }, { upsert: true });
    batch = { rulesets: [], revisions: [], contents: [], events: [], claims: [] };
  };
  while (state.rulesets < target.rulesets) {
    const r = publishedRuleset(`fill-${String(state.rulesets).padStart(6, '0')}`, t0 + state.rulesets * 200);
    batch.rulesets.push(r.resource);
    batch.revisions.push(...r.revisions);
    batch.contents.push(r.content);
    r.outbox.forEach(append);
    state.rulesets++;
    if (batch.rulesets.length >= 250) await flush();
  }
  for (let t = t0; seq < target.events; t += 10) {
    append(failedSignIn(t));
    if (batch.events.length >= 2_000) await flush();
  }
  await flush();
  return { seconds: (performance.now() - started) / 1000, seq };
}

// ---------------------------------------------------------------- run

const ms = (v) => (v === undefined ? '' : v < 10 ? v.toFixed(1) : v.toFixed(0));

async function main() {
  console.log(
    `governance bench: ${quick ? 'quick' : 'full'} run, ${SAMPLES} samples per step, ${WRITERS} writers for ${SECONDS}s`,
  );
  const service = await startServiceWithDatabase({ AUDIT_KEY });
  const client_ = await mongoose.mongo.MongoClient.connect(service.mongoUri);
  const db = client_.db();
  try {
    const tokens = {
      analyst: await signIn(service.base, 'analyst'),
      approver: await signIn(service.base, 'approver'),
      risk: await signIn(service.base, 'risk'),
    };
    const http = client(service.base);
    const rows = [];
    const writers = [];
    const verify = [];
    const firstReads = [];
    // Warm-up (JIT, connections, first index creations), not measured.
    for (let i = 0; i < 3; i++) await lifecycle(http, tokens, `warmup-${i}`);
    rows.push({ label: 'empty', result: await measure(http, tokens, 'empty') });
    writers.push({ label: 'empty', ...(await concurrentWriters(http, tokens, 'empty')) });
    const filled = { rulesets: 0 };
    for (const size of SIZES) {
      const f = await fill(db, size, filled);
      const events = await db.collection('audit_head').findOne({ _id: 'head' });
      console.log(
        `filled to ${size.rulesets} published rule sets, ${events.seq} audit events, in ${f.seconds.toFixed(0)}s`,
      );
      const label = `${size.rulesets}`;
      // The fill went around the service, past what the trail's recent positions tell: this list reads them all.
      firstReads.push({
        label,
        list: await timed(() => http.get(tokens.analyst, '/rulesets?range=%5B0%2C24%5D')),
        audit: await timed(() => http.get(tokens.risk, '/audit?resourceType=ruleset&resourceKey=fill-000000')),
      });
      rows.push({ label, result: await measure(http, tokens, label) });
      const start = performance.now();
      const verified = JSON.parse(await http.get(tokens.risk, '/audit/verify'));
      verify.push({ label, ms: performance.now() - start, ...verified });
      if (!verified.ok) throw new Error(`audit chain broken after fill: ${JSON.stringify(verified)}`);
    }
    writers.push({ label: rows.at(-1).label, ...(await concurrentWriters(http, tokens, 'full')) });

    const base = rows[0].result;
    const header = ['step', ...rows.flatMap((r) => [`${r.label} p50`, `p99`, ...(r === rows[0] ? [] : ['×p50'])])];
    const lines = [...STEPS, ...READS].map((s) => [
      s,
      ...rows.flatMap((r) => [
        ms(r.result[s].p50),
        ms(r.result[s].p99),
        ...(r === rows[0] ? [] : [`${(r.result[s].p50 / base[s].p50).toFixed(2)}`]),
      ]),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    const print = (cells) =>
      console.log(cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
    console.log('\nlatency in ms (one rule set after another); ×p50 = p50 / p50 on the empty database');
    print(header);
    for (const l of lines) print(l);
    console.log('\nfirst reads after each fill (went around the service: the indexes read everything again, once):');
    for (const f of firstReads)
      console.log(`  at ${f.label.padEnd(6)} rule set list ${ms(f.list)} ms, audit by key ${ms(f.audit)} ms`);
    console.log(`\n${WRITERS} concurrent writers, create→publish of distinct rule sets:`);
    for (const w of writers)
      console.log(
        `  ${w.label.padEnd(6)} ${w.perSecond.toFixed(1)} rule sets published/s (${w.published} in ${w.seconds.toFixed(1)}s, ${w.failed} failed)`,
      );
    console.log('\nGET /api/v1/audit/verify:');
    for (const v of verify)
      console.log(`  at ${v.label.padEnd(6)} ${v.events} events, ok=${v.ok}, ${(v.ms / 1000).toFixed(1)}s`);
    const worst = Math.max(...rows.slice(1).flatMap((r) => STEPS.map((s) => r.result[s].p50 / base[s].p50)));
    console.log(
      `\ntargets: every step's p50 within 2× of empty (worst ${worst.toFixed(2)}×), ≥ 20 publications/s with ${WRITERS} writers (${writers.at(-1).perSecond.toFixed(1)}/s)`,
    );
  } finally {
    await client_.close();
    service.stop();
  }
}

await main();
