// The embedded database's insertMany rate for the invoice pilot's real decision records, under candidate
// encodings of the record's detail and writer settings, compared in alternating rounds within one run (the
// machine is shared and noisy: a candidate measured alone, minutes apart, would compare noise).
// Encoding is inside the timed loop, as the service would do it, and the client's CPU per record is reported:
// on two cores, what this process spends is taken from the service.
// Usage: npm run build:server && npm run bench:records [-- --seconds 3 --rounds 3]
import { performance } from 'node:perf_hooks';
import { parseArgs, promisify } from 'node:util';
import zlib from 'node:zlib';
import { Binary, MongoClient } from 'mongodb';
import { decodeStored, fromDecoded } from '../dist/modules/evaluation/decision-detail.js';
import { cpuSecondsOf, databasePidOf, startServiceWithDatabase, storedPilotRecords } from './support.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);

const deflateAsync = promisify(zlib.deflateRaw);
const brotli = (quality) => ({
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_MODE]: 1 },
});

const deflate1 = (text) => new Binary(zlib.deflateRawSync(text, { level: 1 }));

/** Each candidate turns a decision (detail as an object) into the stored document; `async` ones use the thread pool. */
const encodings = {
  'JSON text (today)': (meta, detail) => ({ ...meta, detail: JSON.stringify(detail) }),
  'deflate-1 sync → Binary': (meta, detail) => ({ ...meta, detail: deflate1(JSON.stringify(detail)) }),
  'deflate-6 sync → Binary': (meta, detail) => ({
    ...meta,
    detail: new Binary(zlib.deflateRawSync(JSON.stringify(detail), { level: 6 })),
  }),
  'deflate-1 async (thread pool) → Binary': async (meta, detail) => ({
    ...meta,
    detail: new Binary(await deflateAsync(JSON.stringify(detail), { level: 1 })),
  }),
  'brotli-1 sync → Binary': (meta, detail) => ({
    ...meta,
    detail: new Binary(zlib.brotliCompressSync(JSON.stringify(detail), brotli(1))),
  }),
  'brotli-4 sync → Binary': (meta, detail) => ({
    ...meta,
    detail: new Binary(zlib.brotliCompressSync(JSON.stringify(detail), brotli(4))),
  }),
  // Per-field cost: only what queries filter on stays a field (_id, ruleset, checksum, at).
  'deflate-1, version/actor/events/durationMs inside too': ({ _id, ruleset, checksum, at, ...rest }, detail) => ({
    _id,
    ruleset,
    checksum,
    at,
    detail: deflate1(JSON.stringify({ ...rest, ...detail })),
  }),
  'JSON text, no failed traces (size bound only)': (meta, { failed: _failed, ...detail }) => ({
    ...meta,
    detail: JSON.stringify(detail),
  }),
};

/** Writer settings tried: records per insertMany, and inserts at once. */
const settings = [
  { batch: 30, inFlight: 2 },
  { batch: 100, inFlight: 2 },
  { batch: 100, inFlight: 4 },
];

/**
 * The service's stored records, read whole as the service reads them (whatever shape this build stores): traces
 * that cite their version's trace table are expanded with it (reading them without it failed).
 */
async function sampleRecords(service) {
  const client = await MongoClient.connect(service.mongoUri);
  try {
    const db = client.db();
    const stored = await storedPilotRecords(service, db);
    const tables = new Map(
      (await db.collection('decision_trace_tables').find({}).toArray()).map(({ _id, table }) => [
        _id,
        JSON.parse(zlib.inflateSync(table.value()).toString('utf8')),
      ]),
    );
    return stored.map((record) => {
      const decoded = decodeStored(record);
      const whole = fromDecoded(decoded, decoded.table === undefined ? undefined : tables.get(decoded.table));
      const { facts, fired, failed, explanation, ...meta } = whole;
      return { meta, detail: { facts, fired, failed, explanation } };
    });
  } finally {
    await client.close();
  }
}

/** Records per second stored by `inFlight` loops, each encoding then inserting batches of `batch`; client CPU µs per record. */
async function rate(db, encode, { batch, inFlight }, records, databasePid) {
  const collection = db.collection('encoding_bench');
  await collection.drop().catch(() => {});
  await collection.createIndexes([{ key: { checksum: 1, at: -1 } }, { key: { at: 1 } }]);
  let stored = 0;
  let next = 0;
  const cpu = process.cpuUsage();
  const databaseCpu = cpuSecondsOf(databasePid);
  const started = performance.now();
  const end = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const first = next;
      next += batch; // before any await: the other loops must not take the same ids
      const docs = await Promise.all(
        Array.from({ length: batch }, (_, i) => {
          const { meta, detail } = records[(first + i) % records.length];
          return encode({ ...meta, _id: `bench-${first + i}`, at: new Date() }, detail);
        }),
      );
      await collection.insertMany(docs, { ordered: false });
      stored += batch;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    rps: stored / elapsed,
    cpuPerRecord: (used.user + used.system) / stored,
    databaseCpuPerRecord: ((cpuSecondsOf(databasePid) - databaseCpu) * 1e6) / stored,
  };
}

/** This process's CPU µs per record to encode, one record at a time (all threads: async ones included), and the detail's bytes. */
async function encodeCost(encode, records) {
  const n = 2000;
  for (let i = 0; i < 200; i++) await encode(records[i % records.length].meta, records[i % records.length].detail);
  let bytes = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const { meta, detail } = records[i % records.length];
    const doc = await encode(meta, detail);
    bytes += typeof doc.detail === 'string' ? Buffer.byteLength(doc.detail) : doc.detail.length();
  }
  const used = process.cpuUsage(cpu);
  return { us: (used.user + used.system) / n, bytes: bytes / n };
}

const service = await startServiceWithDatabase({});
try {
  const records = await sampleRecords(service);
  const databasePid = databasePidOf(service.pid);
  const client = await MongoClient.connect(service.mongoUri);
  const db = client.db();
  const results = {};
  const costs = {};
  const names = Object.keys(encodings);
  for (let round = 0; round < rounds; round++) {
    // Rotated order each round, so no candidate always runs first or last.
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) (costs[name] ??= []).push(await encodeCost(encodings[name], records));
    for (const setting of settings)
      for (const name of order) {
        const r = await rate(db, encodings[name], setting, records, databasePid);
        const k = `${name}|${setting.batch}|${setting.inFlight}`;
        (results[k] ??= []).push(r);
      }
  }
  await client.close();

  console.log(
    `\n${records.length} records of the invoice pilot's tests, ${seconds} s per measure, ${rounds} rounds alternated, Node ${process.version}\n`,
  );
  console.log(
    '| detail encoding | detail bytes | encode CPU µs/record (min of rounds) | batch | in flight | records/s per round | median | client CPU µs/record | FerretDB CPU µs/record |',
  );
  console.log('|---|---:|---:|---:|---:|---|---:|---:|---:|');
  for (const [k, rs] of Object.entries(results)) {
    const [name, batch, inFlight] = k.split('|');
    const sorted = rs.map((r) => r.rps).sort((a, b) => a - b);
    const mean = (f) => (rs.reduce((s, r) => s + f(r), 0) / rs.length).toFixed(0);
    console.log(
      `| ${name} | ${Math.round(costs[name][0].bytes)} | ${Math.min(...costs[name].map((c) => c.us)).toFixed(0)} | ${batch} | ${inFlight} | ${rs.map((r) => Math.round(r.rps)).join(' / ')} | ${Math.round(sorted[Math.floor(sorted.length / 2)])} | ${mean((r) => r.cpuPerRecord)} | ${mean((r) => r.databaseCpuPerRecord)} |`,
    );
  }
} finally {
  await service.stop();
}
