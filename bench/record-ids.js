// The embedded database's insertMany rate, and its CPU per record, for the service's own decision records keyed
// by random UUIDs (version 4) against time-ordered ones (version 7, what the service writes: docs/adr/0012),
// with the two secondary indexes `decisions` had before day collections, and with none (each day's collection
// has none: docs/adr/0042). Candidates alternate within one run
// (the machine is shared: one measured alone, minutes apart, would compare noise), each on a collection already
// holding `--stored` records, as a database that has kept decisions a while.
// Usage: npm run build:server && npm run bench:record-ids [-- --seconds 4 --rounds 3 --stored 10000 --batch 28]
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { timeOrderedId } from '../dist/common/ids/time-ordered-id.js';
import { cpuSecondsOf, databasePidOf, startServiceWithDatabase, storedPilotRecords } from './support.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    stored: { type: 'string', default: '10000' },
    batch: { type: 'string', default: '28' },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const stored = Number(values.stored);
const batch = Number(values.batch);

/** The two secondary indexes `decisions` had before records went to a collection per day (docs/adr/0042). */
const FORMER_INDEXES = [{ key: { checksum: 1, at: -1 } }, { key: { at: 1 } }];

const candidates = {
  'random ids (v4), both former indexes': { id: () => randomUUID(), indexes: FORMER_INDEXES },
  'time-ordered ids (v7), both former indexes': { id: () => timeOrderedId(), indexes: FORMER_INDEXES },
  'random ids (v4), no secondary index': { id: () => randomUUID(), indexes: [] },
  'time-ordered ids (v7), no secondary index (what the service writes)': { id: () => timeOrderedId(), indexes: [] },
};

/** Records per second stored by two insert loops (the writer's slots), and FerretDB's CPU µs per record. */
async function rate(db, { id, indexes }, records, databasePid) {
  const collection = db.collection('record_ids_bench');
  await collection.drop().catch(() => {});
  if (indexes.length > 0) await collection.createIndexes(indexes);
  const copies = (n, from) =>
    Array.from({ length: n }, (_, i) => ({ ...records[(from + i) % records.length], _id: id(), at: new Date() }));
  for (let filled = 0; filled < stored; filled += 500)
    await collection.insertMany(copies(Math.min(500, stored - filled), filled), { ordered: false });
  let inserted = 0;
  const databaseCpu = cpuSecondsOf(databasePid);
  const started = performance.now();
  const end = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      await collection.insertMany(copies(batch, inserted), { ordered: false });
      inserted += batch;
    }
  };
  await Promise.all([loop(), loop()]);
  const elapsed = (performance.now() - started) / 1000;
  return {
    rps: inserted / elapsed,
    databaseCpuPerRecord: ((cpuSecondsOf(databasePid) - databaseCpu) * 1e6) / inserted,
  };
}

const service = await startServiceWithDatabase({});
try {
  const client = await MongoClient.connect(service.mongoUri);
  const db = client.db();
  const records = await storedPilotRecords(service, db);
  const databasePid = databasePidOf(service.pid);
  const names = Object.keys(candidates);
  const results = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++)
    // Rotated order each round, so no candidate always runs first or last.
    for (const name of names.map((_, i) => names[(i + round) % names.length]))
      results[name].push(await rate(db, candidates[name], records, databasePid));
  await client.close();
  console.log(
    `\n${records.length} records of the invoice pilot's tests, ${stored} already stored, batches of ${batch}, 2 inserts at once, ${seconds} s per measure, ${rounds} rounds alternated, Node ${process.version}\n`,
  );
  console.log('| ids and indexes | records/s per round | FerretDB CPU µs/record per round |');
  console.log('|---|---|---|');
  for (const [name, rs] of Object.entries(results))
    console.log(
      `| ${name} | ${rs.map((r) => Math.round(r.rps)).join(' / ')} | ${rs.map((r) => Math.round(r.databaseCpuPerRecord)).join(' / ')} |`,
    );
} finally {
  await service.stop();
}
