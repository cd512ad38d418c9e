import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { freshDatabaseName, startAnotherInstance, startTestApp, uriForDatabase } from './support/test-app.js';

describe('the first load of the pilots', () => {
  it('is finished at the next start when a killed process cut it short', async () => {
    const first = await startTestApp('seed-interrupted');
    // What a start killed during its first load leaves: some pilots stored, the "started" mark, not the "done" one.
    await first.db.collection('seed_marks').deleteOne({ _id: 'pilots' } as never);
    await first.db
      .collection('seed_marks')
      .updateOne({ _id: 'pilots-started' } as never, { $set: { at: new Date() } }, { upsert: true });
    await first.db.collection('rulesets').deleteOne({ _id: 'invoices' } as never);
    await first.db.collection('prompts').deleteMany({});
    await first.close();

    const next = await startAnotherInstance(first);
    try {
      const admin = await next.login('admin');
      const read = (path: string) => next.http.get(path).set('authorization', `Bearer ${admin}`);
      expect((await read('/api/v1/rulesets/invoices')).status).toBe(200);
      expect(((await read('/api/v1/prompts')).body as unknown[]).length).toBeGreaterThan(0);
      expect(await next.db.collection('seed_marks').countDocuments({ _id: 'pilots' } as never)).toBe(1);
    } finally {
      await next.close();
    }
  });
});

/** `node dist/seed.js` on the database at `mongodbUri`, as an operator runs it. */
const runSeed = (mongodbUri: string) =>
  spawnSync(process.execPath, ['dist/seed.js'], {
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      MONGODB_URI: mongodbUri,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'gabarit-seed-')),
    },
    encoding: 'utf8',
  });

describe('npm run seed', () => {
  it('loads the pilots into an empty database and logs JSON lines, as the service does', async () => {
    const mongodbUri = uriForDatabase(process.env['GABARIT_TEST_MONGODB_URI']!, freshDatabaseName('seed-cli'));
    const seeded = runSeed(mongodbUri);
    expect([seeded.status, seeded.stderr]).toEqual([0, '']);
    const lines = seeded.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    // One log pipeline reads the service and its tools: every line is a JSON object naming the service.
    expect(lines.filter((line) => !/^\{"level":\d+,.*"service":"gabarit"/.test(line))).toEqual([]);
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^connected to /)]),
    );
    const client = await MongoClient.connect(mongodbUri);
    try {
      const keys = await client.db().collection('rulesets').distinct('_id');
      expect(keys).toEqual(expect.arrayContaining(['enrolment', 'invoices']));
    } finally {
      await client.close();
    }
  });
});

describe('npm run seed on a database in use', () => {
  it('loads the pilot files only: decision records and accounts stay as they were', async () => {
    const mongodbUri = uriForDatabase(process.env['GABARIT_TEST_MONGODB_URI']!, freshDatabaseName('seed-in-use'));
    const client = await MongoClient.connect(mongodbUri);
    try {
      // A first admin made with `user:create`, and a day of decisions the service keeps (its retention is longer
      // than the 90 days the tool would read from its own environment).
      await client
        .db()
        .collection('users')
        .insertOne({ _id: 'chef', roles: ['admin'] } as never);
      await client
        .db()
        .collection('decisions_20200115')
        .insertOne({ _id: 'kept-by-the-service' } as never);

      const seeded = runSeed(mongodbUri);
      expect([seeded.status, seeded.stderr]).toEqual([0, '']);
      const messages = seeded.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { msg: string }).msg);
      // Each folder loaded once: started as the whole service, the tool seeded at start and then again.
      expect(messages.filter((m) => m.startsWith('rule set files:'))).toHaveLength(1);
      const collections = (await client.db().listCollections().toArray()).map((c) => c.name);
      expect(collections).toContain('decisions_20200115');
      expect(await client.db().collection('users').distinct('_id')).toEqual(['chef']);
    } finally {
      await client.close();
    }
  });
});
